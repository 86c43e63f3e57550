//! Properties of evaluation over generated applications: it never panics and keeps its own invariants; splitting
//! a project's or a sector fund line's amount in two never changes the totals; an application and a draft survive
//! serialisation unchanged. Case counts are kept small so the core suite stays fast.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use proptest::collection::{btree_map, vec};
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;
use rust_decimal::{Decimal, RoundingStrategy};
use shenbao_core::assessment::evaluate_draft;
use shenbao_core::draft::{DRAFT_FORMAT, Draft};
use shenbao_core::evaluation::{Severity, Status};
use shenbao_core::input::YearMonth;
use shenbao_core::model::{
    Applicant, Application, Attestations, ContentArea, ExcludedProgramme, FeaturedIndustry, FundingSource, Funds,
    Governance, ImplementationPlan, LinkedInitiative, LinkedInitiativeKind, PlanStatus, Project, RegionTier,
    ResidentSupport, SCHEMA_VERSION, SectorFund, SupportMode, Village, VillageCategory, VillagePlan,
};
use shenbao_core::money::max_amount;
use shenbao_core::rules::RULES;
use shenbao_core::{ParameterSet, Wan, evaluate, sample};

/// Text as people leave it: empty, blank, short, or any printable characters.
fn text() -> BoxedStrategy<String> {
    prop_oneof![Just(String::new()), Just(" \u{3000}".to_owned()), "[a-z0-9]{1,6}", "\\PC{0,12}"].boxed()
}

/// Ids from a small pool, so that duplicates and dangling references happen often.
fn id(prefix: &'static str) -> BoxedStrategy<String> {
    prop_oneof![Just(String::new()), (1u8..8).prop_map(move |n| format!("{prefix}{n}")), text()].boxed()
}

fn township() -> BoxedStrategy<String> {
    prop_oneof![Just("孔村镇".to_owned()), Just("洪范池镇".to_owned()), text()].boxed()
}

/// Any amount a file can carry: up to four decimals, from zero to the largest accepted, 10⁹ 万元.
fn amount() -> BoxedStrategy<Wan> {
    prop_oneof![
        (0i64..100_000_000, 0u32..=4).prop_map(|(mantissa, scale)| Wan::new(Decimal::new(mantissa, scale))),
        (0i64..=1_000_000_000).prop_map(Wan::from_whole),
        Just(Wan::new(max_amount())),
    ]
    .boxed()
}

/// Any amount code can hold, far outside what input accepts: negative, huge, and rust_decimal's extremes.
fn extreme_amount() -> BoxedStrategy<Wan> {
    prop_oneof![
        3 => amount(),
        1 => any::<i64>().prop_map(|mantissa| Wan::new(Decimal::new(mantissa, 4))),
        1 => Just(Wan::new(Decimal::MAX)),
        1 => Just(Wan::new(Decimal::MIN)),
    ]
    .boxed()
}

fn month() -> BoxedStrategy<YearMonth> {
    (2000i32..=2100, 1u32..=12).prop_filter_map("a valid month", |(year, month)| YearMonth::new(year, month)).boxed()
}

fn date() -> BoxedStrategy<NaiveDate> {
    (730_000i32..770_000).prop_filter_map("a valid date", NaiveDate::from_num_days_from_ce_opt).boxed()
}

fn count() -> BoxedStrategy<Option<u32>> {
    option::of(prop_oneof![0u32..2000, any::<u32>()]).boxed()
}

fn applicant() -> impl Strategy<Value = Applicant> {
    let codes = prop_oneof![Just("370100".to_owned()), Just("370124".to_owned()), text()];
    let county = prop_oneof![Just("370124".to_owned()), Just("371321".to_owned()), Just("999999".to_owned()), text()];
    (codes, text(), county, text(), option::of(any::<bool>()), option::of(any::<bool>())).prop_flat_map(
        |(city_code, city_name, county_code, county_name, key_county, city_has_key_county)| {
            (option::of(select(RegionTier::ALL.to_vec())), text(), option::of(any::<bool>()), text(), text()).prop_map(
                move |(region_tier, region_tier_source, along_yellow_river, contact_person, contact_phone)| Applicant {
                    city_code: city_code.clone(),
                    city_name: city_name.clone(),
                    county_code: county_code.clone(),
                    county_name: county_name.clone(),
                    key_county,
                    city_has_key_county,
                    region_tier,
                    region_tier_source,
                    along_yellow_river,
                    contact_person,
                    contact_phone,
                },
            )
        },
    )
}

