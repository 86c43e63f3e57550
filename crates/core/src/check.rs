//! Checking a file: a draft or a signed bundle is read, evaluated under its parameter set, and reported the way
//! `shenbao check` prints it and the app can show it. Signatures are not verified here; that is
//! [`crate::signing`]'s job (`shenbao verify`).
//!
//! The report's status is the one the app's export uses ([`Readiness`]): `ready` (可以提交) when nothing blocks and
//! every warning has a justification; otherwise `blocked` (不能提交). A warning without its justification therefore
//! makes a file `blocked` although no finding is of blocking severity.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::assessment::{Readiness, evaluate_draft, is_justified, status_label};
use crate::bundle::{BUNDLE_FORMAT, Bundle};
use crate::draft::{DRAFT_FORMAT, Draft, DraftError};
use crate::evaluation::{Evaluation, Figures, Finding, Severity, Status};
use crate::params::ParameterSet;
use crate::reason::in_chinese;
use crate::rules::Step;

/// What kind of file was checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    /// A draft (草稿), format `shenbao-draft`.
    Draft,
    /// A signed bundle (签名的申报包), format `shenbao-bundle`.
    Bundle,
}

impl FileKind {
    /// Chinese name of the kind.
    pub fn label(self) -> &'static str {
        match self {
            FileKind::Draft => "草稿",
            FileKind::Bundle => "申报包",
        }
    }
}

/// A checked file: its content as a draft (a bundle's application and justifications), the parameter set it is
/// made under, and the evaluation.
#[derive(Debug, Clone)]
pub struct Check {
    /// Draft or bundle.
    pub kind: FileKind,
    /// The draft; for a bundle, a draft holding its name, application and justifications.
    pub draft: Draft,
    /// The parameter set named by the file.
    pub params: ParameterSet,
    /// Every finding and the figures.
    pub evaluation: Evaluation,
}

impl Check {
    /// Reads a draft or a signed bundle and evaluates it.
    ///
    /// # Errors
    /// [`CheckError`], whose `Display` says in Chinese where the file is wrong (line and column for bad JSON,
    /// the field path for a wrong value).
    pub fn of_json(text: &str) -> Result<Check, CheckError> {
        Check::of_bytes(text.as_bytes())
    }

    /// As [`Check::of_json`], from a file's bytes, which need not be UTF-8 (the error then says so). The file is
    /// read by [`crate::json::read_file`]: a leading byte-order mark is skipped and a repeated member name refused.
    ///
    /// # Errors
    /// [`CheckError`].
    pub fn of_bytes(bytes: &[u8]) -> Result<Check, CheckError> {
        let value = crate::json::read_file(bytes).map_err(|error| CheckError::Draft(DraftError::Json(error)))?;
        match value.get("format").and_then(Value::as_str) {
            Some(DRAFT_FORMAT) => Check::of_draft(Draft::from_value(value)?),
            Some(BUNDLE_FORMAT) => {
                let bundle: Bundle =
                    serde_path_to_error::deserialize(value).map_err(|error| CheckError::BundleField {
                        path: error.path().to_string(),
                        reason: in_chinese(&error.inner().to_string()),
                    })?;
                Check::of_bundle(&bundle)
            }
            _ => Err(CheckError::NotAFile),
        }
    }

    /// Evaluates a draft under the parameter set it names.
    ///
    /// # Errors
    /// [`CheckError::UnknownParameterSet`].
    pub fn of_draft(draft: Draft) -> Result<Check, CheckError> {
        let params = ParameterSet::builtin(&draft.parameter_set)
            .ok_or_else(|| CheckError::UnknownParameterSet(draft.parameter_set.clone()))?;
        let evaluation = evaluate_draft(&draft, &params);
        Ok(Check { kind: FileKind::Draft, draft, params, evaluation })
    }

    /// Evaluates a bundle's application, with its justifications, under the parameter set it records.
    ///
    /// # Errors
    /// [`CheckError::UnknownParameterSet`].
    pub fn of_bundle(bundle: &Bundle) -> Result<Check, CheckError> {
        let id = &bundle.evaluation.parameter_set.id;
        let params = ParameterSet::builtin(id).ok_or_else(|| CheckError::UnknownParameterSet(id.clone()))?;
        let draft = bundle.to_draft(&params);
        let evaluation = evaluate_draft(&draft, &params);
        Ok(Check { kind: FileKind::Bundle, draft, params, evaluation })
    }

    /// What blocks submission: blocking findings and warnings without a justification.
    pub fn readiness(&self) -> Readiness {
        Readiness::of(&self.draft.justifications, &self.evaluation)
    }

    /// `ready` (可以提交) when nothing blocks and every warning is justified, else `blocked`.
    pub fn status(&self) -> Status {
        if self.readiness().is_ready() { Status::Ready } else { Status::Blocked }
    }

