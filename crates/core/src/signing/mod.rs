//! Signing and verifying bundles (签名的申报包). The procedure, step by step, is in `docs/bundle-format.md`.
//!
//! A bundle's `signatures` member is an array of JWS signatures with detached payload (RFC 7515 §7.2, general
//! serialization without `payload`), each `{"protected": …, "signature": …}`:
//!
//! - payload = the RFC 8785 (JCS) canonical form of the whole bundle object **without** its `signatures` member;
//! - signing input = `BASE64URL(protected header) + "." + BASE64URL(payload)`, exactly as in JWS;
//! - the first signature is Ed25519 (`"alg": "EdDSA"`, RFC 8037); its protected header carries the public key as a
//!   JWK and `kid`, the key's RFC 7638 thumbprint. Later signatures may use other algorithms (SM2 is planned).
//!
//! The protected header is itself written in canonical form, so signing is deterministic: the same bundle and key
//! give the same bytes, which is what lets the golden vectors in `tests/vectors/bundles/` be regenerated.
//! Canonical JSON, Ed25519, SHA-256 and BASE64URL come from `serde_json_canonicalizer`, `ed25519-dalek`, `sha2`
//! and `base64`; nothing here is hand-written cryptography.

mod failure;
mod folder;
mod key;
mod key_file;
mod recheck;
mod verify;
#[cfg(test)]
mod verify_tests;

pub use failure::VerifyFailure;
pub use folder::{CountyShown, FolderNote, FolderNoteKind, county_shown, folder_notes};
pub use key::{BundleKey, KEY_FILE_FORMAT, KEY_FILE_VERSION, KeyFileError, PublicJwk, fingerprint_of};
pub use key_file::{
    ExposedKey, KEY_FILE_PEM_LABEL, KeyFileKind, KeyFileRandomness, MIN_PASSPHRASE_CHARS, NewPassphrase,
    PassphraseError, SCRYPT_LOG_N, SCRYPT_P, SCRYPT_R, key_file_kind, private_key_in,
};
pub use recheck::{Difference, Recheck};
pub use verify::{
    SignatureOutcome, SignatureReport, UNVERIFIED, VerifyReport, verify_bundle_bytes, verify_bundle_json,
};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use crate::bundle::{Attachment, Bundle, BundleError, JwsSignature};
use crate::draft::Draft;
use crate::json::canonical_json;
use crate::params::ParameterSet;

/// The JWS `alg` of Ed25519 signatures (RFC 8037 §3.1).
pub const ALG_EDDSA: &str = "EdDSA";

/// The largest integer every JSON reader represents exactly (2⁵³ − 1, I-JSON, RFC 7493 §2.2).
pub const MAX_SAFE_INTEGER: i64 = (1 << 53) - 1;

/// The app's one call: the pretty JSON text of a signed bundle of a draft that is ready to submit.
///
/// `now` is the export time; the bundle records [`crate::APP_VERSION`].
///
/// # Errors
/// [`BundleError::NotReady`] when something blocks or a warning lacks its justification, and the other
/// [`BundleError`]s of [`Bundle::of_draft`] and [`sign_bundle`].
pub fn export_signed_bundle(
    draft: &Draft,
    params: &ParameterSet,
    attachments: Vec<Attachment>,
    now: DateTime<Utc>,
    key: &BundleKey,
) -> Result<String, BundleError> {
    let unsigned = Bundle::of_draft(draft, params, attachments, now, crate::APP_VERSION)?;
    Ok(sign_bundle(unsigned, key)?.to_json())
}

/// Signs a bundle: replaces its `signatures` with one Ed25519 signature by `key`.
///
/// # Errors
/// [`BundleError::NumberNotAllowed`] if the content holds a number other than a safe integer (it cannot: every
/// amount and ratio is a string; the check guards against a future field breaking the rule).
pub fn sign_bundle(bundle: Bundle, key: &BundleKey) -> Result<Bundle, BundleError> {
    let request = SigningRequest::new(bundle, &key.public_jwk())?;
    let signature = key.sign(request.message());
    Ok(request.attach(&signature))
}

/// A bundle to be signed by a key held elsewhere: the browser's WebCrypto, where the private key is a
/// non-extractable `CryptoKey` (docs/key-storage.md). The caller signs [`SigningRequest::message`] with Ed25519
/// (RFC 8032, deterministic: the same bytes as [`sign_bundle`] gives) and hands the signature to
/// [`SigningRequest::finish`].
#[derive(Debug, Clone)]
pub struct SigningRequest {
    bundle: Bundle,
    public: PublicJwk,
    protected: String,
    input: String,
}

impl SigningRequest {
    /// The request to sign `bundle` (its `signatures` are replaced) by the key whose public JWK is `public`.
    ///
    /// # Errors
    /// [`BundleError::NumberNotAllowed`], as [`sign_bundle`].
    pub fn new(mut bundle: Bundle, public: &PublicJwk) -> Result<SigningRequest, BundleError> {
        bundle.signatures.clear();
        let payload = payload_of(&serde_json::to_value(&bundle).unwrap_or_default())?;
        let protected = URL_SAFE_NO_PAD.encode(canonical_json(&ed25519_protected_header(public)));
        let input = signing_input(&protected, &payload);
        Ok(SigningRequest { bundle, public: public.clone(), protected, input })
    }

    /// The bytes to sign: the JWS signing input (ASCII).
    pub fn message(&self) -> &[u8] {
        self.input.as_bytes()
    }

