//! Golden bundles in `tests/vectors/bundles/`: each file is verified against the outcome `expected.json` names,
//! and every file is regenerated from code and compared byte for byte (Ed25519 is deterministic), so the vectors
//! always match what this version writes.
//!
//! After an intended change (the sample, the rules' findings, the format), rewrite them with
//! `UPDATE_VECTORS=1 cargo test -p shenbao-core --test bundle_vectors` and review the diff.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use curve25519_dalek::constants::EIGHT_TORSION;
use curve25519_dalek::edwards::EdwardsPoint;
use curve25519_dalek::scalar::Scalar;
use curve25519_dalek::traits::Identity;
use ed25519_dalek::Signer;
use serde_json::{Value, json};
use sha2::{Digest, Sha256, Sha512};
use shenbao_core::bundle::{Attachment, Bundle, JwsSignature};
use shenbao_core::draft::Draft;
use shenbao_core::json::canonical_json;
use shenbao_core::params::ParameterSet;
use shenbao_core::sample;
use shenbao_core::signing::{self, BundleKey, PublicJwk, verify_bundle_bytes};

fn vectors_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors/bundles")
}

/// A fixed test key: the secret is SHA-256 of a label, so anyone can rebuild it. Never use it for real bundles.
fn test_secret(label: &str) -> [u8; 32] {
    Sha256::digest(format!("shenbao golden vector key: {label}").as_bytes()).into()
}

fn at(text: &str) -> DateTime<Utc> {
    text.parse().unwrap_or_default()
}

fn valid_bundle() -> Bundle {
    let params = ParameterSet::second_batch_2022();
    let mut draft = Draft::new("平阴县第二批衔接推进区申报书", &params, at("2022-11-20T01:00:00Z"));
    draft.application = sample::complete();
    let attachments = vec![
        Attachment::of("平阴县衔接推进区实施方案.pdf", "示例：实施方案正文".as_bytes()),
        Attachment::of("县政府常务会议纪要.pdf", "示例：会议纪要正文".as_bytes()),
    ];
    let unsigned = Bundle::of_draft(&draft, &params, attachments, at("2022-12-05T09:30:00Z"), "0.1.0");
    let key = BundleKey::from_secret_bytes(test_secret("pingyin"), at("2022-12-01T08:00:00Z"));
    signing::sign_bundle(unsigned.expect("the complete sample is ready"), &key).expect("signable")
}

