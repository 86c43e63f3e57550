//! The edges of the format, where JSON libraries and Ed25519 implementations disagree: for each file made here,
//! the independent Node verifier (`tests/interop/verify.mjs`) and ours give the same outcome, and it is the one
//! `docs/bundle-format.md` prescribes. Needs Node and `npm ci`, like `tests/interop.rs`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use curve25519_dalek::constants::EIGHT_TORSION;
use curve25519_dalek::edwards::EdwardsPoint;
use curve25519_dalek::scalar::Scalar;
use curve25519_dalek::traits::Identity;
use serde_json::{Value, json};
use sha2::{Digest, Sha512};
use shenbao_core::json::canonical_json;
use shenbao_core::signing::{PublicJwk, ed25519_protected_header, payload_of, signing_input, verify_bundle_bytes};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn valid_text() -> String {
    std::fs::read_to_string(root().join("tests/vectors/bundles/valid-pingyin.json")).expect("the golden bundle")
}

fn valid_value() -> Value {
    serde_json::from_str(&valid_text()).expect("JSON")
}

fn replace_once(from: &str, to: &str) -> Vec<u8> {
    let text = valid_text();
    assert_eq!(text.matches(from).count(), 1, "{from}");
    text.replacen(from, to, 1).into_bytes()
}

/// The valid bundle with its first protected header edited (and not signed again).
fn with_header(edit: impl FnOnce(&mut Value)) -> Vec<u8> {
    let mut value = valid_value();
    let protected = value["signatures"][0]["protected"].as_str().expect("protected").to_owned();
    let mut header: Value =
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(protected).expect("BASE64URL")).expect("JSON");
    edit(&mut header);
    value["signatures"][0]["protected"] = json!(URL_SAFE_NO_PAD.encode(header.to_string()));
    value.to_string().into_bytes()
}

fn with_signature(signature: &str) -> Vec<u8> {
    let mut value = valid_value();
    value["signatures"][0]["signature"] = json!(signature);
    value.to_string().into_bytes()
}

/// The valid content under the public key `key` (any 32 bytes) with the 64 bytes `signature`.
fn under_key(key: [u8; 32], signature: impl FnOnce(&str, &[u8; 32]) -> [u8; 64]) -> Vec<u8> {
    let mut value = valid_value();
    let protected = URL_SAFE_NO_PAD.encode(canonical_json(&ed25519_protected_header(&PublicJwk::from_bytes(&key))));
    let input = signing_input(&protected, &payload_of(&value).expect("no fractions"));
    let signature = signature(&input, &key);
    value["signatures"] = json!([{ "protected": protected, "signature": URL_SAFE_NO_PAD.encode(signature) }]);
    value.to_string().into_bytes()
}

/// The signature (R = `nonce`·B + `torsion`, S = nonce + k·a) of a signer who knows the secret scalar `a` and
/// chooses R badly: with a torsion component R has no place in a correct signature, yet a verifier with the
/// cofactor in its equation accepts it, and with R the identity (nonce 0, no torsion) one without the small-order
/// check does.
fn signed_with_nonce(nonce: Scalar, torsion: EdwardsPoint) -> Vec<u8> {
    let signer = ed25519_dalek::SigningKey::from_bytes(&[7; 32]);
    under_key(signer.verifying_key().to_bytes(), |input, key| {
        let r = (EdwardsPoint::mul_base(&nonce) + torsion).compress().to_bytes();
        let k = challenge(&r, key, input);
        [r, (nonce + k * signer.to_scalar()).to_bytes()].concat().try_into().expect("64 bytes")
    })
}

fn challenge(r: &[u8; 32], key: &[u8; 32], input: &str) -> Scalar {
    let hash: [u8; 64] = Sha512::new().chain_update(r).chain_update(key).chain_update(input).finalize().into();
    Scalar::from_bytes_mod_order_wide(&hash)
}

/// R = the identity, S = 0: what "verifies" under a key of small order without the small-order check.
fn identity_signature(_: &str, _: &[u8; 32]) -> [u8; 64] {
    let mut signature = [0; 64];
    signature[0] = 1;
    signature
}

