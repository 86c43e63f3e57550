//! Evaluation: one function from an application and a parameter set to every finding, the figures and a status.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::model::{Application, ContentArea, FundingSource};
use crate::money::{Rounding, Wan, round};
use crate::params::ParameterSet;
use crate::rules::{self, Context, Report};
use crate::village_identity;

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The application cannot be submitted until this is fixed.
    Blocking,
    /// Allowed in principle (原则上) only with a written justification that travels with the application.
    Warning,
    /// For the applicant's and the reviewer's information.
    Info,
}

impl Severity {
    /// Chinese label.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Blocking => "必须修改",
            Severity::Warning => "需说明理由",
            Severity::Info => "提示",
        }
    }
}

/// Whether the application as a whole can be submitted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Nothing blocks.
    Ready,
    /// At least one blocking finding.
    Blocked,
}

/// One thing the rules found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// The rule's stable id, e.g. `"sector_funds_share"`.
    pub rule: String,
    /// The clause of the notice, e.g. `"三.4"`.
    pub clause: String,
    /// Blocking, warning or info.
    pub severity: Severity,
    /// Chinese: what is wrong, with the figures used, and how to fix it.
    pub message: String,
    /// Field paths concerned, e.g. `"funds.sector_funds"`, `"villages[3].category"`.
    pub fields: Vec<String>,
    /// The id of the village, project or fund line concerned, when the finding is about one item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// Whether something is not yet answered or an answer breaks the notice.
    #[serde(default)]
    pub kind: FindingKind,
}

/// Whether a finding reports a gap or a breach: it decides a wizard step's status (进行中 or 有问题).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// Something is not yet filled in or answered.
    Missing,
    /// An answer breaks a requirement of the notice, or is information about one.
    #[default]
    Problem,
}

impl Finding {
    /// The key a justification is filed under: the rule id, plus `@subject` for item findings.
    pub fn key(&self) -> String {
        match &self.subject {
            Some(subject) => format!("{}@{subject}", self.rule),
            None => self.rule.clone(),
        }
    }
}

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

/// The result of [`evaluate`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evaluation {
    /// `ready` when no finding blocks.
    pub status: Status,
    /// Every finding, in rule order and then item order.
    pub findings: Vec<Finding>,
    /// The computed figures.
    pub figures: Figures,
}

impl Evaluation {
    /// Findings of one severity.
    pub fn with_severity(&self, severity: Severity) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.severity == severity)
    }
}

/// Evaluates an application against a parameter set: every finding at once, in a stable order.
///
/// Never panics and never refuses: an empty or half-filled application yields completeness findings.
pub fn evaluate(application: &Application, params: &ParameterSet) -> Evaluation {
    let figures = compute_figures(application, params);
    let context = Context { application, params, figures: &figures };
    let mut report = Report::default();
    for rule in rules::RULES {
        (rule.check)(&context, &mut report);
    }
    let findings = report.into_findings();
    let status =
        if findings.iter().any(|f| f.severity == Severity::Blocking) { Status::Blocked } else { Status::Ready };
    Evaluation { status, findings, figures }
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

fn compute_figures(application: &Application, params: &ParameterSet) -> Figures {
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