fn village() -> impl Strategy<Value = Village> {
    let code = prop_oneof![Just(String::new()), "[0-9]{12}", "370124[0-9]{6}", text()];
    let plan = (option::of(select(PlanStatus::ALL.to_vec())), option::of(date()), option::of(date()))
        .prop_map(|(status, approved_on, expected_on)| VillagePlan { status, approved_on, expected_on });
    let support = option::of(select(ResidentSupport::ALL.to_vec()));
    (id("v"), text(), code, township(), option::of(select(VillageCategory::ALL.to_vec())), plan, count(), count())
        .prop_flat_map(move |(id, name, code, township, category, plan, population, lifted)| {
            (count(), support.clone()).prop_map(move |(monitored_population, resident_support)| Village {
                id: id.clone(),
                name: name.clone(),
                code: code.clone(),
                township: township.clone(),
                category,
                plan: plan.clone(),
                population,
                lifted_population: lifted,
                monitored_population,
                resident_support,
            })
        })
}

fn industry() -> impl Strategy<Value = FeaturedIndustry> {
    (id("i"), text(), option::of(any::<bool>()), text(), text(), text()).prop_map(
        |(id, name, fits_county_plan, county_plan, chain_potential, market_prospects)| FeaturedIndustry {
            id,
            name,
            fits_county_plan,
            county_plan,
            chain_potential,
            market_prospects,
        },
    )
}

fn linked_initiative() -> impl Strategy<Value = LinkedInitiative> {
    (select(LinkedInitiativeKind::ALL.to_vec()), text()).prop_map(|(kind, name)| LinkedInitiative { kind, name })
}

fn project(amount: BoxedStrategy<Wan>) -> impl Strategy<Value = Project> {
    let funding = btree_map(select(FundingSource::ALL.to_vec()), amount, 0..4);
    let head = (
        id("p"),
        text(),
        option::of(select(ContentArea::ALL.to_vec())),
        id("v"),
        township(),
        text(),
        option::of(select(SupportMode::ALL.to_vec())),
        text(),
        funding,
    );
    head.prop_flat_map(
        |(
            id,
            name,
            content_area,
            village_id,
            township,
            content_and_scale,
            support_mode,
            support_mode_other,
            funding,
        )| {
            let tail = (text(), text(), option::of(month()), option::of(month()), count(), count(), count(), text());
            (tail, any::<bool>()).prop_map(move |(tail, dividend_only_purchase)| {
                let (responsible_department, implementing_body, start, end, beneficiaries, lifted, monitored, linkage) =
                    tail;
                Project {
                    id: id.clone(),
                    name: name.clone(),
                    content_area,
                    village_id: village_id.clone(),
                    township: township.clone(),
                    content_and_scale: content_and_scale.clone(),
                    support_mode,
                    support_mode_other: support_mode_other.clone(),
                    funding: funding.clone(),
                    responsible_department,
                    implementing_body,
                    start,
                    end,
                    beneficiaries,
                    beneficiaries_lifted: lifted,
                    beneficiaries_monitored: monitored,
                    benefit_linkage: linkage,
                    dividend_only_purchase,
                }
            })
        },
    )
}

fn funds(amount: BoxedStrategy<Wan>) -> impl Strategy<Value = Funds> {
    let line = (id("s"), text(), text(), option::of(amount.clone()))
        .prop_map(|(id, department, fund_name, amount)| SectorFund { id, department, fund_name, amount });
    let optional = || option::of(amount.clone());
    (optional(), optional(), optional(), vec(line, 0..30), optional(), optional(), optional()).prop_map(
        |(provincial, city, county, sector_funds, cooperation_funds, social_capital, loans)| Funds {
            provincial_linkage_funds: provincial,
            city_linkage_funds: city,
            county_linkage_funds: county,
            sector_funds,
            cooperation_funds,
            social_capital,
            loans,
        },
    )
}

fn plan() -> impl Strategy<Value = ImplementationPlan> {
    (option::of(month()), option::of(month()), btree_map(select(ContentArea::ALL.to_vec()), text(), 0..=6), text())
        .prop_map(|(start, end, narratives, targets)| ImplementationPlan { start, end, narratives, targets })
}

fn governance() -> impl Strategy<Value = Governance> {
    let yes_no = || option::of(any::<bool>());
    (yes_no(), text(), yes_no(), any::<bool>(), any::<bool>(), yes_no(), text()).prop_flat_map(
        move |(principal, leader, mechanism, rural_bureau, finance_bureau, task_force, members)| {
            (option::of(date()), text(), yes_no(), yes_no()).prop_map(move |(date, minutes, needed, arranged)| {
                Governance {
                    principal_leaders_deployed: principal,
                    leader_in_charge: leader.clone(),
                    coordination_mechanism: mechanism,
                    led_by_rural_revitalization_bureau: rural_bureau,
                    led_by_finance_bureau: finance_bureau,
                    task_force,
                    task_force_members: members.clone(),
                    executive_meeting_date: date,
                    executive_meeting_minutes: minutes,
                    land_quota_needed: needed,
                    land_quota_arranged: arranged,
                }
            })
        },
    )
}

