//! 三 衔接推进区确定条件: "衔接推进区覆盖行政村原则上不低于10个。"
//!
//! 原则上 ("in principle"): fewer villages is a warning that the applicant answers with a justification.

use super::{Context, Report, Rule, Step};
use crate::finding::Severity;

/// At least `min_villages` administrative villages, in principle.
pub const RULE: Rule = Rule {
    id: "village_count_minimum",
    clause: "三",
    severity: Severity::Warning,
    step: Step::Villages,
    summary: |params| format!("覆盖行政村原则上不低于{}个，不足须说明理由", params.min_villages.value),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    let count = context.figures.village_count;
    let minimum = context.params.min_villages.value;
    if count > 0 && count < minimum {
        report.problem(
            &RULE,
            format!("推进区覆盖行政村 {count} 个，少于原则上的 {minimum} 个。请增加覆盖村庄，或说明理由。"),
            vec!["villages".into()],
        );
    }
}
