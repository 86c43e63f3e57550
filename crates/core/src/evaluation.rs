//! Evaluation: one function from an application and a parameter set to every finding, the figures and a status.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use crate::figures::Figures;
pub use crate::finding::{Finding, FindingKind, Severity, Status};

use crate::model::Application;
use crate::params::ParameterSet;
use crate::rules::{self, Context, Report};

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
    evaluate_with(application, &BTreeMap::new(), params)
}

/// As [`evaluate`], for an application whose form still holds typed text that could not be read
/// (`pending_inputs`, by field path, as a draft keeps it): each such field gets an `input_format` finding, and is
/// not reported as missing as well.
pub fn evaluate_with(
    application: &Application,
    pending_inputs: &BTreeMap<String, String>,
    params: &ParameterSet,
) -> Evaluation {
    let figures = Figures::of(application, params);
    let context = Context { application, params, figures: &figures, pending_inputs };
    let mut report = Report::new(pending_inputs);
    for rule in rules::RULES {
        (rule.check)(&context, &mut report);
    }
    let findings = report.into_findings();
    let status =
        if findings.iter().any(|f| f.severity == Severity::Blocking) { Status::Blocked } else { Status::Ready };
    Evaluation { status, findings, figures }
}
