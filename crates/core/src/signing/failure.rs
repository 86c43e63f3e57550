//! Why a bundle fails verification: one variant per failure of `docs/bundle-format.md`'s steps, with its Chinese
//! sentence and its stable code.

use crate::json::JsonError;
use crate::limits::FileTooLarge;

/// Why a bundle fails verification. `Display` is the Chinese sentence shown to the reviewer; [`VerifyFailure::code`]
/// a stable machine-readable code (listed in `docs/bundle-format.md`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VerifyFailure {
    /// Over [`crate::limits::MAX_FILE_BYTES`]: refused before it was read.
    #[error("{0}")]
    FileTooLarge(FileTooLarge),
    /// Not JSON, cut short, empty, not UTF-8, or an object repeats a member name (the message says which and
    /// where; [`VerifyFailure::code`] is `duplicate_member` for the last, `invalid_json` for the others).
    #[error("{0}")]
    InvalidJson(Box<JsonError>),
    /// JSON, but not a bundle.
    #[error("这不是申报包（缺少 \"format\": \"shenbao-bundle\"）。")]
    NotABundle,
    /// A draft, not a bundle.
    #[error("这是草稿文件，不是签名的申报包。")]
    IsDraft,
    /// A county's private key file (sent by mistake): whoever has it may sign as the county.
    #[error("{}", super::key_file::exposed_key_message(*encrypted, fingerprint.as_deref()))]
    PrivateKeyFile {
        /// Whether it is this tool's passphrase-encrypted key file (else the private key is in the clear).
        encrypted: bool,
        /// The fingerprint of its public key, when the file shows it.
        fingerprint: Option<String>,
    },
    /// A later bundle version (a whole number other than 1), which a newer app may read.
    #[error("不支持的申报包版本 {0}（本工具支持版本 1），请使用新版本的申报助手核验。")]
    UnsupportedVersion(String),
    /// `version` missing or not a whole number (`"1"`, `1.0`, `-1`): not written by any version of this app.
    #[error("申报包的版本号 {0} 格式有误（应为整数 1，不带引号）：文件不是本工具生成的，或已被改动。")]
    MalformedVersion(String),
    /// No signature at all.
    #[error("申报包没有签名。")]
    Unsigned,
    /// `signatures` is there but is not an array.
    #[error("申报包的 \"signatures\" 应为签名的数组，这里不是：文件不是本工具生成的，或已被改动。")]
    SignaturesNotAList,
    /// A signature entry or its header cannot be read.
    #[error("第 {number} 个签名格式有误：{reason}。")]
    MalformedSignature {
        /// 1-based position in `signatures`.
        number: usize,
        /// Chinese reason.
        reason: String,
    },
    /// The content holds a number that is not a safe integer.
    #[error("申报包在 {0} 处含有非整数或超出安全范围的数字，不符合申报包格式。")]
    NumberNotAllowed(String),
    /// The first signature is not Ed25519.
    #[error("第 1 个签名的算法为「{0}」，应为 EdDSA（Ed25519）。")]
    FirstNotEd25519(String),
    /// The header has a `crit` member: an extension this tool does not implement.
    #[error("第 {number} 个签名使用了本工具不支持的扩展（crit）。")]
    CriticalHeader {
        /// 1-based position.
        number: usize,
    },
    /// The header's JWK is not an Ed25519 public key.
    #[error("第 {number} 个签名的公钥无效：{reason}。")]
    InvalidPublicKey {
        /// 1-based position.
        number: usize,
        /// Chinese reason.
        reason: String,
    },
    /// `kid` is missing or is not the key's thumbprint.
    #[error("第 {number} 个签名的密钥标识（kid）与公钥指纹不一致。")]
    KidMismatch {
        /// 1-based position.
        number: usize,
    },
    /// The signature does not verify.
    #[error("第 {number} 个签名无效：内容在签名后被修改，或签名并非由申报包所附公钥生成。")]
    BadSignature {
        /// 1-based position.
        number: usize,
    },
    /// Signed, but a member does not have the bundle's shape.
    #[error("签名有效，但字段 {path} 的值有误：{reason}")]
    Field {
        /// Path of the member.
        path: String,
        /// What is wrong.
        reason: String,
    },
    /// Signed under a parameter set this tool does not know.
    #[error("申报包使用的参数集「{0}」本工具不认识，无法重新核对。")]
    UnknownParameterSet(String),
    /// The parameter set's digest differs from the built-in one.
    #[error("申报包记录的参数集「{0}」摘要与本工具内置的不一致：申报时使用的规则参数被改动过。")]
    ParameterSetChanged(String),
}

impl VerifyFailure {
    /// A stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            VerifyFailure::FileTooLarge(_) => "file_too_large",
            VerifyFailure::InvalidJson(error) => error.code(),
            VerifyFailure::NotABundle => "not_a_bundle",
            VerifyFailure::IsDraft => "is_draft",
            VerifyFailure::PrivateKeyFile { .. } => "private_key_file",
            VerifyFailure::UnsupportedVersion(_) => "unsupported_version",
            VerifyFailure::MalformedVersion(_) => "malformed_version",
            VerifyFailure::Unsigned => "unsigned",
            VerifyFailure::MalformedSignature { .. } | VerifyFailure::SignaturesNotAList => "malformed_signature",
            VerifyFailure::NumberNotAllowed(_) => "number_not_allowed",
            VerifyFailure::FirstNotEd25519(_) => "first_signature_not_ed25519",
            VerifyFailure::CriticalHeader { .. } => "unsupported_critical_header",
            VerifyFailure::InvalidPublicKey { .. } => "invalid_public_key",
            VerifyFailure::KidMismatch { .. } => "kid_mismatch",
            VerifyFailure::BadSignature { .. } => "bad_signature",
            VerifyFailure::Field { .. } => "invalid_field",
            VerifyFailure::UnknownParameterSet(_) => "unknown_parameter_set",
            VerifyFailure::ParameterSetChanged(_) => "parameter_set_changed",
        }
    }
}
