//! Questions that apply only when another answer allows them.
//!
//! The wizard shows some questions only after another answer (the tier only for a non-key county, the approval
//! date only for an approved plan, the dividend-only tick only for an industry project, …). The pages, the answers
//! of 核对与导出 and the printed application ask [`FieldRef::applies`]; when an answer changes, the questions it hid
//! no longer apply and [`clear_inapplicable`] drops their answers (and the draft any unreadable text typed into
//! them), so that the application and its signed bundle never hold answers nobody can see or correct.

use super::{ApplicantField, Field, FieldRef, GovernanceField, IndustryField, ProjectField, VillageField};
use crate::model::{Application, ContentArea, PlanStatus, SupportMode};

/// The test of whether a conditional question applies, given the application and the field (with its item).
pub type Condition = fn(&Application, &FieldRef) -> bool;

impl Field {
    /// The condition under which the question is asked, or `None` for a question always asked (of every item,
    /// for an item's field).
    pub fn condition(self) -> Option<Condition> {
        use ApplicantField as A;
        use GovernanceField as G;
        Some(match self {
            Field::Applicant(A::CityHasKeyCounty) => |a, _| a.applicant.key_county != Some(true),
            Field::Applicant(A::RegionTier | A::RegionTierSource) => |a, _| a.applicant.key_county == Some(false),
            Field::LinkedInitiativeName(_) => |a, field| match field.field {
                Field::LinkedInitiativeName(kind) => a.linked_initiatives.iter().any(|i| i.kind == kind),
                _ => false,
            },
            Field::Village(VillageField::PlanApprovedOn) => {
                |a, field| village(a, field).is_some_and(|v| v.plan.status == Some(PlanStatus::Approved))
            }
            Field::Village(VillageField::PlanExpectedOn) => {
                |a, field| village(a, field).is_some_and(|v| v.plan.status == Some(PlanStatus::InPreparation))
            }
            Field::Industry(IndustryField::CountyPlan) => |a, field| {
                let id = field.item.as_deref().unwrap_or_default();
                a.industries.iter().find(|i| i.id == id).is_some_and(|i| i.fits_county_plan == Some(true))
            },
            // A township-level project names its township; a project in a village does not.
            Field::Project(ProjectField::Township) => {
                |a, field| project(a, field).is_some_and(|p| p.village_id.is_empty())
            }
            Field::Project(ProjectField::SupportModeOther) => {
                |a, field| project(a, field).is_some_and(|p| p.support_mode == Some(SupportMode::Other))
            }
            Field::Project(ProjectField::DividendOnlyPurchase) => {
                |a, field| project(a, field).is_some_and(|p| p.content_area == Some(ContentArea::Industry))
            }
            Field::Governance(G::LedByRuralRevitalizationBureau | G::LedByFinanceBureau) => {
                |a, _| a.governance.coordination_mechanism == Some(true)
            }
            Field::Governance(G::TaskForceMembers) => |a, _| a.governance.task_force == Some(true),
            Field::Governance(G::LandQuotaArranged) => |a, _| a.governance.land_quota_needed == Some(true),
            _ => return None,
        })
    }

    /// True for a question asked only after another answer allows it (the page shows it then).
    pub fn is_conditional(self) -> bool {
        self.condition().is_some()
    }
}

fn village<'a>(a: &'a Application, field: &FieldRef) -> Option<&'a crate::model::Village> {
    let id = field.item.as_deref()?;
    a.villages.iter().find(|v| v.id == id)
}

fn project<'a>(a: &'a Application, field: &FieldRef) -> Option<&'a crate::model::Project> {
    let id = field.item.as_deref()?;
    a.projects.iter().find(|p| p.id == id)
}

impl FieldRef {
    /// Whether the question applies to `application` as it is answered now (`false` when its item is gone).
    pub fn applies(&self, application: &Application) -> bool {
        let item_there = match (self.field.list(), self.item.as_deref()) {
            (None, _) => true,
            (Some(list), Some(id)) => list.position(application, id).is_some(),
            (Some(_), None) => false,
        };
        item_there && self.field.condition().is_none_or(|condition| condition(application, self))
    }
}

/// Clears the answers of the questions that do not apply and returns their field paths.
pub fn clear_inapplicable(application: &mut Application) -> Vec<String> {
    let mut hidden = Vec::new();
    for field in FieldRef::every(application) {
        if !field.applies(application) {
            if let Some(path) = field.path(application) {
                hidden.push(path);
            }
            field.put(application, field.field.kind().empty());
        }
    }
    hidden
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::Draft;
    use crate::model::RegionTier;
    use crate::params::ParameterSet;

    fn draft() -> Draft {
        let mut draft = Draft::new("测试", &ParameterSet::second_batch_2022(), chrono::DateTime::default());
        draft.application = crate::sample::complete();
        draft
    }

    #[test]
    fn a_complete_application_keeps_every_answer() {
        let mut draft = draft();
        draft.drop_inapplicable_answers();
        assert_eq!(draft.application, crate::sample::complete());
    }

    #[test]
    fn becoming_a_key_county_drops_the_tier_and_the_city_question() {
        let mut draft = draft();
        draft.application.applicant.key_county = Some(true);
        draft.drop_inapplicable_answers();
        let applicant = &draft.application.applicant;
        assert_eq!((applicant.region_tier, applicant.city_has_key_county), (None, None));
        assert!(applicant.region_tier_source.is_empty());
        draft.application.applicant.key_county = Some(false);
        draft.application.applicant.region_tier = Some(RegionTier::East);
        draft.drop_inapplicable_answers();
        assert_eq!(draft.application.applicant.region_tier, Some(RegionTier::East));
    }

    #[test]
    fn a_plan_in_preparation_drops_the_approval_date_and_its_unreadable_text() {
        let mut draft = draft();
        draft.pending_inputs.insert("villages[0].plan.approved_on".into(), "2022-02-30".into());
        draft.application.villages[0].plan.status = Some(PlanStatus::InPreparation);
        draft.drop_inapplicable_answers();
        assert_eq!(draft.application.villages[0].plan.approved_on, None);
        assert!(draft.pending_inputs.is_empty());
    }

    #[test]
    fn a_project_moved_out_of_industry_loses_its_dividend_tick() {
        let mut draft = draft();
        draft.application.projects[0].dividend_only_purchase = true;
        draft.application.projects[0].content_area = Some(ContentArea::Construction);
        draft.drop_inapplicable_answers();
        assert!(!draft.application.projects[0].dividend_only_purchase);
    }

    #[test]
    fn unticking_an_initiative_drops_it_with_its_name() {
        let mut draft = draft();
        let kind = draft.application.linked_initiatives[0].kind;
        Field::LinkedInitiative(kind).at().put(&mut draft.application, super::super::Answer::Flag(false));
        draft.drop_inapplicable_answers();
        assert!(draft.application.linked_initiatives.is_empty());
    }

    #[test]
    fn a_project_in_a_village_names_no_township() {
        let mut draft = draft();
        draft.application.projects[0].township = "孔村镇".into();
        draft.drop_inapplicable_answers();
        assert!(draft.application.projects[0].township.is_empty());
    }
}
