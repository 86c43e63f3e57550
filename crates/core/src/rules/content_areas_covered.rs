//! 二 衔接推进区建设内容: "重点围绕产业发展、乡村建设、乡村治理、人才培养、就业带动、巩固成果六大内容，对标农业农村现代化，统筹谋划设计"
//!
//! A content area without any project needs a justification.

use super::{Context, Report, Rule, Step};
use crate::finding::Severity;
use crate::model::ContentArea;

/// The projects address all six content areas.
pub const RULE: Rule = Rule {
    id: "content_areas_covered",
    clause: "二",
    severity: Severity::Warning,
    step: Step::Projects,
    summary: |_| "项目清单应围绕六大建设内容统筹安排，缺少某项内容须说明理由".into(),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    if context.application.projects.is_empty() {
        return;
    }
    let covered = &context.figures.content_areas_covered;
    let missing: Vec<ContentArea> = ContentArea::ALL.into_iter().filter(|area| !covered.contains(area)).collect();
    if missing.is_empty() {
        return;
    }
    let names: Vec<&str> = missing.iter().map(|area| area.label()).collect();
    report.problem(
        &RULE,
        format!(
            "项目清单尚未涉及以下建设内容：{}。通知要求重点围绕六大内容统筹谋划，请补充项目，或说明理由。",
            super::list(&names)
        ),
        vec!["projects".into()],
    );
}
