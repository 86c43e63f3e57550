//! 三.2 有合理的规划布局: "应当编制多规合一的村庄规划" — the plan's approval date, or the expected one, is stated.

use super::{Context, Report, Rule, Step, village_label};
use crate::finding::Severity;
use crate::model::PlanStatus;

/// An approved plan has its approval date; a plan in preparation its expected approval date.
pub const RULE: Rule = Rule {
    id: "village_plan_date",
    clause: "三.2",
    severity: Severity::Blocking,
    step: Step::Villages,
    summary: |_| "已批复的村庄规划填写批复日期，编制中的填写预计批复日期".into(),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    for (index, village) in context.application.villages.iter().enumerate() {
        let (missing, what, field) = match village.plan.status {
            Some(PlanStatus::Approved) => (village.plan.approved_on.is_none(), "批复日期", "plan.approved_on"),
            Some(PlanStatus::InPreparation) => (village.plan.expected_on.is_none(), "预计批复日期", "plan.expected_on"),
            _ => (false, "", ""),
        };
        if missing {
            let finding = report.missing(
                &RULE,
                format!(
                    "{}的村庄规划尚未填写{what}，请按 2022-11-25 的格式填写。",
                    village_label(index, &village.name)
                ),
                vec![format!("villages[{index}].{field}")],
            );
            super::about(finding, &village.id);
        }
    }
}
