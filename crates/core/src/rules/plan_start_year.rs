//! 一.3 目标任务: "2023年，每个省乡村振兴重点帮扶县……推荐1个衔接推进区"
//!
//! The second batch is built from 2023: a plan starting in another year needs a justification.

use super::{Context, Report, Rule, Step};
use crate::finding::Severity;

/// The plan starts in the batch year.
pub const RULE: Rule = Rule {
    id: "plan_start_year",
    clause: "一.3",
    severity: Severity::Warning,
    step: Step::Projects,
    summary: |params| format!("第二批推进区自{}年起建设，实施规划不从该年开始的须说明理由", params.batch_year.value),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    let Some(start) = context.application.plan.start else { return };
    let year = context.params.batch_year.value;
    if start.year() != year {
        report.problem(
            &RULE,
            format!("实施规划从 {start} 开始，第二批衔接推进区于 {year} 年启动建设。请核对开始年月，或说明理由。"),
            vec!["plan.start".into()],
        );
    }
}
