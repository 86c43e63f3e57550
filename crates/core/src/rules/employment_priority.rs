//! 二.5 就业带动: "……拓展开发……公益性岗位，优先安排脱贫享受政策人口和监测帮扶对象就业增收"
//!
//! An employment project that benefits no lifted or monitored person needs a justification.

use super::{Context, Report, Rule, Step, project_label};
use crate::finding::Severity;
use crate::model::ContentArea;

/// Employment projects benefit people lifted out of poverty or monitored-for-assistance people first.
pub const RULE: Rule = Rule {
    id: "employment_priority",
    clause: "二.5",
    severity: Severity::Warning,
    step: Step::Projects,
    summary: |_| "就业带动项目应优先安排脱贫人口和监测帮扶对象，受益人中没有的须说明理由".into(),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    for (index, project) in context.application.projects.iter().enumerate() {
        if project.content_area != Some(ContentArea::Employment) || project.beneficiaries.is_none() {
            continue;
        }
        // Compared, not added: two counts near u32::MAX must neither overflow nor wrap round to zero.
        let no_priority_people =
            project.beneficiaries_lifted.unwrap_or(0) == 0 && project.beneficiaries_monitored.unwrap_or(0) == 0;
        if no_priority_people {
            let finding = report.problem(
                &RULE,
                format!("{}是就业带动项目，受益人中没有脱贫人口或监测帮扶对象。通知要求优先安排他们就业增收，请核对受益人数，或说明理由。", project_label(index, &project.name)),
                vec![format!("projects[{index}].beneficiaries_lifted"), format!("projects[{index}].beneficiaries_monitored")],
            );
            super::about(finding, &project.id);
        }
    }
}
