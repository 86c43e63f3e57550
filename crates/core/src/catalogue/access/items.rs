//! The answers of the fields of list items: villages, featured industries, projects, sector fund lines.

use super::{amount, choice, count, date, flag, key, month, text, yes_no};
use crate::catalogue::choices::TOWNSHIP_SITE;
use crate::catalogue::{Answer, IndustryField, ProjectField, SectorFundField, VillageField};
use crate::model::{FeaturedIndustry, Project, SectorFund, Village};

pub(super) fn village(field: VillageField, v: &Village) -> Answer {
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

pub(super) fn put_village(field: VillageField, v: &mut Village, answer: Answer) {
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

pub(super) fn industry(field: IndustryField, i: &FeaturedIndustry) -> Answer {
    match field {
        IndustryField::Name => Answer::Text(i.name.clone()),
        IndustryField::FitsCountyPlan => Answer::YesNo(i.fits_county_plan),
        IndustryField::CountyPlan => Answer::Text(i.county_plan.clone()),
        IndustryField::ChainPotential => Answer::Text(i.chain_potential.clone()),
        IndustryField::MarketProspects => Answer::Text(i.market_prospects.clone()),
    }
}

pub(super) fn put_industry(field: IndustryField, i: &mut FeaturedIndustry, answer: Answer) {
    match field {
        IndustryField::Name => i.name = text(answer),
        IndustryField::FitsCountyPlan => i.fits_county_plan = yes_no(answer),
        IndustryField::CountyPlan => i.county_plan = text(answer),
        IndustryField::ChainPotential => i.chain_potential = text(answer),
        IndustryField::MarketProspects => i.market_prospects = text(answer),
    }
}

pub(super) fn project(field: ProjectField, p: &Project) -> Answer {
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

pub(super) fn put_project(field: ProjectField, p: &mut Project, answer: Answer) {
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

pub(super) fn sector_fund(field: SectorFundField, s: &SectorFund) -> Answer {
    match field {
        SectorFundField::Department => Answer::Text(s.department.clone()),
        SectorFundField::FundName => Answer::Text(s.fund_name.clone()),
        SectorFundField::Amount => Answer::Amount(s.amount),
    }
}

pub(super) fn put_sector_fund(field: SectorFundField, s: &mut SectorFund, answer: Answer) {
    match field {
        SectorFundField::Department => s.department = text(answer),
        SectorFundField::FundName => s.fund_name = text(answer),
        SectorFundField::Amount => s.amount = amount(answer),
    }
}
