//! 三 衔接推进区确定条件 and 二.1 (脱贫人口和监测帮扶对象): the population figures of a village are consistent:
//! people lifted out of poverty and monitored-for-assistance people are each part of its registered population.

use super::{Context, Report, Rule, Step, village_label};
use crate::finding::Severity;

/// Lifted and monitored people each do not exceed the village's population.
pub const RULE: Rule = Rule {
    id: "village_population",
    clause: "三",
    severity: Severity::Blocking,
    step: Step::Villages,
    summary: |_| "脱贫人口、监测帮扶对象均不得超过该村户籍人口".into(),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    for (index, village) in context.application.villages.iter().enumerate() {
        let Some(population) = village.population else { continue };
        for (count, name, field) in [
            (village.lifted_population, "脱贫人口", "lifted_population"),
            (village.monitored_population, "监测帮扶对象", "monitored_population"),
        ] {
            if let Some(count) = count.filter(|count| *count > population) {
                let finding = report.problem(
                    &RULE,
                    format!(
                        "{}的{name} {count} 人多于户籍人口 {population} 人。请核对这两个数字。",
                        village_label(index, &village.name)
                    ),
                    vec![format!("villages[{index}].{field}"), format!("villages[{index}].population")],
                );
                super::about(finding, &village.id);
            }
        }
    }
}
