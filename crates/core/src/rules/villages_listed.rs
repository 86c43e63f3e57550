//! 三 衔接推进区确定条件: "衔接推进区覆盖行政村原则上不低于10个。"
//!
//! Before the count can be judged, the area must list its villages.

use super::{Context, Report, Rule, Step};
use crate::finding::Severity;

/// The area lists at least one village.
pub const RULE: Rule = Rule {
    id: "villages_listed",
    clause: "三",
    severity: Severity::Blocking,
    step: Step::Villages,
    summary: |_| "列出推进区覆盖的行政村".into(),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    if context.application.villages.is_empty() {
        report.missing(
            &RULE,
            format!(
                "尚未添加覆盖村庄。请在「覆盖村庄」中逐个添加行政村（原则上不少于{}个）。",
                context.params.min_villages.value
            ),
            vec!["villages".into()],
        );
    }
}
