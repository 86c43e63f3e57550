//! 三 衔接推进区确定条件: "衔接推进区覆盖行政村原则上不低于10个。应具备以下条件……"
//!
//! The conditions of 三.1–三.4 are judged village by village, so each village gives its name, township,
//! category, plan status, population figures and resident support.

use super::{Context, Report, Rule, Step, report_unanswered_items};
use crate::catalogue::{Field, ItemList, VillageField};
use crate::finding::Severity;

/// Every village has the facts the conditions are judged on.
pub const RULE: Rule = Rule {
    id: "village_details",
    clause: "三",
    severity: Severity::Blocking,
    step: Step::Villages,
    summary: |_| "每个村填写村名、所属乡镇、村庄分类、村庄规划情况、人口及驻村情况".into(),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    report_unanswered_items(
        report,
        &RULE,
        context.application,
        ItemList::Villages,
        &[
            Field::Village(VillageField::Name),
            Field::Village(VillageField::Township),
            Field::Village(VillageField::Category),
            Field::Village(VillageField::PlanStatus),
            Field::Village(VillageField::Population),
            Field::Village(VillageField::LiftedPopulation),
            Field::Village(VillageField::MonitoredPopulation),
            Field::Village(VillageField::ResidentSupport),
        ],
    );
}
