//! 四.3 严格审核把关: "原则上衔接推进区建设按2年期限编制实施规划，明确实施项目、责任部门、资金来源、实施期限等内容"

use super::{Context, Report, Rule, Step};
use crate::catalogue::{Field, PlanField};
use crate::finding::Severity;

/// The implementation plan has a start and an end month, in order.
pub const RULE: Rule = Rule {
    id: "plan_period",
    clause: "四.3",
    severity: Severity::Blocking,
    step: Step::Projects,
    summary: |_| "实施规划须写明起止年月，结束不早于开始".into(),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    let plan = &context.application.plan;
    match (plan.start, plan.end) {
        (Some(start), Some(end)) if end < start => {
            report.problem(
                &RULE,
                format!("实施规划的结束年月 {end} 早于开始年月 {start}。请改正起止年月。"),
                vec!["plan.start".into(), "plan.end".into()],
            );
        }
        (Some(_), Some(_)) => {}
        (start, end) => {
            let fields: Vec<String> = [(start.is_none(), "plan.start"), (end.is_none(), "plan.end")]
                .into_iter()
                .filter(|(missing, _)| *missing)
                .map(|(_, field)| field.to_owned())
                .collect();
            let example = |field| Field::Plan(field).example(context.params).unwrap_or_default();
            let message = format!(
                "尚未填写实施规划的起止年月（如 {} 至 {}）。",
                example(PlanField::Start),
                example(PlanField::End)
            );
            report.missing(&RULE, message, fields);
        }
    }
}
