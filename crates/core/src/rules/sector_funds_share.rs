//! 三.4 有过硬的保障措施: "整合的行业资金规模不得低于安排到衔接推进区的各级衔接资金总量的50%"
//!
//! Compared with the minimum as the finding states it: linkage total × `sector_funds_min_share`, rounded up to
//! 0.0001 万元 (`Figures::sector_minimum`, [`crate::money::Rounding::Required`]). Every amount entered has at most
//! four decimals, so sector funds reach the stated minimum exactly when they reach the exact one: the verdict, the
//! minimum and the shortfall a user reads agree, and entering the stated amount satisfies the rule. No rounded
//! ratio is compared.

use super::{Context, Report, Rule, Step};
use crate::finding::Severity;
use crate::money::percent_text;

/// Integrated sector funds are at least half of all linkage funds.
pub const RULE: Rule = Rule {
    id: "sector_funds_share",
    clause: "三.4",
    severity: Severity::Blocking,
    step: Step::Funds,
    summary: |params| {
        format!("整合的行业资金规模不得低于各级衔接资金总量的{}", percent_text(params.sector_funds_min_share.value))
    },
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    let figures = context.figures;
    if figures.linkage_total.is_zero() {
        return;
    }
    if figures.sector_total < figures.sector_minimum {
        report.problem(
            &RULE,
            format!(
                "整合的行业资金合计 {} 万元，低于各级衔接资金总量 {} 万元的 {}（{} 万元），还差 {} 万元。请增加整合的行业资金，或核对衔接资金。",
                figures.sector_total,
                figures.linkage_total,
                percent_text(context.params.sector_funds_min_share.value),
                figures.sector_minimum,
                figures.sector_minimum - figures.sector_total
            ),
            vec!["funds.sector_funds".into()],
        );
    }
}
