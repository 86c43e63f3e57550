//! 三 衔接推进区确定条件: the area lies in the applicant county. A 12-digit village code begins with the 6-digit
//! code of its county, except under functional zones (37xx7x, e.g. development areas), hence a warning.

use super::{Context, Report, Rule, Step, village_code, village_label};
use crate::finding::Severity;

/// A village's code belongs to the applicant county.
pub const RULE: Rule = Rule {
    id: "village_code_county",
    clause: "三",
    severity: Severity::Warning,
    step: Step::Villages,
    summary: |_| "村级区划代码前6位应与申报县代码一致，不一致须说明理由".into(),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    let county = context.application.applicant.county_code.trim();
    if county.len() != 6 {
        return;
    }
    for (index, village) in context.application.villages.iter().enumerate() {
        let code = village_code(&village.code);
        if code.len() == 12 && code.chars().all(|c| c.is_ascii_digit()) && !code.starts_with(county) {
            let finding = report.problem(
                &RULE,
                format!("{}的区划代码 {code} 前6位不是申报县代码 {county}，该村可能不在本县。请核对代码；如属功能区管辖，请说明理由。", village_label(index, &village.name)),
                vec![format!("villages[{index}].code")],
            );
            super::about(finding, &village.id);
        }
    }
}
