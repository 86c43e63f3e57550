//! The answers of each step as label / value / field rows: 核对与导出 ("check your answers") and the reviewer's
//! view of a bundle. Questions that do not apply are left out; every other answer is shown in full, so that the
//! reviewer reading a bundle sees everything the county stated.

use super::{Field, FieldRef, ItemList, PlanField, item_label};
use crate::finding::Step;
use crate::model::{Application, ContentArea, LinkedInitiativeKind};

/// One answer: what was asked, what was answered, and the field to go back to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// The question, or the item (`第3个村「东村」`) for a row that sums up a list item.
    pub label: String,
    /// The answer as people read it, with its unit; empty when not answered.
    pub value: String,
    /// The field path a 修改 link goes to.
    pub field: String,
}

/// The rows of one step.
pub fn answers(application: &Application, step: Step) -> Vec<Answer> {
    match step {
        Step::Applicant | Step::Governance | Step::Attestations => own_fields(application, step),
        Step::Villages => {
            let mut rows = vec![Answer {
                label: "覆盖行政村".into(),
                value: format!("{} 个", crate::village_identity::distinct_count(&application.villages)),
                field: ItemList::Villages.path().into(),
            }];
            rows.extend(items(application, ItemList::Villages, |_| true));
            rows
        }
        Step::Industries => {
            let mut rows = items(application, ItemList::Industries, |_| true);
            let linked: Vec<String> = application
                .linked_initiatives
                .iter()
                .map(|l| {
                    if l.name.trim().is_empty() {
                        l.kind.label().to_owned()
                    } else {
                        format!("{}（{}）", l.kind.label(), l.name)
                    }
                })
                .collect();
            rows.push(Answer {
                label: "有机结合的项目".into(),
                value: linked.join("、"),
                field: Field::LinkedInitiative(LinkedInitiativeKind::ALL[0]).at().path(application).unwrap_or_default(),
            });
            rows
        }
        Step::Projects => projects(application),
        Step::Funds => {
            let mut rows = own_fields(application, step);
            // The sector fund lines come after the linkage funds, as on the form.
            let lines = items(application, ItemList::SectorFunds, |_| true);
            let at = rows.len().min(3);
            rows.splice(at..at, lines);
            rows
        }
    }
}

/// One row per question of the application itself on `step` that applies.
fn own_fields(application: &Application, step: Step) -> Vec<Answer> {
    Field::of_step(step)
        .filter(|field| field.list().is_none())
        .map(Field::at)
        .filter(|field| field.applies(application))
        .map(|field| Answer {
            label: field.field.label().into_owned(),
            value: with_unit(&field, application),
            field: field.path(application).unwrap_or_default(),
        })
        .collect()
}

/// The answer with the unit of its kind: `2500 万元`, `1260 人`.
fn with_unit(field: &FieldRef, application: &Application) -> String {
    let text = field.display(application);
    match field.field.kind().unit() {
        Some(unit) if !text.is_empty() => format!("{text} {unit}"),
        _ => text,
    }
}

/// One row per item of `list` that `keep` accepts: the item named, and its answers as `label：value` joined by `；`.
fn items(application: &Application, list: ItemList, keep: impl Fn(usize) -> bool) -> Vec<Answer> {
    let fields = list.fields();
    list.ids(application)
        .into_iter()
        .enumerate()
        .filter(|(index, _)| keep(*index))
        .map(|(index, id)| {
            let parts: Vec<String> = fields
                .iter()
                .map(|field| field.of(id))
                .filter(|field| field.applies(application))
                .filter_map(|field| {
                    let value = with_unit(&field, application);
                    (!value.trim().is_empty()).then(|| format!("{}：{value}", field.field.label()))
                })
                .collect();
            let first = fields.first().map(|field| field.of(id)).and_then(|field| field.path(application));
            Answer {
                label: item_label(application, list, index),
                value: parts.join("；"),
                field: first.unwrap_or_default(),
            }
        })
        .collect()
}

/// The plan, then each content area's narrative followed by its projects, then projects without an area.
fn projects(application: &Application) -> Vec<Answer> {
    let plan_row = |field: PlanField| {
        let field = Field::Plan(field).at();
        Answer {
            label: field.field.label().into_owned(),
            value: with_unit(&field, application),
            field: field.path(application).unwrap_or_default(),
        }
    };
    let mut rows = vec![plan_row(PlanField::Start), plan_row(PlanField::End), plan_row(PlanField::Targets)];
    let area_of = |index: usize| application.projects.get(index).and_then(|p| p.content_area);
    for area in ContentArea::ALL {
        let narrative = Field::Narrative(area).at();
        rows.push(Answer {
            label: narrative.field.label().into_owned(),
            value: narrative.display(application),
            field: narrative.path(application).unwrap_or_default(),
        });
        rows.extend(items(application, ItemList::Projects, |index| area_of(index) == Some(area)));
    }
    rows.extend(items(application, ItemList::Projects, |index| area_of(index).is_none()));
    // Each project's row names its total, after its funding sources.
    for row in rows.iter_mut() {
        let Some(project) = row
            .field
            .strip_prefix("projects[")
            .and_then(|rest| rest.split_once(']'))
            .and_then(|(index, _)| index.parse::<usize>().ok().and_then(|index| application.projects.get(index)))
        else {
            continue;
        };
        if !project.funding.is_empty() {
            row.value.push_str(&format!("；资金合计：{} 万元", project.total()));
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_step_lists_the_applying_answers_with_units() {
        let application = crate::sample::complete();
        let funds = answers(&application, Step::Funds);
        assert_eq!(funds[0].label, "省级以上衔接资金");
        assert_eq!(funds[0].value, "2500 万元");
        assert_eq!(funds[0].field, "funds.provincial_linkage_funds");
        assert!(funds[3].label.starts_with("第1项整合的行业资金"), "{:?}", funds[3]);
        let villages = answers(&application, Step::Villages);
        assert_eq!(villages[0].value, "12 个");
        assert!(villages[1].label.starts_with("第1个村「"), "{:?}", villages[1]);
        assert!(villages[1].value.contains("户籍人口："), "{:?}", villages[1]);
        assert_eq!(villages[1].field, "villages[0].name");
        let applicant = answers(&application, Step::Applicant);
        assert!(applicant.iter().any(|a| a.label == "申报县（市、区）" && a.value == "平阴县"));
        // A non-key county states its tier.
        assert!(applicant.iter().any(|a| a.field == "applicant.region_tier" && a.value == "中部"));
        let attestations = answers(&application, Step::Attestations);
        assert!(attestations.iter().all(|a| a.value == "已确认"), "{attestations:?}");
    }

    #[test]
    fn questions_that_do_not_apply_are_left_out() {
        let mut application = crate::sample::complete();
        application.applicant.key_county = Some(true);
        let applicant = answers(&application, Step::Applicant);
        assert!(applicant.iter().all(|a| a.field != "applicant.region_tier"));
        assert!(applicant.iter().all(|a| a.field != "applicant.city_has_key_county"));
    }
}
