//! 二 衔接推进区建设内容: "集中连片推进" — projects are built in the area's villages, or for public services in
//! the area's townships (二.2: "提升村内及衔接推进区所在乡镇的……公共服务水平").

use super::{Context, Report, Rule, Step, project_label};
use crate::finding::Severity;

/// A project's village is one of the area's villages; a township-level project's township is one of theirs.
pub const RULE: Rule = Rule {
    id: "project_site",
    clause: "二",
    severity: Severity::Blocking,
    step: Step::Projects,
    summary: |_| "项目实施地点须为推进区内的村，或推进区所在乡镇".into(),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    let villages = &context.application.villages;
    for (index, project) in context.application.projects.iter().enumerate() {
        let village_id = project.village_id.trim();
        let township = project.township.trim();
        let message = if !village_id.is_empty() {
            if villages.iter().any(|v| v.id == village_id) {
                continue;
            }
            format!(
                "{}所选的村已不在覆盖村庄名单中（可能已删除）。请重新选择实施地点。",
                project_label(index, &project.name)
            )
        } else if !township.is_empty() && !villages.iter().any(|v| v.township.trim() == township) {
            format!(
                "{}的实施乡镇「{township}」不是推进区覆盖村庄所在的乡镇。请选择推进区内的村或所在乡镇。",
                project_label(index, &project.name)
            )
        } else {
            continue;
        };
        let finding = report.problem(&RULE, message, vec![format!("projects[{index}].village_id")]);
        super::about(finding, &project.id);
    }
}