/// Every vector: file name, contents, expected outcome (`ok` or a failure code) and why.
fn vectors() -> Vec<(&'static str, String, &'static str, &'static str)> {
    let valid = valid_bundle();
    let valid_text = valid.to_json();
    let value = serde_json::to_value(&valid).unwrap_or_default();
    let replace_once = |from: &str, to: &str| {
        assert_eq!(valid_text.matches(from).count(), 1, "{from} occurs once in the valid vector");
        valid_text.replacen(from, to, 1)
    };
    let mut with_placeholder = valid.clone();
    with_placeholder.signatures.push(JwsSignature {
        protected: base64_url(br#"{"alg":"SM2-placeholder","kid":"not-verifiable-by-this-version"}"#),
        signature: base64_url(b"placeholder"),
    });
    vec![
        ("valid-pingyin.json", valid_text.clone(), "ok", "平阴县的完整示例，由测试密钥签名"),
        (
            "valid-pingyin-second-signature.json",
            with_placeholder.to_json(),
            "ok",
            "同上，另附一个本版本不认识算法的第二个签名：报告为无法核验，但不影响结果",
        ),
        (
            "reordered-keys.json",
            reordered(&value),
            "ok",
            "与 valid-pingyin.json 内容相同：成员顺序颠倒、缩进改为制表符、非 ASCII 字符写成 \\u 转义",
        ),
        (
            "tampered-amount.json",
            replace_once("\"county_linkage_funds\": \"1000\"", "\"county_linkage_funds\": \"1100\""),
            "bad_signature",
            "签名后把县级衔接资金从 1000 改为 1100 万元",
        ),
        ("wrong-key.json", wrong_key(&valid), "bad_signature", "签名由另一把密钥生成，保护头中却是示例公钥"),
        ("truncated.json", truncated(&valid_text), "invalid_json", "文件只剩前一半"),
        (
            "unknown-version.json",
            replace_once("\n  \"version\": 1,", "\n  \"version\": 2,"),
            "unsupported_version",
            "版本号改为 2",
        ),
        (
            "duplicate-member.json",
            replace_once(
                "\"city_linkage_funds\": \"500\",",
                "\"city_linkage_funds\": \"9999\",\n      \"city_linkage_funds\": \"500\",",
            ),
            "duplicate_member",
            "签名后在已签名的市级衔接资金 \"500\" 之前插入同名成员 \"9999\"：读文件的人看到 9999，只取最后一个值的解析器却验证通过",
        ),
        (
            "byte-order-mark.json",
            format!("\u{feff}{valid_text}"),
            "ok",
            "与 valid-pingyin.json 相同，文件开头多了 UTF-8 字节顺序标记（BOM，Windows 记事本等另存时添加）：不属于 JSON 内容，签名仍然有效",
        ),
        (
            "float-number.json",
            replace_once("\"loans\": null", "\"loans\": 12.5"),
            "number_not_allowed",
            "金额写成了 JSON 小数而不是字符串",
        ),
        (
            "identity-key.json",
            {
                let mut tampered = value.clone();
                tampered["application"]["funds"]["county_linkage_funds"] = json!("1100");
                signed_by_small_order_key(tampered, EdwardsPoint::identity())
            },
            "invalid_public_key",
            "伪造：县级衔接资金改为 1100 万元后，换上“公钥”01 00…00（单位点）和“签名”01 00…00：不检查小阶点的核验程序对任何内容都报告签名有效",
        ),
        (
            "small-order-key.json",
            signed_by_small_order_key(value.clone(), EIGHT_TORSION[1]),
            "invalid_public_key",
            "伪造：公钥是 8 阶点（没有对应的私钥），签名的 R 也是小阶点、S 为 0（导出时间可能差几秒：为凑出“通过”的 R）：不检查小阶点的核验程序报告签名有效",
        ),
    ]
}

/// The content "signed" by a key of small order, which has no private key: the signature is R, a point of small
/// order, and S = 0. RFC 8032's cofactorless check `[S]B = R + [k]A` (R compared as bytes) holds whenever
/// R = −[k]A, so a verifier that does not refuse small-order points accepts it. With the identity as the key every
/// content passes; with a key of order 8, one R of the eight small-order points fits most contents (the loop tries
/// each, then the next second of `created_at`).
fn signed_by_small_order_key(mut value: Value, key: EdwardsPoint) -> String {
    let key_bytes = key.compress().to_bytes();
    let protected =
        base64_url(canonical_json(&signing::ed25519_protected_header(&PublicJwk::from_bytes(&key_bytes))).as_bytes());
    for second in 0..60 {
        if second > 0 {
            value["created_at"] = json!(format!("2022-12-05T09:30:{second:02}Z"));
        }
        let input = signing::signing_input(&protected, &signing::payload_of(&value).expect("no fractions"));
        for point in EIGHT_TORSION {
            let r = point.compress().to_bytes();
            let hash: [u8; 64] =
                Sha512::new().chain_update(r).chain_update(key_bytes).chain_update(&input).finalize().into();
            if -(key * Scalar::from_bytes_mod_order_wide(&hash)) == point {
                let signature = [r, [0; 32]].concat();
                value["signatures"] = json!([{ "protected": protected, "signature": base64_url(&signature) }]);
                return serde_json::from_value::<Bundle>(value).expect("a bundle").to_json();
            }
        }
    }
    panic!("no small-order signature found for this content");
}

fn base64_url(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// The valid bundle signed by another key while its header still names the valid key.
fn wrong_key(valid: &Bundle) -> String {
    let mut bundle = valid.clone();
    let other = ed25519_dalek::SigningKey::from_bytes(&test_secret("someone else"));
    let protected = bundle.signatures[0].protected.clone();
    let payload = signing::payload_of(&serde_json::to_value(valid).unwrap_or_default()).unwrap_or_default();
    let signature = other.sign(signing::signing_input(&protected, &payload).as_bytes());
    bundle.signatures = vec![JwsSignature { protected, signature: base64_url(&signature.to_bytes()) }];
    bundle.to_json()
}

fn truncated(text: &str) -> String {
    let mut cut = text.len() / 2;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    text[..cut].to_owned()
}

/// The same JSON value written differently: members in reverse order, tab indentation, a space before each colon,
/// and every non-ASCII character as a `\u` escape (surrogate pairs beyond the BMP).
fn reordered(value: &Value) -> String {
    let mut out = String::new();
    write_reordered(value, 0, &mut out);
    out.push('\n');
    out
}

fn write_reordered(value: &Value, depth: usize, out: &mut String) {
    let indent = |depth: usize| "\t".repeat(depth);
    match value {
        Value::Object(members) if !members.is_empty() => {
            out.push_str("{\n");
            for (index, (name, member)) in members.iter().rev().enumerate() {
                let comma = if index + 1 < members.len() { "," } else { "" };
                out.push_str(&format!("{}{} : ", indent(depth + 1), escaped(name)));
                write_reordered(member, depth + 1, out);
                out.push_str(&format!("{comma}\n"));
            }
            out.push_str(&format!("{}}}", indent(depth)));
        }
        Value::Array(items) if !items.is_empty() => {
            out.push_str("[\n");
            for (index, item) in items.iter().enumerate() {
                out.push_str(&indent(depth + 1));
                write_reordered(item, depth + 1, out);
                out.push_str(if index + 1 < items.len() { ",\n" } else { "\n" });
            }
            out.push_str(&format!("{}]", indent(depth)));
        }
        Value::String(text) => out.push_str(&escaped(text)),
        other => out.push_str(&other.to_string()),
    }
}

fn escaped(text: &str) -> String {
    let ascii_json = serde_json::to_string(text).unwrap_or_default();
    ascii_json.chars().fold(String::new(), |mut out, c| {
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        }
        out
    })
}

#[test]
fn every_vector_has_its_expected_outcome() {
    update_if_asked();
    let expected_text = std::fs::read_to_string(vectors_dir().join("expected.json")).expect("expected.json exists");
    let expected: BTreeMap<String, Value> = serde_json::from_str(&expected_text).expect("expected.json is JSON");
    let mut files: Vec<String> = std::fs::read_dir(vectors_dir())
        .expect("the vectors folder exists")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".json") && name != "expected.json")
        .collect();
    files.sort();
    let listed: Vec<String> = expected.keys().cloned().collect();
    assert_eq!(files, listed, "every vector file is listed in expected.json and every listed file exists");
    for (name, expectation) in &expected {
        let bytes = std::fs::read(vectors_dir().join(name)).unwrap_or_default();
        let report = verify_bundle_bytes(&bytes);
        let outcome = report.failure.as_ref().map_or("ok", |failure| failure.code());
        assert_eq!(Some(outcome), expectation["expect"].as_str(), "{name}: {:?}", report.failure);
        assert!(!name.starts_with("valid-") || outcome == "ok", "{name}: every valid-* file verifies");
        if let Some(fingerprint) = expectation.get("fingerprint") {
            assert_eq!(report.fingerprint().as_deref(), fingerprint.as_str(), "{name}");
        }
    }
}

