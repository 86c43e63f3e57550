//! 三.3 有强烈的实施意愿: "县级党委、政府高度重视，主要负责同志亲自研究部署"

use super::{Context, Report, Rule, Step};
use crate::finding::Severity;

/// The county's principal leaders studied and deployed the work in person.
pub const RULE: Rule = Rule {
    id: "principal_leaders_deployed",
    clause: "三.3",
    severity: Severity::Blocking,
    step: Step::Governance,
    summary: |_| "县级党委、政府主要负责同志亲自研究部署".into(),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    let field = vec!["governance.principal_leaders_deployed".to_owned()];
    match context.application.governance.principal_leaders_deployed {
        None => {
            report.missing(&RULE, "尚未回答县级党委、政府主要负责同志是否亲自研究部署。".into(), field);
        }
        Some(false) => {
            report.problem(
                &RULE,
                "县级党委、政府主要负责同志尚未亲自研究部署。通知把它列为确定条件，请先由主要负责同志研究部署。".into(),
                field,
            );
        }
        Some(true) => {}
    }
}
