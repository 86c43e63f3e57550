//! Verifying a bundle from its raw JSON text, as a reviewer receives it.
//!
//! Verification works on the parsed JSON value, never on a re-serialised struct: the payload is the canonical form
//! of exactly what was received (minus `signatures`), so reordered members and changed whitespace still verify,
//! and any changed value does not. Only after the signatures hold is the content read as a [`Bundle`] and the rules
//! re-run ([`super::Recheck`]).
//!
//! Several signatures: the first must be a valid Ed25519 one. A later signature by an algorithm this version does
//! not know (SM2 is planned) is reported as [`SignatureOutcome::Unsupported`] and does not by itself fail the
//! bundle; a later signature by a known algorithm that does not verify fails it.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ed25519_dalek::{Signature, VerifyingKey};
use serde_json::Value;

use super::key::{PublicJwk, decode_32};
use super::recheck::Recheck;
use super::{ALG_EDDSA, payload_of, signing_input};
use crate::bundle::{BUNDLE_FORMAT, BUNDLE_VERSION, Bundle, BundleError};
use crate::draft::DRAFT_FORMAT;
use crate::json::JsonError;
use crate::limits::FileTooLarge;
use crate::params::ParameterSet;
use crate::reason::in_chinese;

/// Everything verification found out about one bundle file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifyReport {
    /// Why the bundle fails, or `None` when it verifies.
    pub failure: Option<VerifyFailure>,
    /// One report per entry of `signatures`, in order (empty when they could not be read).
    pub signatures: Vec<SignatureReport>,
    /// City and county name as the file states them (e.g. `济南市平阴县`), to tell files apart even when they
    /// fail; trustworthy only when [`VerifyReport::is_ok`]. To show it, use [`VerifyReport::county_label`].
    pub claimed_county: Option<String>,
    /// The county code as the file states it (`applicant.county_code`, e.g. `370124`); trustworthy only when
    /// [`VerifyReport::is_ok`].
    pub claimed_county_code: Option<String>,
    /// The content, only when the bundle verifies.
    pub bundle: Option<Bundle>,
    /// The rules re-run on the content with the built-in parameter set, only when the bundle verifies.
    pub recheck: Option<Recheck>,
}

impl VerifyReport {
    /// True when every check passed: the signatures hold and the content is a bundle of a known parameter set.
    pub fn is_ok(&self) -> bool {
        self.failure.is_none()
    }

    /// The fingerprint of the first signature's public key, when its header could be read (also when the
    /// signature itself is invalid: the reviewer then sees which key the file claims).
    pub fn fingerprint(&self) -> Option<String> {
        self.signatures.first().and_then(|s| s.jwk.as_ref()).map(PublicJwk::fingerprint)
    }

    /// The county to show beside the verdict. For a bundle that verifies, the names it states (e.g.
    /// `济南市平阴县`). For one that fails, marked `（未核验）`, and written with the names of Shandong's list for the
    /// county code the file claims when that code is in the list: the file's own text is then not shown, since a
    /// file that fails may carry names written to look like a verdict (`平阴县 | 签名有效`). A claimed code outside
    /// the list leaves the file's names, still marked. `None` when the file names no county.
    pub fn county_label(&self) -> Option<String> {
        if self.is_ok() {
            return self.claimed_county.clone();
        }
        let listed = self.claimed_county_code.as_deref().and_then(|code| crate::reference::county(code.trim()));
        match (listed, &self.claimed_county) {
            (Some(county), _) => Some(format!("{UNVERIFIED}{}{}", county.city_name, county.county_name)),
            (None, Some(claimed)) => Some(format!("{UNVERIFIED}{claimed}")),
            (None, None) => None,
        }
    }

    /// The report on a file refused for its size before it was read ([`crate::limits::check_file_size`]).
    pub fn file_too_large(error: FileTooLarge) -> VerifyReport {
        VerifyReport::failed(VerifyFailure::FileTooLarge(error), Claimed::default())
    }

