//! The application (申报书) a county prepares: everything the notice asks for, as plain serde data.
//!
//! Every field may be empty: a draft is filled in over days, and [`crate::evaluate`] reports what is missing.
//! Amounts are [`Wan`] (万元, JSON strings); dates are ISO 8601 (`2022-11-25`); months `YYYY-MM`; list items carry
//! a stable `id` chosen by the caller (the app numbers them) so that justifications and links survive reordering.
//! Names follow `GLOSSARY.md`; each enum's `label()` is the notice's Chinese term.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

mod applicant;
mod funds;
mod governance;
mod industry;
mod project;
mod village;

pub use applicant::{Applicant, ExcludedProgramme, RegionTier};
pub use funds::{FundingSource, Funds, SectorFund};
pub use governance::{Attestations, Governance};
pub use industry::{FeaturedIndustry, LinkedInitiative, LinkedInitiativeKind};
pub use project::{ContentArea, ImplementationPlan, Project, SupportMode};
pub use village::{PlanStatus, ResidentSupport, Village, VillageCategory, VillagePlan};

/// The schema version this crate writes. Older drafts are migrated by [`crate::draft::migrate`].
pub const SCHEMA_VERSION: u32 = 2;

/// An application for one promotion area (衔接推进区申报书).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Application {
    /// The county applying, and the facts about it that decide the funding rules (一.3).
    pub applicant: Applicant,
    /// The area's declared overlap with each programme excluded by 一.3; a missing key is "not yet answered".
    pub excluded_overlaps: BTreeMap<ExcludedProgramme, bool>,
    /// The administrative villages the area covers (三).
    pub villages: Vec<Village>,
    /// One or two featured agricultural industries (三.1).
    pub industries: Vec<FeaturedIndustry>,
    /// Initiatives the area is combined with (三.1, optional).
    pub linked_initiatives: Vec<LinkedInitiative>,
    /// Funds raised for the area (一.3, 三.4).
    pub funds: Funds,
    /// The two-year implementation plan (四.3).
    pub plan: ImplementationPlan,
    /// The project list (二, 四.3).
    pub projects: Vec<Project>,
    /// The county's organisation (三.3, 三.4, 四.3).
    pub governance: Governance,
    /// Commitments the notice implies (二.6, 三.4, 四.3).
    pub attestations: Attestations,
}
