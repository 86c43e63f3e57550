//! What a user reads agrees with the verdict (issue 12, "Defects to fix on the way"): the sector share and the
//! minimum 三.4 states never round across the 50 % threshold, the shortfall is an amount one can enter, and entering
//! the stated minimum satisfies the rule; a village listed twice is counted once wherever villages are counted.

use proptest::prelude::*;
use rust_decimal::Decimal;
use shenbao_core::model::{SectorFund, Village};
use shenbao_core::money::percent_text;
use shenbao_core::{Application, Evaluation, ParameterSet, Wan, evaluate, sample};

/// The complete sample with these linkage funds (provincial, city, county) and one sector fund line of `sector`.
fn with_funds(provincial: Wan, city: Wan, county: Wan, sector: Wan) -> Application {
    let mut application = sample::complete();
    let funds = &mut application.funds;
    funds.provincial_linkage_funds = Some(provincial);
    funds.city_linkage_funds = Some(city);
    funds.county_linkage_funds = Some(county);
    let line = SectorFund { amount: Some(sector), ..funds.sector_funds[0].clone() };
    funds.sector_funds = vec![line];
    application
}

fn wan(text: &str) -> Wan {
    Wan::parse_plain(text).expect("a plain amount")
}

fn share_finding(evaluation: &Evaluation) -> Option<&str> {
    evaluation.findings.iter().find(|f| f.rule == "sector_funds_share").map(|f| f.message.as_str())
}

#[test]
fn a_share_just_below_half_never_reads_50_percent() {
    let params = ParameterSet::second_batch_2022();
    // The report's case: 1999.99 against 4000 万元 blocks under 三.4; the share must not read 50%.
    let evaluation = evaluate(&with_funds(wan("2500"), wan("500"), wan("1000"), wan("1999.99")), &params);
    assert!(share_finding(&evaluation).is_some());
    let share = evaluation.figures.sector_share.expect("a share");
    assert_eq!(share.to_string(), "0.4999");
    assert_eq!(percent_text(share), "49.99%");
    // Just below (a single 元), at and just above.
    for (sector, shown, blocks) in [
        ("1999.9999", "49.99%", true),
        ("2000", "50%", false),
        ("2000.0001", "50%", false),
        ("2000.4", "50.01%", false),
    ] {
        let evaluation = evaluate(&with_funds(wan("2500"), wan("500"), wan("1000"), wan(sector)), &params);
        let share = evaluation.figures.sector_share.expect("a share");
        assert_eq!((percent_text(share).as_str(), share_finding(&evaluation).is_some()), (shown, blocks), "{sector}");
    }
}

#[test]
fn the_shortfall_of_an_odd_linkage_total_is_an_amount_one_can_enter() {
    let params = ParameterSet::second_batch_2022();
    // Linkage funds of 4000.0001 万元: half is 2000.00005, which cannot be typed; 三.4 asks for 2000.0001.
    let odd = |sector: &str| evaluate(&with_funds(wan("2500"), wan("500"), wan("1000.0001"), wan(sector)), &params);
    let below = odd("2000");
    assert_eq!(below.figures.sector_minimum.to_string(), "2000.0001");
    let message = share_finding(&below).expect("2000 falls short of half of 4000.0001");
    assert!(message.contains("（2000.0001 万元），还差 0.0001 万元。"), "{message}");
    assert!(!message.contains("0.00005"), "{message}");
    // At the stated minimum and just above it, nothing is reported.
    assert_eq!(share_finding(&odd("2000.0001")), None);
    assert_eq!(share_finding(&odd("2000.0002")), None);
}

