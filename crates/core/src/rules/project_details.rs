//! 四.3 严格审核把关: "明确实施项目……等内容" — each project is described well enough to review: its name,
//! content area (二), content and scale, support mode, implementing body and beneficiaries.

use super::{Context, Report, Rule, Step, report_unanswered_items};
use crate::catalogue::{Field, ItemList, ProjectField};
use crate::finding::Severity;

/// Every project is fully described.
pub const RULE: Rule = Rule {
    id: "project_details",
    clause: "四.3",
    severity: Severity::Blocking,
    step: Step::Projects,
    summary: |_| "每个项目填写名称、建设内容类别、建设内容及规模、支持方式、实施地点、实施主体和受益人数".into(),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    report_unanswered_items(
        report,
        &RULE,
        context.application,
        ItemList::Projects,
        &[
            Field::Project(ProjectField::Name),
            Field::Project(ProjectField::ContentArea),
            Field::Project(ProjectField::ContentAndScale),
            Field::Project(ProjectField::SupportMode),
            Field::Project(ProjectField::SupportModeOther),
            Field::Project(ProjectField::Site),
            Field::Project(ProjectField::ImplementingBody),
            Field::Project(ProjectField::Beneficiaries),
        ],
    );
}
