//! 四.1 强化政策支持: "第一书记和工作队优先派向衔接推进区，衔接推进区确定优先选择第一书记和工作队派驻集中的片区"
//!
//! Information for the city's choice: how many villages have a first secretary or work team.

use super::{Context, Report, Rule, Step};
use crate::finding::Severity;
use crate::model::Village;
use crate::village_identity::repeats;

/// Reports how concentrated first secretaries and work teams are in the area.
pub const RULE: Rule = Rule {
    id: "resident_support_priority",
    clause: "四.1",
    severity: Severity::Info,
    step: Step::Villages,
    summary: |_| "统计第一书记和工作队派驻村数（确定推进区时优先选择派驻集中的片区）".into(),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    // Each village once, as the village count counts them: a repeated listing is left out.
    let all = &context.application.villages;
    let villages: Vec<&Village> =
        all.iter().zip(repeats(all)).filter(|(_, earlier)| earlier.is_none()).map(|(village, _)| village).collect();
    let answered = villages.iter().filter(|v| v.resident_support.is_some()).count();
    if answered == 0 {
        return;
    }
    let present = villages.iter().filter(|v| v.resident_support.is_some_and(|s| s.is_present())).count();
    report.problem(
        &RULE,
        format!(
            "推进区 {} 个村中有 {present} 个村有第一书记或工作队驻村。通知要求优先选择第一书记和工作队派驻集中的片区。",
            villages.len()
        ),
        vec!["villages".into()],
    );
}
