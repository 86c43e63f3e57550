//! The entry points the fuzz targets drive, one per kind of file a user hands the app or the CLI. They use only
//! `shenbao-core`, so that `crates/core/tests/fuzz_corpus.rs` can include this file and replay the stored corpus
//! through exactly the same code on stable Rust, as an ordinary test.
//!
//! Each function takes a file's bytes as they arrive and does what the app and `shenbao` do with them. It panics
//! only when something is wrong: a panic in the core, or one of the invariants asserted here.

use chrono::DateTime;
use serde_json::{Value, json};
use shenbao_core::assessment::evaluate_draft;
use shenbao_core::check::Check;
use shenbao_core::draft::Draft;
use shenbao_core::params::ParameterSet;
use shenbao_core::signing::{
    BundleKey, VerifyReport, county_shown, ed25519_signature, folder_notes, payload_of, verify_bundle_bytes,
};

/// A draft file, as 导入 on the start page and `shenbao check` read it: the text (UTF-8, one byte-order mark
/// skipped), the draft, its evaluation. Invariant: a draft that reads is written back (`to_json`, the download, and
/// `to_compact_json`, local storage) as text that reads to the same draft, so saving never changes or loses it.
pub fn read_draft(bytes: &[u8]) {
    let Ok(text) = shenbao_core::json::file_text(bytes) else { return };
    let Ok(draft) = Draft::from_json(text) else { return };
    if let Some(params) = ParameterSet::builtin(&draft.parameter_set) {
        let _ = evaluate_draft(&draft, &params);
    }
    for written in [draft.to_json(), draft.to_compact_json()] {
        match Draft::from_json(&written) {
            Ok(again) => assert_eq!(again, draft, "a draft written and read again differs:\n{written}"),
            Err(error) => panic!("a draft that was read cannot be read again once written: {error}\n{written}"),
        }
    }
    let _ = Check::of_draft(draft);
}

/// A bundle file, as 核验申报包 and `shenbao verify` read it: verification (with the rules re-run when it
/// verifies), everything the report shows, and `shenbao check` on the same bytes, which reads the content
/// without the signature and evaluates it.
///
/// Then the same content signed again by a test key, so that what follows a valid signature (reading the content
/// as a bundle, re-running the rules, comparing them with the recorded evaluation, the notes across bundles) is
/// fuzzed too. Invariant: content this implementation signs, it verifies: only the steps after the signatures
/// (the content's shape, its parameter set) may fail.
pub fn verify_bundle(bytes: &[u8]) {
    show(&verify_bundle_bytes(bytes));
    if let Ok(check) = Check::of_bytes(bytes) {
        let _ = (check.status(), check.readiness());
    }
    let Ok(mut value) = shenbao_core::json::read_file(bytes) else { return };
    let Ok(payload) = payload_of(&value) else { return };
    let Value::Object(members) = &mut value else { return };
    let key = BundleKey::from_secret_bytes([7; 32], DateTime::UNIX_EPOCH);
    members.insert("signatures".into(), json!([ed25519_signature(&key, &payload)]));
    let signed = value.to_string();
    let report = verify_bundle_bytes(signed.as_bytes());
    if let Some(failure) = &report.failure {
        let after_the_signatures = ["invalid_field", "unknown_parameter_set", "parameter_set_changed"];
        let before = ["not_a_bundle", "is_draft", "unsupported_version", "malformed_version"];
        assert!(
            after_the_signatures.contains(&failure.code()) || before.contains(&failure.code()),
            "content signed here does not verify: {failure}\n{signed}"
        );
    }
    show(&report);
    let _ = folder_notes(&[("a.json", &report), ("b.json", &report)]);
}

/// Everything 核验申报包 and `shenbao verify` show of a report.
fn show(report: &VerifyReport) {
    let _ = (report.county_label(), report.fingerprint(), county_shown(report));
    if let Some(failure) = &report.failure {
        let _ = (failure.to_string(), failure.code());
    }
    if let Some(recheck) = &report.recheck {
        let _ = (recheck.status_label(), recheck.linkage_total());
        let _: Vec<String> = recheck.differences.iter().map(ToString::to_string).collect();
    }
}
