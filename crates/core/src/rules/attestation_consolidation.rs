//! 二.6 巩固成果: "严格落实“四个不摘”要求，保持帮扶政策总体稳定……加强原有扶贫项目、衔接资金项目资产管理和监督……健全防返贫动态监测和帮扶机制，坚决守住不发生规模性返贫的底线。"

use super::{Context, Report, Rule, Step};
use crate::finding::Severity;

/// The county commits to the three undertakings of 二.6.
pub const RULE: Rule = Rule {
    id: "attestation_consolidation",
    clause: "二.6",
    severity: Severity::Blocking,
    step: Step::Attestations,
    summary: |_| "承诺落实“四个不摘”、加强项目资产管理和监督、健全防返贫动态监测和帮扶机制".into(),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    let attestations = &context.application.attestations;
    for (given, text, field) in [
        (attestations.four_not_removed, "严格落实“四个不摘”要求，保持帮扶政策总体稳定", "four_not_removed"),
        (attestations.asset_management, "加强原有扶贫项目、衔接资金项目资产管理和监督", "asset_management"),
        (
            attestations.return_to_poverty_monitoring,
            "健全防返贫动态监测和帮扶机制，守住不发生规模性返贫的底线",
            "return_to_poverty_monitoring",
        ),
    ] {
        if !given {
            let finding =
                report.missing(&RULE, format!("尚未确认承诺：{text}。"), vec![format!("attestations.{field}")]);
            super::about(finding, field);
        }
    }
}
