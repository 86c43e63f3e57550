//! 二.1 产业发展: "原则上不再实施单纯追求收益分红的购买类项目。"
//!
//! 原则上: such a project is a warning needing a justification, never a block.

use super::{Context, Report, Rule, Step, project_label};
use crate::finding::Severity;

/// No dividend-only purchase projects, in principle.
pub const RULE: Rule = Rule {
    id: "dividend_only_purchase",
    clause: "二.1",
    severity: Severity::Warning,
    step: Step::Projects,
    summary: |_| "原则上不再实施单纯追求收益分红的购买类项目，确需实施须说明理由".into(),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    for (index, project) in context.application.projects.iter().enumerate() {
        if project.dividend_only_purchase {
            let finding = report.problem(
                &RULE,
                format!(
                    "{}是单纯追求收益分红的购买类项目，通知原则上不再实施。请改为直接带动农户的项目，或说明理由。",
                    project_label(index, &project.name)
                ),
                vec![format!("projects[{index}].dividend_only_purchase")],
            );
            super::about(finding, &project.id);
        }
    }
}
