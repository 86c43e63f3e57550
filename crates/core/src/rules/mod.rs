//! Every checkable requirement of 鲁乡振发〔2022〕26号, one file per rule.
//!
//! Each file opens with the clause it implements, quoted, and defines one [`Rule`]: a stable id, the clause, a
//! severity, the wizard step it belongs to, a one-line Chinese summary (listed in `docs/rules.md`) and a check
//! function. Cases live in `crates/core/tests/scenarios/<rule id>/`, one JSON file each, with every threshold
//! tested just below, at and just above. [`RULES`] fixes the order findings come in.

pub use crate::finding::Step;
use std::collections::BTreeMap;

use crate::catalogue::{Field, FieldRef, ItemList, item_label};
use crate::figures::Figures;
use crate::finding::{Finding, FindingKind, Severity};
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
mod input_format;
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
    /// What it checks, in one Chinese sentence; numbers of the notice come from the parameter set.
    pub summary: fn(&ParameterSet) -> String,
    /// Adds the rule's findings to the report.
    pub check: fn(&Context<'_>, &mut Report<'_>),
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
    /// Text typed into a field that could not be read, by field path (a draft's pending inputs; empty for a
    /// bundle).
    pub pending_inputs: &'a BTreeMap<String, String>,
}

/// Collects findings in the order rules add them.
#[derive(Debug)]
pub struct Report<'a> {
    findings: Vec<Finding>,
    pending_inputs: &'a BTreeMap<String, String>,
}

impl<'a> Report<'a> {
    /// An empty report for an application whose form holds `pending_inputs` (typed text not yet valid).
    pub fn new(pending_inputs: &'a BTreeMap<String, String>) -> Report<'a> {
        Report { findings: Vec::new(), pending_inputs }
    }

    /// Reports something not yet filled in or answered — unless every field concerned holds typed text that
    /// could not be read: that field is malformed, not missing, and `input_format` reports it once
    /// ([`Report::into_findings`] leaves it out).
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

    /// The findings, in the order they were added, without the gaps of fields that hold unreadable text.
    pub fn into_findings(self) -> Vec<Finding> {
        let pending = self.pending_inputs;
        let mut findings = self.findings;
        findings.retain(|finding| {
            finding.kind != FindingKind::Missing
                || finding.fields.is_empty()
                || !finding.fields.iter().all(|field| pending.contains_key(field))
        });
        findings
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

/// Reports, for each item of `list`, the fields among `fields` that apply to it but are not answered: one
/// "尚未填写" finding per item, about the item, naming the fields by their catalogue labels in the given order
/// (`第12个村「东村」尚未填写：村庄分类、村庄规划编制情况。`).
pub(crate) fn report_unanswered_items(
    report: &mut Report<'_>,
    rule: &Rule,
    application: &Application,
    list: ItemList,
    fields: &[Field],
) {
    for (index, id) in list.ids(application).into_iter().enumerate() {
        let missing: Vec<FieldRef> = fields
            .iter()
            .map(|field| field.of(id))
            .filter(|field| field.applies(application))
            .filter(|field| field.get(application).is_none_or(|answer| answer.is_empty()))
            .collect();
        if missing.is_empty() {
            continue;
        }
        let labels: Vec<String> = missing.iter().map(|field| field.field.label().into_owned()).collect();
        let finding = report.missing(
            rule,
            format!("{}尚未填写：{}。", item_label(application, list, index), labels.join("、")),
            missing.iter().filter_map(|field| field.path(application)).collect(),
        );
        about(finding, id);
    }
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

pub(crate) use crate::village_identity::village_code;

/// How a project is named in messages.
pub(crate) fn project_label(index: usize, name: &str) -> String {
    if filled(name) {
        format!("第{}个项目「{}」", index + 1, name.trim())
    } else {
        format!("第{}个项目", index + 1)
    }
}

impl Finding {
    /// The wizard step where the finding is fixed: that of its first field, else its rule's.
    pub fn step(&self) -> Step {
        self.fields
            .first()
            .and_then(|field| crate::catalogue::step_of_path(field))
            .or_else(|| rule(&self.rule).map(|rule| rule.step))
            .unwrap_or(Step::Applicant)
    }
}
