//! 三.4 有过硬的保障措施: "整合的行业资金规模不得低于安排到衔接推进区的各级衔接资金总量的50%"
//!
//! Compared exactly: sector funds ≥ linkage total × `sector_funds_min_share`; no rounded ratio is compared.

use super::{Context, Report, Rule, Step};
use crate::finding::Severity;
use crate::money::round_ratio;

/// Integrated sector funds are at least half of all linkage funds.
pub const RULE: Rule = Rule {
    id: "sector_funds_share",
    clause: "三.4",
    severity: Severity::Blocking,
    step: Step::Funds,
    summary: |params| {
        format!(
            "整合的行业资金规模不得低于各级衔接资金总量的{}",
            crate::money::percent_text(params.sector_funds_min_share.value)
        )
    },
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    let figures = context.figures;
    if figures.linkage_total.is_zero() {
        return;
    }
    if figures.sector_total < figures.sector_minimum {
        let share = context.params.sector_funds_min_share.value;
        let percent = round_ratio(share * rust_decimal::Decimal::ONE_HUNDRED);
        report.problem(
            &RULE,
            format!(
                "整合的行业资金合计 {} 万元，低于各级衔接资金总量 {} 万元的 {percent}%（{} 万元），还差 {} 万元。请增加整合的行业资金，或核对衔接资金。",
                figures.sector_total,
                figures.linkage_total,
                figures.sector_minimum.decimal().normalize(),
                (figures.sector_minimum - figures.sector_total).decimal().normalize()
            ),
            vec!["funds.sector_funds".into()],
        );
    }
}
