//! 三.2 有合理的规划布局: "衔接推进区内村庄应属于集聚提升类村庄或特色保护类村庄，不能将城中村以及城郊融合类村庄、搬迁撤并类村庄纳入其中"

use super::{Context, Report, Rule, Step, village_label};
use crate::finding::Severity;
use crate::model::VillageCategory;

/// Only agglomeration-and-upgrading and characteristic-protection villages.
pub const RULE: Rule = Rule {
    id: "village_category_allowed",
    clause: "三.2",
    severity: Severity::Blocking,
    step: Step::Villages,
    summary: |_| "村庄须为集聚提升类或特色保护类，不得纳入城中村、城郊融合类、搬迁撤并类及未分类村庄".into(),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    for (index, village) in context.application.villages.iter().enumerate() {
        let message = match village.category {
            None | Some(VillageCategory::Agglomeration | VillageCategory::CharacteristicProtection) => continue,
            Some(VillageCategory::Unclassified) => format!(
                "{}尚未确定村庄分类（未分类）。推进区内村庄应属于集聚提升类或特色保护类，请按县域村庄布局规划确定分类，或将该村移出推进区。",
                village_label(index, &village.name)
            ),
            Some(other) => format!(
                "{}属于{}，按通知不能纳入推进区。推进区内村庄应属于集聚提升类或特色保护类，请将该村移出推进区。",
                village_label(index, &village.name),
                // 城中村 is a village already; the classes are 城郊融合类村庄, 搬迁撤并类村庄.
                match other {
                    VillageCategory::UrbanVillage => other.label().to_owned(),
                    _ => format!("{}村庄", other.label()),
                }
            ),
        };
        let finding = report.problem(&RULE, message, vec![format!("villages[{index}].category")]);
        super::about(finding, &village.id);
    }
}
