//! Reading and writing a field's answer in the model, and reading it as text.
//!
//! Writing an answer has the effects the form has always had: choosing a county fills in its city and names and
//! whether it lies on the Yellow River (from the reference data; the applicant may correct it); choosing another
//! city clears the county; a project's site is a village or, for a township-level project, its township; ticking
//! an initiative adds it to the list in the notice's order.

use super::choices::TOWNSHIP_SITE;
use super::{
    Answer, ApplicantField, AttestationField, Choice, Field, FieldRef, FundsField, GovernanceField, IndustryField,
    PlanField, ProjectField, SectorFundField, VillageField,
};
use crate::model::{
    Application, ContentArea, FeaturedIndustry, LinkedInitiative, LinkedInitiativeKind, Project, SectorFund, Village,
};
use crate::money::Wan;
use crate::reference;

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

fn text(answer: Answer) -> String {
    answer.text()
}

fn choice<T: Choice>(answer: Answer) -> Option<T> {
    match answer {
        Answer::Choice(Some(key)) => T::from_key(&key),
        _ => None,
    }
}

fn key<T: Choice>(value: Option<T>) -> Answer {
    Answer::Choice(value.map(|v| v.key().to_owned()))
}

fn yes_no(answer: Answer) -> Option<bool> {
    match answer {
        Answer::YesNo(value) => value,
        _ => None,
    }
}

fn flag(answer: Answer) -> bool {
    matches!(answer, Answer::Flag(true))
}

fn amount(answer: Answer) -> Option<Wan> {
    match answer {
        Answer::Amount(value) => value,
        _ => None,
    }
}

fn count(answer: Answer) -> Option<u32> {
    match answer {
        Answer::Count(value) => value,
        _ => None,
    }
}

fn date(answer: Answer) -> Option<chrono::NaiveDate> {
    match answer {
        Answer::Date(value) => value,
        _ => None,
    }
}

fn month(answer: Answer) -> Option<crate::input::YearMonth> {
    match answer {
        Answer::Month(value) => value,
        _ => None,
    }
}

fn of_application(field: Field, a: &Application) -> Answer {
    use ApplicantField as A;
    use GovernanceField as G;
    let applicant = &a.applicant;
    let governance = &a.governance;
    let attestations = &a.attestations;
    let code = |text: &str| Answer::Choice((!text.is_empty()).then(|| text.to_owned()));
    match field {
        Field::Applicant(field) => match field {
            A::City => code(&applicant.city_code),
            A::County => code(&applicant.county_code),
            A::KeyCounty => Answer::YesNo(applicant.key_county),
            A::CityHasKeyCounty => Answer::YesNo(applicant.city_has_key_county),
            A::RegionTier => key(applicant.region_tier),
            A::RegionTierSource => Answer::Text(applicant.region_tier_source.clone()),
            A::AlongYellowRiver => Answer::YesNo(applicant.along_yellow_river),
            A::ContactPerson => Answer::Text(applicant.contact_person.clone()),
            A::ContactPhone => Answer::Text(applicant.contact_phone.clone()),
        },
        Field::ExcludedOverlap(programme) => Answer::YesNo(a.excluded_overlaps.get(&programme).copied()),
        Field::LinkedInitiative(kind) => Answer::Flag(a.linked_initiatives.iter().any(|i| i.kind == kind)),
        Field::LinkedInitiativeName(kind) => Answer::Text(
            a.linked_initiatives.iter().find(|i| i.kind == kind).map(|i| i.name.clone()).unwrap_or_default(),
        ),
        Field::Plan(field) => match field {
            PlanField::Start => Answer::Month(a.plan.start),
            PlanField::End => Answer::Month(a.plan.end),
            PlanField::Targets => Answer::Text(a.plan.targets.clone()),
        },
        Field::Narrative(area) => Answer::Text(a.plan.narratives.get(&area).cloned().unwrap_or_default()),
        Field::Funds(field) => Answer::Amount(match field {
            FundsField::ProvincialLinkage => a.funds.provincial_linkage_funds,
            FundsField::CityLinkage => a.funds.city_linkage_funds,
            FundsField::CountyLinkage => a.funds.county_linkage_funds,
            FundsField::Cooperation => a.funds.cooperation_funds,
            FundsField::SocialCapital => a.funds.social_capital,
            FundsField::Loans => a.funds.loans,
        }),
        Field::Governance(field) => match field {
            G::PrincipalLeadersDeployed => Answer::YesNo(governance.principal_leaders_deployed),
            G::LeaderInCharge => Answer::Text(governance.leader_in_charge.clone()),
            G::CoordinationMechanism => Answer::YesNo(governance.coordination_mechanism),
            G::LedByRuralRevitalizationBureau => Answer::Flag(governance.led_by_rural_revitalization_bureau),
            G::LedByFinanceBureau => Answer::Flag(governance.led_by_finance_bureau),
            G::TaskForce => Answer::YesNo(governance.task_force),
            G::TaskForceMembers => Answer::Text(governance.task_force_members.clone()),
            G::ExecutiveMeetingDate => Answer::Date(governance.executive_meeting_date),
            G::ExecutiveMeetingMinutes => Answer::Text(governance.executive_meeting_minutes.clone()),
            G::LandQuotaNeeded => Answer::YesNo(governance.land_quota_needed),
            G::LandQuotaArranged => Answer::YesNo(governance.land_quota_arranged),
        },
        Field::Attestation(field) => Answer::Flag(match field {
            AttestationField::FourNotRemoved => attestations.four_not_removed,
            AttestationField::AssetManagement => attestations.asset_management,
            AttestationField::ReturnToPovertyMonitoring => attestations.return_to_poverty_monitoring,
            AttestationField::FundsUnderOwnRules => attestations.funds_under_own_rules,
            AttestationField::SubmittedByCountyGovernment => attestations.submitted_by_county_government,
        }),
        // Item fields are read from their item.
        Field::Village(_)
        | Field::Industry(_)
        | Field::Project(_)
        | Field::ProjectFunding(_)
        | Field::SectorFund(_) => field.kind().empty(),
    }
}