    fn failed(failure: VerifyFailure, claimed: Claimed) -> VerifyReport {
        VerifyReport {
            failure: Some(failure),
            signatures: Vec::new(),
            claimed_county: claimed.names,
            claimed_county_code: claimed.code,
            bundle: None,
            recheck: None,
        }
    }
}

/// The mark before the county of a bundle that fails verification.
pub const UNVERIFIED: &str = "（未核验）";

/// What a file says about its county, before anything is verified.
#[derive(Debug, Clone, Default)]
struct Claimed {
    names: Option<String>,
    code: Option<String>,
}

impl Claimed {
    fn of(value: &Value) -> Claimed {
        let member = |name: &str| value.pointer(&format!("/application/applicant/{name}")).and_then(Value::as_str);
        let names = format!("{}{}", member("city_name").unwrap_or_default(), member("county_name").unwrap_or_default());
        Claimed {
            names: (!names.is_empty()).then_some(names),
            code: member("county_code").filter(|code| !code.is_empty()).map(str::to_owned),
        }
    }
}

/// What was found about one signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignatureReport {
    /// The `alg` of its protected header, when readable.
    pub alg: Option<String>,
    /// The `kid` of its protected header, when present.
    pub kid: Option<String>,
    /// The public key of its protected header, when it is a valid Ed25519 JWK.
    pub jwk: Option<PublicJwk>,
    /// Whether it holds.
    pub outcome: SignatureOutcome,
}

/// Whether one signature holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignatureOutcome {
    /// It verifies.
    Valid,
    /// It does not, for this reason.
    Invalid(VerifyFailure),
    /// Its algorithm is unknown to this version (a later signature only): not checked.
    Unsupported,
}

/// Verifies a bundle file's bytes (UTF-8 JSON). Never panics; every problem is in the report.
///
/// The bytes are read by [`crate::json::read_file`]: a leading UTF-8 byte-order mark is skipped (it is not part of
/// the JSON value, so not of what is signed), and a repeated member name fails the bundle (`duplicate_member`)
/// before any signature is looked at.
pub fn verify_bundle_bytes(bytes: &[u8]) -> VerifyReport {
    match crate::json::read_file(bytes) {
        Ok(value) => verify_bundle_value(value),
        Err(error) => VerifyReport::failed(VerifyFailure::InvalidJson(Box::new(error)), Claimed::default()),
    }
}

/// Verifies a bundle file's text. Never panics; every problem is in the report.
pub fn verify_bundle_json(text: &str) -> VerifyReport {
    verify_bundle_bytes(text.as_bytes())
}

fn verify_bundle_value(value: Value) -> VerifyReport {
    let claimed = Claimed::of(&value);
    let failed = |failure| VerifyReport::failed(failure, claimed.clone());
    match value.get("format").and_then(Value::as_str) {
        Some(BUNDLE_FORMAT) => {}
        Some(DRAFT_FORMAT) => return failed(VerifyFailure::IsDraft),
        _ => return failed(VerifyFailure::NotABundle),
    }
    match value.get("version") {
        Some(version) if version.as_u64() == Some(u64::from(BUNDLE_VERSION)) => {}
        Some(version) if version.as_u64().is_some() => {
            return failed(VerifyFailure::UnsupportedVersion(version.to_string()));
        }
        Some(version) => return failed(VerifyFailure::MalformedVersion(version.to_string())),
        None => return failed(VerifyFailure::MalformedVersion("（缺失）".into())),
    }
    let entries = match read_signatures(&value) {
        Ok(entries) => entries,
        Err(failure) => return failed(failure),
    };
    let payload = match payload_of(&value) {
        Ok(payload) => payload,
        Err(BundleError::NumberNotAllowed(path)) => return failed(VerifyFailure::NumberNotAllowed(path)),
        Err(_) => return failed(VerifyFailure::NotABundle),
    };
    let signatures: Vec<SignatureReport> = entries
        .iter()
        .enumerate()
        .map(|(index, (protected, signature))| check_signature(index + 1, protected, signature, &payload))
        .collect();
    let mut report = VerifyReport { signatures, ..failed(VerifyFailure::Unsigned) };
    report.failure = signatures_failure(&report.signatures);
    if report.failure.is_some() {
        return report;
    }
    let bundle: Bundle = match serde_path_to_error::deserialize(value) {
        Ok(bundle) => bundle,
        Err(error) => {
            let path = error.path().to_string();
            let reason = in_chinese(&error.into_inner().to_string());
            report.failure = Some(VerifyFailure::Field { path, reason });
            return report;
        }
    };
    let recorded = &bundle.evaluation.parameter_set;
    let Some(params) = ParameterSet::builtin(&recorded.id) else {
        report.failure = Some(VerifyFailure::UnknownParameterSet(recorded.id.clone()));
        return report;
    };
    if params.sha256() != recorded.sha256 {
        report.failure = Some(VerifyFailure::ParameterSetChanged(recorded.id.clone()));
        return report;
    }
    report.recheck = Some(Recheck::of(&bundle, &params));
    report.bundle = Some(bundle);
    report
}

