//! The options of the fields answered by a choice: the model's enums, the reference data's cities and counties,
//! and the villages of the application (a project's site).

use super::{ApplicantField, Field, ProjectField, VillageField};
use crate::model::{
    Application, ContentArea, ExcludedProgramme, FundingSource, LinkedInitiativeKind, PlanStatus, RegionTier,
    ResidentSupport, SupportMode, VillageCategory,
};
use crate::params::ParameterSet;
use crate::reference;

/// An enum of the model answered by choosing one of its values. The key is the value's serde name (the form's
/// option value and the JSON of drafts and bundles); the label is the notice's term.
pub trait Choice: Copy + Eq + Sized + 'static {
    /// Every value, in the order the form lists them.
    const VALUES: &'static [Self];
    /// The identifier in JSON and in the form.
    fn key(self) -> &'static str;
    /// The Chinese term.
    fn label(self) -> &'static str;
    /// The value with this key.
    fn from_key(key: &str) -> Option<Self> {
        Self::VALUES.iter().copied().find(|value| value.key() == key)
    }
}

macro_rules! choice {
    ($type:ty, $($value:ident => $key:literal),+ $(,)?) => {
        impl Choice for $type {
            const VALUES: &'static [Self] = &[$(<$type>::$value),+];
            fn key(self) -> &'static str {
                match self {
                    $(<$type>::$value => $key),+
                }
            }
            fn label(self) -> &'static str {
                <$type>::label(self)
            }
        }
    };
}

choice!(RegionTier, East => "east", Central => "central", West => "west");
choice!(
    VillageCategory,
    Agglomeration => "agglomeration",
    CharacteristicProtection => "characteristic_protection",
    SuburbanIntegration => "suburban_integration",
    RelocationMerger => "relocation_merger",
    UrbanVillage => "urban_village",
    Unclassified => "unclassified",
);
choice!(PlanStatus, Approved => "approved", InPreparation => "in_preparation", None => "none");
choice!(
    ResidentSupport,
    FirstSecretary => "first_secretary",
    WorkTeam => "work_team",
    Both => "both",
    Neither => "neither",
);
choice!(
    ContentArea,
    Industry => "industry",
    Construction => "construction",
    Governance => "governance",
    Talent => "talent",
    Employment => "employment",
    Consolidation => "consolidation",
);
choice!(
    SupportMode,
    AwardInLieuOfSubsidy => "award_in_lieu_of_subsidy",
    LoanInterestSubsidy => "loan_interest_subsidy",
    PurchasedServices => "purchased_services",
    WorkRelief => "work_relief",
    Other => "other",
);
choice!(
    LinkedInitiativeKind,
    ModernAgriculturalPark => "modern_agricultural_park",
    IndustryTown => "industry_town",
    HighStandardFarmland => "high_standard_farmland",
    CharacteristicTown => "characteristic_town",
);
choice!(
    FundingSource,
    ProvincialLinkage => "provincial_linkage",
    CityLinkage => "city_linkage",
    CountyLinkage => "county_linkage",
    Sector => "sector",
    Cooperation => "cooperation",
    SocialCapital => "social_capital",
    Loans => "loans",
);
choice!(
    ExcludedProgramme,
    FirstBatch => "first_batch",
    RuralReformPilot => "rural_reform_pilot",
    PastoralComplex => "pastoral_complex",
    LotteryRevolutionaryArea => "lottery_revolutionary_area",
    QiluModelZone => "qilu_model_zone",
);

/// One option of a choice: the key the form sends and the model stores, and the text people read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChoiceOption {
    /// The option's value, e.g. `agglomeration`, `370124`, `v3`.
    pub key: String,
    /// What the form shows, e.g. `集聚提升类`, `平阴县（县）`.
    pub label: String,
}

impl ChoiceOption {
    fn of<T: Choice>(value: T) -> ChoiceOption {
        ChoiceOption { key: value.key().to_owned(), label: value.label().to_owned() }
    }

    fn all<T: Choice>() -> Vec<ChoiceOption> {
        T::VALUES.iter().copied().map(ChoiceOption::of).collect()
    }
}

