//! 三.1 有一定的产业基础: "衔接推进区内应有符合县级产业振兴规划、产业链条具有延伸潜力、市场前景较好的1-2个特色优势农业产业。"

use super::{Context, Report, Rule, Step};
use crate::finding::Severity;

/// One or two featured agricultural industries.
pub const RULE: Rule = Rule {
    id: "featured_industries",
    clause: "三.1",
    severity: Severity::Blocking,
    step: Step::Industries,
    summary: |params| {
        format!(
            "应有{}-{}个特色优势农业产业",
            params.min_featured_industries.value, params.max_featured_industries.value
        )
    },
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    let count = context.application.industries.len();
    let (min, max) =
        (context.params.min_featured_industries.value as usize, context.params.max_featured_industries.value as usize);
    if count == 0 {
        report.missing(
            &RULE,
            format!("尚未填写特色优势农业产业。请在「特色产业」中填写{min}-{max}个。"),
            vec!["industries".into()],
        );
    } else if count < min || count > max {
        report.problem(
            &RULE,
            format!("填写了 {count} 个特色优势农业产业，通知要求{min}-{max}个。请保留最主要的{max}个，其余作为配套内容写入项目。"),
            vec!["industries".into()],
        );
    }
}
