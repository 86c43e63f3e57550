//! The figures computed from an application before the rules run: the provincial subsidy, linkage and sector
//! totals, the sector share, the per-source sums, the content areas covered, counts and the plan's length. All
//! exact; the rules compare these, and the pages, the CLI and the verifier show them.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::model::{Application, ContentArea, FundingSource};
use crate::money::{Rounding, Wan, round};
use crate::params::ParameterSet;
use crate::village_identity;

/// The figures the rules computed, all exact.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figures {
    /// The provincial-and-above amount 一.3 fixes for this county (5000 for a key county, else by tier), when known.
    pub provincial_subsidy: Option<Wan>,
    /// Declared provincial-and-above linkage funds.
    pub provincial_linkage_funds: Wan,
    /// Declared city plus county linkage funds.
    pub city_county_linkage_funds: Wan,
    /// All linkage funds: provincial-and-above plus city and county.
    pub linkage_total: Wan,
    /// Sum of the integrated sector fund lines.
    pub sector_total: Wan,
    /// Sector funds divided by all linkage funds, rounded down to 0.0001 ([`Rounding::Reached`]: a share shown as 50 %
    /// is at least 50 %); `None` when there are no linkage funds.
    pub sector_share: Option<Decimal>,
    /// The least sector funds 三.4 requires: linkage total × the minimum share, rounded up to 0.0001 万元
    /// ([`Rounding::Required`]: entering this amount satisfies 三.4).
    pub sector_minimum: Wan,
    /// Every source of funds together.
    pub total_investment: Wan,
    /// Amount declared per funding source at area level.
    pub declared_by_source: BTreeMap<FundingSource, Wan>,
    /// Amount per funding source summed over the projects.
    pub projects_by_source: BTreeMap<FundingSource, Wan>,
    /// Content areas with at least one project, in the notice's order.
    pub content_areas_covered: Vec<ContentArea>,
    /// Number of different villages listed: a village listed twice counts once ([`crate::village_identity`]).
    pub village_count: u32,
    /// Number of projects listed.
    pub project_count: u32,
    /// Months of the implementation plan, both ends included, when both are given.
    pub plan_months: Option<i32>,
}

impl Figures {
    /// The Chinese name of a member of the figures (by its JSON name), as the 资金筹措 step, `shenbao check` and
    /// the verifier name it; `None` for a name this version does not know (from a newer app).
    pub fn label(member: &str) -> Option<&'static str> {
        Some(match member {
            "provincial_subsidy" => "省级以上衔接资金（应为）",
            "provincial_linkage_funds" => "省级以上衔接资金",
            "city_county_linkage_funds" => "市县两级衔接资金",
            "linkage_total" => "衔接资金总量",
            "sector_total" => "整合的行业资金",
            "sector_share" => "行业资金占衔接资金比例",
            "sector_minimum" => "行业资金最低要求",
            "total_investment" => "总投资",
            "declared_by_source" => "各资金来源筹措金额",
            "projects_by_source" => "各资金来源项目清单合计",
            "content_areas_covered" => "项目涉及的建设内容",
            "village_count" => "覆盖行政村数",
            "project_count" => "项目数",
            "plan_months" => "实施规划月数",
            _ => return None,
        })
    }
}

/// An amount for every funding source. Filled one insert at a time: `collect` would sort what is already in order,
/// with a sort compiled for each call (wasm size).
fn by_source(amount: impl Fn(FundingSource) -> Wan) -> BTreeMap<FundingSource, Wan> {
    let mut map = BTreeMap::new();
    for source in FundingSource::ALL {
        map.insert(source, amount(source));
    }
    map
}

impl Figures {
    /// Computes the figures of an application under a parameter set.
    pub fn of(application: &Application, params: &ParameterSet) -> Figures {
        let funds = &application.funds;
        let applicant = &application.applicant;
        let provincial_subsidy = match (applicant.key_county, applicant.region_tier) {
            (Some(true), _) => Some(params.key_county_linkage_funds.value),
            (Some(false), Some(tier)) => Some(params.fixed_subsidy(tier).value),
            _ => None,
        };
        let amount = |value: Option<Wan>| value.unwrap_or(Wan::ZERO);
        let provincial = amount(funds.provincial_linkage_funds);
        let city_county = amount(funds.city_linkage_funds) + amount(funds.county_linkage_funds);
        let linkage_total = provincial + city_county;
        let sector_total: Wan = funds.sector_funds.iter().filter_map(|line| line.amount).sum();
        let sector_share = (!linkage_total.is_zero())
            .then(|| {
                sector_total.decimal().checked_div(linkage_total.decimal()).map(|share| round(share, Rounding::Reached))
            })
            .flatten();
        let declared_by_source = by_source(|source| match source {
            FundingSource::ProvincialLinkage => provincial,
            FundingSource::CityLinkage => amount(funds.city_linkage_funds),
            FundingSource::CountyLinkage => amount(funds.county_linkage_funds),
            FundingSource::Sector => sector_total,
            FundingSource::Cooperation => amount(funds.cooperation_funds),
            FundingSource::SocialCapital => amount(funds.social_capital),
            FundingSource::Loans => amount(funds.loans),
        });
        let projects_by_source =
            by_source(|source| application.projects.iter().filter_map(|p| p.funding.get(&source)).sum());
        let content_areas_covered = ContentArea::ALL
            .into_iter()
            .filter(|area| application.projects.iter().any(|p| p.content_area == Some(*area)))
            .collect();
        let plan = &application.plan;
        Figures {
            provincial_subsidy,
            provincial_linkage_funds: provincial,
            city_county_linkage_funds: city_county,
            linkage_total,
            sector_total,
            sector_share,
            sector_minimum: Wan::new(round(
                linkage_total.times(params.sector_funds_min_share.value).decimal(),
                Rounding::Required,
            )),
            total_investment: declared_by_source.values().sum(),
            declared_by_source,
            projects_by_source,
            content_areas_covered,
            village_count: u32::try_from(village_identity::distinct_count(&application.villages)).unwrap_or(u32::MAX),
            project_count: u32::try_from(application.projects.len()).unwrap_or(u32::MAX),
            plan_months: plan.start.zip(plan.end).map(|(start, end)| start.months_through(end)),
        }
    }
}