/// The `(protected, signature)` strings of every entry of `signatures`.
fn read_signatures(value: &Value) -> Result<Vec<(String, String)>, VerifyFailure> {
    let entries = match value.get("signatures") {
        None => return Err(VerifyFailure::Unsigned),
        Some(Value::Array(entries)) if entries.is_empty() => return Err(VerifyFailure::Unsigned),
        Some(Value::Array(entries)) => entries,
        Some(_) => return Err(VerifyFailure::SignaturesNotAList),
    };
    entries
        .iter()
        .enumerate()
        .map(|(index, entry)| {
            let member = |name| entry.get(name).and_then(Value::as_str).map(str::to_owned);
            member("protected")
                .zip(member("signature"))
                .ok_or_else(|| malformed(index + 1, "应含有字符串成员 \"protected\" 和 \"signature\""))
        })
        .collect()
}

fn malformed(number: usize, reason: &str) -> VerifyFailure {
    VerifyFailure::MalformedSignature { number, reason: reason.to_owned() }
}

/// The bundle's failure from its signatures: the first must be valid, later ones valid or of an unknown algorithm.
fn signatures_failure(signatures: &[SignatureReport]) -> Option<VerifyFailure> {
    let first = signatures.first()?;
    if first.outcome == SignatureOutcome::Unsupported {
        return Some(VerifyFailure::FirstNotEd25519(first.alg.clone().unwrap_or_default()));
    }
    signatures.iter().find_map(|signature| match &signature.outcome {
        SignatureOutcome::Invalid(failure) => Some(failure.clone()),
        SignatureOutcome::Valid | SignatureOutcome::Unsupported => None,
    })
}

fn check_signature(number: usize, protected: &str, signature: &str, payload: &str) -> SignatureReport {
    let mut report = SignatureReport { alg: None, kid: None, jwk: None, outcome: SignatureOutcome::Unsupported };
    let header = match protected_header(protected) {
        Ok(header) => header,
        Err(reason) => {
            report.outcome = SignatureOutcome::Invalid(malformed(number, &reason));
            return report;
        }
    };
    report.alg = header.get("alg").and_then(Value::as_str).map(str::to_owned);
    report.kid = header.get("kid").and_then(Value::as_str).map(str::to_owned);
    if report.alg.as_deref() != Some(ALG_EDDSA) {
        return report;
    }
    report.outcome = match check_ed25519(number, &header, protected, signature, payload) {
        Ok(jwk) => {
            report.jwk = Some(jwk);
            SignatureOutcome::Valid
        }
        Err((jwk, failure)) => {
            report.jwk = jwk;
            SignatureOutcome::Invalid(failure)
        }
    };
    report
}

/// The protected header as a JSON object, or the Chinese reason it is not one. A repeated member name is refused
/// (RFC 7515 §4 lets a parser refuse it, and two readers could otherwise see different algorithms or keys).
fn protected_header(protected: &str) -> Result<Value, String> {
    let not_an_object = || "保护头不是 BASE64URL 编码的 JSON 对象".to_owned();
    let bytes = URL_SAFE_NO_PAD.decode(protected).map_err(|_| not_an_object())?;
    let text = String::from_utf8(bytes).map_err(|_| not_an_object())?;
    match crate::json::parse_strict(&text) {
        Ok(header) if header.is_object() => Ok(header),
        Err(JsonError::DuplicateMember { name, .. }) => Err(format!("保护头中的成员「{name}」重复出现")),
        Ok(_) | Err(_) => Err(not_an_object()),
    }
}

