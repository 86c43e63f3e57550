//! Field paths (`villages[3].population`, `docs/draft-format.md`) to fields and back, and the names people read
//! for them: `villages[3].population` → 第4个村的户籍人口.

use super::{
    ApplicantField, AttestationField, Choice, Field, FundsField, GovernanceField, IndustryField, ItemList, PlanField,
    ProjectField, SectorFundField, VillageField,
};
use crate::finding::Step;
use crate::model::{Application, LinkedInitiativeKind};
#[cfg(test)]
use crate::model::{ContentArea, ExcludedProgramme, FundingSource};

/// The path of `field`, of the item at `index` for an item's field: `villages[3].population`, `funds.loans`.
pub(super) fn path_of(field: Field, index: Option<usize>) -> String {
    let member = member(field);
    match (field.list(), index) {
        (Some(list), Some(index)) => format!("{}[{index}].{member}", list.path()),
        (Some(list), None) => format!("{}[].{member}", list.path()),
        (None, _) => member,
    }
}

/// The member path of a field: within its item for an item's field (`plan.status`), else from the application.
fn member(field: Field) -> String {
    use ApplicantField as A;
    use GovernanceField as G;
    use ProjectField as P;
    use VillageField as V;
    let name = match field {
        Field::Applicant(field) => match field {
            A::City => "applicant.city_code",
            A::County => "applicant.county_code",
            A::KeyCounty => "applicant.key_county",
            A::CityHasKeyCounty => "applicant.city_has_key_county",
            A::RegionTier => "applicant.region_tier",
            A::RegionTierSource => "applicant.region_tier_source",
            A::AlongYellowRiver => "applicant.along_yellow_river",
            A::ContactPerson => "applicant.contact_person",
            A::ContactPhone => "applicant.contact_phone",
        },
        Field::ExcludedOverlap(programme) => return format!("excluded_overlaps.{}", programme.key()),
        Field::Village(field) => match field {
            V::Name => "name",
            V::Township => "township",
            V::Code => "code",
            V::Category => "category",
            V::PlanStatus => "plan.status",
            V::PlanApprovedOn => "plan.approved_on",
            V::PlanExpectedOn => "plan.expected_on",
            V::Population => "population",
            V::LiftedPopulation => "lifted_population",
            V::MonitoredPopulation => "monitored_population",
            V::ResidentSupport => "resident_support",
        },
        Field::Industry(field) => match field {
            IndustryField::Name => "name",
            IndustryField::FitsCountyPlan => "fits_county_plan",
            IndustryField::CountyPlan => "county_plan",
            IndustryField::ChainPotential => "chain_potential",
            IndustryField::MarketProspects => "market_prospects",
        },
        Field::LinkedInitiative(kind) => return format!("linked_initiatives.{}", kind.key()),
        Field::LinkedInitiativeName(kind) => return format!("linked_initiatives.{}.name", kind.key()),
        Field::Plan(field) => match field {
            PlanField::Start => "plan.start",
            PlanField::End => "plan.end",
            PlanField::Targets => "plan.targets",
        },
        Field::Narrative(area) => return format!("plan.narratives.{}", area.key()),
        Field::Project(field) => match field {
            P::Name => "name",
            P::ContentArea => "content_area",
            P::Site => "village_id",
            P::Township => "township",
            P::ContentAndScale => "content_and_scale",
            P::SupportMode => "support_mode",
            P::SupportModeOther => "support_mode_other",
            P::ResponsibleDepartment => "responsible_department",
            P::ImplementingBody => "implementing_body",
            P::Start => "start",
            P::End => "end",
            P::Beneficiaries => "beneficiaries",
            P::BeneficiariesLifted => "beneficiaries_lifted",
            P::BeneficiariesMonitored => "beneficiaries_monitored",
            P::BenefitLinkage => "benefit_linkage",
            P::DividendOnlyPurchase => "dividend_only_purchase",
        },
        Field::ProjectFunding(source) => return format!("funding.{}", source.key()),
        Field::Funds(field) => match field {
            FundsField::ProvincialLinkage => "funds.provincial_linkage_funds",
            FundsField::CityLinkage => "funds.city_linkage_funds",
            FundsField::CountyLinkage => "funds.county_linkage_funds",
            FundsField::Cooperation => "funds.cooperation_funds",
            FundsField::SocialCapital => "funds.social_capital",
            FundsField::Loans => "funds.loans",
        },
        Field::SectorFund(field) => match field {
            SectorFundField::Department => "department",
            SectorFundField::FundName => "fund_name",
            SectorFundField::Amount => "amount",
        },
        Field::Governance(field) => match field {
            G::PrincipalLeadersDeployed => "governance.principal_leaders_deployed",
            G::LeaderInCharge => "governance.leader_in_charge",
            G::CoordinationMechanism => "governance.coordination_mechanism",
            G::LedByRuralRevitalizationBureau => "governance.led_by_rural_revitalization_bureau",
            G::LedByFinanceBureau => "governance.led_by_finance_bureau",
            G::TaskForce => "governance.task_force",
            G::TaskForceMembers => "governance.task_force_members",
            G::ExecutiveMeetingDate => "governance.executive_meeting_date",
            G::ExecutiveMeetingMinutes => "governance.executive_meeting_minutes",
            G::LandQuotaNeeded => "governance.land_quota_needed",
            G::LandQuotaArranged => "governance.land_quota_arranged",
        },
        Field::Attestation(field) => match field {
            AttestationField::FourNotRemoved => "attestations.four_not_removed",
            AttestationField::AssetManagement => "attestations.asset_management",
            AttestationField::ReturnToPovertyMonitoring => "attestations.return_to_poverty_monitoring",
            AttestationField::FundsUnderOwnRules => "attestations.funds_under_own_rules",
            AttestationField::SubmittedByCountyGovernment => "attestations.submitted_by_county_government",
        },
    };
    name.to_owned()
}

