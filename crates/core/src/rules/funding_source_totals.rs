//! 四.3 严格审核把关: "明确实施项目、责任部门、资金来源、实施期限等内容"
//!
//! Product rule: for each funding source, the amounts over all projects add up exactly to the amount the area
//! declares, so that the project list and the funding plan tell the same story.

use super::{Context, Report, Rule, Step};
use crate::finding::Severity;
use crate::model::FundingSource;

/// Each funding source summed over the projects equals the declared amount.
pub const RULE: Rule = Rule {
    id: "funding_source_totals",
    clause: "四.3",
    severity: Severity::Blocking,
    step: Step::Funds,
    summary: |_| "各项资金来源在项目清单中的合计须与资金筹措中填写的金额一致".into(),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    if context.application.projects.is_empty() {
        return;
    }
    let figures = context.figures;
    for source in FundingSource::ALL {
        let declared = figures.declared_by_source.get(&source).copied().unwrap_or_default();
        let by_projects = figures.projects_by_source.get(&source).copied().unwrap_or_default();
        if declared == by_projects {
            continue;
        }
        let (relation, gap) =
            if by_projects < declared { ("少", declared - by_projects) } else { ("多", by_projects - declared) };
        let finding = report.problem(
            &RULE,
            format!("{}：项目清单合计 {by_projects} 万元，比资金筹措中填写的 {declared} 万元{relation} {gap} 万元。请调整项目的资金来源金额或资金筹措金额，使两者一致。", source.label()),
            vec![source.declared_field().to_owned()],
        );
        super::about(finding, source.key());
    }
}