fn put_application(field: Field, a: &mut Application, answer: Answer) {
    use ApplicantField as A;
    use GovernanceField as G;
    match field {
        Field::Applicant(A::City) => {
            let code = text(answer);
            let name = reference::cities().into_iter().find(|(c, _)| *c == code).map(|(_, n)| n.to_owned());
            if a.applicant.city_code != code {
                a.applicant.county_code.clear();
                a.applicant.county_name.clear();
            }
            a.applicant.city_code = code;
            a.applicant.city_name = name.unwrap_or_default();
        }
        Field::Applicant(A::County) => match reference::county(&text(answer)) {
            Some(division) => {
                let applicant = &mut a.applicant;
                division.county_code.clone_into(&mut applicant.county_code);
                division.county_name.clone_into(&mut applicant.county_name);
                division.city_code.clone_into(&mut applicant.city_code);
                division.city_name.clone_into(&mut applicant.city_name);
                // The reference data says whether it lies on the Yellow River; the applicant may correct it.
                applicant.along_yellow_river = Some(division.along_yellow_river);
            }
            None => {
                a.applicant.county_code.clear();
                a.applicant.county_name.clear();
            }
        },
        Field::Applicant(field) => {
            let applicant = &mut a.applicant;
            match field {
                A::KeyCounty => applicant.key_county = yes_no(answer),
                A::CityHasKeyCounty => applicant.city_has_key_county = yes_no(answer),
                A::RegionTier => applicant.region_tier = choice(answer),
                A::RegionTierSource => applicant.region_tier_source = text(answer),
                A::AlongYellowRiver => applicant.along_yellow_river = yes_no(answer),
                A::ContactPerson => applicant.contact_person = text(answer),
                A::ContactPhone => applicant.contact_phone = text(answer),
                A::City | A::County => {}
            }
        }
        Field::ExcludedOverlap(programme) => match yes_no(answer) {
            Some(value) => drop(a.excluded_overlaps.insert(programme, value)),
            None => drop(a.excluded_overlaps.remove(&programme)),
        },
        Field::LinkedInitiative(kind) => tick_initiative(a, kind, flag(answer)),
        Field::LinkedInitiativeName(kind) => {
            if let Some(initiative) = a.linked_initiatives.iter_mut().find(|i| i.kind == kind) {
                initiative.name = text(answer);
            }
        }
        Field::Plan(field) => match field {
            PlanField::Start => a.plan.start = month(answer),
            PlanField::End => a.plan.end = month(answer),
            PlanField::Targets => a.plan.targets = text(answer),
        },
        Field::Narrative(area) => {
            let text = text(answer);
            if text.is_empty() {
                a.plan.narratives.remove(&area);
            } else {
                a.plan.narratives.insert(area, text);
            }
        }
        Field::Funds(field) => {
            let value = amount(answer);
            let funds = &mut a.funds;
            match field {
                FundsField::ProvincialLinkage => funds.provincial_linkage_funds = value,
                FundsField::CityLinkage => funds.city_linkage_funds = value,
                FundsField::CountyLinkage => funds.county_linkage_funds = value,
                FundsField::Cooperation => funds.cooperation_funds = value,
                FundsField::SocialCapital => funds.social_capital = value,
                FundsField::Loans => funds.loans = value,
            }
        }
        Field::Governance(field) => {
            let g = &mut a.governance;
            match field {
                G::PrincipalLeadersDeployed => g.principal_leaders_deployed = yes_no(answer),
                G::LeaderInCharge => g.leader_in_charge = text(answer),
                G::CoordinationMechanism => g.coordination_mechanism = yes_no(answer),
                G::LedByRuralRevitalizationBureau => g.led_by_rural_revitalization_bureau = flag(answer),
                G::LedByFinanceBureau => g.led_by_finance_bureau = flag(answer),
                G::TaskForce => g.task_force = yes_no(answer),
                G::TaskForceMembers => g.task_force_members = text(answer),
                G::ExecutiveMeetingDate => g.executive_meeting_date = date(answer),
                G::ExecutiveMeetingMinutes => g.executive_meeting_minutes = text(answer),
                G::LandQuotaNeeded => g.land_quota_needed = yes_no(answer),
                G::LandQuotaArranged => g.land_quota_arranged = yes_no(answer),
            }
        }
        Field::Attestation(field) => {
            let t = &mut a.attestations;
            let ticked = flag(answer);
            match field {
                AttestationField::FourNotRemoved => t.four_not_removed = ticked,
                AttestationField::AssetManagement => t.asset_management = ticked,
                AttestationField::ReturnToPovertyMonitoring => t.return_to_poverty_monitoring = ticked,
                AttestationField::FundsUnderOwnRules => t.funds_under_own_rules = ticked,
                AttestationField::SubmittedByCountyGovernment => t.submitted_by_county_government = ticked,
            }
        }
        Field::Village(_)
        | Field::Industry(_)
        | Field::Project(_)
        | Field::ProjectFunding(_)
        | Field::SectorFund(_) => {}
    }
}

