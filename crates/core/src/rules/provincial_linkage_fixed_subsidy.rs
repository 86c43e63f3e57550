//! 一.3 目标任务: "省级以上衔接资金根据脱贫攻坚期间扶贫区域东、中、西分类，按2000万元、2500万元、3000万元三档给予一次性定额补助，其余资金由市县两级安排。"

use super::{Context, Report, Rule, Step};
use crate::finding::Severity;

/// A non-key county's provincial-and-above linkage funds equal the fixed subsidy of its tier.
pub const RULE: Rule = Rule {
    id: "provincial_linkage_fixed_subsidy",
    clause: "一.3",
    severity: Severity::Blocking,
    step: Step::Funds,
    summary: |params| {
        format!(
            "非重点县的省级以上衔接资金按东、中、西分类为{}、{}、{}万元一次性定额补助",
            params.fixed_subsidy_east.value, params.fixed_subsidy_central.value, params.fixed_subsidy_west.value
        )
    },
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    let applicant = &context.application.applicant;
    if applicant.key_county != Some(false) {
        return;
    }
    let (Some(tier), Some(declared)) = (applicant.region_tier, context.application.funds.provincial_linkage_funds)
    else {
        return;
    };
    let subsidy = context.params.fixed_subsidy(tier).value;
    if declared != subsidy {
        report.problem(
            &RULE,
            format!("本县属{}扶贫区域，省级以上衔接资金为一次性定额补助 {subsidy} 万元，现填写 {declared} 万元。请改为 {subsidy} 万元，其余资金由市县两级安排。", tier.label()),
            vec!["funds.provincial_linkage_funds".into()],
        );
    }
}