/// The key a project's site has for a township-level project (its township is typed in [`ProjectField::Township`]).
pub const TOWNSHIP_SITE: &str = "township";

impl Field {
    /// The options of a field answered by a choice, as the form lists them for `application` (the counties of
    /// the chosen city, the villages of the area…); empty for other kinds. Yes/no questions have none: their two
    /// answers are 是 and 否.
    pub fn options(self, application: &Application, params: &ParameterSet) -> Vec<ChoiceOption> {
        match self {
            Field::Applicant(ApplicantField::City) => reference::cities()
                .into_iter()
                .map(|(code, name)| ChoiceOption { key: code.to_owned(), label: name.to_owned() })
                .collect(),
            Field::Applicant(ApplicantField::County) => reference::counties_of(&application.applicant.city_code)
                .map(|division| ChoiceOption {
                    key: division.county_code.to_owned(),
                    label: format!("{}（{}）", division.county_name, division.county_type),
                })
                .collect(),
            Field::Applicant(ApplicantField::RegionTier) => RegionTier::ALL
                .into_iter()
                .map(|tier| ChoiceOption {
                    key: tier.key().to_owned(),
                    label: format!(
                        "{}（省级以上衔接资金定额补助 {} 万元）",
                        tier.label(),
                        params.fixed_subsidy(tier).value
                    ),
                })
                .collect(),
            Field::Village(VillageField::Category) => ChoiceOption::all::<VillageCategory>(),
            Field::Village(VillageField::PlanStatus) => ChoiceOption::all::<PlanStatus>(),
            Field::Village(VillageField::ResidentSupport) => ChoiceOption::all::<ResidentSupport>(),
            Field::Project(ProjectField::ContentArea) => ChoiceOption::all::<ContentArea>(),
            Field::Project(ProjectField::SupportMode) => ChoiceOption::all::<SupportMode>(),
            Field::Project(ProjectField::Site) => {
                let mut options: Vec<ChoiceOption> = application
                    .villages
                    .iter()
                    .map(|v| ChoiceOption { key: v.id.clone(), label: format!("{}{}", v.township, v.name) })
                    .collect();
                options.push(ChoiceOption {
                    key: TOWNSHIP_SITE.to_owned(),
                    label: "乡镇级项目（服务全乡镇，如公共服务）".to_owned(),
                });
                options
            }
            _ => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serde_key<T: serde::Serialize>(value: T) -> String {
        serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
    }

    fn keys_are_serde_names<T: Choice + serde::Serialize + std::fmt::Debug>() {
        for value in T::VALUES {
            assert_eq!(value.key(), serde_key(*value));
            assert_eq!(T::from_key(value.key()), Some(*value));
        }
    }

    #[test]
    fn every_choice_s_keys_are_its_serde_names() {
        keys_are_serde_names::<RegionTier>();
        keys_are_serde_names::<VillageCategory>();
        keys_are_serde_names::<PlanStatus>();
        keys_are_serde_names::<ResidentSupport>();
        keys_are_serde_names::<ContentArea>();
        keys_are_serde_names::<SupportMode>();
        keys_are_serde_names::<LinkedInitiativeKind>();
        keys_are_serde_names::<FundingSource>();
        keys_are_serde_names::<ExcludedProgramme>();
        assert_eq!(RegionTier::VALUES, &RegionTier::ALL);
        assert_eq!(VillageCategory::VALUES, &VillageCategory::ALL);
        assert_eq!(ContentArea::VALUES, &ContentArea::ALL);
        assert_eq!(FundingSource::VALUES, &FundingSource::ALL);
    }

    #[test]
    fn tier_options_state_the_subsidy_of_the_parameter_set() {
        let mut params = ParameterSet::second_batch_2022();
        params.fixed_subsidy_west.value = crate::money::Wan::from_whole(3100);
        let options = Field::Applicant(ApplicantField::RegionTier).options(&Application::default(), &params);
        assert_eq!(options[2].label, "西部（省级以上衔接资金定额补助 3100 万元）");
    }
}