/// The field a path names, with the item's position for an item's field: `villages[3].population` →
/// (户籍人口, `Some(3)`); `None` for a path that names no field (a section, a list, an item id, a typo). A leading
/// `application.` is allowed.
pub fn parse_path(path: &str) -> Option<(Field, Option<usize>)> {
    let path = path.strip_prefix("application.").unwrap_or(path);
    for list in ItemList::ALL {
        let Some(rest) = path.strip_prefix(list.path()).and_then(|rest| rest.strip_prefix('[')) else { continue };
        let (index, member) = rest.split_once("].")?;
        if index.is_empty() || !index.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let index: usize = index.parse().ok()?;
        let field = Field::all().into_iter().find(|f| f.list() == Some(list) && self::member(*f) == member)?;
        return Some((field, Some(index)));
    }
    let field = Field::all().into_iter().find(|f| f.list().is_none() && self::member(*f) == path)?;
    Some((field, None))
}

/// Whether `path` names a field of `application` that typed text can be pending for: an amount, date, month or
/// count field ([`super::Kind::is_typed`]) and, within a list, an item the list has. A draft whose pending text
/// points anywhere else was edited by hand, and is refused ([`crate::draft::DraftError::PendingInputNowhere`]).
pub fn is_input_of(path: &str, application: &Application) -> bool {
    match parse_path(path) {
        Some((field, index)) if field.kind().is_typed() => match (field.list(), index) {
            (Some(list), Some(index)) => index < list.ids(application).len(),
            (None, None) => true,
            _ => false,
        },
        _ => false,
    }
}

/// How an item is named in messages: `第4个村「东村」`, or `第4个村` while it has no name; likewise
/// `第1个特色产业`, `第2个项目`, `第3项整合的行业资金` (fund lines are named by their position).
pub fn item_label(application: &Application, list: ItemList, index: usize) -> String {
    let name = match list {
        ItemList::Villages => application.villages.get(index).map(|v| v.name.trim()),
        ItemList::Industries => application.industries.get(index).map(|i| i.name.trim()),
        ItemList::Projects => application.projects.get(index).map(|p| p.name.trim()),
        ItemList::SectorFunds => None,
    };
    match name {
        Some(name) if !name.is_empty() => format!("{}「{name}」", item_noun(list, index)),
        _ => item_noun(list, index),
    }
}

/// `第4个村`, `第1个特色产业`, `第2个项目`, `第3项整合的行业资金`.
pub(crate) fn item_noun(list: ItemList, index: usize) -> String {
    let number = index + 1;
    match list {
        ItemList::Villages => format!("第{number}个村"),
        ItemList::Industries => format!("第{number}个特色产业"),
        ItemList::Projects => format!("第{number}个项目"),
        ItemList::SectorFunds => format!("第{number}项整合的行业资金"),
    }
}

impl ItemList {
    /// The list's name: 覆盖的行政村, 特色产业, 项目清单, 整合的行业资金.
    pub fn label(self) -> &'static str {
        match self {
            ItemList::Villages => "覆盖的行政村",
            ItemList::Industries => "特色产业",
            ItemList::Projects => "项目清单",
            ItemList::SectorFunds => "整合的行业资金",
        }
    }
}

