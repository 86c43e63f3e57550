//! 三.4 有过硬的保障措施: "项目建设所需土地指标，县级应优先给予保障。"
//!
//! 应优先: land quota not yet arranged is a warning needing a justification (e.g. when it will be).

use super::{Context, Report, Rule, Step};
use crate::finding::Severity;

/// Needed land quota is arranged with priority.
pub const RULE: Rule = Rule {
    id: "land_quota",
    clause: "三.4",
    severity: Severity::Warning,
    step: Step::Governance,
    summary: |_| "项目建设所需土地指标县级应优先保障，尚未保障的须说明理由".into(),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    let governance = &context.application.governance;
    if governance.land_quota_needed == Some(true) && governance.land_quota_arranged == Some(false) {
        report.problem(
            &RULE,
            "项目建设需要土地指标，县级尚未保障。通知要求县级优先给予保障，请说明保障安排。".into(),
            vec!["governance.land_quota_arranged".into()],
        );
    }
}
