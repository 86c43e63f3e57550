//! 一.3 目标任务: "衔接资金投入规模5000万元，从省级以上衔接资金中专门安排……省级以上衔接资金……给予一次性定额补助"

use super::{Context, Report, Rule, Step};
use crate::finding::Severity;

/// The provincial-and-above linkage funds are stated.
pub const RULE: Rule = Rule {
    id: "provincial_linkage_declared",
    clause: "一.3",
    severity: Severity::Blocking,
    step: Step::Funds,
    summary: |_| "填写省级以上衔接资金金额".into(),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    if context.application.funds.provincial_linkage_funds.is_none() {
        let hint = context
            .figures
            .provincial_subsidy
            .map(|amount| format!("按本县情况应为 {amount} 万元。"))
            .unwrap_or_default();
        report.missing(
            &RULE,
            format!("尚未填写省级以上衔接资金（万元）。{hint}"),
            vec!["funds.provincial_linkage_funds".into()],
        );
    }
}
