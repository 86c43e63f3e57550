//! 四.3 严格审核把关: "按2年期限编制实施规划，明确实施项目……实施期限等内容"
//!
//! A project outside the plan's period is not part of the plan as written: a warning needing a justification.

use super::{Context, Report, Rule, Step, project_label};
use crate::finding::Severity;

/// Each project's period lies within the plan's period.
pub const RULE: Rule = Rule {
    id: "project_period_within_plan",
    clause: "四.3",
    severity: Severity::Warning,
    step: Step::Projects,
    summary: |_| "项目实施期限应在实施规划期限之内，超出须说明理由".into(),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    let plan = &context.application.plan;
    let (Some(plan_start), Some(plan_end)) = (plan.start, plan.end) else { return };
    for (index, project) in context.application.projects.iter().enumerate() {
        let (Some(start), Some(end)) = (project.start, project.end) else { continue };
        if start < plan_start || end > plan_end {
            let finding = report.problem(
                &RULE,
                format!("{}的实施期限 {start} 至 {end} 超出实施规划期限 {plan_start} 至 {plan_end}。请调整项目期限，或说明理由。", project_label(index, &project.name)),
                vec![format!("projects[{index}].start"), format!("projects[{index}].end")],
            );
            super::about(finding, &project.id);
        }
    }
}
