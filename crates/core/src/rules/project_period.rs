//! 四.3 严格审核把关: "明确实施项目、责任部门、资金来源、实施期限等内容"

use super::{Context, Report, Rule, Step, project_label};
use crate::catalogue::{Field, ProjectField};
use crate::finding::{FindingKind, Severity};

/// Every project has an implementation period: start and end month, in order.
pub const RULE: Rule = Rule {
    id: "project_period",
    clause: "四.3",
    severity: Severity::Blocking,
    step: Step::Projects,
    summary: |_| "每个项目须明确实施期限（起止年月），结束不早于开始".into(),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    for (index, project) in context.application.projects.iter().enumerate() {
        let label = project_label(index, &project.name);
        let (message, kind) = match (project.start, project.end) {
            (Some(start), Some(end)) if end < start => {
                (format!("{label}的结束年月 {end} 早于开始年月 {start}，请改正实施期限。"), FindingKind::Problem)
            }
            (Some(_), Some(_)) => continue,
            _ => {
                let example = |field| Field::Project(field).example(context.params).unwrap_or_default();
                let (start, end) = (example(ProjectField::Start), example(ProjectField::End));
                (format!("{label}尚未明确实施期限，请填写起止年月（如 {start} 至 {end}）。"), FindingKind::Missing)
            }
        };
        let fields = vec![format!("projects[{index}].start"), format!("projects[{index}].end")];
        let finding = match kind {
            FindingKind::Missing => report.missing(&RULE, message, fields),
            FindingKind::Problem => report.problem(&RULE, message, fields),
        };
        super::about(finding, &project.id);
    }
}
