//! Sign → verify round trips and every failure reason, one small case each. The golden files are checked in
//! `crates/core/tests/vectors.rs`.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use super::*;
use crate::bundle::{Attachment, BundleError};
use crate::draft::Draft;
use crate::params::ParameterSet;
use crate::sample;

fn now() -> DateTime<Utc> {
    "2022-12-01T08:00:00Z".parse().unwrap()
}

fn key() -> BundleKey {
    BundleKey::from_secret_bytes([42; 32], now())
}

fn ready_draft() -> Draft {
    let params = ParameterSet::second_batch_2022();
    let mut draft = Draft::new("平阴县申报书", &params, now());
    draft.application = sample::complete();
    draft
}

fn signed_json() -> String {
    let attachments = vec![Attachment::of("实施方案.pdf", b"%PDF-1.7 example")];
    export_signed_bundle(&ready_draft(), &ParameterSet::second_batch_2022(), attachments, now(), &key()).unwrap()
}

/// The failure code after editing the signed bundle's JSON (without re-signing).
fn code_after(edit: impl FnOnce(&mut Value)) -> String {
    let mut value: Value = serde_json::from_str(&signed_json()).unwrap();
    edit(&mut value);
    let report = verify_bundle_json(&value.to_string());
    report.failure.map_or_else(|| "ok".to_owned(), |failure| failure.code().to_owned())
}

/// The failure code after editing the content and signing again with the test key.
fn code_after_resigning(edit: impl FnOnce(&mut Value)) -> String {
    let mut value: Value = serde_json::from_str(&signed_json()).unwrap();
    edit(&mut value);
    let payload = payload_of(&value).unwrap();
    value["signatures"] = json!([ed25519_signature(&key(), &payload)]);
    verify_bundle_json(&value.to_string()).failure.map_or_else(|| "ok".to_owned(), |f| f.code().to_owned())
}

#[test]
fn a_signed_bundle_verifies_and_rechecks_clean() {
    let report = verify_bundle_json(&signed_json());
    assert_eq!(report.failure, None);
    assert_eq!(report.fingerprint(), Some(key().public_jwk().fingerprint()));
    assert_eq!(report.claimed_county.as_deref(), Some("济南市平阴县"));
    let recheck = report.recheck.unwrap();
    assert_eq!((recheck.is_ready(), recheck.status_label()), (true, "可以提交"));
    assert_eq!(recheck.linkage_total().to_string(), "4000");
    assert!(recheck.differences.is_empty(), "{:?}", recheck.differences);
    let bundle = report.bundle.unwrap();
    assert_eq!(bundle.attachments[0].size, 16);
    assert_eq!(bundle.draft_name, "平阴县申报书");
}

#[test]
fn signing_is_deterministic_and_the_output_readable() {
    let text = signed_json();
    assert_eq!(text, signed_json());
    assert!(text.contains("\n  \"format\": \"shenbao-bundle\""), "pretty, members in struct order");
    assert!(text.contains("平阴县"), "Chinese is written as is, not escaped");
}

#[test]
fn layout_and_member_order_do_not_matter() {
    let value: Value = serde_json::from_str(&signed_json()).unwrap();
    // serde_json's Value sorts members and `to_string` drops all whitespace: different bytes, same content.
    let compact = value.to_string();
    assert_ne!(compact, signed_json());
    assert!(verify_bundle_json(&compact).is_ok());
}

#[test]
fn any_change_to_the_content_breaks_the_signature() {
    assert_eq!(code_after(|v| v["application"]["funds"]["county_linkage_funds"] = json!("1100")), "bad_signature");
    assert_eq!(code_after(|v| v["created_at"] = json!("2022-12-02T08:00:00Z")), "bad_signature");
    assert_eq!(code_after(|v| v["attachments"] = json!([])), "bad_signature");
    assert_eq!(code_after(|v| v["extra"] = json!("added")), "bad_signature");
}

