//! 四.3 严格审核把关: "经县政府常务会议研究同意后，以县政府名义上报市乡村振兴局、市财政局。"

use super::{Context, Report, Rule, Step, filled};
use crate::finding::Severity;

/// The county government executive meeting approved the plan: its date and minutes are given.
pub const RULE: Rule = Rule {
    id: "executive_meeting",
    clause: "四.3",
    severity: Severity::Blocking,
    step: Step::Governance,
    summary: |_| "实施规划须经县政府常务会议研究同意，填写会议日期和纪要文号".into(),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    let governance = &context.application.governance;
    if governance.executive_meeting_date.is_none() {
        report.missing(
            &RULE,
            "尚未填写研究同意实施规划的县政府常务会议日期。实施规划须经县政府常务会议研究同意后方可上报。".into(),
            vec!["governance.executive_meeting_date".into()],
        );
    }
    if !filled(&governance.executive_meeting_minutes) {
        report.missing(
            &RULE,
            "尚未填写县政府常务会议纪要文号。".into(),
            vec!["governance.executive_meeting_minutes".into()],
        );
    }
}
