//! 三.1 有一定的产业基础: "……产业链条具有延伸潜力、市场前景较好的1-2个特色优势农业产业。"

use super::{Context, Report, Rule, Step, filled};
use crate::evaluation::Severity;

/// Each industry is named, its chain potential and market prospects described, its plan fit answered.
pub const RULE: Rule = Rule {
    id: "featured_industry_details",
    clause: "三.1",
    severity: Severity::Blocking,
    step: Step::Industries,
    summary: "每个特色产业填写名称、是否符合县级产业振兴规划、产业链条延伸潜力和市场前景",
    check,
};

fn check(context: &Context<'_>, report: &mut Report) {
    for (index, industry) in context.application.industries.iter().enumerate() {
        let mut missing: Vec<(&str, &str)> = Vec::new();
        if !filled(&industry.name) {
            missing.push(("产业名称", "name"));
        }
        if industry.fits_county_plan.is_none() {
            missing.push(("是否符合县级产业振兴规划", "fits_county_plan"));
        }
        if industry.fits_county_plan == Some(true) && !filled(&industry.county_plan) {
            missing.push(("县级产业振兴规划名称", "county_plan"));
        }
        if !filled(&industry.chain_potential) {
            missing.push(("产业链条延伸潜力", "chain_potential"));
        }
        if !filled(&industry.market_prospects) {
            missing.push(("市场前景", "market_prospects"));
        }
        if missing.is_empty() {
            continue;
        }
        let names: Vec<&str> = missing.iter().map(|(name, _)| *name).collect();
        let label = if filled(&industry.name) {
            format!("特色产业「{}」", industry.name.trim())
        } else {
            format!("第{}个特色产业", index + 1)
        };
        let finding = report.missing(
            &RULE,
            format!("{label}尚未填写：{}。", super::list(&names)),
            missing.iter().map(|(_, field)| format!("industries[{index}].{field}")).collect(),
        );
        super::about(finding, &industry.id);
    }
}
