//! 一.3 目标任务: "每个省乡村振兴重点帮扶县……推荐1个衔接推进区……不涉及重点县的12个市各选择一个县（市、区）推荐1个衔接推进区"
//!
//! Product reading: in a city that has key counties, only key counties apply; any county may apply from the
//! twelve other cities. A key county's city has a key county (itself): answering otherwise is a contradiction.

use super::{Context, Report, Rule, Step};
use crate::finding::Severity;

/// A non-key county may apply only from a city without key counties.
pub const RULE: Rule = Rule {
    id: "key_county_city",
    clause: "一.3",
    severity: Severity::Blocking,
    step: Step::Applicant,
    summary: |_| "有重点县的市，只能由重点县推荐衔接推进区".into(),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    let applicant = &context.application.applicant;
    if applicant.key_county == Some(false) && applicant.city_has_key_county == Some(true) {
        let city = if applicant.city_name.is_empty() { "所在市".to_owned() } else { applicant.city_name.clone() };
        report.problem(
            &RULE,
            format!("{city}有省乡村振兴重点帮扶县，按通知只能由重点县推荐衔接推进区，非重点县不能申报。请核对本县是否为重点县、所在市是否有重点县。"),
            vec!["applicant.key_county".into(), "applicant.city_has_key_county".into()],
        );
    }
    if applicant.key_county == Some(true) && applicant.city_has_key_county == Some(false) {
        report.problem(
            &RULE,
            "本县填写为重点帮扶县，所在市却填写为没有重点帮扶县，两者矛盾。请核对：本县是重点县的，所在市应填写为“有”。".into(),
            vec!["applicant.key_county".into(), "applicant.city_has_key_county".into()],
        );
    }
}