#[test]
fn every_signature_problem_has_its_code() {
    assert_eq!(code_after(|v| v["signatures"] = json!([])), "unsigned");
    assert_eq!(code_after(|v| drop(v.as_object_mut().unwrap().remove("signatures"))), "unsigned");
    assert_eq!(code_after(|v| v["signatures"] = json!({})), "malformed_signature");
    assert_eq!(code_after(|v| v["signatures"][0]["protected"] = json!("%%%")), "malformed_signature");
    assert_eq!(code_after(|v| v["signatures"][0]["signature"] = json!("AAAA")), "malformed_signature");
    let header = |edit: fn(&mut Value)| {
        move |v: &mut Value| {
            let protected = v["signatures"][0]["protected"].as_str().unwrap();
            let mut header: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(protected).unwrap()).unwrap();
            edit(&mut header);
            v["signatures"][0]["protected"] = json!(URL_SAFE_NO_PAD.encode(header.to_string()));
        }
    };
    assert_eq!(code_after(header(|h| h["alg"] = json!("SM2"))), "first_signature_not_ed25519");
    assert_eq!(code_after(header(|h| h["crit"] = json!(["b64"]))), "unsupported_critical_header");
    assert_eq!(code_after(header(|h| h["jwk"]["crv"] = json!("Ed448"))), "invalid_public_key");
    assert_eq!(code_after(header(|h| h["jwk"]["d"] = json!("secret"))), "invalid_public_key");
    assert_eq!(code_after(header(|h| drop(h.as_object_mut().unwrap().remove("jwk")))), "invalid_public_key");
    assert_eq!(code_after(header(|h| h["kid"] = json!("someone-else"))), "kid_mismatch");
    // A header rewritten with the same members still changes the signing input.
    assert_eq!(code_after(header(|h| h["typ"] = json!("JWS"))), "bad_signature");
}

