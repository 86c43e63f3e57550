//! The vocabulary of findings, shared by every other module: what a rule found ([`Finding`]), how much it
//! matters ([`Severity`]), whether the application can go ([`Status`]) and the wizard step a field is on
//! ([`Step`]).
//!
//! A leaf: this module depends on nothing else of the crate, so the rules, the catalogue, the evaluation and the
//! bundle format can all use it without a cycle.

use serde::{Deserialize, Serialize};

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
