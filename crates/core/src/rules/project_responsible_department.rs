//! 四.3 严格审核把关: "明确实施项目、责任部门、资金来源、实施期限等内容"

use super::{Context, Report, Rule, Step, filled, project_label};
use crate::finding::Severity;

/// Every project names its responsible department.
pub const RULE: Rule = Rule {
    id: "project_responsible_department",
    clause: "四.3",
    severity: Severity::Blocking,
    step: Step::Projects,
    summary: |_| "每个项目须明确责任部门".into(),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    for (index, project) in context.application.projects.iter().enumerate() {
        if !filled(&project.responsible_department) {
            let finding = report.missing(
                &RULE,
                format!(
                    "{}尚未明确责任部门。请填写负责该项目的县直部门，如“县农业农村局”。",
                    project_label(index, &project.name)
                ),
                vec![format!("projects[{index}].responsible_department")],
            );
            super::about(finding, &project.id);
        }
    }
}
