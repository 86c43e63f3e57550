//! 三.3 有强烈的实施意愿: "并成立工作专班，科学编制衔接推进区实施规划，组织骨干力量精心实施"

use super::{Context, Report, Rule, Step, filled};
use crate::finding::Severity;

/// A task force is set up and its composition given.
pub const RULE: Rule = Rule {
    id: "task_force",
    clause: "三.3",
    severity: Severity::Blocking,
    step: Step::Governance,
    summary: |_| "成立工作专班并写明组成".into(),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    let governance = &context.application.governance;
    match governance.task_force {
        None => {
            report.missing(&RULE, "尚未回答是否已成立工作专班。".into(), vec!["governance.task_force".into()]);
        }
        Some(false) => {
            report.problem(
                &RULE,
                "尚未成立工作专班。通知把成立工作专班列为确定条件，请成立后再申报。".into(),
                vec!["governance.task_force".into()],
            );
        }
        Some(true) if !filled(&governance.task_force_members) => {
            report.missing(
                &RULE,
                "尚未填写工作专班的组成（牵头单位和成员单位）。".into(),
                vec!["governance.task_force_members".into()],
            );
        }
        Some(true) => {}
    }
}
