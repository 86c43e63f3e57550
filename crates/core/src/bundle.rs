//! The signed bundle (签名的申报包): what a county attaches to its e-mail. Documented in `docs/bundle-format.md`.
//!
//! One JSON object: the application, the evaluation as exported (with the id and SHA-256 of the parameter set),
//! the justifications, an attachment manifest, and `signatures`, an array of JWS signatures with detached payload
//! (RFC 7515) over the RFC 8785 canonical form of the object without its `signatures` member. Signing and
//! verifying live in [`crate::signing`].

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::evaluation::Evaluation;
use crate::model::Application;

/// The `format` member of every bundle.
pub const BUNDLE_FORMAT: &str = "shenbao-bundle";

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

/// The evaluation as exported, naming the parameter set it used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportedEvaluation {
    /// Which rules were applied.
    pub parameter_set: ParameterSetRef,
    /// Status, findings and figures.
    #[serde(flatten)]
    pub evaluation: Evaluation,
}

/// Names a parameter set: its id and the SHA-256 of its canonical JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParameterSetRef {
    /// e.g. `"lu-xiangzhenfa-2022-26"`.
    pub id: String,
    /// Lower-case hex SHA-256 (see [`crate::params::ParameterSet::sha256`]).
    pub sha256: String,
}

/// One attachment in the manifest: the file travels beside the bundle, never inside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    /// The file's name as picked.
    pub name: String,
    /// Its size in bytes.
    pub size: u64,
    /// Lower-case hex SHA-256 of its bytes.
    pub sha256: String,
}

impl Attachment {
    /// The manifest entry for a file's name and bytes.
    pub fn of(name: &str, bytes: &[u8]) -> Attachment {
        Attachment { name: name.to_owned(), size: bytes.len() as u64, sha256: sha256_hex(bytes) }
    }
}

/// One JWS signature with detached payload (RFC 7515 general serialization, payload omitted).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JwsSignature {
    /// BASE64URL of the protected header JSON.
    pub protected: String,
    /// BASE64URL of the signature.
    pub signature: String,
}

/// The RFC 8785 (JCS) canonical form of a JSON value, by the `serde_json_canonicalizer` crate.
pub fn canonical_json(value: &Value) -> String {
    serde_json_canonicalizer::to_string(value).unwrap_or_default()
}

/// Lower-case hex SHA-256 of some bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}
