//! 四.3 严格审核把关: "明确实施项目……等内容" — each project is described well enough to review: its name,
//! content area (二), content and scale, support mode, implementing body and beneficiaries.

use super::{Context, Report, Rule, Step, filled, project_label};
use crate::evaluation::Severity;
use crate::model::SupportMode;

/// Every project is fully described.
pub const RULE: Rule = Rule {
    id: "project_details",
    clause: "四.3",
    severity: Severity::Blocking,
    step: Step::Projects,
    summary: "每个项目填写名称、建设内容类别、建设内容及规模、支持方式、实施地点、实施主体和受益人数",
    check,
};

fn check(context: &Context<'_>, report: &mut Report) {
    for (index, project) in context.application.projects.iter().enumerate() {
        let mut missing: Vec<(&str, &str)> = Vec::new();
        if !filled(&project.name) {
            missing.push(("项目名称", "name"));
        }
        if project.content_area.is_none() {
            missing.push(("建设内容类别", "content_area"));
        }
        if !filled(&project.content_and_scale) {
            missing.push(("建设内容及规模", "content_and_scale"));
        }
        match project.support_mode {
            None => missing.push(("支持方式", "support_mode")),
            Some(SupportMode::Other) if !filled(&project.support_mode_other) => {
                missing.push(("其他支持方式的说明", "support_mode_other"))
            }
            Some(_) => {}
        }
        if project.village_id.trim().is_empty() && !filled(&project.township) {
            missing.push(("实施地点（村或乡镇）", "village_id"));
        }
        if !filled(&project.implementing_body) {
            missing.push(("实施主体", "implementing_body"));
        }
        if project.beneficiaries.is_none() {
            missing.push(("受益人数", "beneficiaries"));
        }
        if missing.is_empty() {
            continue;
        }
        let names: Vec<&str> = missing.iter().map(|(name, _)| *name).collect();
        let finding = report.missing(
            &RULE,
            format!("{}尚未填写：{}。", project_label(index, &project.name), super::list(&names)),
            missing.iter().map(|(_, field)| format!("projects[{index}].{field}")).collect(),
        );
        super::about(finding, &project.id);
    }
}
