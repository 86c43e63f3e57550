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

use crate::finding::Step;
use crate::input::YearMonth;
use crate::model::{Application, ContentArea, ExcludedProgramme, FundingSource, LinkedInitiativeKind};
use crate::money::Wan;

mod access;
mod answers;
mod applies;
mod choices;
mod entries;
mod kind;
mod paths;
mod steps;

pub use answers::{Answer as AnswerRow, answers};
pub use applies::clear_inapplicable;
pub use choices::{Choice, ChoiceOption, TOWNSHIP_SITE};
pub use kind::{InputProblem, Kind};
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

/// Questions about the county applying (`application.applicant`).
#[allow(missing_docs)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ApplicantField {
    City,
    County,
    KeyCounty,
    CityHasKeyCounty,
    RegionTier,
    RegionTierSource,
    AlongYellowRiver,
    ContactPerson,
    ContactPhone,
}

/// Members of a village (`application.villages[]`).
#[allow(missing_docs)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum VillageField {
    Name,
    Township,
    Code,
    Category,
    PlanStatus,
    PlanApprovedOn,
    PlanExpectedOn,
    Population,
    LiftedPopulation,
    MonitoredPopulation,
    ResidentSupport,
}

/// Members of a featured industry (`application.industries[]`).
#[allow(missing_docs)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum IndustryField {
    Name,
    FitsCountyPlan,
    CountyPlan,
    ChainPotential,
    MarketProspects,
}

/// Members of the implementation plan (`application.plan`), besides the narratives.
#[allow(missing_docs)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PlanField {
    Start,
    End,
    Targets,
}

/// Members of a project (`application.projects[]`), besides its funding.
#[allow(missing_docs)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ProjectField {
    Name,
    ContentArea,
    /// The village it is carried out in (`village_id`), or `township` for a township-level project.
    Site,
    Township,
    ContentAndScale,
    SupportMode,
    SupportModeOther,
    ResponsibleDepartment,
    ImplementingBody,
    Start,
    End,
    Beneficiaries,
    BeneficiariesLifted,
    BeneficiariesMonitored,
    BenefitLinkage,
    DividendOnlyPurchase,
}

/// Amounts declared at area level (`application.funds`); the sector fund lines are [`SectorFundField`].
#[allow(missing_docs)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FundsField {
    ProvincialLinkage,
    CityLinkage,
    CountyLinkage,
    Cooperation,
    SocialCapital,
    Loans,
}

/// Members of an integrated sector fund line (`application.funds.sector_funds[]`).
#[allow(missing_docs)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SectorFundField {
    Department,
    FundName,
    Amount,
}

/// Questions about the county's organisation (`application.governance`).
#[allow(missing_docs)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum GovernanceField {
    PrincipalLeadersDeployed,
    LeaderInCharge,
    CoordinationMechanism,
    LedByRuralRevitalizationBureau,
    LedByFinanceBureau,
    TaskForce,
    TaskForceMembers,
    ExecutiveMeetingDate,
    ExecutiveMeetingMinutes,
    LandQuotaNeeded,
    LandQuotaArranged,
}

/// Commitments (`application.attestations`).
#[allow(missing_docs)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AttestationField {
    FourNotRemoved,
    AssetManagement,
    ReturnToPovertyMonitoring,
    FundsUnderOwnRules,
    SubmittedByCountyGovernment,
}

/// The lists of an application whose items the user adds, removes and reorders; each item has a stable id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ItemList {
    /// `application.villages`
    Villages,
    /// `application.industries`
    Industries,
    /// `application.projects`
    Projects,
    /// `application.funds.sector_funds`
    SectorFunds,
}

impl ItemList {
    /// Every list whose items have ids.
    pub const ALL: [ItemList; 4] =
        [ItemList::Villages, ItemList::Industries, ItemList::Projects, ItemList::SectorFunds];

    /// The field path of the list, e.g. `"funds.sector_funds"`.
    pub fn path(self) -> &'static str {
        match self {
            ItemList::Villages => "villages",
            ItemList::Industries => "industries",
            ItemList::Projects => "projects",
            ItemList::SectorFunds => "funds.sector_funds",
        }
    }

    /// The prefix of item ids, e.g. `v` for `v12`.
    pub fn id_prefix(self) -> &'static str {
        match self {
            ItemList::Villages => "v",
            ItemList::Industries => "i",
            ItemList::Projects => "p",
            ItemList::SectorFunds => "s",
        }
    }

    /// The wizard step the list is on.
    pub fn step(self) -> Step {
        match self {
            ItemList::Villages => Step::Villages,
            ItemList::Industries => Step::Industries,
            ItemList::Projects => Step::Projects,
            ItemList::SectorFunds => Step::Funds,
        }
    }

    /// The fields of each item, in the form's order.
    pub fn fields(self) -> Vec<Field> {
        Field::all().into_iter().filter(|field| field.list() == Some(self)).collect()
    }

    /// The ids of the list's items in `application`, in order.
    pub fn ids(self, application: &Application) -> Vec<&str> {
        match self {
            ItemList::Villages => application.villages.iter().map(|v| v.id.as_str()).collect(),
            ItemList::Industries => application.industries.iter().map(|i| i.id.as_str()).collect(),
            ItemList::Projects => application.projects.iter().map(|p| p.id.as_str()).collect(),
            ItemList::SectorFunds => application.funds.sector_funds.iter().map(|s| s.id.as_str()).collect(),
        }
    }

    /// The position of the item with this id, if the list has it.
    pub fn position(self, application: &Application, id: &str) -> Option<usize> {
        self.ids(application).iter().position(|other| *other == id)
    }
}

