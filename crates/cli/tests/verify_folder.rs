//! `shenbao verify` over a folder as a city reviewer receives it (QA): every `*.json` file has its line, notes across
//! bundles, bundles that verify but cannot be submitted, readable differences, Chinese file errors, and the county
//! shown by its code.

use std::path::Path;
use std::process::{Command, Output};

use chrono::{DateTime, Utc};
use shenbao_core::bundle::Bundle;
use shenbao_core::draft::Draft;
use shenbao_core::model::Application;
use shenbao_core::params::ParameterSet;
use shenbao_core::signing::{BundleKey, sign_bundle};
use shenbao_core::{Wan, sample};

fn shenbao_verify(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_shenbao")).arg("verify").args(args).output().expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn at(text: &str) -> DateTime<Utc> {
    text.parse().expect("a timestamp")
}

/// The sample application of 平阴县 exported at `time` (its evaluation recorded then), changed by `edit` after the
/// export, and signed by key `seed`: the bundle verifies; the rules re-run on the changed application.
fn signed(seed: u8, time: &str, edit: impl FnOnce(&mut Application)) -> String {
    let params = ParameterSet::second_batch_2022();
    let mut draft = Draft::new("平阴县申报书", &params, at("2022-12-01T08:00:00Z"));
    draft.application = sample::complete();
    let mut bundle = Bundle::of_draft(&draft, &params, Vec::new(), at(time), "0.1.0").expect("the sample is ready");
    edit(&mut bundle.application);
    let key = BundleKey::from_secret_bytes([seed; 32], at("2022-12-01T08:00:00Z"));
    sign_bundle(bundle, &key).expect("signed").to_json()
}

fn write(folder: &Path, name: &str, text: &str) {
    std::fs::write(folder.join(name), text).expect("written");
}

fn csv_records(path: &Path) -> Vec<csv::StringRecord> {
    let text = std::fs::read_to_string(path).expect("the CSV is written");
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    reader.records().map(|record| record.expect("a record")).collect()
}

fn line_of<'a>(out: &'a str, name: &str) -> &'a str {
    out.lines().find(|line| line.contains(&format!("{name} | "))).unwrap_or_else(|| panic!("no line for {name}: {out}"))
}

fn draft_file() -> String {
    let params = ParameterSet::second_batch_2022();
    let mut draft = Draft::new("草稿", &params, at("2022-12-01T08:00:00Z"));
    draft.application = sample::complete();
    serde_json::to_string_pretty(&draft).expect("JSON")
}

