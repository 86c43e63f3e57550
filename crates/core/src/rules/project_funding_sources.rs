//! 四.3 严格审核把关: "明确实施项目、责任部门、资金来源、实施期限等内容"

use super::{Context, Report, Rule, Step, project_label};
use crate::finding::Severity;

/// Every project has at least one funding source with a positive amount.
pub const RULE: Rule = Rule {
    id: "project_funding_sources",
    clause: "四.3",
    severity: Severity::Blocking,
    step: Step::Projects,
    summary: |_| "每个项目须明确资金来源及金额".into(),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    for (index, project) in context.application.projects.iter().enumerate() {
        if project.total().is_zero() {
            let finding = report.missing(
                &RULE,
                format!(
                    "{}尚未明确资金来源。请在项目的资金来源中按来源填写金额（万元）。",
                    project_label(index, &project.name)
                ),
                vec![format!("projects[{index}].funding")],
            );
            super::about(finding, &project.id);
        }
    }
}
