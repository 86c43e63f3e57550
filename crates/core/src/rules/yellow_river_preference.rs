//! 一.3 目标任务: "不涉及重点县的12个市各选择一个县（市、区）推荐1个衔接推进区，优先安排符合条件的沿黄县（市、区）"
//!
//! A preference, never a bar: the finding is information for the city's choice.

use super::{Context, Report, Rule, Step};
use crate::finding::Severity;

/// Notes that a Yellow River county is preferred among non-key counties.
pub const RULE: Rule = Rule {
    id: "yellow_river_preference",
    clause: "一.3",
    severity: Severity::Info,
    step: Step::Applicant,
    summary: |_| "不涉及重点县的市优先安排符合条件的沿黄县（市、区）".into(),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    let applicant = &context.application.applicant;
    if applicant.key_county == Some(false) && applicant.along_yellow_river == Some(true) {
        report.problem(
            &RULE,
            "本县为沿黄县（市、区），按通知在不涉及重点县的市中优先安排。".into(),
            vec!["applicant.along_yellow_river".into()],
        );
    }
}
