//! 四.3 严格审核把关: "编制实施规划，明确实施项目、责任部门、资金来源、实施期限等内容"

use super::{Context, Report, Rule, Step};
use crate::finding::Severity;

/// The plan lists its projects.
pub const RULE: Rule = Rule {
    id: "projects_listed",
    clause: "四.3",
    severity: Severity::Blocking,
    step: Step::Projects,
    summary: |_| "实施规划须列出实施项目".into(),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    if context.application.projects.is_empty() {
        report.missing(
            &RULE,
            "尚未添加项目。请在「建设内容与项目清单」中按六大建设内容添加项目。".into(),
            vec!["projects".into()],
        );
    }
}
