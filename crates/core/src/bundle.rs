//! The signed bundle (签名的申报包): what a county attaches to its e-mail. Documented in `docs/bundle-format.md`.
//!
//! One JSON object: the application, the evaluation as exported (with the id and SHA-256 of the parameter set),
//! the justifications, an attachment manifest, and `signatures`, an array of JWS signatures with detached payload
//! (RFC 7515) over the RFC 8785 canonical form of the object without its `signatures` member. Signing and
//! verifying live in [`crate::signing`].

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub use crate::attachments::Attachment;

use crate::assessment::{Readiness, evaluate_draft};
use crate::draft::Draft;
use crate::evaluation::{Evaluation, Figures, Finding, Severity, Status};
use crate::model::Application;
use crate::params::ParameterSet;

pub use crate::file_format::BUNDLE_FORMAT;

/// The bundle format version this crate writes and reads.
pub const BUNDLE_VERSION: u32 = 1;

/// A signed bundle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bundle {
    /// Always [`BUNDLE_FORMAT`].
    pub format: String,
    /// [`BUNDLE_VERSION`].
    pub version: u32,
    /// The version of the app that made it.
    pub app_version: String,
    /// When it was made (UTC), as told by the caller.
    pub created_at: DateTime<Utc>,
    /// The draft's name, for the reviewer's orientation.
    #[serde(default)]
    pub draft_name: String,
    /// The application.
    pub application: Application,
    /// The evaluation the app made at export, with the parameter set it used.
    pub evaluation: ExportedEvaluation,
    /// Justifications for warnings, by finding key.
    #[serde(default)]
    pub justifications: BTreeMap<String, String>,
    /// Files that travel beside the bundle in the e-mail.
    #[serde(default)]
    pub attachments: Vec<Attachment>,
    /// JWS signatures with detached payload; the first is Ed25519.
    #[serde(default)]
    pub signatures: Vec<JwsSignature>,
}

impl Bundle {
    /// The unsigned bundle of a draft that is ready to submit: the application, its evaluation under `params`, the
    /// justifications of the warnings it has (and no stale ones), the attachment manifest, `created_at` and the
    /// app's version. Sign it with [`crate::signing::sign_bundle`].
    ///
    /// # Errors
    /// [`BundleError::ParameterSetMismatch`] when the draft is made under another parameter set, and
    /// [`BundleError::NotReady`] when a finding blocks or a warning has no justification.
    pub fn of_draft(
        draft: &Draft,
        params: &ParameterSet,
        attachments: Vec<Attachment>,
        created_at: DateTime<Utc>,
        app_version: &str,
    ) -> Result<Bundle, BundleError> {
        if draft.parameter_set != params.id {
            return Err(BundleError::ParameterSetMismatch {
                draft: draft.parameter_set.clone(),
                params: params.id.clone(),
            });
        }
        let evaluation = evaluate_draft(draft, params);
        let readiness = Readiness::of(&draft.justifications, &evaluation);
        if !readiness.is_ready() {
            return Err(BundleError::NotReady {
                blocking: readiness.blocking,
                unjustified: readiness.unjustified.iter().map(|finding| finding.key()).collect(),
            });
        }
        // `extend`, not `collect`: one insert at a time instead of a sort compiled for this call (wasm size).
        let mut justifications = BTreeMap::new();
        justifications.extend(
            evaluation
                .with_severity(Severity::Warning)
                .filter_map(|finding| draft.justifications.get_key_value(&finding.key()))
                .map(|(key, text)| (key.clone(), text.clone())),
        );
        Ok(Bundle {
            format: BUNDLE_FORMAT.to_owned(),
            version: BUNDLE_VERSION,
            app_version: app_version.to_owned(),
            created_at,
            draft_name: draft.name.clone(),
            application: draft.application.clone(),
            evaluation: ExportedEvaluation {
                parameter_set: ParameterSetRef { id: params.id.clone(), sha256: params.sha256() },
                evaluation,
            },
            justifications,
            attachments,
            signatures: Vec::new(),
        })
    }