/// Ticking adds an initiative of the kind (once, the list kept in the notice's order); unticking removes it.
fn tick_initiative(a: &mut Application, kind: LinkedInitiativeKind, on: bool) {
    let present = a.linked_initiatives.iter().any(|i| i.kind == kind);
    if on && !present {
        a.linked_initiatives.push(LinkedInitiative { kind, name: String::new() });
        a.linked_initiatives.sort_by_key(|i| i.kind);
    } else if !on {
        a.linked_initiatives.retain(|i| i.kind != kind);
    }
}

fn village(field: VillageField, v: &Village) -> Answer {
    use VillageField as V;
    match field {
        V::Name => Answer::Text(v.name.clone()),
        V::Township => Answer::Text(v.township.clone()),
        V::Code => Answer::Text(v.code.clone()),
        V::Category => key(v.category),
        V::PlanStatus => key(v.plan.status),
        V::PlanApprovedOn => Answer::Date(v.plan.approved_on),
        V::PlanExpectedOn => Answer::Date(v.plan.expected_on),
        V::Population => Answer::Count(v.population),
        V::LiftedPopulation => Answer::Count(v.lifted_population),
        V::MonitoredPopulation => Answer::Count(v.monitored_population),
        V::ResidentSupport => key(v.resident_support),
    }
}

fn put_village(field: VillageField, v: &mut Village, answer: Answer) {
    use VillageField as V;
    match field {
        V::Name => v.name = text(answer),
        V::Township => v.township = text(answer),
        V::Code => v.code = text(answer),
        V::Category => v.category = choice(answer),
        V::PlanStatus => v.plan.status = choice(answer),
        V::PlanApprovedOn => v.plan.approved_on = date(answer),
        V::PlanExpectedOn => v.plan.expected_on = date(answer),
        V::Population => v.population = count(answer),
        V::LiftedPopulation => v.lifted_population = count(answer),
        V::MonitoredPopulation => v.monitored_population = count(answer),
        V::ResidentSupport => v.resident_support = choice(answer),
    }
}

