//! 三 衔接推进区确定条件: "衔接推进区覆盖行政村……" — a village is identified by its 12-digit statistical division
//! code (统计用区划代码) when the applicant gives one. Full-width digits (３７０１…), as Chinese input methods type
//! them, count as digits: amounts and dates accept them too.

use super::{Context, Report, Rule, Step, village_code, village_label};
use crate::finding::Severity;

/// A village code, when given, has 12 digits.
pub const RULE: Rule = Rule {
    id: "village_code_format",
    clause: "三",
    severity: Severity::Blocking,
    step: Step::Villages,
    summary: |_| "村级区划代码（选填）须为12位数字".into(),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    for (index, village) in context.application.villages.iter().enumerate() {
        let code = village_code(&village.code);
        let well_formed = code.len() == 12 && code.chars().all(|c| c.is_ascii_digit());
        if !code.is_empty() && !well_formed {
            let finding = report.problem(
                &RULE,
                format!(
                    "{}的区划代码「{}」不是12位数字。请按统计用区划代码填写12位数字，不清楚可留空。",
                    village_label(index, &village.name),
                    village.code.trim()
                ),
                vec![format!("villages[{index}].code")],
            );
            super::about(finding, &village.id);
        }
    }
}
