//! 一.3 目标任务: "每个省乡村振兴重点帮扶县（以下简称重点县）推荐1个衔接推进区，衔接资金投入规模5000万元，从省级以上衔接资金中专门安排"
//!
//! Product reading: a key county's provincial-and-above linkage funds are exactly the fixed scale; local linkage
//! funds on top are allowed and count in the total.

use super::{Context, Report, Rule, Step};
use crate::finding::Severity;

/// A key county's provincial-and-above linkage funds equal `key_county_linkage_funds`.
pub const RULE: Rule = Rule {
    id: "provincial_linkage_key_county",
    clause: "一.3",
    severity: Severity::Blocking,
    step: Step::Funds,
    summary: |params| {
        format!(
            "重点县的省级以上衔接资金为{}万元（市县可另行安排，计入衔接资金总量）",
            params.key_county_linkage_funds.value
        )
    },
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    if context.application.applicant.key_county != Some(true) {
        return;
    }
    let Some(declared) = context.application.funds.provincial_linkage_funds else { return };
    let scale = context.params.key_county_linkage_funds.value;
    if declared != scale {
        report.problem(
            &RULE,
            format!("本县为重点县，省级以上衔接资金应为 {scale} 万元（从省级以上衔接资金中专门安排），现填写 {declared} 万元，相差 {} 万元。请改为 {scale} 万元；市县另行安排的衔接资金请填在市级、县级衔接资金中。", (declared - scale).decimal().abs().normalize()),
            vec!["funds.provincial_linkage_funds".into()],
        );
    }
}