/// The valid signature with L, the group order, added to S: the same signature to a verifier that reduces S.
fn with_s_plus_order() -> Vec<u8> {
    const ORDER: [u8; 32] = [
        0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10,
    ];
    let value = valid_value();
    let mut signature =
        URL_SAFE_NO_PAD.decode(value["signatures"][0]["signature"].as_str().expect("a string")).expect("64");
    let mut carry = 0u16;
    for (byte, add) in signature[32..].iter_mut().zip(ORDER) {
        let sum = u16::from(*byte) + u16::from(add) + carry;
        *byte = (sum & 0xff) as u8;
        carry = sum >> 8;
    }
    with_signature(&URL_SAFE_NO_PAD.encode(signature))
}

/// The valid signature with one of the 4 unused bits of its last BASE64URL character set: the same 64 bytes to a
/// lenient decoder, not the one spelling of them that BASE64URL allows.
fn with_trailing_bits() -> Vec<u8> {
    const ALPHABET: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let value = valid_value();
    let signature = value["signatures"][0]["signature"].as_str().unwrap_or_default();
    let (body, last) = signature.split_at(signature.len() - 1);
    let index = ALPHABET.find(last).expect("a BASE64URL character");
    assert_eq!(index % 16, 0, "64 bytes leave 4 unused bits, all zero");
    with_signature(&format!("{body}{}", &ALPHABET[index + 1..index + 2]))
}

/// `p + y` little-endian, with the sign bit clear: a second spelling of the y-coordinate `y` (y ≤ 18).
fn non_canonical_y(y: u8) -> [u8; 32] {
    let mut bytes = [0xff; 32];
    bytes[0] = 0xed + y;
    bytes[31] = 0x7f;
    bytes
}

/// A byte that is not UTF-8 (GBK's first byte of 地) inside a string.
fn not_utf_8() -> Vec<u8> {
    let text = valid_text();
    let at = text.find("平阴县第二批").expect("the draft name");
    [&text.as_bytes()[..at], b"\xb5", &text.as_bytes()[at..]].concat()
}

/// The valid bundle with this text as its first protected header.
fn with_signature_header(header: &str) -> Vec<u8> {
    let mut value = valid_value();
    value["signatures"][0]["protected"] = json!(URL_SAFE_NO_PAD.encode(header));
    value.to_string().into_bytes()
}

fn nested(depth: usize) -> Vec<u8> {
    replace_once(
        "\n  \"version\": 1,",
        &format!("\n  \"version\": 1,\n  \"deep\": {}{},", "[".repeat(depth), "]".repeat(depth)),
    )
}

