//! 二.1 产业发展: "产业发展项目均应建立与农户特别是脱贫人口和监测帮扶对象直接的利益联结关系" — the beneficiary
//! figures are consistent: lifted and monitored people are each part of all beneficiaries.

use super::{Context, Report, Rule, Step, project_label};
use crate::finding::Severity;

/// Lifted and monitored beneficiaries each do not exceed all beneficiaries.
pub const RULE: Rule = Rule {
    id: "project_beneficiaries",
    clause: "二.1",
    severity: Severity::Blocking,
    step: Step::Projects,
    summary: |_| "项目受益人数中的脱贫人口、监测帮扶对象均不得超过受益总人数".into(),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    for (index, project) in context.application.projects.iter().enumerate() {
        let Some(total) = project.beneficiaries else { continue };
        for (count, name, field) in [
            (project.beneficiaries_lifted, "脱贫人口", "beneficiaries_lifted"),
            (project.beneficiaries_monitored, "监测帮扶对象", "beneficiaries_monitored"),
        ] {
            if let Some(count) = count.filter(|count| *count > total) {
                let finding = report.problem(
                    &RULE,
                    format!(
                        "{}受益人数中的{name} {count} 人多于受益总人数 {total} 人。请核对。",
                        project_label(index, &project.name)
                    ),
                    vec![format!("projects[{index}].{field}"), format!("projects[{index}].beneficiaries")],
                );
                super::about(finding, &project.id);
            }
        }
    }
}
