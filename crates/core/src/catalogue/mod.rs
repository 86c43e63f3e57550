//! The field catalogue: one description of every field of the application.
//!
//! Each field has a typed id ([`Field`]), and, in this module alone: its Chinese label and the question or
//! statement the form shows, its hint, its kind (which decides the widget, the parser of typed text and the unit),
//! its wizard step, when it applies to an application, and how its answer reads as text. A field of a list item
//! (a village, a featured industry, a project, a sector fund line) is addressed by the item's stable id
//! ([`FieldRef`]), never by its position; the position appears only in field paths (`villages[3].population`), the
//! form in which findings, pending inputs and element ids name fields (`docs/draft-format.md`).
//!
//! Everything that shows or reads a field goes through here: the wizard's pages (label, hint, widget, parser,
//! visibility), the answers of 核对与导出, the rules' "尚未填写" lists ([`crate::rules::missing`]), the names in
//! messages ([`describe`]), the dropping of answers that no longer apply ([`clear_inapplicable`]), the step of a
//! field and whether a step is started. A label is written once, in `entries.rs`.
//!
//! Invariants, tested below and in `tests/catalogue.rs`:
//! - every member of the model that a user answers has exactly one [`Field`]; every field path parses back to it;
//! - labels are distinct, so a message naming a field is unambiguous;
//! - [`Kind::parse`] is the only reader of typed text (amounts, counts, dates, months).

use std::borrow::Cow;

use chrono::NaiveDate;

use crate::input::YearMonth;
use crate::model::{Application, ContentArea, ExcludedProgramme, FundingSource, LinkedInitiativeKind};
use crate::money::Wan;

mod access;
mod answers;
mod applies;
mod choices;
mod entries;
mod kind;
mod lists;
mod members;
mod paths;
mod steps;

pub use answers::{Answer as AnswerRow, answers};
pub use applies::clear_inapplicable;
pub use choices::{Choice, ChoiceOption, TOWNSHIP_SITE};
pub use kind::{InputProblem, Kind};
pub use lists::ItemList;
pub use members::{
    ApplicantField, AttestationField, FundsField, GovernanceField, IndustryField, PlanField, ProjectField,
    SectorFundField, VillageField,
};
pub use paths::{describe, is_input_of, item_label, parse_path, step_of_path};
pub use steps::intro;

/// A field of the application: the typed id the catalogue describes. Members of list items are named without
/// the item; [`FieldRef`] adds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// A question about the county applying (step 1).
    Applicant(ApplicantField),
    /// Whether the area overlaps a programme excluded by 一.3 (step 1).
    ExcludedOverlap(ExcludedProgramme),
    /// A member of each village (step 2).
    Village(VillageField),
    /// A member of each featured industry (step 3).
    Industry(IndustryField),
    /// Whether the area is combined with an initiative of this kind (step 3, optional).
    LinkedInitiative(LinkedInitiativeKind),
    /// The name of the initiative of this kind (step 3, when ticked).
    LinkedInitiativeName(LinkedInitiativeKind),
    /// A member of the implementation plan (step 4).
    Plan(PlanField),
    /// The narrative of one content area (step 4).
    Narrative(ContentArea),
    /// A member of each project (step 4).
    Project(ProjectField),
    /// A project's amount from one funding source (step 4).
    ProjectFunding(FundingSource),
    /// An amount declared at area level (step 5).
    Funds(FundsField),
    /// A member of each integrated sector fund line (step 5).
    SectorFund(SectorFundField),
    /// A question about the county's organisation (step 6).
    Governance(GovernanceField),
    /// A commitment (step 7).
    Attestation(AttestationField),
}

/// A field of one application: the [`Field`], and for a list item's field the item's stable id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FieldRef {
    /// The field.
    pub field: Field,
    /// The id of the village, industry, project or sector fund line; `None` for a field of the application.
    pub item: Option<String>,
}

impl FieldRef {
    /// Every field of `application`: the application's own, then each item's, in the wizard's order.
    pub fn every(application: &Application) -> Vec<FieldRef> {
        let mut refs = Vec::new();
        for field in Field::all() {
            match field.list() {
                None => refs.push(field.at()),
                Some(list) => refs.extend(list.ids(application).into_iter().map(|id| field.of(id))),
            }
        }
        refs
    }

    /// The field path in `application`, e.g. `villages[3].population`; `None` when its item is gone.
    pub fn path(&self, application: &Application) -> Option<String> {
        let index = match (&self.item, self.field.list()) {
            (Some(id), Some(list)) => Some(list.position(application, id)?),
            (None, None) => None,
            _ => return None,
        };
        Some(paths::path_of(self.field, index))
    }

    /// The field's name in messages: `第4个村「东村」的户籍人口`, or the label alone for a field of the application.
    pub fn name(&self, application: &Application) -> String {
        let label = self.field.label();
        match (&self.item, self.field.list()) {
            (Some(id), Some(list)) => match list.position(application, id) {
                Some(index) => format!("{}的{label}", item_label(application, list, index)),
                None => label.into_owned(),
            },
            _ => label.into_owned(),
        }
    }
}

/// An answer, typed by the field's [`Kind`]: what the catalogue reads from and writes into the model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// Free text (also codes and telephone numbers); empty when not filled in.
    Text(String),
    /// The key of the chosen option (an enum's serde name, a division code, a village id); `None` when unanswered.
    Choice(Option<String>),
    /// 是 / 否; `None` when unanswered.
    YesNo(Option<bool>),
    /// A tick box.
    Flag(bool),
    /// An amount in 万元.
    Amount(Option<Wan>),
    /// A count of people.
    Count(Option<u32>),
    /// A date.
    Date(Option<NaiveDate>),
    /// A month.
    Month(Option<YearMonth>),
}

impl Answer {
    /// True when nothing is filled in, chosen, answered or ticked.
    pub fn is_empty(&self) -> bool {
        match self {
            Answer::Text(text) => text.trim().is_empty(),
            Answer::Choice(key) => key.as_deref().is_none_or(str::is_empty),
            Answer::YesNo(value) => value.is_none(),
            Answer::Flag(ticked) => !ticked,
            Answer::Amount(value) => value.is_none(),
            Answer::Count(value) => value.is_none(),
            Answer::Date(value) => value.is_none(),
            Answer::Month(value) => value.is_none(),
        }
    }

    /// The text a form control shows for the answer: the text itself, the key of a choice, `yes`/`no` for a yes/no
    /// question, `true`/`false` for a tick box, the normal form of a number, date (`2022-11-25`) or month
    /// (`2023-01`); empty when unanswered.
    pub fn form_text(&self) -> String {
        match self {
            Answer::Text(text) => text.clone(),
            Answer::Choice(key) => key.clone().unwrap_or_default(),
            Answer::YesNo(value) => match value {
                Some(true) => "yes".into(),
                Some(false) => "no".into(),
                None => String::new(),
            },
            Answer::Flag(ticked) => ticked.to_string(),
            Answer::Amount(value) => value.map(|v| v.to_string()).unwrap_or_default(),
            Answer::Count(value) => value.map(|v| v.to_string()).unwrap_or_default(),
            Answer::Date(value) => value.map(|v| v.to_string()).unwrap_or_default(),
            Answer::Month(value) => value.map(|v| v.to_string()).unwrap_or_default(),
        }
    }

    fn text(self) -> String {
        match self {
            Answer::Text(text) => text,
            other => other.form_text(),
        }
    }
}

/// A label that is either fixed or made from the name of an enum value (a programme, a content area…).
pub type Label = Cow<'static, str>;

#[cfg(test)]
mod tests;
