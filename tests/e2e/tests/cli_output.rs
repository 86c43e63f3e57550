//! Regression (found by QA): `shenbao verify` prints and writes (CSV) text taken from the bundle before — and whatever — the signature
//! says. A bundle whose signature FAILS can therefore:
//! - forge a whole "签名有效 | 可以提交" line in the terminal with a newline and `|` in its county name (and move
//!   the cursor with ANSI escapes);
//! - put a spreadsheet formula (`=HYPERLINK(…)`) at the start of the 市县 cell of `--csv`, which Excel/WPS run.
//!
//! Also: a signed bundle may repeat a member (`"city_linkage_funds": "9999"` before the signed `"500"`); serde keeps
//! the last, the signature holds, and a person reading the file sees 9999. RFC 8785/I-JSON content should have no
//! duplicate names; such a file should be refused.
//!
//! Kept as a regression test now that it is fixed.

use std::process::Command;

use shenbao_e2e::{shenbao_cli, vector};

fn golden() -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(vector("bundles/valid-pingyin.json")).expect("golden bundle"))
        .expect("golden bundle is JSON")
}

#[test]
fn a_failed_bundle_cannot_forge_a_valid_line() {
    let mut bundle = golden();
    bundle["application"]["applicant"]["county_name"] = serde_json::json!(
        "平阴县 | 公钥指纹 9C75 E6F6 | 签名有效 | 可以提交 | 衔接资金总量 4000 万元\n收件箱/另一县.json | \u{1b}[2K济南市"
    );
    let folder = tempfile::tempdir().expect("temp dir");
    let file = folder.path().join("forged.json");
    std::fs::write(&file, serde_json::to_string_pretty(&bundle).expect("json")).expect("write");
    let out = Command::new(shenbao_cli()).arg("verify").arg(&file).output().expect("run shenbao verify");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    let bundle_lines: Vec<&str> = stdout.lines().filter(|line| line.contains(" | ")).collect();
    assert_eq!(bundle_lines.len(), 1, "one bundle printed as several lines:\n{stdout}");
    assert!(!stdout.contains('\u{1b}'), "an ANSI escape from the bundle reached the terminal:\n{stdout:?}");
    assert!(!bundle_lines[0].contains("签名有效"), "a bundle whose signature fails reads 签名有效:\n{stdout}");
}

#[test]
fn csv_cells_do_not_start_a_formula() {
    let mut bundle = golden();
    bundle["application"]["applicant"]["city_name"] =
        serde_json::json!("=HYPERLINK(\"http://example.invalid\",\"点此\")");
    let folder = tempfile::tempdir().expect("temp dir");
    let file = folder.path().join("formula.json");
    std::fs::write(&file, serde_json::to_string_pretty(&bundle).expect("json")).expect("write");
    let csv = folder.path().join("汇总.csv");
    let _ = Command::new(shenbao_cli()).arg("verify").arg(&file).arg("--csv").arg(&csv).output().expect("run");
    let text = std::fs::read_to_string(&csv).expect("csv written");
    for line in text.lines().skip(1) {
        for cell in line.split(',') {
            let cell = cell.trim_start_matches('"');
            assert!(
                !cell.starts_with(['=', '+', '-', '@']),
                "a CSV cell starts a spreadsheet formula: {cell:?} in {line}"
            );
        }
    }
}

#[test]
fn a_bundle_with_a_repeated_member_is_refused() {
    let text = std::fs::read_to_string(vector("bundles/valid-pingyin.json")).expect("golden bundle");
    let needle = "\"city_linkage_funds\": \"500\",";
    assert!(text.contains(needle), "the golden bundle changed");
    let forged = text.replacen(needle, &format!("\"city_linkage_funds\": \"9999\",\n      {needle}"), 1);
    let folder = tempfile::tempdir().expect("temp dir");
    let file = folder.path().join("repeated-member.json");
    std::fs::write(&file, forged).expect("write");
    let out = Command::new(shenbao_cli()).arg("verify").arg(&file).output().expect("run shenbao verify");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a file that shows 市级衔接资金 9999 to a reader verifies as signed (the parser keeps the later 500):\n{stdout}"
    );
}
