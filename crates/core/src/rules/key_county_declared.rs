//! 一.3 目标任务: "每个省乡村振兴重点帮扶县（以下简称重点县）推荐1个衔接推进区……不涉及重点县的12个市各选择一个县"
//!
//! Whether the county is a key county, and whether its city has any, decide who may apply and how the area is
//! funded. The province's list of key counties is not public reference data here, so the applicant declares both.

use super::{Context, Report, Rule, Step};
use crate::finding::Severity;

/// The applicant states whether it is a key county and whether its city has key counties.
pub const RULE: Rule = Rule {
    id: "key_county_declared",
    clause: "一.3",
    severity: Severity::Blocking,
    step: Step::Applicant,
    summary: |_| "声明本县是否为省乡村振兴重点帮扶县、所在市是否有重点县".into(),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    let applicant = &context.application.applicant;
    if applicant.key_county.is_none() {
        report.missing(
            &RULE,
            "尚未回答本县是否为省乡村振兴重点帮扶县（重点县）。请在「申报县基本情况」中选择“是”或“否”。".into(),
            vec!["applicant.key_county".into()],
        );
    }
    if applicant.city_has_key_county.is_none() && applicant.key_county != Some(true) {
        report.missing(
            &RULE,
            "尚未回答所在市是否有省乡村振兴重点帮扶县。请在「申报县基本情况」中选择“是”或“否”。".into(),
            vec!["applicant.city_has_key_county".into()],
        );
    }
}
