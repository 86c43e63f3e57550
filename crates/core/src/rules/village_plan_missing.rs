//! 三.2 有合理的规划布局: "应当编制多规合一的村庄规划，发展功能定位准确，发展规划可持续。"
//!
//! A village without an integrated village plan, and none in preparation, blocks.

use super::{Context, Report, Rule, Step, village_label};
use crate::finding::Severity;
use crate::model::PlanStatus;

/// Every village has an integrated village plan, approved or in preparation.
pub const RULE: Rule = Rule {
    id: "village_plan_missing",
    clause: "三.2",
    severity: Severity::Blocking,
    step: Step::Villages,
    summary: |_| "每个村应当编制多规合一的村庄规划，未编制的不能纳入".into(),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    for (index, village) in context.application.villages.iter().enumerate() {
        if village.plan.status == Some(PlanStatus::None) {
            let finding = report.problem(
                &RULE,
                format!("{}未编制多规合一的村庄规划。按通知应当编制，请先启动编制（改为“编制中”并填写预计批复时间），或将该村移出推进区。", village_label(index, &village.name)),
                vec![format!("villages[{index}].plan.status")],
            );
            super::about(finding, &village.id);
        }
    }
}