#[test]
fn every_json_file_in_a_folder_has_its_line_and_counts() {
    // QA: a draft in the folder was skipped with a line on stderr only: no CSV row, not counted.
    let folder = tempfile::tempdir().expect("temp dir");
    write(folder.path(), "a-平阴县.json", &signed(1, "2022-12-05T09:30:00Z", |_| {}));
    write(folder.path(), "b-草稿.json", &draft_file());
    write(folder.path(), "c-其他.JSON", "{\"名单\": []}");
    write(folder.path(), "说明.txt", "附件说明");
    std::fs::create_dir(folder.path().join("旧")).expect("a subfolder");
    write(&folder.path().join("旧"), "old.json", "{}");
    #[cfg(unix)]
    std::os::unix::fs::symlink(folder.path().join("不存在.json"), folder.path().join("d-损坏的链接.json"))
        .expect("a dangling link");
    let csv_path = folder.path().join("汇总.csv");
    let output = shenbao_verify(&[&folder.path().display().to_string(), "--csv", &csv_path.display().to_string()]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let out = stdout(&output);
    assert!(line_of(&out, "b-草稿.json").contains(" | 这是草稿文件，不是签名的申报包。 | "), "{out}");
    assert!(line_of(&out, "c-其他.JSON").contains(" | 这不是申报包"), "{out}");
    assert!(line_of(&out, "a-平阴县.json").contains(" | 签名有效 | 可以提交 | "), "{out}");
    assert!(!out.contains("old.json") && !out.contains("说明.txt"), "{out}");
    let unreadable = usize::from(cfg!(unix));
    if cfg!(unix) {
        assert!(line_of(&out, "d-损坏的链接.json").contains(" | 无法读取：文件或文件夹不存在 | "), "{out}");
    }
    let err = stderr(&output);
    assert!(
        err.contains(&format!("共 {} 个文件：1 个核验通过，{} 个未通过。", 3 + unreadable, 2 + unreadable)),
        "{err}"
    );
    assert!(
        err.contains("文件夹中另有 1 个不是 .json 的文件、1 个子文件夹，未核验。"),
        "汇总.csv is not there yet: {err}"
    );
    assert!(!err.contains("跳过"), "{err}");

    let records = csv_records(&csv_path);
    assert_eq!(records.len(), 3 + unreadable, "{records:?}");
    let code_of = |name: &str| {
        records.iter().find(|r| r[0].ends_with(name)).map(|r| r[4].to_owned()).unwrap_or_else(|| panic!("{name}"))
    };
    assert_eq!(code_of("b-草稿.json"), "is_draft");
    assert_eq!(code_of("c-其他.JSON"), "not_a_bundle");
    assert_eq!(code_of("a-平阴县.json"), "");
    if cfg!(unix) {
        assert_eq!(code_of("d-损坏的链接.json"), "unreadable");
    }
}

#[test]
fn a_folder_holding_only_a_draft_fails_with_its_line_and_a_csv() {
    let folder = tempfile::tempdir().expect("temp dir");
    write(folder.path(), "草稿.json", &draft_file());
    let csv_path = folder.path().join("汇总.csv");
    let output = shenbao_verify(&[&folder.path().display().to_string(), "--csv", &csv_path.display().to_string()]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    assert!(stdout(&output).contains("这是草稿文件，不是签名的申报包。"), "{output:?}");
    assert!(!stderr(&output).contains("没有找到申报包"), "{output:?}");
    assert_eq!(csv_records(&csv_path).len(), 1);
}

#[test]
fn a_folder_without_json_files_says_what_it_skipped() {
    let folder = tempfile::tempdir().expect("temp dir");
    write(folder.path(), "实施方案.pdf", "%PDF");
    let output = shenbao_verify(&[&folder.path().display().to_string()]);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(
        stderr(&output).contains("没有找到申报包（*.json）。文件夹中另有 1 个不是 .json 的文件，未核验。"),
        "{output:?}"
    );
}

#[test]
fn one_key_for_several_counties_and_one_county_twice_are_noted() {
    let folder = tempfile::tempdir().expect("temp dir");
    write(folder.path(), "a.json", &signed(1, "2022-12-05T09:30:00Z", |_| {}));
    let ningjin = |application: &mut Application| {
        let applicant = &mut application.applicant;
        (applicant.city_code, applicant.city_name) = ("371400".into(), "德州市".into());
        (applicant.county_code, applicant.county_name) = ("371422".into(), "宁津县".into());
    };
    write(folder.path(), "b.json", &signed(1, "2022-12-05T10:00:00Z", ningjin));
    write(
        folder.path(),
        "c.json",
        &signed(2, "2022-12-06T09:30:00Z", |a| a.governance.leader_in_charge.push_str("（常务副县长）")),
    );
    let csv_path = folder.path().join("汇总.csv");
    let output = shenbao_verify(&[&folder.path().display().to_string(), "--csv", &csv_path.display().to_string()]);
    let out = stdout(&output);
    let notes: Vec<&str> = out.lines().filter(|line| line.starts_with("提示：")).collect();
    assert_eq!(notes.len(), 2, "{out}");
    assert!(
        notes[0].starts_with("提示：同一公钥指纹签署了多个县的申报包：公钥指纹 ")
            && notes[0].contains(" 签署了济南市平阴县（a.json）、德州市宁津县（b.json）。"),
        "{out}"
    );
    assert_eq!(
        notes[1],
        "提示：同一县有多个申报包：济南市平阴县（370124）有 2 个：a.json（2022-12-05 09:30 UTC 导出）、c.json（2022-12-06 09:30 UTC 导出）；公钥指纹不同，申报内容不同",
        "{out}"
    );
    assert!(line_of(&out, "b.json").ends_with(" | 提示：同一公钥指纹还签署了济南市平阴县（a.json）的申报包"), "{out}");
    assert!(
        line_of(&out, "a.json").contains(
            " | 提示：同一公钥指纹还签署了德州市宁津县（b.json）的申报包；本县另有申报包 c.json（2022-12-06 09:30 UTC 导出；公钥指纹不同"
        ),
        "{out}"
    );
    let records = csv_records(&csv_path);
    assert_eq!(records.len(), 3);
    assert!(records[1][8].starts_with("同一公钥指纹还签署了济南市平阴县（a.json）的申报包"), "{records:?}");
    assert!(records[2][8].starts_with("本县另有申报包 a.json"), "{records:?}");
}

#[test]
fn the_summary_counts_bundles_that_verify_but_cannot_be_submitted() {
    // QA: "3 个核验通过" although one of them is 不能提交. The exit code stays 0: every bundle verifies.
    let folder = tempfile::tempdir().expect("temp dir");
    write(folder.path(), "a.json", &signed(1, "2022-12-05T09:30:00Z", |_| {}));
    let blocked =
        |application: &mut Application| application.funds.provincial_linkage_funds = Some(Wan::from_whole(2400));
    write(folder.path(), "b.json", &signed(2, "2022-12-05T09:30:00Z", blocked));
    let output = shenbao_verify(&[&folder.path().display().to_string()]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(line_of(&stdout(&output), "b.json").contains(" | 签名有效 | 尚不能提交 | "), "{output:?}");
    assert!(stderr(&output).contains("共 2 个文件：2 个核验通过（其中 1 个尚不能提交），0 个未通过。"), "{output:?}");
}

#[test]
fn differences_are_said_once_and_in_words() {
    // QA: "重新核对：重新计算发现 funding_source_totals@provincial_linkage；重新核对：计算结果 declared_by_source …".
    let folder = tempfile::tempdir().expect("temp dir");
    let changed =
        |application: &mut Application| application.funds.provincial_linkage_funds = Some(Wan::from_whole(2400));
    let file = folder.path().join("b.json");
    std::fs::write(&file, signed(2, "2022-12-05T09:30:00Z", changed)).expect("written");
    let csv_path = folder.path().join("汇总.csv");
    let output = shenbao_verify(&[&file.display().to_string(), "--csv", &csv_path.display().to_string()]);
    let out = stdout(&output);
    assert_eq!(out.matches("重新核对").count(), 1, "{out}");
    for id in ["funding_source_totals", "provincial_linkage", "declared_by_source", "sector_minimum", "linkage_total"] {
        assert!(!out.contains(id), "{id} in {out}");
    }
    for words in [
        "注意：重新核对与申报包记录的不同（",
        "重新计算发现申报包没有记录的问题：〔必须修改，通知四.3〕",
        "计算结果「各资金来源筹措金额」与申报包记录的不一致",
        "计算结果「行业资金最低要求」与申报包记录的不一致",
    ] {
        assert!(out.contains(words), "{words} missing from {out}");
    }
    let records = csv_records(&csv_path);
    assert!(records[0][7].starts_with("重新核对与申报包记录的不同（"), "{records:?}");
    assert_eq!(records[0][7].matches("重新核对").count(), 1, "{records:?}");
}

#[test]
fn the_county_is_named_by_its_code_with_a_note_when_the_bundle_says_otherwise() {
    // QA: code 370124 (平阴县) with the name 宁津县 printed "德州市宁津县 | … | 签名有效".
    let folder = tempfile::tempdir().expect("temp dir");
    let misnamed = |application: &mut Application| {
        (application.applicant.city_name, application.applicant.county_name) = ("德州市".into(), "宁津县".into());
    };
    let file = folder.path().join("宁津县.json");
    std::fs::write(&file, signed(1, "2022-12-05T09:30:00Z", misnamed)).expect("written");
    let csv_path = folder.path().join("汇总.csv");
    let output = shenbao_verify(&[&file.display().to_string(), "--csv", &csv_path.display().to_string()]);
    let out = stdout(&output);
    let fields: Vec<&str> = out.trim_end().split(" | ").collect();
    assert_eq!(fields[1], "济南市平阴县", "{out}");
    assert!(!out.contains("德州市宁津县 |"), "{out}");
    assert!(out.contains("注意：申报包填写的市县名「德州市宁津县」与区划代码 370124（济南市平阴县）不符"), "{out}");
    let records = csv_records(&csv_path);
    assert_eq!(&records[0][1], "济南市平阴县");
    assert!(records[0][7].starts_with("申报包填写的市县名「德州市宁津县」与区划代码 370124"), "{records:?}");
}

#[test]
fn a_csv_that_cannot_be_written_is_said_in_chinese() {
    let folder = tempfile::tempdir().expect("temp dir");
    let file = folder.path().join("a.json");
    std::fs::write(&file, signed(1, "2022-12-05T09:30:00Z", |_| {})).expect("written");
    let csv_path = folder.path().join("没有这个文件夹").join("汇总.csv");
    let output = shenbao_verify(&[&file.display().to_string(), "--csv", &csv_path.display().to_string()]);
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(stderr(&output).contains("汇总.csv：所在的文件夹不存在"), "{output:?}");
    assert!(!stderr(&output).contains("os error"), "{output:?}");
}