    /// The bundle as the file is written: pretty JSON (two-space indent) ending with a newline.
    pub fn to_json(&self) -> String {
        let mut text = crate::json::to_pretty_string(self);
        text.push('\n');
        text
    }
}

impl Bundle {
    /// The draft a signed bundle was made from, as far as the bundle carries it (application, justifications,
    /// name), for re-checking it.
    pub fn to_draft(&self, params: &ParameterSet) -> Draft {
        Draft {
            name: self.draft_name.clone(),
            created_at: Some(self.created_at),
            updated_at: None,
            application: self.application.clone(),
            justifications: self.justifications.clone(),
            ..Draft::new("", params, self.created_at)
        }
    }
}

/// Why a bundle could not be made. `Display` is a Chinese message for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BundleError {
    /// Something blocks, or a warning has no justification (see [`Readiness`]).
    #[error("申报书还不能导出：{blocking} 项必须修改，{} 项需说明理由的提示尚未填写理由。", unjustified.len())]
    NotReady {
        /// How many findings block.
        blocking: usize,
        /// The keys of the warnings without a justification.
        unjustified: Vec<String>,
    },
    /// The draft was made under another notice than the parameter set given.
    #[error("草稿按参数集「{draft}」填写，不能按「{params}」导出。")]
    ParameterSetMismatch {
        /// The draft's parameter set id.
        draft: String,
        /// The id of the set given.
        params: String,
    },
    /// The content holds a number that is not a safe integer (at this JSON pointer).
    #[error("申报包在 {0} 处含有非整数或超出安全范围的数字；签名内容中的金额和比例必须写成字符串。")]
    NumberNotAllowed(String),
    /// The signature made outside the core (the browser's WebCrypto) does not verify with the key's public key.
    #[error(
        "浏览器生成的签名未通过核验，申报包没有导出。请刷新页面后重试；如果仍然出现，请在「密钥与存储」查看签名密钥。"
    )]
    SignatureRejected,
}

/// The evaluation as exported, naming the parameter set it used. In the file it is one object: `parameter_set`
/// beside the evaluation's own members (`status`, `findings`, `figures`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportedEvaluation {
    /// Which rules were applied.
    pub parameter_set: ParameterSetRef,
    /// Status, findings and figures.
    pub evaluation: Evaluation,
}

// ExportedEvaluation is written and read through these two flat structs, member for member what
// `#[serde(flatten)]` on `evaluation` would write. Flatten is not used: to read, serde buffers the members and
// reads every type of the evaluation a second time, from the buffer (about 30 KB more wasm), and error paths
// inside the evaluation would be lost.

#[derive(Serialize)]
struct ExportedEvaluationOut<'a> {
    parameter_set: &'a ParameterSetRef,
    status: &'a Status,
    findings: &'a [Finding],
    figures: &'a Figures,
}

#[derive(Deserialize)]
#[serde(rename = "ExportedEvaluation")]
struct ExportedEvaluationIn {
    parameter_set: ParameterSetRef,
    status: Status,
    findings: Vec<Finding>,
    figures: Figures,
}

impl Serialize for ExportedEvaluation {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Evaluation { status, findings, figures } = &self.evaluation;
        ExportedEvaluationOut { parameter_set: &self.parameter_set, status, findings, figures }.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for ExportedEvaluation {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let ExportedEvaluationIn { parameter_set, status, findings, figures } =
            ExportedEvaluationIn::deserialize(deserializer)?;
        Ok(ExportedEvaluation { parameter_set, evaluation: Evaluation { status, findings, figures } })
    }
}

/// Names a parameter set: its id and the SHA-256 of its canonical JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParameterSetRef {
    /// e.g. `"lu-xiangzhenfa-2022-26"`.
    pub id: String,
    /// Lower-case hex SHA-256 (see [`crate::params::ParameterSet::sha256`]).
    pub sha256: String,
}

/// One JWS signature with detached payload (RFC 7515 general serialization, payload omitted).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JwsSignature {
    /// BASE64URL of the protected header JSON.
    pub protected: String,
    /// BASE64URL of the signature.
    pub signature: String,
}
