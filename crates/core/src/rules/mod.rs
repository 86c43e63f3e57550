//! Every checkable requirement of 鲁乡振发〔2022〕26号, one file per rule.
//!
//! Each file opens with the clause it implements, quoted, and defines one [`Rule`]: a stable id, the clause, a
//! severity, the wizard step it belongs to, a one-line Chinese summary (listed in `docs/rules.md`) and a check
//! function. Cases live in `crates/core/tests/scenarios/<rule id>/`, one JSON file each, with every threshold
//! tested just below, at and just above. [`RULES`] fixes the order findings come in.

use crate::evaluation::{Figures, Finding, FindingKind, Severity};
use crate::model::Application;
use crate::params::ParameterSet;

mod attestation_consolidation;
mod attestation_funds_rules;
mod attestation_submission;
mod content_areas_covered;
mod coordination_mechanism;
mod county_selected;
mod dividend_only_purchase;
mod employment_priority;
mod excluded_overlap;
mod excluded_overlap_declared;
mod executive_meeting;
mod executive_meeting_after_notice;
mod executive_meeting_deadline;
mod featured_industries;
mod featured_industry_details;
mod featured_industry_plan_fit;
mod funding_source_totals;
mod industry_benefit_linkage;
pub mod input_format;
mod key_county_city;
mod key_county_declared;
mod land_quota;
mod land_quota_declared;
mod leader_in_charge;
mod linkage_total_minimum;
mod linked_initiatives;
mod plan_narratives;
mod plan_period;
mod plan_start_year;
mod plan_two_years;
mod principal_leaders_deployed;
mod project_beneficiaries;
mod project_details;
mod project_funding_sources;
mod project_period;
mod project_period_within_plan;
mod project_responsible_department;
mod project_site;
mod projects_listed;
mod provincial_linkage_declared;
mod provincial_linkage_fixed_subsidy;
mod provincial_linkage_key_county;
mod region_tier_declared;
mod resident_support_priority;
mod sector_fund_details;
mod sector_funds_share;
mod task_force;
mod village_category_allowed;
mod village_code_county;
mod village_code_format;
mod village_count_minimum;
mod village_details;
mod village_duplicate;
mod village_plan_date;
mod village_plan_in_preparation;
mod village_plan_missing;
mod village_population;
mod villages_listed;
mod yellow_river_preference;

/// The wizard step a rule's fields are on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// 申报县基本情况
    Applicant,
    /// 覆盖村庄
    Villages,
    /// 特色产业
    Industries,
    /// 建设内容与项目清单 (with the implementation plan)
    Projects,
    /// 资金筹措
    Funds,
    /// 组织保障
    Governance,
    /// 承诺事项
    Attestations,
}

impl Step {
    /// The steps that hold fields, in wizard order.
    pub const ALL: [Step; 7] = [
        Step::Applicant,
        Step::Villages,
        Step::Industries,
        Step::Projects,
        Step::Funds,
        Step::Governance,
        Step::Attestations,
    ];

    /// The step's title, as in the wizard.
    pub fn title(self) -> &'static str {
        match self {
            Step::Applicant => "申报县基本情况",
            Step::Villages => "覆盖村庄",
            Step::Industries => "特色产业",
            Step::Projects => "建设内容与项目清单",
            Step::Funds => "资金筹措",
            Step::Governance => "组织保障",
            Step::Attestations => "承诺事项",
        }
    }

    /// The identifier used in URLs and JSON.
    pub fn key(self) -> &'static str {
        match self {
            Step::Applicant => "applicant",
            Step::Villages => "villages",
            Step::Industries => "industries",
            Step::Projects => "projects",
            Step::Funds => "funds",
            Step::Governance => "governance",
            Step::Attestations => "attestations",
        }
    }

    /// The step with this key.
    pub fn from_key(key: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|step| step.key() == key)
    }
}

/// A rule of the notice.
#[derive(Debug)]
pub struct Rule {
    /// Stable id, used in findings, justifications and `docs/rules.md`.
    pub id: &'static str,
    /// The clause it implements, e.g. `"三.4"`.
    pub clause: &'static str,
    /// Severity of its findings.
    pub severity: Severity,
    /// The wizard step its fields are on.
    pub step: Step,
    /// What it checks, in one Chinese sentence.
    pub summary: &'static str,
    /// Adds the rule's findings to the report.
    pub check: fn(&Context<'_>, &mut Report),
}

/// What a check function sees.
#[derive(Debug)]
pub struct Context<'a> {
    /// The application under evaluation.
    pub application: &'a Application,
    /// The notice's numbers.
    pub params: &'a ParameterSet,
    /// Figures computed before the rules run.
    pub figures: &'a Figures,
}

/// Collects findings in the order rules add them.
#[derive(Debug, Default)]
pub struct Report {
    findings: Vec<Finding>,
}

impl Report {
    /// Reports something not yet filled in or answered.
    pub fn missing(&mut self, rule: &Rule, message: String, fields: Vec<String>) -> &mut Finding {
        self.push(rule, FindingKind::Missing, message, fields)
    }

