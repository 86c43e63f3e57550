//! Answers that apply only when another answer allows them.
//!
//! The wizard shows some questions only after another answer (the tier only for a non-key county, the approval
//! date only for an approved plan, the dividend-only tick only for an industry project, …). When that answer
//! changes, the questions it revealed no longer apply: their answers, and any unreadable text typed into them, are
//! dropped, so that the application and its signed bundle never hold answers nobody can see or correct.
//! The conditions here mirror the pages' conditional reveals one for one.

use crate::draft::Draft;
use crate::model::{Application, ContentArea, PlanStatus, SupportMode};

impl Draft {
    /// Drops the answers (and pending text) of every question that does not apply to the current answers.
    pub fn drop_inapplicable_answers(&mut self) {
        for path in clear_inapplicable(&mut self.application) {
            self.pending_inputs.remove(&path);
        }
    }
}

/// Clears the answers that do not apply and returns the field paths of every question that does not apply.
pub fn clear_inapplicable(application: &mut Application) -> Vec<String> {
    let mut hidden = Vec::new();
    let applicant = &mut application.applicant;
    if applicant.key_county == Some(true) {
        applicant.city_has_key_county = None;
        hidden.push("applicant.city_has_key_county".to_owned());
    }
    if applicant.key_county != Some(false) {
        applicant.region_tier = None;
        applicant.region_tier_source.clear();
        hidden.extend(["applicant.region_tier".to_owned(), "applicant.region_tier_source".to_owned()]);
    }
    for (index, village) in application.villages.iter_mut().enumerate() {
        let plan = &mut village.plan;
        if plan.status != Some(PlanStatus::Approved) {
            plan.approved_on = None;
            hidden.push(format!("villages[{index}].plan.approved_on"));
        }
        if plan.status != Some(PlanStatus::InPreparation) {
            plan.expected_on = None;
            hidden.push(format!("villages[{index}].plan.expected_on"));
        }
    }
    for (index, industry) in application.industries.iter_mut().enumerate() {
        if industry.fits_county_plan != Some(true) {
            industry.county_plan.clear();
            hidden.push(format!("industries[{index}].county_plan"));
        }
    }
    for (index, project) in application.projects.iter_mut().enumerate() {
        if project.content_area != Some(ContentArea::Industry) {
            project.dividend_only_purchase = false;
            hidden.push(format!("projects[{index}].dividend_only_purchase"));
        }
        if project.support_mode != Some(SupportMode::Other) {
            project.support_mode_other.clear();
            hidden.push(format!("projects[{index}].support_mode_other"));
        }
    }
    let governance = &mut application.governance;
    if governance.coordination_mechanism != Some(true) {
        governance.led_by_rural_revitalization_bureau = false;
        governance.led_by_finance_bureau = false;
        hidden.extend([
            "governance.led_by_rural_revitalization_bureau".to_owned(),
            "governance.led_by_finance_bureau".to_owned(),
        ]);
    }
    if governance.task_force != Some(true) {
        governance.task_force_members.clear();
        hidden.push("governance.task_force_members".to_owned());
    }
    if governance.land_quota_needed != Some(true) {
        governance.land_quota_arranged = None;
        hidden.push("governance.land_quota_arranged".to_owned());
    }
    hidden
}

#[cfg(test)]
mod tests {
    use super::*;
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
}
