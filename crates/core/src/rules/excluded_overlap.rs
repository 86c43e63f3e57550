//! 一.3 目标任务: "已安排省级首批衔接推进区、农村综合性改革试点试验区、田园综合体建设试点、中央专项彩票公益金支持欠发达革命老区乡村振兴示范区以及乡村振兴齐鲁样板省级示范区的区域不再纳入推荐范围。"

use super::{Context, Report, Rule, Step};
use crate::finding::Severity;

/// An area that overlaps an excluded programme cannot be recommended.
pub const RULE: Rule = Rule {
    id: "excluded_overlap",
    clause: "一.3",
    severity: Severity::Blocking,
    step: Step::Applicant,
    summary: |_| "已安排五类区域的范围不再纳入推荐范围".into(),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    for (programme, overlaps) in &context.application.excluded_overlaps {
        if *overlaps {
            let finding = report.problem(
                &RULE,
                format!(
                    "推进区与已安排的「{}」区域重叠，按通知不再纳入推荐范围。请调整覆盖村庄，把重叠的村移出推进区。",
                    programme.label()
                ),
                vec![format!("excluded_overlaps.{}", programme.key())],
            );
            super::about(finding, programme.key());
        }
    }
}
