//! 四.3 严格审核把关: "市级要严把审核关，择优确定衔接推进区名单，于12月10日前报省乡村振兴局、省财政厅。"
//!
//! A county meeting after the city's deadline leaves the city no time: a warning needing a justification.

use chrono::Datelike;

use super::{Context, Report, Rule, Step};
use crate::finding::Severity;

/// The executive meeting is held on or before the city's submission deadline.
pub const RULE: Rule = Rule {
    id: "executive_meeting_deadline",
    clause: "四.3",
    severity: Severity::Warning,
    step: Step::Governance,
    summary: |params| {
        let deadline = params.city_submission_deadline.value;
        format!(
            "县政府常务会议应在市级报省截止日期（{}月{}日）之前，晚于截止日期须说明理由",
            deadline.month(),
            deadline.day()
        )
    },
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    let Some(date) = context.application.governance.executive_meeting_date else { return };
    let deadline = context.params.city_submission_deadline.value;
    if date > deadline {
        report.problem(
            &RULE,
            format!(
                "县政府常务会议日期 {date} 晚于市级报省截止日期 {deadline}。请核对日期，或说明理由（如经同意延期）。"
            ),
            vec!["governance.executive_meeting_date".into()],
        );
    }
}
