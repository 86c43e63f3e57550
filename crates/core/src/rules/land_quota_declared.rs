//! 三.4 有过硬的保障措施: "项目建设所需土地指标，县级应优先给予保障。"

use super::{Context, Report, Rule, Step};
use crate::finding::Severity;

/// The applicant says whether projects need land quota and, if so, whether it is arranged.
pub const RULE: Rule = Rule {
    id: "land_quota_declared",
    clause: "三.4",
    severity: Severity::Blocking,
    step: Step::Governance,
    summary: |_| "说明项目建设是否需要土地指标，需要的是否已优先保障".into(),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    let governance = &context.application.governance;
    match (governance.land_quota_needed, governance.land_quota_arranged) {
        (None, _) => {
            report.missing(
                &RULE,
                "尚未回答项目建设是否需要土地指标。".into(),
                vec!["governance.land_quota_needed".into()],
            );
        }
        (Some(true), None) => {
            report.missing(
                &RULE,
                "尚未回答县级是否已优先保障项目建设所需土地指标。".into(),
                vec!["governance.land_quota_arranged".into()],
            );
        }
        _ => {}
    }
}
