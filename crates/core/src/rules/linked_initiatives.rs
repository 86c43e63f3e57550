//! 三.1 有一定的产业基础: "衔接推进区可与省级现代农业园区、农业产业强镇、高标准农田、特色小镇等有机结合，统筹推进、联合打造。"
//!
//! Optional: the finding lists the combinations declared, for the reviewer.

use super::{Context, Report, Rule, Step};
use crate::finding::Severity;

/// Lists the initiatives the area is combined with.
pub const RULE: Rule = Rule {
    id: "linked_initiatives",
    clause: "三.1",
    severity: Severity::Info,
    step: Step::Industries,
    summary: |_| "列出与省级现代农业园区、农业产业强镇、高标准农田、特色小镇等结合的情况（可选）".into(),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    let initiatives = &context.application.linked_initiatives;
    if initiatives.is_empty() {
        return;
    }
    let names: Vec<String> = initiatives
        .iter()
        .map(|i| {
            if i.name.trim().is_empty() {
                i.kind.label().to_owned()
            } else {
                format!("{}（{}）", i.kind.label(), i.name.trim())
            }
        })
        .collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    report.problem(
        &RULE,
        format!("推进区与以下项目有机结合、联合打造：{}。", super::list(&names)),
        vec!["linked_initiatives".into()],
    );
}
