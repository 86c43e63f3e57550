//! 一.3 目标任务: "省级以上衔接资金根据脱贫攻坚期间扶贫区域东、中、西分类，按2000万元、2500万元、3000万元三档给予一次性定额补助"
//!
//! No public source of each county's tier was found, so a non-key county states its tier and the document it
//! comes from; the tier fixes the subsidy.

use super::{Context, Report, Rule, Step, filled};
use crate::finding::Severity;

/// A non-key county states its east/central/west tier and the source document.
pub const RULE: Rule = Rule {
    id: "region_tier_declared",
    clause: "一.3",
    severity: Severity::Blocking,
    step: Step::Applicant,
    summary: |_| "非重点县须填写脱贫攻坚期间扶贫区域东、中、西分类及其依据文件".into(),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    let applicant = &context.application.applicant;
    if applicant.key_county != Some(false) {
        return;
    }
    if applicant.region_tier.is_none() {
        report.missing(&RULE, "尚未选择本县脱贫攻坚期间的扶贫区域分类（东部、中部或西部），它决定省级以上衔接资金的定额补助。请在「申报县基本情况」中选择。".into(), vec!["applicant.region_tier".into()]);
    }
    if !filled(&applicant.region_tier_source) {
        report.missing(
            &RULE,
            "尚未填写扶贫区域分类的依据文件。请填写文件名称和文号，供审核时核对。".into(),
            vec!["applicant.region_tier_source".into()],
        );
    }
}
