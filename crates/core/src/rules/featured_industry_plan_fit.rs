//! 三.1 有一定的产业基础: "衔接推进区内应有符合县级产业振兴规划……的1-2个特色优势农业产业。"

use super::{Context, Report, Rule, Step, filled};
use crate::finding::Severity;

/// Each featured industry fits the county's industry revitalisation plan.
pub const RULE: Rule = Rule {
    id: "featured_industry_plan_fit",
    clause: "三.1",
    severity: Severity::Blocking,
    step: Step::Industries,
    summary: |_| "特色产业须符合县级产业振兴规划".into(),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    for (index, industry) in context.application.industries.iter().enumerate() {
        if industry.fits_county_plan == Some(false) {
            let label = if filled(&industry.name) {
                format!("特色产业「{}」", industry.name.trim())
            } else {
                format!("第{}个特色产业", index + 1)
            };
            let finding = report.problem(
                &RULE,
                format!("{label}不符合县级产业振兴规划。通知要求特色产业符合县级产业振兴规划，请更换产业。"),
                vec![format!("industries[{index}].fits_county_plan")],
            );
            super::about(finding, &industry.id);
        }
    }
}
