//! 四.3 严格审核把关: "原则上衔接推进区建设按2年期限编制实施规划"
//!
//! 原则上: a plan that is not two years long is a warning needing a justification.

use super::{Context, Report, Rule, Step};
use crate::finding::Severity;

/// The plan spans `plan_months` months (two years), in principle.
pub const RULE: Rule = Rule {
    id: "plan_two_years",
    clause: "四.3",
    severity: Severity::Warning,
    step: Step::Projects,
    summary: |params| {
        let months = params.plan_months.value;
        format!("实施规划原则上按{}（{months}个月）期限编制，不同须说明理由", crate::params::months_in_words(months))
    },
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    let Some(months) = context.figures.plan_months.filter(|months| *months > 0) else { return };
    let expected = i64::from(context.params.plan_months.value);
    if i64::from(months) != expected {
        report.problem(
            &RULE,
            format!(
                "实施规划期限为 {months} 个月，通知原则上按 {expected} 个月（{}）编制。请调整起止年月，或说明理由。",
                crate::params::months_in_words(context.params.plan_months.value)
            ),
            vec!["plan.start".into(), "plan.end".into()],
        );
    }
}
