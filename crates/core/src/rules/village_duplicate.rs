//! 三 衔接推进区确定条件: "衔接推进区覆盖行政村原则上不低于10个" — each village counts once.

use super::{Context, Report, Rule, Step, village_label};
use crate::finding::Severity;
use crate::village_identity::repeats;

/// No village is listed twice (same code, or same name in the same township).
pub const RULE: Rule = Rule {
    id: "village_duplicate",
    clause: "三",
    severity: Severity::Blocking,
    step: Step::Villages,
    summary: |_| "同一行政村不得重复列入（区划代码相同，或同一乡镇内村名相同）".into(),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    let villages = &context.application.villages;
    for ((index, village), earlier) in villages.iter().enumerate().zip(repeats(villages)) {
        let Some(first) = earlier else { continue };
        let finding = report.problem(
            &RULE,
            format!(
                "{}与第{}个村重复。同一行政村只能列入一次，请删除重复的一行。",
                village_label(index, &village.name),
                first + 1
            ),
            vec![format!("villages[{index}].name")],
        );
        super::about(finding, &village.id);
    }
}