/// The Chinese name of the field, item, list or section at `path`, as messages name it: `villages[3].population`
/// → 第4个村的户籍人口, `projects[0].funding.sector` → 第1个项目的整合的行业资金, `villages` → 覆盖的行政村;
/// `None` for a path the model does not have. Works on the path alone (an item is named by its position).
pub fn describe(path: &str) -> Option<String> {
    let path = path.strip_prefix("application.").unwrap_or(path);
    if let Some((field, index)) = parse_path(path) {
        return Some(match (field.list(), index) {
            (Some(list), Some(index)) => format!("{}的{}", item_noun(list, index), field.label()),
            _ => field.label().into_owned(),
        });
    }
    // Not a field: a section, a list, an item, a member that is not a question (an item's id, a project's
    // funding as a whole, a village's plan as a whole), or an initiative by its position.
    if let Some(section) = section_name(path) {
        return Some(section.to_owned());
    }
    for list in ItemList::ALL {
        if path == list.path() {
            return Some(list.label().to_owned());
        }
        let Some(rest) = path.strip_prefix(list.path()).and_then(|rest| rest.strip_prefix('[')) else { continue };
        let (index, member) = match rest.split_once(']') {
            Some((index, "")) => (index, None),
            Some((index, member)) => (index, Some(member.strip_prefix('.')?)),
            None => return None,
        };
        if !index.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let noun = item_noun(list, index.parse().ok()?);
        let member = match (list, member) {
            (_, None) => return Some(noun),
            (_, Some("id")) => "编号",
            (ItemList::Villages, Some("plan")) => "多规合一村庄规划",
            (ItemList::Projects, Some("funding")) => "资金来源",
            _ => return None,
        };
        return Some(format!("{noun}的{member}"));
    }
    if let Some(rest) = path.strip_prefix("linked_initiatives[") {
        let (index, member) = rest.split_once(']')?;
        let noun = format!("第{}个有机结合的项目", index.parse::<usize>().ok()? + 1);
        return match member {
            "" => Some(noun),
            ".kind" => Some(format!("{noun}的类型")),
            ".name" => Some(format!("{noun}的名称")),
            _ => None,
        };
    }
    if let Some(key) = path.strip_prefix("linked_initiatives.") {
        let kind = LinkedInitiativeKind::from_key(key.strip_suffix(".name").unwrap_or(key))?;
        return Some(Field::LinkedInitiativeName(kind).label().into_owned());
    }
    None
}

/// The wizard step of the field, item, list or section at `path`, e.g. `funds.loans` → 资金筹措,
/// `linked_initiatives` → 特色产业; `None` for a path of no step.
pub fn step_of_path(path: &str) -> Option<Step> {
    if let Some((field, _)) = parse_path(path) {
        return Some(field.step());
    }
    let path = path.strip_prefix("application.").unwrap_or(path);
    let head = path.split(['.', '[']).next().unwrap_or_default();
    Some(match head {
        "applicant" | "excluded_overlaps" => Step::Applicant,
        "villages" => Step::Villages,
        "industries" | "linked_initiatives" => Step::Industries,
        "plan" | "projects" => Step::Projects,
        "funds" => Step::Funds,
        "governance" => Step::Governance,
        "attestations" => Step::Attestations,
        _ => return None,
    })
}

/// The sections of the application and the members that group several fields.
fn section_name(path: &str) -> Option<&'static str> {
    Some(match path {
        "applicant" => "申报县基本情况",
        "applicant.city_name" => "所在市名称",
        "applicant.county_name" => "申报县（市、区）名称",
        "excluded_overlaps" => "与已安排区域的重叠情况",
        "industries" => "特色产业",
        "linked_initiatives" => "有机结合的项目",
        "funds" => "资金筹措",
        "plan" => "实施规划",
        "plan.narratives" => "建设内容概述",
        "projects" => "项目清单",
        "governance" => "组织保障",
        "attestations" => "承诺事项",
        _ => return None,
    })
}

/// Every key a path can hold for a keyed field, to check that [`parse_path`] finds them all.
#[cfg(test)]
pub(super) fn keyed_paths() -> Vec<String> {
    let mut paths: Vec<String> =
        ExcludedProgramme::ALL.iter().map(|p| format!("excluded_overlaps.{}", p.key())).collect();
    paths.extend(ContentArea::ALL.iter().map(|a| format!("plan.narratives.{}", a.key())));
    paths.extend(FundingSource::ALL.iter().map(|s| format!("projects[0].funding.{}", s.key())));
    paths
}
