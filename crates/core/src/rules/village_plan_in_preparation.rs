//! 三.2 有合理的规划布局: "应当编制多规合一的村庄规划"
//!
//! Product decision: a plan still in preparation is a warning the applicant answers with a justification.

use super::{Context, Report, Rule, Step, village_label};
use crate::finding::Severity;
use crate::model::PlanStatus;

/// A village whose plan is still in preparation needs a justification.
pub const RULE: Rule = Rule {
    id: "village_plan_in_preparation",
    clause: "三.2",
    severity: Severity::Warning,
    step: Step::Villages,
    summary: |_| "村庄规划尚在编制中的，须说明进度和理由".into(),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    for (index, village) in context.application.villages.iter().enumerate() {
        if village.plan.status == Some(PlanStatus::InPreparation) {
            let expected = village.plan.expected_on.map(|d| format!("（预计 {d} 批复）")).unwrap_or_default();
            let finding = report.problem(
                &RULE,
                format!(
                    "{}的多规合一村庄规划尚在编制中{expected}。请说明编制进度和批复安排。",
                    village_label(index, &village.name)
                ),
                vec![format!("villages[{index}].plan.status")],
            );
            super::about(finding, &village.id);
        }
    }
}