type Ed25519Failure = (Option<PublicJwk>, VerifyFailure);

fn check_ed25519(
    number: usize,
    header: &Value,
    protected: &str,
    signature: &str,
    payload: &str,
) -> Result<PublicJwk, Ed25519Failure> {
    if header.get("crit").is_some() {
        return Err((None, VerifyFailure::CriticalHeader { number }));
    }
    let jwk =
        public_jwk(header.get("jwk")).map_err(|reason| (None, VerifyFailure::InvalidPublicKey { number, reason }))?;
    let fail = |failure| Err((Some(jwk.clone()), failure));
    if header.get("kid").and_then(Value::as_str) != Some(jwk.kid().as_str()) {
        return fail(VerifyFailure::KidMismatch { number });
    }
    let key = match strict_public_key(&jwk.x) {
        Ok(key) => key,
        Err(reason) => return fail(VerifyFailure::InvalidPublicKey { number, reason: reason.into() }),
    };
    let Some(signature) = URL_SAFE_NO_PAD.decode(signature).ok().and_then(|bytes| Signature::from_slice(&bytes).ok())
    else {
        return fail(malformed(number, "签名值不是 BASE64URL 编码的 64 字节"));
    };
    match key.verify_strict(signing_input(protected, payload).as_bytes(), &signature) {
        Ok(()) => Ok(jwk),
        Err(_) => fail(VerifyFailure::BadSignature { number }),
    }
}

/// The public key of a JWK's `x`, decoded as strictly as RFC 8032 §5.1.3 reads it, and of large order; or the
/// Chinese reason it is refused.
///
/// ed25519-dalek decodes more leniently than RFC 8032 (a y-coordinate of p or more, an x of zero marked negative)
/// and leaves small-order keys to `verify_strict`. Both are refused here, before the signature, with
/// `invalid_public_key`: a non-canonical `x` is a second spelling of a key, hence a second fingerprint for it, and
/// a key of small order (the identity `01 00…00` among them) has no private key behind it: with it, a signature
/// `01 00…00` "verifies" any content under the verifiers that do not check for it.
fn strict_public_key(x: &str) -> Result<VerifyingKey, &'static str> {
    let bytes = decode_32(x).ok_or("公钥 \"x\" 不是 BASE64URL 编码的 32 字节")?;
    let key = VerifyingKey::from_bytes(&bytes).map_err(|_| "不是有效的 Ed25519 公钥")?;
    if key.to_edwards().compress().to_bytes() != bytes {
        return Err("公钥不是规范编码（同一个公钥的另一种写法），不是本工具或任何标准实现生成的");
    }
    if key.is_weak() {
        return Err("公钥是小阶点（弱公钥），没有对应的私钥，用它“验证”的签名不能证明任何事");
    }
    Ok(key)
}

/// The header's `jwk` as an Ed25519 public key, or the Chinese reason it is not one.
fn public_jwk(jwk: Option<&Value>) -> Result<PublicJwk, String> {
    let jwk = jwk.filter(|jwk| jwk.is_object()).ok_or("保护头中缺少公钥 \"jwk\"")?;
    if jwk.get("d").is_some() {
        return Err("保护头中的 \"jwk\" 含有私钥，不能使用".into());
    }
    let member = |name: &str| jwk.get(name).and_then(Value::as_str).unwrap_or_default().to_owned();
    let public = PublicJwk { kty: member("kty"), crv: member("crv"), x: member("x") };
    if public.kty != "OKP" || public.crv != "Ed25519" {
        return Err(format!("公钥类型为 {}/{}，应为 OKP/Ed25519", public.kty, public.crv));
    }
    decode_32(&public.x).ok_or("公钥 \"x\" 不是 BASE64URL 编码的 32 字节")?;
    Ok(public)
}

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