fn industry(field: IndustryField, i: &FeaturedIndustry) -> Answer {
    match field {
        IndustryField::Name => Answer::Text(i.name.clone()),
        IndustryField::FitsCountyPlan => Answer::YesNo(i.fits_county_plan),
        IndustryField::CountyPlan => Answer::Text(i.county_plan.clone()),
        IndustryField::ChainPotential => Answer::Text(i.chain_potential.clone()),
        IndustryField::MarketProspects => Answer::Text(i.market_prospects.clone()),
    }
}

fn put_industry(field: IndustryField, i: &mut FeaturedIndustry, answer: Answer) {
    match field {
        IndustryField::Name => i.name = text(answer),
        IndustryField::FitsCountyPlan => i.fits_county_plan = yes_no(answer),
        IndustryField::CountyPlan => i.county_plan = text(answer),
        IndustryField::ChainPotential => i.chain_potential = text(answer),
        IndustryField::MarketProspects => i.market_prospects = text(answer),
    }
}

fn project(field: ProjectField, p: &Project) -> Answer {
    use ProjectField as P;
    match field {
        P::Name => Answer::Text(p.name.clone()),
        P::ContentArea => key(p.content_area),
        P::Site => Answer::Choice(if !p.village_id.is_empty() {
            Some(p.village_id.clone())
        } else if !p.township.trim().is_empty() {
            Some(TOWNSHIP_SITE.to_owned())
        } else {
            None
        }),
        P::Township => Answer::Text(p.township.clone()),
        P::ContentAndScale => Answer::Text(p.content_and_scale.clone()),
        P::SupportMode => key(p.support_mode),
        P::SupportModeOther => Answer::Text(p.support_mode_other.clone()),
        P::ResponsibleDepartment => Answer::Text(p.responsible_department.clone()),
        P::ImplementingBody => Answer::Text(p.implementing_body.clone()),
        P::Start => Answer::Month(p.start),
        P::End => Answer::Month(p.end),
        P::Beneficiaries => Answer::Count(p.beneficiaries),
        P::BeneficiariesLifted => Answer::Count(p.beneficiaries_lifted),
        P::BeneficiariesMonitored => Answer::Count(p.beneficiaries_monitored),
        P::BenefitLinkage => Answer::Text(p.benefit_linkage.clone()),
        P::DividendOnlyPurchase => Answer::Flag(p.dividend_only_purchase),
    }
}

fn put_project(field: ProjectField, p: &mut Project, answer: Answer) {
    use ProjectField as P;
    match field {
        P::Name => p.name = text(answer),
        P::ContentArea => p.content_area = choice(answer),
        // A village, or a township-level project (its township typed next); choosing a village clears the township.
        P::Site => match text(answer) {
            key if key == TOWNSHIP_SITE => p.village_id.clear(),
            key => {
                if !key.is_empty() {
                    p.township.clear();
                }
                p.village_id = key;
            }
        },
        P::Township => p.township = text(answer),
        P::ContentAndScale => p.content_and_scale = text(answer),
        P::SupportMode => p.support_mode = choice(answer),
        P::SupportModeOther => p.support_mode_other = text(answer),
        P::ResponsibleDepartment => p.responsible_department = text(answer),
        P::ImplementingBody => p.implementing_body = text(answer),
        P::Start => p.start = month(answer),
        P::End => p.end = month(answer),
        P::Beneficiaries => p.beneficiaries = count(answer),
        P::BeneficiariesLifted => p.beneficiaries_lifted = count(answer),
        P::BeneficiariesMonitored => p.beneficiaries_monitored = count(answer),
        P::BenefitLinkage => p.benefit_linkage = text(answer),
        P::DividendOnlyPurchase => p.dividend_only_purchase = flag(answer),
    }
}

fn sector_fund(field: SectorFundField, s: &SectorFund) -> Answer {
    match field {
        SectorFundField::Department => Answer::Text(s.department.clone()),
        SectorFundField::FundName => Answer::Text(s.fund_name.clone()),
        SectorFundField::Amount => Answer::Amount(s.amount),
    }
}

fn put_sector_fund(field: SectorFundField, s: &mut SectorFund, answer: Answer) {
    match field {
        SectorFundField::Department => s.department = text(answer),
        SectorFundField::FundName => s.fund_name = text(answer),
        SectorFundField::Amount => s.amount = amount(answer),
    }
}
