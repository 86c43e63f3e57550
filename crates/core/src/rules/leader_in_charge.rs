//! 三.3 有强烈的实施意愿: "建立由分管领导挂帅，乡村振兴局、财政局牵头的常态化工作协调机制"

use super::{Context, Report, Rule, Step, filled};
use crate::finding::Severity;

/// The leader in charge is named.
pub const RULE: Rule = Rule {
    id: "leader_in_charge",
    clause: "三.3",
    severity: Severity::Blocking,
    step: Step::Governance,
    summary: |_| "写明挂帅的分管领导".into(),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    if !filled(&context.application.governance.leader_in_charge) {
        report.missing(
            &RULE,
            "尚未填写挂帅的分管领导。请填写姓名和职务，如“张某某 副县长”。".into(),
            vec!["governance.leader_in_charge".into()],
        );
    }
}
