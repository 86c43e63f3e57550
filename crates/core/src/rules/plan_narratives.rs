//! 二 衔接推进区建设内容: "重点围绕产业发展、乡村建设、乡村治理、人才培养、就业带动、巩固成果六大内容……统筹谋划设计"
//!
//! The implementation plan describes each content area the projects address, and states the area's targets.

use super::{Context, Report, Rule, Step, filled};
use crate::finding::Severity;

/// Each content area with projects has a narrative; the plan states its targets.
pub const RULE: Rule = Rule {
    id: "plan_narratives",
    clause: "二",
    severity: Severity::Blocking,
    step: Step::Projects,
    summary: |_| "实施规划写明建设目标，并对已安排项目的每项建设内容作出概述".into(),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    let plan = &context.application.plan;
    if !filled(&plan.targets) {
        report.missing(&RULE, "尚未填写实施规划的建设目标。".into(), vec!["plan.targets".into()]);
    }
    for area in &context.figures.content_areas_covered {
        if !plan.narratives.get(area).is_some_and(|text| filled(text)) {
            report.missing(
                &RULE,
                format!("已安排「{}」项目，但尚未填写该项建设内容概述（{}）。", area.label(), area.clause()),
                vec![format!("plan.narratives.{}", area.key())],
            );
        }
    }
}
