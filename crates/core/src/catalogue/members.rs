//! The members of each part of the application, as typed ids of the catalogue's fields, and every field in the
//! wizard's order.

use super::{Field, FieldRef, ItemList};
use crate::finding::Step;
use crate::model::{ContentArea, ExcludedProgramme, FundingSource, LinkedInitiativeKind};

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