/// `expected.json`: for each file, the outcome, why, and what a verifier shows when it can read the key or content.
fn expected_json(vectors: &[(&'static str, String, &'static str, &'static str)]) -> String {
    let mut expected = serde_json::Map::new();
    for (name, text, outcome, why) in vectors {
        let report = verify_bundle_bytes(text.as_bytes());
        let mut entry = json!({ "expect": outcome, "why": why });
        if let Some(fingerprint) = report.fingerprint() {
            entry["fingerprint"] = json!(fingerprint);
        }
        if let Some(recheck) = &report.recheck {
            entry["county"] = json!(report.claimed_county);
            entry["status"] = json!(recheck.status_label());
            entry["linkage_total"] = json!(recheck.linkage_total().to_string());
        }
        expected.insert((*name).to_owned(), entry);
    }
    format!("{}\n", serde_json::to_string_pretty(&expected).unwrap_or_default())
}

/// Every file of the folder with the contents this version writes.
fn generated_files() -> Vec<(&'static str, String)> {
    let vectors = vectors();
    let expected = expected_json(&vectors);
    vectors.into_iter().map(|(name, text, _, _)| (name, text)).chain([("expected.json", expected)]).collect()
}

/// With `UPDATE_VECTORS=1`, writes the folder once per test run, before either test reads it.
fn update_if_asked() -> bool {
    static WRITTEN: OnceLock<bool> = OnceLock::new();
    *WRITTEN.get_or_init(|| {
        let update = std::env::var_os("UPDATE_VECTORS").is_some_and(|value| value == "1");
        if update {
            std::fs::create_dir_all(vectors_dir()).expect("can create the vectors folder");
            for (name, text) in generated_files() {
                std::fs::write(vectors_dir().join(name), text).expect("can write a vector");
            }
        }
        update
    })
}

/// The small-order forgeries are real: RFC 8032 verification without the small-order check (ed25519-dalek's
/// `verify`, like OpenSSL's) accepts them, so only the strict checks refuse them.
#[test]
fn the_small_order_forgeries_pass_a_verifier_without_the_small_order_check() {
    update_if_asked();
    for name in ["identity-key.json", "small-order-key.json"] {
        let value: Value = serde_json::from_slice(&std::fs::read(vectors_dir().join(name)).unwrap_or_default())
            .expect("the vector is JSON");
        let entry = &value["signatures"][0];
        let protected = entry["protected"].as_str().unwrap_or_default();
        let header: Value = serde_json::from_slice(&decode(protected)).expect("a JSON header");
        let key: [u8; 32] = decode(header["jwk"]["x"].as_str().unwrap_or_default()).try_into().expect("32 bytes");
        let key = ed25519_dalek::VerifyingKey::from_bytes(&key).expect("a point");
        let signature = ed25519_dalek::Signature::from_slice(&decode(entry["signature"].as_str().unwrap_or_default()))
            .expect("64 bytes");
        let input = signing::signing_input(protected, &signing::payload_of(&value).expect("no fractions"));
        assert!(key.is_weak(), "{name}");
        assert!(ed25519_dalek::Verifier::verify(&key, input.as_bytes(), &signature).is_ok(), "{name}");
        assert!(key.verify_strict(input.as_bytes(), &signature).is_err(), "{name}");
    }
}

fn decode(text: &str) -> Vec<u8> {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(text).unwrap_or_default()
}

#[test]
fn the_vectors_are_what_this_version_writes() {
    if update_if_asked() {
        return;
    }
    let stale: Vec<&str> = generated_files()
        .into_iter()
        .filter(|(name, text)| std::fs::read_to_string(vectors_dir().join(name)).ok().as_ref() != Some(text))
        .map(|(name, _)| name)
        .collect();
    assert!(
        stale.is_empty(),
        "golden bundles differ from what this version writes: {stale:?}. If the change is intended, run \
         `UPDATE_VECTORS=1 cargo test -p shenbao-core --test bundle_vectors` and review the diff."
    );
}