/// Amounts as a file holds them: up to four decimals, up to 10⁵ 万元 (so that shares near 50 % are frequent).
fn amount() -> impl Strategy<Value = Wan> {
    (0i64..1_000_000_000, 0u32..=4).prop_map(|(mantissa, scale)| Wan::new(Decimal::new(mantissa, 4).round_dp(scale)))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// 三.4's verdict, the share shown and the minimum stated agree for any amounts a user can enter.
    #[test]
    fn the_share_shown_and_the_minimum_stated_agree_with_the_verdict(
        provincial in amount(),
        city in amount(),
        county in amount(),
        offset in -20i64..=20,
        far in proptest::option::of(amount()),
    ) {
        let params = ParameterSet::second_batch_2022();
        let linkage = provincial + city + county;
        prop_assume!(!linkage.is_zero());
        // Sector funds near the minimum (a few 元 either side), or anywhere.
        let exact_minimum = linkage.times(params.sector_funds_min_share.value);
        let near = Wan::new((exact_minimum.decimal().round_dp(4) + Decimal::new(offset, 4)).max(Decimal::ZERO));
        let sector = far.unwrap_or(near);
        let evaluation = evaluate(&with_funds(provincial, city, county, sector), &params);
        let figures = &evaluation.figures;
        let blocks = share_finding(&evaluation).is_some();
        // The verdict is the exact comparison.
        prop_assert_eq!(blocks, sector < exact_minimum);
        // The share shown reaches 50 % exactly when the rule is met.
        let share = figures.sector_share.expect("linkage funds");
        prop_assert_eq!(share >= params.sector_funds_min_share.value, !blocks, "{} shown for {}", percent_text(share), sector);
        // The minimum stated is an amount one can enter, at most one 元 above the exact one, and the verdict.
        prop_assert!(figures.sector_minimum.decimal().scale() <= 4);
        prop_assert!(figures.sector_minimum >= exact_minimum);
        prop_assert!(figures.sector_minimum - exact_minimum < wan("0.0001"));
        prop_assert_eq!(blocks, sector < figures.sector_minimum);
        // Entering the minimum stated satisfies the rule; one 元 less does not, and falls short by one 元.
        let at = evaluate(&with_funds(provincial, city, county, figures.sector_minimum), &params);
        prop_assert_eq!(share_finding(&at), None);
        if !figures.sector_minimum.is_zero() {
            let short = evaluate(&with_funds(provincial, city, county, figures.sector_minimum - wan("0.0001")), &params);
            let message = share_finding(&short).unwrap_or_default();
            prop_assert!(message.contains("还差 0.0001 万元。"), "{}", message);
        }
    }
}

/// The complete sample's first `distinct` villages, the first of them listed again: by the same name in the same
/// township (without a code), or by the same code (in full-width digits, under another name).
fn listed_with_a_repeat(distinct: usize, by_code: bool) -> Application {
    let mut application = sample::complete();
    application.villages.truncate(distinct);
    let mut again = Village { id: "again".into(), ..application.villages[0].clone() };
    if by_code {
        application.villages[0].code = "370124100201".into();
        again.code = "３７０１２４１００２０１".into();
        again.name = "另一个名字".into();
    } else {
        again.code = String::new();
    }
    application.villages.push(again);
    application
}

#[test]
fn a_village_listed_twice_counts_once_and_does_not_hide_the_under_10_warning() {
    let params = ParameterSet::second_batch_2022();
    for by_code in [false, true] {
        // Nine villages and one of them again: ten rows, nine villages.
        let evaluation = evaluate(&listed_with_a_repeat(9, by_code), &params);
        assert_eq!(evaluation.figures.village_count, 9);
        let rules: Vec<&str> = evaluation.findings.iter().map(|f| f.rule.as_str()).collect();
        assert!(rules.contains(&"village_duplicate"), "{rules:?}");
        let warning =
            evaluation.findings.iter().find(|f| f.rule == "village_count_minimum").map(|f| f.message.as_str());
        assert_eq!(warning, Some("推进区覆盖行政村 9 个，少于原则上的 10 个。请增加覆盖村庄，或说明理由。"));
        // Ten villages and one of them again: ten villages, no warning.
        let evaluation = evaluate(&listed_with_a_repeat(10, by_code), &params);
        assert_eq!(evaluation.figures.village_count, 10);
        assert!(evaluation.findings.iter().all(|f| f.rule != "village_count_minimum"));
    }
}
