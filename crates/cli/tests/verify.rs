//! `shenbao verify` over the golden bundles in `tests/vectors/bundles/`: lines, CSV and exit codes.

use std::path::PathBuf;
use std::process::{Command, Output};

fn vectors() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors/bundles")
}

fn shenbao_verify(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_shenbao")).arg("verify").args(args).output().expect("the binary runs")
}

fn vector(name: &str) -> String {
    vectors().join(name).display().to_string()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn a_valid_bundle_prints_county_fingerprint_status_and_total() {
    let output = shenbao_verify(&[&vector("valid-pingyin.json")]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let line = stdout(&output);
    assert_eq!(line.lines().count(), 1, "{line}");
    for part in [
        "济南市平阴县",
        "公钥指纹 9C75 E6F6 9C56 9067 24CA A011 45F8 50A1 5E9A 7D65 D899 305E 1CB5 9012 5368 5362",
        "签名有效",
        "可以提交",
        "衔接资金总量 4000 万元",
    ] {
        assert!(line.contains(part), "{part:?} missing from {line}");
    }
}

#[test]
fn each_failing_vector_says_why_and_exits_1() {
    let cases = [
        ("tampered-amount.json", "签名无效：内容在签名后被修改"),
        ("wrong-key.json", "签名无效"),
        ("truncated.json", "文件不完整（在第 "),
        ("duplicate-member.json", "application.funds 中的成员「city_linkage_funds」重复出现"),
        ("unknown-version.json", "不支持的申报包版本 2"),
        ("float-number.json", "非整数"),
    ];
    for (name, reason) in cases {
        let output = shenbao_verify(&[&vector(name)]);
        assert_eq!(output.status.code(), Some(1), "{name}: {output:?}");
        assert!(stdout(&output).contains(reason), "{name}: {}", stdout(&output));
        assert!(!stdout(&output).contains("签名有效"), "{name}");
    }
}

#[test]
fn reordered_members_still_verify() {
    let output = shenbao_verify(&[&vector("reordered-keys.json")]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(stdout(&output).contains("签名有效 | 可以提交"), "{}", stdout(&output));
}

#[test]
fn a_folder_gives_one_line_per_bundle_and_a_csv() {
    let temp = tempfile::tempdir().expect("temp dir");
    let csv_path = temp.path().join("汇总.csv");
    let output = shenbao_verify(&[&vectors().display().to_string(), "--csv", &csv_path.display().to_string()]);
    assert_eq!(output.status.code(), Some(1), "some vectors fail: {output:?}");
    let expected: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(vectors().join("expected.json")).expect("expected.json"))
            .expect("JSON");
    let out = stdout(&output);
    let folder = vectors().display().to_string();
    let lines: Vec<&str> = out.lines().filter(|line| line.starts_with(&folder)).collect();
    assert_eq!(lines.len(), expected.len() + 1, "every bundle and expected.json, which fails: {out}");
    assert!(
        lines.iter().any(|line| line.contains("expected.json | — | 公钥指纹 — | 这不是申报包")),
        "a JSON file that is not a bundle has its line: {out}"
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains(&format!("共 {} 个文件：", expected.len() + 1)), "{stderr}");

    let csv_text = std::fs::read_to_string(&csv_path).expect("the CSV is written");
    let csv_text = csv_text.strip_prefix('\u{feff}').expect("a byte-order mark for spreadsheet programs");
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let header: Vec<String> = reader.headers().expect("header").iter().map(str::to_owned).collect();
    assert_eq!(
        header,
        ["文件", "市县", "公钥指纹", "核验结果", "原因代码", "状态", "衔接资金总量（万元）", "备注", "提示"]
    );
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("record")).collect();
    assert_eq!(records.len(), expected.len() + 1);
    for record in &records {
        let name = PathBuf::from(&record[0]).file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
        if name == "expected.json" {
            assert_eq!(&record[4], "not_a_bundle");
            continue;
        }
        let want = expected[&name]["expect"].as_str().unwrap_or_default();
        let got = if record[4].is_empty() { "ok" } else { &record[4] };
        assert_eq!(got, want, "{name}");
        if want == "ok" {
            assert_eq!((&record[3], &record[5], &record[6]), ("签名有效", "可以提交", "4000"), "{name}");
        }
    }
}

#[test]
fn missing_paths_and_empty_folders_exit_2() {
    let output = shenbao_verify(&["/nonexistent/bundle.json"]);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("无法读取 /nonexistent/bundle.json：文件或文件夹不存在"), "{stderr}");
    assert!(!stderr.contains("os error") && !stderr.contains("No such file"), "no English OS text: {stderr}");
    let empty = tempfile::tempdir().expect("temp dir");
    let output = shenbao_verify(&[&empty.path().display().to_string()]);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert_eq!(shenbao_verify(&[]).status.code(), Some(2), "a path is required");
}

