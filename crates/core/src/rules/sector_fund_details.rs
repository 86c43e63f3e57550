//! 三.4 有过硬的保障措施: "县级应根据衔接推进区建设需求，统筹整合行业部门资金资源" — each integrated sector fund
//! line names its department, its fund and its amount.

use super::{Context, Report, Rule, Step, report_unanswered_items};
use crate::catalogue::{Field, ItemList, SectorFundField};
use crate::finding::Severity;

/// Every sector fund line is complete.
pub const RULE: Rule = Rule {
    id: "sector_fund_details",
    clause: "三.4",
    severity: Severity::Blocking,
    step: Step::Funds,
    summary: |_| "整合的行业资金逐项填写主管部门、资金名称和金额".into(),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    report_unanswered_items(
        report,
        &RULE,
        context.application,
        ItemList::SectorFunds,
        &[
            Field::SectorFund(SectorFundField::Department),
            Field::SectorFund(SectorFundField::FundName),
            Field::SectorFund(SectorFundField::Amount),
        ],
    );
}
