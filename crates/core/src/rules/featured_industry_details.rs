//! 三.1 有一定的产业基础: "……产业链条具有延伸潜力、市场前景较好的1-2个特色优势农业产业。"

use super::{Context, Report, Rule, Step, report_unanswered_items};
use crate::catalogue::{Field, IndustryField, ItemList};
use crate::finding::Severity;

/// Each industry is named, its chain potential and market prospects described, its plan fit answered.
pub const RULE: Rule = Rule {
    id: "featured_industry_details",
    clause: "三.1",
    severity: Severity::Blocking,
    step: Step::Industries,
    summary: |_| "每个特色产业填写名称、是否符合县级产业振兴规划、产业链条延伸潜力和市场前景".into(),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    report_unanswered_items(
        report,
        &RULE,
        context.application,
        ItemList::Industries,
        &[
            Field::Industry(IndustryField::Name),
            Field::Industry(IndustryField::FitsCountyPlan),
            Field::Industry(IndustryField::CountyPlan),
            Field::Industry(IndustryField::ChainPotential),
            Field::Industry(IndustryField::MarketProspects),
        ],
    );
}
