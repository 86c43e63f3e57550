//! 三.4 有过硬的保障措施: "县级应根据衔接推进区建设需求，统筹整合行业部门资金资源" — each integrated sector fund
//! line names its department, its fund and its amount.

use super::{Context, Report, Rule, Step, filled};
use crate::evaluation::Severity;

/// Every sector fund line is complete.
pub const RULE: Rule = Rule {
    id: "sector_fund_details",
    clause: "三.4",
    severity: Severity::Blocking,
    step: Step::Funds,
    summary: "整合的行业资金逐项填写主管部门、资金名称和金额",
    check,
};

fn check(context: &Context<'_>, report: &mut Report) {
    for (index, line) in context.application.funds.sector_funds.iter().enumerate() {
        let mut missing: Vec<(&str, &str)> = Vec::new();
        if !filled(&line.department) {
            missing.push(("主管部门", "department"));
        }
        if !filled(&line.fund_name) {
            missing.push(("资金名称", "fund_name"));
        }
        if line.amount.is_none() {
            missing.push(("金额", "amount"));
        }
        if missing.is_empty() {
            continue;
        }
        let names: Vec<&str> = missing.iter().map(|(name, _)| *name).collect();
        let finding = report.missing(
            &RULE,
            format!("第{}项行业资金尚未填写：{}。", index + 1, super::list(&names)),
            missing.iter().map(|(_, field)| format!("funds.sector_funds[{index}].{field}")).collect(),
        );
        super::about(finding, &line.id);
    }
}
