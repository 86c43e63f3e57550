//! 四.3 严格审核把关: "原则上衔接推进区建设按2年期限编制实施规划……经县政府常务会议研究同意后，以县政府名义上报"
//!
//! The executive meeting approves the implementation plan drawn up under this notice, so it cannot be earlier than
//! the day the notice was issued (`issued_on` of the parameter set, 2022-11-14). A date before it is almost always a
//! typing error (a wrong year or month), or a meeting about something else, such as the first batch.
//!
//! A warning that needs a justification, not a block: the date is a fact the county reports and the tool cannot
//! check, and a province often announces such work before the notice is formally issued (a video conference, a
//! draft sent round), so a county may have studied its plan days earlier. Blocking would leave such a county no way
//! to submit its true date; a warning makes it check the date, and a true early date reaches the city with the
//! county's explanation, which the reviewer judges. The day of issue itself is allowed.

use super::{Context, Report, Rule, Step};
use crate::finding::Severity;

/// The executive meeting is not dated before the notice was issued.
pub const RULE: Rule = Rule {
    id: "executive_meeting_after_notice",
    clause: "四.3",
    severity: Severity::Warning,
    step: Step::Governance,
    summary: |_| "县政府常务会议日期不应早于通知印发日期，早于印发日期须核对或说明理由".into(),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    let Some(date) = context.application.governance.executive_meeting_date else { return };
    let issued_on = context.params.issued_on;
    if date < issued_on {
        report.problem(
            &RULE,
            format!(
                "县政府常务会议日期 {date} 早于通知（{}）印发日期 {issued_on}：当时还没有本通知，会议不可能已研究同意按本通知编制的实施规划。请核对日期是否写错（年份、月份）；如确有依据，请说明理由。",
                context.params.notice
            ),
            vec!["governance.executive_meeting_date".into()],
        );
    }
}
