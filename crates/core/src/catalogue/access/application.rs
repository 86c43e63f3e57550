//! The answers of the application's own fields (not of list items).

use super::{amount, choice, date, flag, key, month, text, yes_no};
use crate::catalogue::{Answer, ApplicantField, AttestationField, Field, FundsField, GovernanceField, PlanField};
use crate::model::{Application, LinkedInitiative, LinkedInitiativeKind};
use crate::reference;

pub(super) fn of_application(field: Field, a: &Application) -> Answer {
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

pub(super) fn put_application(field: Field, a: &mut Application, answer: Answer) {
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