/// Each case: a name, the file's bytes, and the outcome the format prescribes (`None`: whatever ours says, the
/// Node verifier must say too).
fn cases() -> Vec<(String, Vec<u8>, Option<&'static str>)> {
    let valid = valid_text();
    let mut cases: Vec<(String, Vec<u8>, Option<&'static str>)> = vec![
        // Reading the file.
        ("empty".into(), Vec::new(), Some("invalid_json")),
        ("two-byte-order-marks".into(), format!("\u{feff}\u{feff}{valid}").into_bytes(), Some("invalid_json")),
        ("not-utf-8".into(), not_utf_8(), Some("invalid_json")),
        ("gbk-byte".into(), [valid.as_bytes(), b"\xb5"].concat(), Some("invalid_json")),
        (
            "lone-surrogate".into(),
            replace_once("\"draft_name\": \"平阴县", "\"draft_name\": \"\\ud800平阴县"),
            Some("invalid_json"),
        ),
        (
            "raw-control-character".into(),
            replace_once("\"draft_name\": \"平阴县", "\"draft_name\": \"\u{1}平阴县"),
            Some("invalid_json"),
        ),
        (
            "escaped-duplicate-name".into(),
            replace_once(
                "\"city_linkage_funds\": \"500\",",
                "\"city_linkage_funds\": \"500\", \"city_linkage_fund\\u0073\": \"9999\",",
            ),
            Some("duplicate_member"),
        ),
        // Numbers.
        ("exponent".into(), replace_once("\"loans\": null", "\"loans\": 1E2"), Some("number_not_allowed")),
        ("fraction-zero".into(), replace_once("\"loans\": null", "\"loans\": 1.0"), Some("number_not_allowed")),
        ("negative-zero".into(), replace_once("\"loans\": null", "\"loans\": -0"), Some("number_not_allowed")),
        (
            "above-safe-integers".into(),
            replace_once("\"loans\": null", "\"loans\": 9007199254740992"),
            Some("number_not_allowed"),
        ),
        (
            "below-safe-integers".into(),
            replace_once("\"loans\": null", "\"loans\": -9007199254740992"),
            Some("number_not_allowed"),
        ),
        (
            "largest-safe-integer".into(),
            replace_once("\"loans\": null", "\"loans\": 9007199254740991"),
            Some("bad_signature"),
        ),
        ("out-of-range".into(), replace_once("\"loans\": null", "\"loans\": 1e400"), Some("invalid_json")),
        (
            "version-fraction".into(),
            replace_once("\n  \"version\": 1,", "\n  \"version\": 1.0,"),
            Some("malformed_version"),
        ),
        (
            "version-string".into(),
            replace_once("\n  \"version\": 1,", "\n  \"version\": \"1\","),
            Some("malformed_version"),
        ),
        (
            "version-negative".into(),
            replace_once("\n  \"version\": 1,", "\n  \"version\": -1,"),
            Some("malformed_version"),
        ),
        (
            "version-huge".into(),
            replace_once("\n  \"version\": 1,", "\n  \"version\": 18446744073709551616,"),
            Some("malformed_version"),
        ),
        (
            "version-u64".into(),
            replace_once("\n  \"version\": 1,", "\n  \"version\": 18446744073709551615,"),
            Some("unsupported_version"),
        ),
        ("version-missing".into(), replace_once("\n  \"version\": 1,", ""), Some("malformed_version")),
        ("draft".into(), replace_once("\"shenbao-bundle\"", "\"shenbao-draft\""), Some("is_draft")),
        ("array".into(), b"[]".to_vec(), Some("not_a_bundle")),
        ("deep-126".into(), nested(126), Some("bad_signature")),
        ("deep-127".into(), nested(127), Some("invalid_json")),
        ("deep-128".into(), nested(128), Some("invalid_json")),
        // Signatures.
        (
            "signatures-empty".into(),
            replace_once("\"signatures\": [", "\"signatures\": [], \"x\": ["),
            Some("unsigned"),
        ),
        (
            "signatures-object".into(),
            {
                let mut v = valid_value();
                v["signatures"] = json!({});
                v.to_string().into_bytes()
            },
            Some("malformed_signature"),
        ),
        (
            "header-duplicate".into(),
            with_signature_header(r#"{"alg":"EdDSA","alg":"EdDSA"}"#),
            Some("malformed_signature"),
        ),
        ("header-not-object".into(), with_signature_header("[]"), Some("malformed_signature")),
        ("header-alg-sm2".into(), with_header(|h| h["alg"] = json!("SM2")), Some("first_signature_not_ed25519")),
        ("header-crit".into(), with_header(|h| h["crit"] = json!(null)), Some("unsupported_critical_header")),
        ("header-private-key".into(), with_header(|h| h["jwk"]["d"] = json!("AAAA")), Some("invalid_public_key")),
        ("header-x-short".into(), with_header(|h| h["jwk"]["x"] = json!("AAAA")), Some("invalid_public_key")),
        (
            "header-no-kid".into(),
            with_header(|h| drop(h.as_object_mut().map(|h| h.remove("kid")))),
            Some("kid_mismatch"),
        ),
        ("header-extra-member".into(), with_header(|h| h["typ"] = json!("JOSE")), Some("bad_signature")),
        (
            "signature-padded".into(),
            {
                let v = valid_value();
                with_signature(&format!("{}==", v["signatures"][0]["signature"].as_str().unwrap_or_default()))
            },
            Some("malformed_signature"),
        ),
        ("signature-trailing-bits".into(), with_trailing_bits(), Some("malformed_signature")),
        ("signature-s-plus-order".into(), with_s_plus_order(), Some("bad_signature")),
        // Keys of small order and keys written non-canonically.
        (
            "key-identity".into(),
            under_key(EdwardsPoint::identity().compress().to_bytes(), identity_signature),
            Some("invalid_public_key"),
        ),
        (
            "key-identity-negative-zero".into(),
            under_key(
                {
                    let mut k = [0; 32];
                    k[0] = 1;
                    k[31] = 0x80;
                    k
                },
                identity_signature,
            ),
            Some("invalid_public_key"),
        ),
        // A signer's own bad choices of R.
        ("r-identity".into(), signed_with_nonce(Scalar::ZERO, EdwardsPoint::identity()), Some("bad_signature")),
        ("r-with-torsion".into(), signed_with_nonce(Scalar::from(12_345u64), EIGHT_TORSION[1]), Some("bad_signature")),
        ("r-correct".into(), signed_with_nonce(Scalar::from(12_345u64), EdwardsPoint::identity()), Some("ok")),
    ];
    for (index, point) in EIGHT_TORSION.iter().enumerate() {
        cases.push((
            format!("key-torsion-{index}"),
            under_key(point.compress().to_bytes(), identity_signature),
            Some("invalid_public_key"),
        ));
    }
    for y in 0..=18 {
        if ed25519_dalek::VerifyingKey::from_bytes(&non_canonical_y(y)).is_ok() {
            cases.push((
                format!("key-y-{y}-plus-p"),
                under_key(non_canonical_y(y), identity_signature),
                Some("invalid_public_key"),
            ));
        }
    }
    cases
}

#[test]
fn node_and_rust_give_the_same_outcome_at_every_edge_of_the_format() {
    let temp = tempfile::tempdir().expect("a temporary folder");
    let cases = cases();
    let files: Vec<PathBuf> = cases
        .iter()
        .map(|(name, bytes, _)| {
            let path = temp.path().join(format!("{name}.json"));
            std::fs::write(&path, bytes).expect("written");
            path
        })
        .collect();
    let (node, text) = node_outcomes(&files);
    let mut disagreements = Vec::new();
    for ((name, bytes, expected), file) in cases.iter().zip(&files) {
        let ours = verify_bundle_bytes(bytes).failure.map_or("ok", |failure| failure.code()).to_owned();
        let theirs = &node[file];
        if ours != *theirs || expected.is_some_and(|expected| expected != ours) {
            disagreements.push(format!("{name}: expected {expected:?}, Rust {ours}, Node {theirs}"));
        }
    }
    assert!(disagreements.is_empty(), "{disagreements:#?}\n{text}");
    assert!(
        cases.iter().filter(|(name, ..)| name.starts_with("key-y-")).count() >= 3,
        "large-order keys written with y ≥ p"
    );
}

/// The Node verifier's outcome for each file (`ok` or the failure code), and its whole output.
fn node_outcomes(files: &[PathBuf]) -> (BTreeMap<PathBuf, String>, String) {
    let output = Command::new("node")
        .arg(root().join("tests/interop/verify.mjs"))
        .args(files.iter().map(PathBuf::as_path).collect::<Vec<&Path>>())
        .current_dir(root())
        .output()
        .expect("node runs (Debian: apt-get install nodejs; then npm ci)");
    let text = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    let outcomes = files
        .iter()
        .map(|file| {
            let prefix = format!("{}: ", file.display());
            let line = text.lines().find_map(|line| line.strip_prefix(&prefix)).unwrap_or("(no line)");
            let outcome = if line.starts_with("ok ") {
                "ok"
            } else {
                line.strip_prefix("FAIL ").and_then(|rest| rest.split(':').next()).unwrap_or(line)
            };
            (file.clone(), outcome.to_owned())
        })
        .collect();
    (outcomes, text)
}
