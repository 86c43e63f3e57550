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

use super::failure::VerifyFailure;
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
    if let Some(key) = super::private_key_in(bytes) {
        let failure = VerifyFailure::PrivateKeyFile {
            encrypted: key.kind == super::KeyFileKind::Encrypted,
            fingerprint: key.fingerprint,
        };
        return VerifyReport::failed(failure, Claimed::default());
    }
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