impl Field {
    /// Every field, in the wizard's order (steps, then the order of each page); item fields once each.
    pub fn all() -> Vec<Field> {
        use ApplicantField as A;
        use GovernanceField as G;
        use VillageField as V;
        let mut all: Vec<Field> = [
            A::City,
            A::County,
            A::KeyCounty,
            A::CityHasKeyCounty,
            A::RegionTier,
            A::RegionTierSource,
            A::AlongYellowRiver,
        ]
        .into_iter()
        .map(Field::Applicant)
        .collect();
        all.extend(ExcludedProgramme::ALL.map(Field::ExcludedOverlap));
        all.extend([A::ContactPerson, A::ContactPhone].map(Field::Applicant));
        all.extend(
            [
                V::Name,
                V::Township,
                V::Code,
                V::Category,
                V::PlanStatus,
                V::PlanApprovedOn,
                V::PlanExpectedOn,
                V::Population,
                V::LiftedPopulation,
                V::MonitoredPopulation,
                V::ResidentSupport,
            ]
            .map(Field::Village),
        );
        all.extend(
            [
                IndustryField::Name,
                IndustryField::FitsCountyPlan,
                IndustryField::CountyPlan,
                IndustryField::ChainPotential,
                IndustryField::MarketProspects,
            ]
            .map(Field::Industry),
        );
        for kind in LinkedInitiativeKind::ALL {
            all.extend([Field::LinkedInitiative(kind), Field::LinkedInitiativeName(kind)]);
        }
        all.extend([PlanField::Start, PlanField::End, PlanField::Targets].map(Field::Plan));
        all.extend(ContentArea::ALL.map(Field::Narrative));
        use ProjectField as P;
        all.extend(
            [P::Name, P::ContentArea, P::Site, P::Township, P::ContentAndScale, P::SupportMode, P::SupportModeOther]
                .map(Field::Project),
        );
        all.extend(FundingSource::ALL.map(Field::ProjectFunding));
        all.extend(
            [
                P::ResponsibleDepartment,
                P::ImplementingBody,
                P::Start,
                P::End,
                P::Beneficiaries,
                P::BeneficiariesLifted,
                P::BeneficiariesMonitored,
                P::BenefitLinkage,
                P::DividendOnlyPurchase,
            ]
            .map(Field::Project),
        );
        use FundsField as F;
        all.extend([F::ProvincialLinkage, F::CityLinkage, F::CountyLinkage].map(Field::Funds));
        all.extend(
            [SectorFundField::Department, SectorFundField::FundName, SectorFundField::Amount].map(Field::SectorFund),
        );
        all.extend([F::Cooperation, F::SocialCapital, F::Loans].map(Field::Funds));
        all.extend(
            [
                G::PrincipalLeadersDeployed,
                G::LeaderInCharge,
                G::CoordinationMechanism,
                G::LedByRuralRevitalizationBureau,
                G::LedByFinanceBureau,
                G::TaskForce,
                G::TaskForceMembers,
                G::ExecutiveMeetingDate,
                G::ExecutiveMeetingMinutes,
                G::LandQuotaNeeded,
                G::LandQuotaArranged,
            ]
            .map(Field::Governance),
        );
        use AttestationField as T;
        all.extend(
            [
                T::FourNotRemoved,
                T::AssetManagement,
                T::ReturnToPovertyMonitoring,
                T::FundsUnderOwnRules,
                T::SubmittedByCountyGovernment,
            ]
            .map(Field::Attestation),
        );
        all
    }

    /// The fields of one step, in the form's order.
    pub fn of_step(step: Step) -> impl Iterator<Item = Field> {
        Field::all().into_iter().filter(move |field| field.step() == step)
    }

    /// The list whose items have this field, or `None` for a field of the application itself.
    pub fn list(self) -> Option<ItemList> {
        match self {
            Field::Village(_) => Some(ItemList::Villages),
            Field::Industry(_) => Some(ItemList::Industries),
            Field::Project(_) | Field::ProjectFunding(_) => Some(ItemList::Projects),
            Field::SectorFund(_) => Some(ItemList::SectorFunds),
            _ => None,
        }
    }

    /// The wizard step the field is on.
    pub fn step(self) -> Step {
        match self {
            Field::Applicant(_) | Field::ExcludedOverlap(_) => Step::Applicant,
            Field::Village(_) => Step::Villages,
            Field::Industry(_) | Field::LinkedInitiative(_) | Field::LinkedInitiativeName(_) => Step::Industries,
            Field::Plan(_) | Field::Narrative(_) | Field::Project(_) | Field::ProjectFunding(_) => Step::Projects,
            Field::Funds(_) | Field::SectorFund(_) => Step::Funds,
            Field::Governance(_) => Step::Governance,
            Field::Attestation(_) => Step::Attestations,
        }
    }

    /// This field of the application itself (not of a list item).
    pub fn at(self) -> FieldRef {
        FieldRef { field: self, item: None }
    }

    /// This field of the list item with id `item`.
    pub fn of(self, item: &str) -> FieldRef {
        FieldRef { field: self, item: Some(item.to_owned()) }
    }
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