    /// Reports an answer that breaks the rule (or, for info rules, a fact about it).
    pub fn problem(&mut self, rule: &Rule, message: String, fields: Vec<String>) -> &mut Finding {
        self.push(rule, FindingKind::Problem, message, fields)
    }

    fn push(&mut self, rule: &Rule, kind: FindingKind, message: String, fields: Vec<String>) -> &mut Finding {
        self.findings.push(Finding {
            rule: rule.id.to_owned(),
            clause: rule.clause.to_owned(),
            severity: rule.severity,
            message,
            fields,
            subject: None,
            kind,
        });
        let last = self.findings.len() - 1;
        &mut self.findings[last]
    }

    /// The findings, in the order they were added.
    pub fn into_findings(self) -> Vec<Finding> {
        self.findings
    }
}

/// Marks a finding as being about one list item (village, project, fund line), for justifications.
pub(crate) fn about(finding: &mut Finding, id: &str) {
    finding.subject = Some(id.to_owned());
}

/// Every rule, in the order findings are reported: by wizard step, then as listed in `docs/rules.md`.
pub static RULES: &[&Rule] = &[
    &input_format::RULE,
    &county_selected::RULE,
    &key_county_declared::RULE,
    &key_county_city::RULE,
    &region_tier_declared::RULE,
    &yellow_river_preference::RULE,
    &excluded_overlap_declared::RULE,
    &excluded_overlap::RULE,
    &villages_listed::RULE,
    &village_count_minimum::RULE,
    &village_details::RULE,
    &village_code_format::RULE,
    &village_code_county::RULE,
    &village_duplicate::RULE,
    &village_population::RULE,
    &village_category_allowed::RULE,
    &village_plan_missing::RULE,
    &village_plan_in_preparation::RULE,
    &village_plan_date::RULE,
    &resident_support_priority::RULE,
    &featured_industries::RULE,
    &featured_industry_details::RULE,
    &featured_industry_plan_fit::RULE,
    &linked_initiatives::RULE,
    &plan_period::RULE,
    &plan_two_years::RULE,
    &plan_start_year::RULE,
    &plan_narratives::RULE,
    &projects_listed::RULE,
    &project_details::RULE,
    &project_site::RULE,
    &project_responsible_department::RULE,
    &project_funding_sources::RULE,
    &project_period::RULE,
    &project_period_within_plan::RULE,
    &project_beneficiaries::RULE,
    &industry_benefit_linkage::RULE,
    &dividend_only_purchase::RULE,
    &employment_priority::RULE,
    &content_areas_covered::RULE,
    &provincial_linkage_declared::RULE,
    &provincial_linkage_key_county::RULE,
    &provincial_linkage_fixed_subsidy::RULE,
    &linkage_total_minimum::RULE,
    &sector_fund_details::RULE,
    &sector_funds_share::RULE,
    &funding_source_totals::RULE,
    &principal_leaders_deployed::RULE,
    &leader_in_charge::RULE,
    &coordination_mechanism::RULE,
    &task_force::RULE,
    &land_quota_declared::RULE,
    &land_quota::RULE,
    &executive_meeting::RULE,
    &executive_meeting_after_notice::RULE,
    &executive_meeting_deadline::RULE,
    &attestation_consolidation::RULE,
    &attestation_funds_rules::RULE,
    &attestation_submission::RULE,
];

/// The rule with this id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|rule| rule.id == id)
}

/// Joins Chinese field names with 、 for messages.
pub(crate) fn list(items: &[&str]) -> String {
    items.join("、")
}

/// True when a text field holds something other than blanks.
pub(crate) fn filled(text: &str) -> bool {
    !text.trim().is_empty()
}

/// How a village is named in messages: its name, or its position when unnamed.
pub(crate) fn village_label(index: usize, name: &str) -> String {
    if filled(name) {
        format!("第{}个村「{}」", index + 1, name.trim())
    } else {
        format!("第{}个村", index + 1)
    }
}

/// A village's code as the rules read it: trimmed, full-width digits as ASCII (the app stores what was typed, and
/// amounts and dates accept full-width digits too).
pub(crate) fn village_code(code: &str) -> String {
    crate::input::ascii_digits(code.trim())
}

/// How a project is named in messages.
pub(crate) fn project_label(index: usize, name: &str) -> String {
    if filled(name) {
        format!("第{}个项目「{}」", index + 1, name.trim())
    } else {
        format!("第{}个项目", index + 1)
    }
}

/// The wizard step a field path belongs to, e.g. `"funds.loans"` → [`Step::Funds`].
pub fn step_of_field(path: &str) -> Option<Step> {
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

impl Finding {
    /// The wizard step where the finding is fixed: that of its first field, else its rule's.
    pub fn step(&self) -> Step {
        self.fields
            .first()
            .and_then(|field| step_of_field(field))
            .or_else(|| rule(&self.rule).map(|rule| rule.step))
            .unwrap_or(Step::Applicant)
    }
}