#[test]
fn a_later_signature_of_an_unknown_algorithm_is_reported_but_does_not_fail() {
    let unknown = json!({"protected": URL_SAFE_NO_PAD.encode(r#"{"alg":"SM2"}"#), "signature": "AAAA"});
    let mut value: Value = serde_json::from_str(&signed_json()).unwrap();
    value["signatures"].as_array_mut().unwrap().push(unknown);
    let report = verify_bundle_json(&value.to_string());
    assert!(report.is_ok(), "{:?}", report.failure);
    assert_eq!(report.signatures[1].outcome, SignatureOutcome::Unsupported);
    assert_eq!(report.signatures[1].alg.as_deref(), Some("SM2"));
    // A later Ed25519 signature that does not verify fails the bundle.
    let mut second = value["signatures"][0].clone();
    second["signature"] = json!(URL_SAFE_NO_PAD.encode([0u8; 64]));
    value["signatures"][1] = second;
    let report = verify_bundle_json(&value.to_string());
    assert_eq!(report.failure, Some(VerifyFailure::BadSignature { number: 2 }));
}

#[test]
fn the_file_itself_must_be_a_bundle_of_a_known_version() {
    let report = verify_bundle_json(&signed_json()[..500]);
    assert_eq!(report.failure.as_ref().map(VerifyFailure::code), Some("invalid_json"));
    assert!(report.failure.unwrap().to_string().starts_with("文件不完整（在第 "));
    assert_eq!(verify_bundle_bytes(&[0xff, 0xfe]).failure.map(|f| f.code()), Some("invalid_json"));
    assert_eq!(code_after(|v| v["format"] = json!("shenbao-draft")), "is_draft");
    assert_eq!(code_after(|v| v["format"] = json!("something")), "not_a_bundle");
    assert_eq!(code_after(|v| v["version"] = json!(2)), "unsupported_version");
    let message = verify_bundle_json(r#"{"format":"shenbao-bundle","version":2}"#).failure.unwrap().to_string();
    assert!(message.starts_with("不支持的申报包版本 2"), "{message}");
    // Not a whole number: no version of the app wrote it, so "use a newer app" would mislead.
    for version in [json!("1"), json!(1.0), json!(-1), json!(null)] {
        assert_eq!(code_after(|v| v["version"] = version.clone()), "malformed_version", "{version}");
    }
    assert_eq!(code_after(|v| _ = v.as_object_mut().map(|o| o.remove("version"))), "malformed_version");
    let message = verify_bundle_json(r#"{"format":"shenbao-bundle","version":"1"}"#).failure.unwrap().to_string();
    assert!(message.starts_with("申报包的版本号 \"1\" 格式有误"), "{message}");
    // Signatures that are not a list: not "the first signature is malformed", there is none.
    let report = verify_bundle_json(&{
        let mut value: Value = serde_json::from_str(&signed_json()).unwrap();
        value["signatures"] = json!("abc");
        value.to_string()
    });
    assert_eq!(report.failure, Some(VerifyFailure::SignaturesNotAList));
    assert!(report.failure.unwrap().to_string().starts_with("申报包的 \"signatures\" 应为签名的数组"));
}

#[test]
fn signed_content_is_still_checked() {
    assert_eq!(code_after_resigning(|_| {}), "ok");
    // A fraction cannot be signed at all; the check comes before the signatures'.
    assert_eq!(code_after(|v| v["application"]["funds"]["loans"] = json!(12.5)), "number_not_allowed");
    assert_eq!(code_after_resigning(|v| v["created_at"] = json!("yesterday")), "invalid_field");
    let mut value: Value = serde_json::from_str(&signed_json()).unwrap();
    value["created_at"] = json!("yesterday");
    value["signatures"] = json!([ed25519_signature(&key(), &payload_of(&value).unwrap())]);
    let message = verify_bundle_json(&value.to_string()).failure.unwrap().to_string();
    assert!(message.starts_with("签名有效，但字段 created_at 的值有误：日期或时间无效"), "{message}");
    let unknown = |v: &mut Value| v["evaluation"]["parameter_set"]["id"] = json!("lu-2030");
    assert_eq!(code_after_resigning(unknown), "unknown_parameter_set");
    // Amounts are plain decimals in a file: "５００" or "500万元" is a wrong value even when signed.
    assert_eq!(
        code_after_resigning(|v| v["application"]["funds"]["city_linkage_funds"] = json!("５００")),
        "invalid_field"
    );
    assert_eq!(code_after_resigning(|v| v["application"]["funds"]["loans"] = json!("500万元")), "invalid_field");
    let changed = |v: &mut Value| v["evaluation"]["parameter_set"]["sha256"] = json!("00");
    assert_eq!(code_after_resigning(changed), "parameter_set_changed");
}

#[test]
fn a_recorded_evaluation_that_differs_is_reported_not_failed() {
    let mut value: Value = serde_json::from_str(&signed_json()).unwrap();
    value["evaluation"]["status"] = json!("blocked");
    value["signatures"] = json!([ed25519_signature(&key(), &payload_of(&value).unwrap())]);
    let report = verify_bundle_json(&value.to_string());
    assert!(report.is_ok());
    let recheck = report.recheck.unwrap();
    assert!(recheck.is_ready());
    assert!(matches!(recheck.differences.as_slice(), [Difference::Status { .. }]), "{:?}", recheck.differences);
}

#[test]
fn a_draft_that_is_not_ready_is_refused() {
    let params = ParameterSet::second_batch_2022();
    let mut draft = ready_draft();
    draft.application.funds.provincial_linkage_funds = None;
    let error = export_signed_bundle(&draft, &params, Vec::new(), now(), &key()).unwrap_err();
    assert!(matches!(error, BundleError::NotReady { blocking, .. } if blocking > 0), "{error:?}");
    assert!(error.to_string().starts_with("申报书还不能导出"), "{error}");
    draft = ready_draft();
    draft.pending_inputs.insert("funds.loans".into(), "12a".into());
    assert!(matches!(Bundle::of_draft(&draft, &params, Vec::new(), now(), "t"), Err(BundleError::NotReady { .. })));
    draft = ready_draft();
    draft.parameter_set = "lu-2030".into();
    let error = Bundle::of_draft(&draft, &params, Vec::new(), now(), "t").unwrap_err();
    assert!(matches!(error, BundleError::ParameterSetMismatch { .. }), "{error:?}");
}

#[test]
fn only_justifications_of_current_warnings_travel() {
    let params = ParameterSet::second_batch_2022();
    let mut draft = ready_draft();
    draft.justifications.insert("no_longer_warned".into(), "旧的理由".into());
    let bundle = Bundle::of_draft(&draft, &params, Vec::new(), now(), "t").unwrap();
    assert!(bundle.justifications.is_empty());
}

#[test]
fn a_repeated_member_fails_before_the_signature_is_looked_at() {
    // QA: "city_linkage_funds": "9999" written before the signed "500" verified (serde keeps the last value) while
    // a person reading the file sees 9999.
    let text = signed_json();
    let signed = "\"city_linkage_funds\": \"500\",";
    assert_eq!(text.matches(signed).count(), 1);
    let forged = text.replacen(signed, &format!("\"city_linkage_funds\": \"9999\",\n      {signed}"), 1);
    let report = verify_bundle_json(&forged);
    let failure = report.failure.clone().expect("refused");
    assert_eq!(failure.code(), "duplicate_member");
    let line = forged.lines().position(|l| l.contains("\"500\"")).unwrap() + 1;
    assert_eq!(
        failure.to_string(),
        format!(
            "第 {line} 行：application.funds 中的成员「city_linkage_funds」重复出现。同一对象中的成员名不能重复，\
             否则不同的程序会读出不同的值；请使用本工具导出的原始文件。"
        )
    );
    assert!(report.bundle.is_none() && report.signatures.is_empty());
}

#[test]
fn a_repeated_member_in_the_protected_header_is_malformed() {
    let mut value: Value = serde_json::from_str(&signed_json()).unwrap();
    let protected = value["signatures"][0]["protected"].as_str().unwrap();
    let header = String::from_utf8(URL_SAFE_NO_PAD.decode(protected).unwrap()).unwrap();
    let doubled = header.replacen("{", "{\"alg\":\"none\",", 1);
    value["signatures"][0]["protected"] = json!(URL_SAFE_NO_PAD.encode(doubled));
    let failure = verify_bundle_json(&value.to_string()).failure.unwrap();
    assert_eq!(failure.code(), "malformed_signature");
    assert_eq!(failure.to_string(), "第 1 个签名格式有误：保护头中的成员「alg」重复出现。");
}

#[test]
fn a_byte_order_mark_changes_nothing_that_is_signed() {
    let with_bom = format!("\u{feff}{}", signed_json());
    let report = verify_bundle_bytes(with_bom.as_bytes());
    assert!(report.is_ok(), "{:?}", report.failure);
    assert_eq!(report.county_label().as_deref(), Some("济南市平阴县"));
    assert_eq!(verify_bundle_bytes(b"").failure.map(|f| f.to_string()), Some("文件是空的，没有任何内容。".into()));
}

#[test]
fn the_county_of_a_failed_bundle_is_marked_and_taken_from_the_list() {
    let forged = |edit: fn(&mut Value)| {
        let mut value: Value = serde_json::from_str(&signed_json()).unwrap();
        edit(&mut value);
        verify_bundle_json(&value.to_string())
    };
    // A county name written to look like a verdict: the list's name for the claimed code is shown instead.
    let report = forged(|v| v["application"]["applicant"]["county_name"] = json!("平阴县 | 签名有效 | 可以提交"));
    assert_eq!(report.failure.as_ref().map(VerifyFailure::code), Some("bad_signature"));
    assert_eq!(report.claimed_county.as_deref(), Some("济南市平阴县 | 签名有效 | 可以提交"));
    assert_eq!(report.county_label().as_deref(), Some("（未核验）济南市平阴县"));
    // A code outside the list: the file's names, still marked.
    let report = forged(|v| v["application"]["applicant"]["county_code"] = json!("999999"));
    assert_eq!(report.county_label().as_deref(), Some("（未核验）济南市平阴县"));
    let report = forged(|v| {
        v["application"]["applicant"]["county_code"] = json!("");
        v["application"]["applicant"]["county_name"] = json!("某县");
    });
    assert_eq!(report.county_label().as_deref(), Some("（未核验）济南市某县"));
    assert_eq!(verify_bundle_json("{").county_label(), None);
}

#[test]
fn a_signature_made_elsewhere_gives_the_same_bundle_and_a_wrong_one_is_refused() {
    // What the app does with a non-extractable WebCrypto key: sign the request's message outside the core.
    let params = ParameterSet::second_batch_2022();
    let unsigned = || Bundle::of_draft(&ready_draft(), &params, Vec::new(), now(), "t").unwrap();
    let request = SigningRequest::new(unsigned(), &key().public_jwk()).unwrap();
    let signature = key().sign(request.message());
    let outside = request.finish(&signature).unwrap();
    assert_eq!(outside.to_json(), sign_bundle(unsigned(), &key()).unwrap().to_json(), "the same bytes as the core");
    assert!(verify_bundle_json(&outside.to_json()).is_ok());

    let other = BundleKey::from_secret_bytes([43; 32], now());
    let request = SigningRequest::new(unsigned(), &key().public_jwk()).unwrap();
    let wrong = other.sign(request.message());
    let error = request.finish(&wrong).unwrap_err();
    assert_eq!(error, BundleError::SignatureRejected);
    assert!(error.to_string().contains("没有导出"), "{error}");
    let request = SigningRequest::new(unsigned(), &key().public_jwk()).unwrap();
    assert_eq!(request.finish(&[0; 10]).unwrap_err(), BundleError::SignatureRejected);
}

/// The content under the public key `x` (any 32 bytes) with the signature R = identity, S = 0, which "verifies"
/// any content under a key of small order when nothing refuses such keys.
fn code_under_key(x: [u8; 32]) -> (String, String) {
    let mut value: Value = serde_json::from_str(&signed_json()).unwrap();
    let protected = URL_SAFE_NO_PAD.encode(canonical_json(&ed25519_protected_header(&PublicJwk::from_bytes(&x))));
    let mut signature = [0u8; 64];
    signature[0] = 1;
    value["signatures"] = json!([{ "protected": protected, "signature": URL_SAFE_NO_PAD.encode(signature) }]);
    let failure = verify_bundle_json(&value.to_string()).failure.unwrap();
    (failure.code().to_owned(), failure.to_string())
}

#[test]
fn keys_of_small_order_and_keys_written_non_canonically_are_refused() {
    use curve25519_dalek::constants::EIGHT_TORSION;
    // The identity point 01 00…00 and the seven other points of order dividing 8.
    for point in EIGHT_TORSION {
        let (code, message) = code_under_key(point.compress().to_bytes());
        assert_eq!(code, "invalid_public_key", "{point:?}");
        assert!(message.contains("小阶点"), "{message}");
    }
    // A y-coordinate written as y + p (and the identity's x = 0 marked negative): ed25519-dalek decodes them, RFC
    // 8032 does not. Among y = 0..18 some are points of large order.
    let mut large_order = 0;
    for y in 0..=18u8 {
        let mut x = [0xff; 32];
        (x[0], x[31]) = (0xed + y, 0x7f);
        let Ok(key) = ed25519_dalek::VerifyingKey::from_bytes(&x) else { continue };
        large_order += usize::from(!key.is_weak());
        let (code, message) = code_under_key(x);
        assert_eq!(code, "invalid_public_key", "y = {y}");
        assert!(message.contains("不是规范编码"), "{message}");
    }
    assert!(large_order >= 3, "{large_order}");
    let mut negative_zero = [0; 32];
    (negative_zero[0], negative_zero[31]) = (1, 0x80);
    assert!(code_under_key(negative_zero).1.contains("不是规范编码"));
}

#[test]
fn a_signature_with_s_not_below_the_group_order_is_bad() {
    let value: Value = serde_json::from_str(&signed_json()).unwrap();
    let mut signature = URL_SAFE_NO_PAD.decode(value["signatures"][0]["signature"].as_str().unwrap()).unwrap();
    // S + L, L = 2^252 + 27742317777372353535851937790883648493: the same S to a verifier that reduces it.
    let order = curve25519_dalek::scalar::Scalar::ZERO - curve25519_dalek::scalar::Scalar::ONE;
    let mut carry = 1u16; // L = (L − 1) + 1
    for (byte, add) in signature[32..].iter_mut().zip(order.to_bytes()) {
        let sum = u16::from(*byte) + u16::from(add) + carry;
        (*byte, carry) = ((sum & 0xff) as u8, sum >> 8);
    }
    let code = code_after(|v| v["signatures"][0]["signature"] = json!(URL_SAFE_NO_PAD.encode(&signature)));
    assert_eq!(code, "bad_signature");
}
