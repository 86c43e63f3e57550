//! 一.3 目标任务: "已安排省级首批衔接推进区、农村综合性改革试点试验区、田园综合体建设试点、中央专项彩票公益金支持欠发达革命老区乡村振兴示范区以及乡村振兴齐鲁样板省级示范区的区域不再纳入推荐范围。"
//!
//! The applicant answers, for each of the five programmes, whether the area overlaps it.

use super::{Context, Report, Rule, Step};
use crate::finding::Severity;
use crate::model::ExcludedProgramme;

/// Each of the five excluded programmes is answered.
pub const RULE: Rule = Rule {
    id: "excluded_overlap_declared",
    clause: "一.3",
    severity: Severity::Blocking,
    step: Step::Applicant,
    summary: |_| "逐项声明推进区是否与五类已安排区域重叠".into(),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    let unanswered: Vec<ExcludedProgramme> = ExcludedProgramme::ALL
        .into_iter()
        .filter(|programme| !context.application.excluded_overlaps.contains_key(programme))
        .collect();
    if unanswered.is_empty() {
        return;
    }
    let names: Vec<&str> = unanswered.iter().map(|p| p.label()).collect();
    report.missing(
        &RULE,
        format!(
            "尚未声明推进区是否与以下区域重叠：{}。请在「申报县基本情况」中逐项选择“是”或“否”。",
            super::list(&names)
        ),
        unanswered.iter().map(|p| format!("excluded_overlaps.{}", p.key())).collect(),
    );
}