fn attestations() -> impl Strategy<Value = Attestations> {
    any::<[bool; 5]>().prop_map(|[four, assets, monitoring, funds, submitted]| Attestations {
        four_not_removed: four,
        asset_management: assets,
        return_to_poverty_monitoring: monitoring,
        funds_under_own_rules: funds,
        submitted_by_county_government: submitted,
    })
}

/// An arbitrary application whose amounts come from `amount`.
fn application(amount: BoxedStrategy<Wan>) -> impl Strategy<Value = Application> {
    (
        applicant(),
        btree_map(select(ExcludedProgramme::ALL.to_vec()), any::<bool>(), 0..=5),
        vec(village(), 0..30),
        vec(industry(), 0..5),
        vec(linked_initiative(), 0..5),
        funds(amount.clone()),
        plan(),
        vec(project(amount), 0..30),
        governance(),
        attestations(),
    )
        .prop_map(
            |(applicant, excluded_overlaps, villages, industries, linked_initiatives, funds, plan, projects, g, a)| {
                Application {
                    applicant,
                    excluded_overlaps,
                    villages,
                    industries,
                    linked_initiatives,
                    funds,
                    plan,
                    projects,
                    governance: g,
                    attestations: a,
                }
            },
        )
}

fn draft() -> impl Strategy<Value = Draft> {
    let time =
        || option::of((0i64..4_102_444_800).prop_filter_map("a time", |s| DateTime::<Utc>::from_timestamp(s, 0)));
    (
        application(amount()),
        text(),
        time(),
        time(),
        time(),
        btree_map(text(), text(), 0..4),
        // Pending text belongs to an input field the application has (a draft is refused otherwise).
        btree_map(
            proptest::sample::select(vec![
                "funds.loans",
                "funds.city_linkage_funds",
                "plan.start",
                "plan.end",
                "governance.executive_meeting_date",
            ])
            .prop_map(str::to_owned),
            text(),
            0..4,
        ),
    )
        .prop_map(|(application, name, created_at, updated_at, backed_up_at, justifications, pending_inputs)| {
            Draft {
                format: DRAFT_FORMAT.to_owned(),
                schema_version: SCHEMA_VERSION,
                parameter_set: ParameterSet::second_batch_2022().id,
                name,
                created_at,
                updated_at,
                backed_up_at,
                application,
                justifications,
                pending_inputs,
                last_ids: BTreeMap::new(),
                attachments: Vec::new(),
                revision: None,
                ancestors: Vec::new(),
            }
        })
}

