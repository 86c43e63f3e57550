//! 三.4 有过硬的保障措施: "各级财政资金要按照各自管理办法规范使用。"

use super::{Context, Report, Rule, Step};
use crate::finding::Severity;

/// The county commits to use each fund under its own rules.
pub const RULE: Rule = Rule {
    id: "attestation_funds_rules",
    clause: "三.4",
    severity: Severity::Blocking,
    step: Step::Attestations,
    summary: |_| "承诺各级财政资金按照各自管理办法规范使用".into(),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    if !context.application.attestations.funds_under_own_rules {
        report.missing(
            &RULE,
            "尚未确认承诺：各级财政资金按照各自管理办法规范使用。".into(),
            vec!["attestations.funds_under_own_rules".into()],
        );
    }
}