#[test]
fn a_file_named_explicitly_is_reported_even_if_not_a_bundle() {
    let output = shenbao_verify(&[&vector("expected.json")]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    assert!(stdout(&output).contains("这不是申报包"), "{}", stdout(&output));
}

/// A copy of the valid golden bundle with one edit, in a folder of its own (the signature then fails).
fn forged(edit: impl FnOnce(&mut serde_json::Value)) -> (tempfile::TempDir, PathBuf) {
    let text = std::fs::read_to_string(vectors().join("valid-pingyin.json")).expect("the golden bundle");
    let mut bundle: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    edit(&mut bundle);
    let folder = tempfile::tempdir().expect("temp dir");
    let file = folder.path().join("forged.json");
    std::fs::write(&file, serde_json::to_string_pretty(&bundle).expect("JSON")).expect("written");
    (folder, file)
}

#[test]
fn a_failed_bundle_cannot_print_a_line_that_reads_valid() {
    // QA: a county name with a newline, `|` and an ANSI escape printed a second line "… | 签名有效 | 可以提交".
    let (_folder, file) = forged(|bundle| {
        bundle["application"]["applicant"]["county_name"] = serde_json::json!(
            "平阴县 | 公钥指纹 9C75 E6F6 | 签名有效 | 可以提交 | 衔接资金总量 4000 万元\n收件箱/另一县.json | \u{1b}[2K济南市"
        );
    });
    let output = shenbao_verify(&[&file.display().to_string()]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let out = stdout(&output);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(!out.contains('\u{1b}'), "{out:?}");
    let fields: Vec<&str> = out.trim_end().split(" | ").collect();
    assert_eq!(fields.len(), 6, "{out}");
    assert_eq!(fields[1], "（未核验）济南市平阴县", "the list's name for the claimed code, marked: {out}");
    assert!(fields[3].starts_with("第 1 个签名无效"), "{out}");
    assert!(!out.contains("签名有效"), "{out}");
}

#[test]
fn names_outside_the_list_are_escaped_and_marked() {
    let (_folder, file) = forged(|bundle| {
        bundle["application"]["applicant"]["county_code"] = serde_json::json!("");
        bundle["application"]["applicant"]["county_name"] = serde_json::json!("某县 | 签名有效\r\u{2028}\u{202e}");
    });
    let out = stdout(&shenbao_verify(&[&file.display().to_string()]));
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.contains(" | （未核验）济南市某县 \\| 签名有效\\u{d}\\u{2028}\\u{202e} | "), "{out}");
    assert_eq!(out.trim_end().split(" | ").count(), 6, "{out}");
}

#[test]
fn csv_cells_never_start_a_formula() {
    // Signed by a key of its own, so the bundle verifies: its city name is quoted in the 备注 (the 市县 is the
    // list's name for its code); the file name, given relative to the folder, starts a cell.
    let params = shenbao_core::ParameterSet::second_batch_2022();
    let at = |text: &str| text.parse::<chrono::DateTime<chrono::Utc>>().expect("a timestamp");
    let mut draft = shenbao_core::draft::Draft::new("公式", &params, at("2022-12-01T08:00:00Z"));
    draft.application = shenbao_core::sample::complete();
    // Changed after export (the rules block a city name that does not match the county code; the signature holds).
    let mut bundle =
        shenbao_core::bundle::Bundle::of_draft(&draft, &params, Vec::new(), at("2022-12-05T08:00:00Z"), "0.1.0")
            .expect("the sample is ready");
    bundle.application.applicant.city_name = "=HYPERLINK(\"http://example.invalid\",\"点此\")".into();
    bundle.application.applicant.county_name = String::new();
    let key = shenbao_core::signing::BundleKey::from_secret_bytes([9; 32], at("2022-12-01T08:00:00Z"));
    let signed = shenbao_core::signing::sign_bundle(bundle, &key).expect("signed").to_json();
    let folder = tempfile::tempdir().expect("temp dir");
    std::fs::write(folder.path().join("=1+1.json"), signed).expect("written");
    let output = Command::new(env!("CARGO_BIN_EXE_shenbao"))
        .args(["verify", "=1+1.json", "--csv", "汇总.csv"])
        .current_dir(folder.path())
        .output()
        .expect("the binary runs");
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let text = std::fs::read_to_string(folder.path().join("汇总.csv")).expect("the CSV is written");
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let record = reader.records().next().expect("one row").expect("a record");
    assert_eq!(&record[0], "'=1+1.json");
    assert_eq!(&record[1], "济南市平阴县");
    assert!(record[7].contains("「=HYPERLINK(\"http://example.invalid\",\"点此\")」"), "{record:?}");
    for cell in &record {
        assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "{cell:?}");
    }
}

#[test]
fn csv_cells_starting_with_full_width_or_invisible_characters_are_not_formulas() {
    // WPS and Excel with a Chinese input method read ＝ as =, and drop a leading byte-order mark or zero-width space.
    let folder = tempfile::tempdir().expect("temp dir");
    let bundle = std::fs::read(vector("valid-pingyin.json")).expect("the golden bundle");
    let names = ["＝1+1.json", "＋1.json", "－1.json", "＠SUM(A1).json", "\u{feff}=1+1.json", "\u{200b}=1+1.json"];
    for name in names {
        std::fs::write(folder.path().join(name), &bundle).expect("written");
    }
    let output = Command::new(env!("CARGO_BIN_EXE_shenbao"))
        .arg("verify")
        .args(names)
        .args(["--csv", "汇总.csv"])
        .current_dir(folder.path())
        .output()
        .expect("the binary runs");
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let text = std::fs::read_to_string(folder.path().join("汇总.csv")).expect("the CSV is written");
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let mut files: Vec<String> = reader.records().map(|record| record.expect("a record")[0].to_owned()).collect();
    files.sort();
    let mut expected =
        ["'＝1+1.json", "'＋1.json", "'－1.json", "'＠SUM(A1).json", "\\u{feff}=1+1.json", "\\u{200b}=1+1.json"];
    expected.sort();
    assert_eq!(files, expected);
}

#[test]
fn a_bundle_saved_with_a_byte_order_mark_verifies() {
    let output = shenbao_verify(&[&vector("byte-order-mark.json")]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(stdout(&output).contains(" | 济南市平阴县 | 公钥指纹 9C75 "), "{}", stdout(&output));
    assert!(stdout(&output).contains("签名有效 | 可以提交"), "{}", stdout(&output));
}
