//! Reading and writing a field's answer in the model, and reading it as text.
//!
//! Writing an answer has the effects the form has always had: choosing a county fills in its city and names and
//! whether it lies on the Yellow River (from the reference data; the applicant may correct it); choosing another
//! city clears the county; a project's site is a village or, for a township-level project, its township; ticking
//! an initiative adds it to the list in the notice's order.

use super::choices::TOWNSHIP_SITE;
use super::{Answer, ApplicantField, Choice, Field, FieldRef, ProjectField, VillageField};
use crate::model::{Application, ContentArea};
use crate::money::Wan;

mod application;
mod items;

use application::{of_application, put_application};
use items::{industry, project, put_industry, put_project, put_sector_fund, put_village, sector_fund, village};

impl FieldRef {
    /// The field's answer in `application`; `None` when the field's item is not in the application.
    pub fn get(&self, application: &Application) -> Option<Answer> {
        let id = self.item.as_deref().unwrap_or_default();
        Some(match self.field {
            Field::Village(field) => village(field, application.villages.iter().find(|v| v.id == id)?),
            Field::Industry(field) => industry(field, application.industries.iter().find(|i| i.id == id)?),
            Field::Project(field) => project(field, application.projects.iter().find(|p| p.id == id)?),
            Field::ProjectFunding(source) => {
                Answer::Amount(application.projects.iter().find(|p| p.id == id)?.funding.get(&source).copied())
            }
            Field::SectorFund(field) => sector_fund(field, application.funds.sector_funds.iter().find(|s| s.id == id)?),
            field => of_application(field, application),
        })
    }

    /// Writes `answer` into `application` (nothing when the field's item is gone, or the answer is of another
    /// kind than the field's).
    pub fn put(&self, application: &mut Application, answer: Answer) {
        if std::mem::discriminant(&answer) != std::mem::discriminant(&self.field.kind().empty()) {
            return;
        }
        let id = self.item.as_deref().unwrap_or_default();
        match self.field {
            Field::Village(field) => {
                if let Some(item) = application.villages.iter_mut().find(|v| v.id == id) {
                    put_village(field, item, answer);
                }
            }
            Field::Industry(field) => {
                if let Some(item) = application.industries.iter_mut().find(|i| i.id == id) {
                    put_industry(field, item, answer);
                }
            }
            Field::Project(field) => {
                if let Some(item) = application.projects.iter_mut().find(|p| p.id == id) {
                    put_project(field, item, answer);
                }
            }
            Field::ProjectFunding(source) => {
                if let Some(item) = application.projects.iter_mut().find(|p| p.id == id) {
                    match amount(answer) {
                        Some(value) => drop(item.funding.insert(source, value)),
                        None => drop(item.funding.remove(&source)),
                    }
                }
            }
            Field::SectorFund(field) => {
                if let Some(item) = application.funds.sector_funds.iter_mut().find(|s| s.id == id) {
                    put_sector_fund(field, item, answer);
                }
            }
            field => put_application(field, application, answer),
        }
    }

    /// The answer as people read it, without its unit: `是`, `集聚提升类`, `平阴县`, `2500`, `2023-01`, the text
    /// itself; `已确认` for a ticked commitment; empty when unanswered (or the item is gone).
    pub fn display(&self, application: &Application) -> String {
        let Some(answer) = self.get(application) else { return String::new() };
        match (self.field, answer) {
            (Field::Applicant(ApplicantField::City), _) => application.applicant.city_name.clone(),
            (Field::Applicant(ApplicantField::County), _) => application.applicant.county_name.clone(),
            (Field::Project(ProjectField::Site), Answer::Choice(Some(key))) if key == TOWNSHIP_SITE => {
                "乡镇级项目".to_owned()
            }
            (Field::Project(ProjectField::Site), Answer::Choice(Some(key))) => {
                match application.villages.iter().find(|v| v.id == key) {
                    Some(village) => format!("{}{}", village.township, village.name),
                    None => "（所选的村已删除）".to_owned(),
                }
            }
            (field, Answer::Choice(Some(key))) => field.choice_label(&key).unwrap_or(key),
            (Field::Attestation(_), Answer::Flag(ticked)) => if ticked { "已确认" } else { "" }.to_owned(),
            (_, Answer::Flag(ticked)) => if ticked { "是" } else { "" }.to_owned(),
            (_, Answer::YesNo(Some(yes))) => if yes { "是" } else { "否" }.to_owned(),
            (_, answer) => answer.form_text(),
        }
    }
}

impl Field {
    /// The label of one of the field's options by key (a model enum's term).
    fn choice_label(self, key: &str) -> Option<String> {
        fn label<T: Choice>(key: &str) -> Option<String> {
            T::from_key(key).map(|value| value.label().to_owned())
        }
        match self {
            Field::Applicant(ApplicantField::RegionTier) => label::<crate::model::RegionTier>(key),
            Field::Village(VillageField::Category) => label::<crate::model::VillageCategory>(key),
            Field::Village(VillageField::PlanStatus) => label::<crate::model::PlanStatus>(key),
            Field::Village(VillageField::ResidentSupport) => label::<crate::model::ResidentSupport>(key),
            Field::Project(ProjectField::ContentArea) => label::<ContentArea>(key),
            Field::Project(ProjectField::SupportMode) => label::<crate::model::SupportMode>(key),
            _ => None,
        }
    }
}

pub(super) fn text(answer: Answer) -> String {
    answer.text()
}

pub(super) fn choice<T: Choice>(answer: Answer) -> Option<T> {
    match answer {
        Answer::Choice(Some(key)) => T::from_key(&key),
        _ => None,
    }
}

pub(super) fn key<T: Choice>(value: Option<T>) -> Answer {
    Answer::Choice(value.map(|v| v.key().to_owned()))
}

pub(super) fn yes_no(answer: Answer) -> Option<bool> {
    match answer {
        Answer::YesNo(value) => value,
        _ => None,
    }
}

pub(super) fn flag(answer: Answer) -> bool {
    matches!(answer, Answer::Flag(true))
}

pub(super) fn amount(answer: Answer) -> Option<Wan> {
    match answer {
        Answer::Amount(value) => value,
        _ => None,
    }
}

pub(super) fn count(answer: Answer) -> Option<u32> {
    match answer {
        Answer::Count(value) => value,
        _ => None,
    }
}

pub(super) fn date(answer: Answer) -> Option<chrono::NaiveDate> {
    match answer {
        Answer::Date(value) => value,
        _ => None,
    }
}

pub(super) fn month(answer: Answer) -> Option<crate::input::YearMonth> {
    match answer {
        Answer::Month(value) => value,
        _ => None,
    }
}