    /// 可以提交 or 尚不能提交.
    pub fn status_label(&self) -> &'static str {
        status_label(self.status())
    }

    /// True when the file holds a non-blank justification for this finding.
    pub fn is_justified(&self, finding: &Finding) -> bool {
        is_justified(&self.draft.justifications, finding)
    }

    /// How a finding's severity is shown: the severity's label, and for a warning whether it is justified.
    pub fn severity_label(&self, finding: &Finding) -> String {
        match finding.severity {
            Severity::Warning if self.is_justified(finding) => format!("{}·已说明", Severity::Warning.label()),
            Severity::Warning => format!("{}·尚未说明", Severity::Warning.label()),
            other => other.label().to_owned(),
        }
    }

    /// The findings grouped by the wizard step where they are fixed, in wizard order; steps without findings are
    /// left out.
    pub fn findings_by_step(&self) -> Vec<(Step, Vec<&Finding>)> {
        Step::ALL
            .into_iter()
            .map(|step| (step, self.evaluation.findings.iter().filter(|f| f.step() == step).collect::<Vec<_>>()))
            .filter(|(_, findings)| !findings.is_empty())
            .collect()
    }

    /// The machine-readable report (`shenbao check --json`).
    pub fn report(&self) -> CheckReport {
        CheckReport {
            status: self.status(),
            findings: self.evaluation.findings.iter().map(ReportedFinding::from).collect(),
            figures: self.evaluation.figures.clone(),
        }
    }
}

/// The report `shenbao check --json` prints: exactly these three members.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckReport {
    /// `ready` when the file can be submitted as it is, else `blocked` (see the module documentation).
    pub status: Status,
    /// Every finding, in rule order.
    pub findings: Vec<ReportedFinding>,
    /// The figures; amounts and ratios are decimal strings, unknown ones `null`.
    pub figures: Figures,
}

/// A finding as reported: exactly these six members.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportedFinding {
    /// The rule's id.
    pub rule: String,
    /// The finding's key ([`Finding::key`]): the rule's id, or `rule@subject` for a finding about one village,
    /// project or fund line (its stable id). A warning's justification is filed under this key in the draft's
    /// `justifications` (`docs/draft-format.md`).
    pub key: String,
    /// The clause of the notice.
    pub clause: String,
    /// `blocking`, `warning` or `info`.
    pub severity: Severity,
    /// What is wrong and how to fix it, in Chinese.
    pub message: String,
    /// Field paths concerned.
    pub fields: Vec<String>,
}

impl From<&Finding> for ReportedFinding {
    fn from(finding: &Finding) -> ReportedFinding {
        ReportedFinding {
            rule: finding.rule.clone(),
            key: finding.key(),
            clause: finding.clause.clone(),
            severity: finding.severity,
            message: finding.message.clone(),
            fields: finding.fields.clone(),
        }
    }
}

/// Why a file could not be checked. `Display` is a Chinese message for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CheckError {
    /// Bad JSON, or a draft that cannot be read (its own message says where).
    #[error(transparent)]
    Draft(#[from] DraftError),
    /// JSON, but neither a draft nor a bundle.
    #[error(
        "这不是本工具的草稿文件或申报包：文件中的 \"format\" 应为 \"shenbao-draft\"（草稿）或 \"shenbao-bundle\"（签名的申报包）。"
    )]
    NotAFile,
    /// A bundle member has the wrong type or value.
    #[error("申报包字段 {path} 的值有误：{reason}")]
    BundleField {
        /// Path of the member, e.g. `application.funds.loans`.
        path: String,
        /// What is wrong.
        reason: String,
    },
    /// Made under a notice this tool does not know.
    #[error("文件使用的参数集「{0}」本工具不认识，可能需要新版本的申报助手。")]
    UnknownParameterSet(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_exported_evaluation_is_one_flat_object_and_its_wrong_values_are_named_by_path() {
        let params = ParameterSet::second_batch_2022();
        let mut draft = Draft::new("样例", &params, chrono::DateTime::UNIX_EPOCH);
        draft.application = crate::sample::complete();
        let bundle = Bundle::of_draft(&draft, &params, Vec::new(), chrono::DateTime::UNIX_EPOCH, "0.1.0");
        let mut value = serde_json::to_value(bundle.expect("the complete sample is ready")).unwrap_or_default();
        let members: Vec<&str> =
            value["evaluation"].as_object().map(|m| m.keys().map(String::as_str).collect()).unwrap_or_default();
        assert_eq!(members, ["figures", "findings", "parameter_set", "status"]);
        value["evaluation"]["figures"]["village_count"] = "many".into();
        match Check::of_json(&value.to_string()) {
            Err(CheckError::BundleField { path, .. }) => assert_eq!(path, "evaluation.figures.village_count"),
            other => panic!("expected a field error, got {other:?}"),
        }
    }
}
