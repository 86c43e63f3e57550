//! Interoperability: an independent verifier (`tests/interop/verify.mjs`, Node with the npm packages `canonicalize`,
//! `@noble/ed25519`, `@humanwhocodes/momoa` and `jose`) accepts the bundles this implementation signs, rejects
//! tampered ones, and gives every golden bundle the outcome `expected.json` names. The edges of the format are in
//! `interop_edges.rs`.
//!
//! Needs `node` on PATH and the repository's `node_modules` (`npm ci`, which `scripts/setup.sh build` and
//! `make test` run). Without them the tests fail and say so: they are never skipped silently.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::{DateTime, Utc};
use shenbao_core::bundle::{Attachment, Bundle};
use shenbao_core::draft::Draft;
use shenbao_core::params::ParameterSet;
use shenbao_core::sample;
use shenbao_core::signing::{BundleKey, export_signed_bundle, sign_bundle, verify_bundle_json};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs the Node verifier on some files, after checking that Node and the packages are there.
fn node_verify(files: &[&Path]) -> Output {
    let root = root();
    let node = Command::new("node").arg("--version").output();
    assert!(
        node.as_ref().is_ok_and(|output| output.status.success()),
        "the interoperability test needs Node.js on PATH (Debian: apt-get install nodejs); got {node:?}"
    );
    for package in ["jose", "canonicalize", "@noble/ed25519", "@humanwhocodes/momoa"] {
        assert!(
            root.join("node_modules").join(package).join("package.json").is_file(),
            "the interoperability test needs the npm package {package}: run `npm ci` in {} (or scripts/setup.sh build)",
            root.display()
        );
    }
    Command::new("node")
        .arg(root.join("tests/interop/verify.mjs"))
        .args(files)
        .current_dir(&root)
        .output()
        .expect("node runs")
}

fn at(text: &str) -> DateTime<Utc> {
    text.parse().expect("a valid timestamp")
}

fn ready_draft() -> Draft {
    let params = ParameterSet::second_batch_2022();
    let mut draft = Draft::new("互操作测试 😀", &params, at("2026-01-02T03:04:05Z"));
    draft.application = sample::complete();
    // Strings canonicalisers must escape identically: controls, quotes, line separators, astral characters.
    draft.application.applicant.contact_person = "王某某\u{7}\t\"引号\"\\ \u{2028}\u{7f} 𠀋 😀".into();
    draft
}

fn vector(name: &str) -> PathBuf {
    root().join("tests/vectors/bundles").join(name)
}

fn describe(output: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

/// The Node verifier's outcome for each file: `ok` or the failure code of its `FAIL CODE: reason` line.
fn node_outcomes(files: &[PathBuf]) -> (BTreeMap<PathBuf, String>, String) {
    let output = node_verify(&files.iter().map(PathBuf::as_path).collect::<Vec<_>>());
    let text = describe(&output);
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

/// Every golden bundle gets, from the Node verifier, the outcome `expected.json` names: the same code as ours.
#[test]
fn node_gives_every_golden_bundle_its_expected_outcome() {
    let expected: BTreeMap<String, serde_json::Value> =
        serde_json::from_slice(&std::fs::read(vector("expected.json")).expect("expected.json")).expect("JSON");
    let files: Vec<PathBuf> = expected.keys().map(|name| vector(name)).collect();
    let (outcomes, text) = node_outcomes(&files);
    for (name, expectation) in &expected {
        assert_eq!(Some(outcomes[&vector(name)].as_str()), expectation["expect"].as_str(), "{name}: {text}");
        if expectation["expect"] == "ok" {
            let fingerprint = expectation["fingerprint"].as_str().expect("a fingerprint");
            assert!(text.contains(&format!("{}: ok {fingerprint}", vector(name).display())), "{name}: {text}");
        }
    }
    for forgery in ["identity-key.json", "small-order-key.json", "duplicate-member.json", "byte-order-mark.json"] {
        assert!(expected.contains_key(forgery), "{forgery} is among the golden bundles");
    }
}

#[test]
fn node_accepts_a_freshly_signed_bundle_with_awkward_strings_and_keys() {
    let params = ParameterSet::second_batch_2022();
    let key = BundleKey::from_secret_bytes([0x5a; 32], at("2026-01-01T00:00:00Z"));
    let attachments = vec![Attachment::of("附件 1（盖章扫描件）.pdf", &[0, 1, 2, 255])];
    let mut bundle = Bundle::of_draft(&ready_draft(), &params, attachments, at("2026-01-02T03:04:05Z"), "test")
        .expect("the draft is ready");
    // Member names that sort differently by UTF-16 code units (JCS) than by UTF-8 bytes or code points:
    // U+FF61 comes before U+1F600 in UTF-8 but after its surrogate pair U+D83D U+DE00 in UTF-16.
    bundle.justifications = BTreeMap::from(
        [("\u{ff61}", "半角句号"), ("😀", "表情"), ("a", "ASCII"), ("é", "带重音"), ("\u{7f}", "DEL")]
            .map(|(name, text)| (name.to_owned(), text.to_owned())),
    );
    let signed = sign_bundle(bundle, &key).expect("signable").to_json();
    let also_exported = export_signed_bundle(&ready_draft(), &params, Vec::new(), at("2026-01-02T03:04:05Z"), &key)
        .expect("exportable");
    let temp = tempfile::tempdir().expect("temp dir");
    let (first, second) = (temp.path().join("fresh-1.json"), temp.path().join("fresh-2.json"));
    std::fs::write(&first, &signed).expect("written");
    std::fs::write(&second, &also_exported).expect("written");
    assert!(verify_bundle_json(&signed).is_ok(), "{:?}", verify_bundle_json(&signed).failure);
    let output = node_verify(&[&first, &second]);
    assert_eq!(output.status.code(), Some(0), "{}", describe(&output));

    let tampered = signed.replacen("半角句号", "半角句点", 1);
    let tampered_path = temp.path().join("fresh-tampered.json");
    std::fs::write(&tampered_path, tampered).expect("written");
    let output = node_verify(&[&tampered_path]);
    assert_eq!(output.status.code(), Some(1), "{}", describe(&output));
}
