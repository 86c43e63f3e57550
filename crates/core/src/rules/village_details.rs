//! 三 衔接推进区确定条件: "衔接推进区覆盖行政村原则上不低于10个。应具备以下条件……"
//!
//! The conditions of 三.1–三.4 are judged village by village, so each village gives its name, township,
//! category, plan status, population figures and resident support.

use super::{Context, Report, Rule, Step, filled, village_label};
use crate::evaluation::Severity;

/// Every village has the facts the conditions are judged on.
pub const RULE: Rule = Rule {
    id: "village_details",
    clause: "三",
    severity: Severity::Blocking,
    step: Step::Villages,
    summary: "每个村填写村名、所属乡镇、村庄分类、村庄规划情况、人口及驻村情况",
    check,
};

fn check(context: &Context<'_>, report: &mut Report) {
    for (index, village) in context.application.villages.iter().enumerate() {
        let mut missing: Vec<(&str, &str)> = Vec::new();
        if !filled(&village.name) {
            missing.push(("村名", "name"));
        }
        if !filled(&village.township) {
            missing.push(("所属乡镇", "township"));
        }
        if village.category.is_none() {
            missing.push(("村庄分类", "category"));
        }
        if village.plan.status.is_none() {
            missing.push(("村庄规划编制情况", "plan.status"));
        }
        if village.population.is_none() {
            missing.push(("户籍人口", "population"));
        }
        if village.lifted_population.is_none() {
            missing.push(("脱贫人口", "lifted_population"));
        }
        if village.monitored_population.is_none() {
            missing.push(("监测帮扶对象", "monitored_population"));
        }
        if village.resident_support.is_none() {
            missing.push(("第一书记和工作队驻村情况", "resident_support"));
        }
        if missing.is_empty() {
            continue;
        }
        let names: Vec<&str> = missing.iter().map(|(name, _)| *name).collect();
        let finding = report.missing(
            &RULE,
            format!("{}尚未填写：{}。", village_label(index, &village.name), super::list(&names)),
            missing.iter().map(|(_, field)| format!("villages[{index}].{field}")).collect(),
        );
        super::about(finding, &village.id);
    }
}
