//! 一.3 目标任务: "不涉及重点县的12个市各选择一个县（市、区）推荐1个衔接推进区……衔接资金投入规模不低于4000万元……其余资金由市县两级安排。"

use super::{Context, Report, Rule, Step};
use crate::finding::Severity;

/// A non-key county's linkage funds total at least `non_key_min_linkage_total`.
pub const RULE: Rule = Rule {
    id: "linkage_total_minimum",
    clause: "一.3",
    severity: Severity::Blocking,
    step: Step::Funds,
    summary: |params| {
        format!(
            "非重点县衔接资金投入规模（省级以上与市县两级合计）不低于{}万元",
            params.non_key_min_linkage_total.value
        )
    },
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    if context.application.applicant.key_county != Some(false)
        || context.application.funds.provincial_linkage_funds.is_none()
    {
        return;
    }
    let total = context.figures.linkage_total;
    let minimum = context.params.non_key_min_linkage_total.value;
    if total < minimum {
        report.problem(
            &RULE,
            format!("衔接资金总量 {total} 万元（省级以上 {} 万元 + 市县两级 {} 万元），低于通知要求的 {minimum} 万元，还差 {} 万元。请增加市级或县级衔接资金。", context.figures.provincial_linkage_funds, context.figures.city_county_linkage_funds, minimum - total),
            vec!["funds.city_linkage_funds".into(), "funds.county_linkage_funds".into()],
        );
    }
}
