//! 二.1 产业发展: "产业发展项目均应建立与农户特别是脱贫人口和监测帮扶对象直接的利益联结关系。"

use super::{Context, Report, Rule, Step, filled, project_label};
use crate::finding::Severity;
use crate::model::ContentArea;

/// Every industry development project states its benefit-linkage mechanism.
pub const RULE: Rule = Rule {
    id: "industry_benefit_linkage",
    clause: "二.1",
    severity: Severity::Blocking,
    step: Step::Projects,
    summary: |_| "产业发展项目均应建立与农户特别是脱贫人口和监测帮扶对象直接的利益联结关系".into(),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    for (index, project) in context.application.projects.iter().enumerate() {
        if project.content_area == Some(ContentArea::Industry) && !filled(&project.benefit_linkage) {
            let finding = report.problem(
                &RULE,
                format!("{}是产业发展项目，尚未写明与农户特别是脱贫人口和监测帮扶对象的利益联结机制。请说明带动方式，如务工、订单收购、土地流转、入股分红等。", project_label(index, &project.name)),
                vec![format!("projects[{index}].benefit_linkage")],
            );
            super::about(finding, &project.id);
        }
    }
}