/// Splits `amount` in two exact parts, the first `numerator`/1000 of it truncated to four decimals.
fn split(amount: Wan, numerator: u32) -> (Wan, Wan) {
    let part = amount.decimal() * Decimal::new(i64::from(numerator), 3);
    let part = Wan::new(part.round_dp_with_strategy(4, RoundingStrategy::ToZero));
    (part, amount - part)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn evaluation_never_panics_and_keeps_its_invariants(
        application in application(extreme_amount()),
        pending in btree_map("[a-z_.\\[\\]0-9]{0,20}", text(), 0..3),
    ) {
        let params = ParameterSet::second_batch_2022();
        let evaluation = evaluate(&application, &params);
        let blocks = evaluation.findings.iter().any(|f| f.severity == Severity::Blocking);
        prop_assert_eq!(evaluation.status == Status::Blocked, blocks);
        let positions: Vec<usize> = evaluation
            .findings
            .iter()
            .map(|f| RULES.iter().position(|rule| rule.id == f.rule).unwrap_or(usize::MAX))
            .collect();
        prop_assert!(positions.windows(2).all(|pair| pair[0] <= pair[1]), "findings out of rule order: {:?}", positions);
        prop_assert!(positions.iter().all(|p| *p != usize::MAX));
        // Each village counts once: every listing but those `village_duplicate` reports as repeats.
        let repeats = evaluation.findings.iter().filter(|f| f.rule == "village_duplicate").count();
        prop_assert_eq!(evaluation.figures.village_count as usize + repeats, application.villages.len());
        prop_assert_eq!(evaluation.figures.project_count as usize, application.projects.len());

        let mut draft = Draft::new("property", &params, DateTime::default());
        draft.application = application;
        draft.pending_inputs = pending.clone();
        let evaluation = evaluate_draft(&draft, &params);
        let unreadable = evaluation.findings.iter().filter(|f| f.rule == "input_format").count();
        prop_assert_eq!(unreadable, pending.len());
        prop_assert!(pending.is_empty() || evaluation.status == Status::Blocked);
    }

    #[test]
    fn splitting_a_project_keeps_the_totals(
        application in application(amount()),
        index in any::<prop::sample::Index>(),
        numerator in 0u32..=1000,
    ) {
        prop_assume!(!application.projects.is_empty());
        let params = ParameterSet::second_batch_2022();
        let before = evaluate(&application, &params);
        let mut split_application = application.clone();
        let at = index.index(split_application.projects.len());
        let original = &mut split_application.projects[at];
        let mut second = original.clone();
        for (source, amount) in original.funding.iter_mut() {
            let (first_part, second_part) = split(*amount, numerator);
            *amount = first_part;
            second.funding.insert(*source, second_part);
        }
        second.id = format!("{}-split", second.id);
        split_application.projects.insert(at + 1, second);
        let after = evaluate(&split_application, &params);
        prop_assert_eq!(&after.figures.projects_by_source, &before.figures.projects_by_source);
        prop_assert_eq!(after.figures.linkage_total, before.figures.linkage_total);
        prop_assert_eq!(after.figures.sector_total, before.figures.sector_total);
        prop_assert_eq!(after.figures.total_investment, before.figures.total_investment);
        let totals = |e: &shenbao_core::Evaluation| -> Vec<String> {
            e.findings.iter().filter(|f| f.rule == "funding_source_totals").map(|f| f.message.clone()).collect()
        };
        prop_assert_eq!(totals(&after), totals(&before));
    }

    #[test]
    fn splitting_a_sector_fund_line_keeps_the_totals(
        application in application(amount()),
        index in any::<prop::sample::Index>(),
        numerator in 0u32..=1000,
    ) {
        let lines = &application.funds.sector_funds;
        prop_assume!(lines.iter().any(|line| line.amount.is_some()));
        let params = ParameterSet::second_batch_2022();
        let before = evaluate(&application, &params);
        let mut split_application = application.clone();
        let with_amount: Vec<usize> =
            lines.iter().enumerate().filter(|(_, line)| line.amount.is_some()).map(|(i, _)| i).collect();
        let at = with_amount[index.index(with_amount.len())];
        let line = &mut split_application.funds.sector_funds[at];
        let (first_part, second_part) = split(line.amount.unwrap_or_default(), numerator);
        line.amount = Some(first_part);
        let second = SectorFund { id: format!("{}-split", line.id), amount: Some(second_part), ..line.clone() };
        split_application.funds.sector_funds.insert(at + 1, second);
        let after = evaluate(&split_application, &params);
        prop_assert_eq!(after.figures.sector_total, before.figures.sector_total);
        prop_assert_eq!(after.figures.sector_share, before.figures.sector_share);
        prop_assert_eq!(after.figures.total_investment, before.figures.total_investment);
        prop_assert_eq!(&after.figures.declared_by_source, &before.figures.declared_by_source);
    }

    #[test]
    fn an_application_survives_serialisation(application in application(amount())) {
        let json = serde_json::to_string(&application).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let again: Application = serde_json::from_str(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(again, application);
    }

    #[test]
    fn a_draft_survives_saving_and_reading(draft in draft()) {
        let read = Draft::from_json(&draft.to_json()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&read, &draft);
        let compact = Draft::from_json(&draft.to_compact_json()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&compact, &draft);
    }
}

#[test]
fn the_large_sample_splits_like_any_other() {
    let params = ParameterSet::second_batch_2022();
    let mut application = sample::large(12, 40);
    let before = evaluate(&application, &params).figures;
    let project = &mut application.projects[0];
    let mut second = project.clone();
    second.id = "p-split".into();
    for (source, amount) in project.funding.iter_mut() {
        let (first_part, second_part) = split(*amount, 333);
        *amount = first_part;
        second.funding.insert(*source, second_part);
    }
    assert_eq!(second.funding.get(&FundingSource::ProvincialLinkage), Some(&Wan::new(Decimal::new(83375, 4))));
    application.projects.push(second);
    let after = evaluate(&application, &params).figures;
    assert_eq!(after.projects_by_source, before.projects_by_source);
    let by_source: BTreeMap<FundingSource, Wan> = after.projects_by_source.clone();
    assert_eq!(by_source.get(&FundingSource::Sector), Some(&Wan::from_whole(280)));
}
