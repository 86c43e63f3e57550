//! 三.3 有强烈的实施意愿: "建立由分管领导挂帅，乡村振兴局、财政局牵头的常态化工作协调机制"

use super::{Context, Report, Rule, Step};
use crate::finding::Severity;

/// A standing coordination mechanism exists, led by both the rural revitalisation bureau and the finance bureau.
pub const RULE: Rule = Rule {
    id: "coordination_mechanism",
    clause: "三.3",
    severity: Severity::Blocking,
    step: Step::Governance,
    summary: |_| "建立乡村振兴局、财政局牵头的常态化工作协调机制".into(),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    let governance = &context.application.governance;
    match governance.coordination_mechanism {
        None => {
            report.missing(
                &RULE,
                "尚未回答是否已建立常态化工作协调机制。".into(),
                vec!["governance.coordination_mechanism".into()],
            );
        }
        Some(false) => {
            report.problem(&RULE, "尚未建立常态化工作协调机制。通知要求建立由分管领导挂帅，乡村振兴局、财政局牵头的协调机制，请建立后再申报。".into(), vec!["governance.coordination_mechanism".into()]);
        }
        Some(true) => {
            let mut missing = Vec::new();
            if !governance.led_by_rural_revitalization_bureau {
                missing.push("乡村振兴局");
            }
            if !governance.led_by_finance_bureau {
                missing.push("财政局");
            }
            if !missing.is_empty() {
                report.problem(
                    &RULE,
                    format!("工作协调机制应由乡村振兴局、财政局共同牵头，尚未勾选：{}。", super::list(&missing)),
                    vec![
                        "governance.led_by_rural_revitalization_bureau".into(),
                        "governance.led_by_finance_bureau".into(),
                    ],
                );
            }
        }
    }
}