    /// The signed bundle, once the 64-byte Ed25519 `signature` of [`SigningRequest::message`] is checked against
    /// the public key.
    ///
    /// # Errors
    /// [`BundleError::SignatureRejected`] when it is not a valid signature by that key: nothing is exported then.
    pub fn finish(self, signature: &[u8]) -> Result<Bundle, BundleError> {
        if !self.public.verifies(self.message(), signature) {
            return Err(BundleError::SignatureRejected);
        }
        Ok(self.attach(signature))
    }

    fn attach(mut self, signature: &[u8]) -> Bundle {
        let signature = URL_SAFE_NO_PAD.encode(signature);
        self.bundle.signatures.push(JwsSignature { protected: self.protected, signature });
        self.bundle
    }
}

/// BASE64URL of the canonical form of a bundle's JSON without its `signatures` member: the detached JWS payload.
///
/// # Errors
/// [`BundleError::NumberNotAllowed`] naming the first number that is not a safe integer.
pub fn payload_of(bundle: &Value) -> Result<String, BundleError> {
    let mut unsigned = bundle.clone();
    if let Some(object) = unsigned.as_object_mut() {
        object.remove("signatures");
    }
    if let Some(path) = first_disallowed_number(&unsigned, "") {
        return Err(BundleError::NumberNotAllowed(path));
    }
    Ok(URL_SAFE_NO_PAD.encode(canonical_json(&unsigned)))
}

/// The JWS signing input: `protected + "." + payload`, both already BASE64URL.
pub fn signing_input(protected: &str, payload: &str) -> String {
    format!("{protected}.{payload}")
}

/// The canonical protected header of an Ed25519 signature by the key with this JWK.
pub fn ed25519_protected_header(jwk: &PublicJwk) -> Value {
    json!({ "alg": ALG_EDDSA, "jwk": jwk.to_value(), "kid": jwk.kid() })
}

/// The Ed25519 JWS signature of a payload (already BASE64URL).
pub fn ed25519_signature(key: &BundleKey, payload: &str) -> JwsSignature {
    let protected = URL_SAFE_NO_PAD.encode(canonical_json(&ed25519_protected_header(&key.public_jwk())));
    let signature = key.sign(signing_input(&protected, payload).as_bytes());
    JwsSignature { protected, signature: URL_SAFE_NO_PAD.encode(signature) }
}

/// The JSON path (e.g. `/evaluation/figures/x`) of the first number that is not an integer within
/// ±[`MAX_SAFE_INTEGER`], or `None`. Such numbers are refused so that every canonicaliser writes the same text:
/// fractions and large integers are where JSON libraries disagree.
pub fn first_disallowed_number(value: &Value, path: &str) -> Option<String> {
    match value {
        Value::Number(number) => {
            let safe = number.as_i64().is_some_and(|n| (-MAX_SAFE_INTEGER..=MAX_SAFE_INTEGER).contains(&n));
            (!safe).then(|| if path.is_empty() { "/".to_owned() } else { path.to_owned() })
        }
        Value::Array(items) => {
            items.iter().enumerate().find_map(|(index, item)| first_disallowed_number(item, &format!("{path}/{index}")))
        }
        Value::Object(members) => members.iter().find_map(|(name, member)| {
            let escaped = name.replace('~', "~0").replace('/', "~1");
            first_disallowed_number(member, &format!("{path}/{escaped}"))
        }),
        Value::Null | Value::Bool(_) | Value::String(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_safe_integers_pass_the_number_check() {
        assert_eq!(first_disallowed_number(&json!({"a": [1, -2, {"b": "0.5"}]}), ""), None);
        assert_eq!(first_disallowed_number(&json!({"a": [1, {"b": 0.5}]}), ""), Some("/a/1/b".into()));
        assert_eq!(first_disallowed_number(&json!({"x/y": 1.0}), ""), Some("/x~1y".into()));
        assert_eq!(first_disallowed_number(&json!({"n": MAX_SAFE_INTEGER}), ""), None);
        assert_eq!(first_disallowed_number(&json!({"n": MAX_SAFE_INTEGER + 1}), ""), Some("/n".into()));
        assert_eq!(first_disallowed_number(&json!({"n": u64::MAX}), ""), Some("/n".into()));
        assert_eq!(first_disallowed_number(&json!(2.5), ""), Some("/".into()));
    }

    #[test]
    fn the_payload_leaves_out_the_signatures_and_refuses_fractions() {
        let with = json!({"b": 1, "a": "x", "signatures": [{"protected": "p", "signature": "s"}]});
        let payload = URL_SAFE_NO_PAD.decode(payload_of(&with).unwrap()).unwrap();
        assert_eq!(String::from_utf8(payload).unwrap(), r#"{"a":"x","b":1}"#);
        let error = payload_of(&json!({"amount": 312.5})).unwrap_err();
        assert_eq!(error, BundleError::NumberNotAllowed("/amount".into()));
        assert!(error.to_string().contains("/amount"), "{error}");
    }

    #[test]
    fn the_protected_header_is_canonical_and_names_the_key() {
        let key = BundleKey::from_secret_bytes([1; 32], DateTime::UNIX_EPOCH);
        let signature = ed25519_signature(&key, "e30");
        let header = String::from_utf8(URL_SAFE_NO_PAD.decode(&signature.protected).unwrap()).unwrap();
        let jwk = key.public_jwk();
        let expected =
            format!(r#"{{"alg":"EdDSA","jwk":{{"crv":"Ed25519","kty":"OKP","x":"{}"}},"kid":"{}"}}"#, jwk.x, jwk.kid());
        assert_eq!(header, expected);
        assert_eq!(URL_SAFE_NO_PAD.decode(&signature.signature).unwrap().len(), 64);
        assert_eq!(ed25519_signature(&key, "e30"), signature, "Ed25519 is deterministic");
    }
}
