//! `shenbao check` run as a binary on the golden drafts in `tests/vectors/drafts/` and on files built here:
//! exit codes, the JSON report's shape, and the messages people read.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::{Value, json};
use shenbao_core::assessment::evaluate_draft;
use shenbao_core::bundle::{BUNDLE_FORMAT, BUNDLE_VERSION, Bundle, ExportedEvaluation, ParameterSetRef};
use shenbao_core::draft::Draft;
use shenbao_core::{APP_VERSION, ParameterSet};

fn vector(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors/drafts").join(name)
}

/// A file of this test's own, in Cargo's scratch directory for integration tests.
fn scratch_file(name: &str, contents: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("check-{name}"));
    std::fs::write(&path, contents).expect("the scratch directory is writable");
    path
}

fn shenbao(args: &[&str], file: &Path) -> (i32, String, String) {
    let Output { status, stdout, stderr } =
        Command::new(env!("CARGO_BIN_EXE_shenbao")).args(args).arg(file).output().expect("the binary runs");
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).expect("UTF-8 output");
    (status.code().expect("an exit code"), text(stdout), text(stderr))
}

fn check_json(file: &Path) -> (i32, Value) {
    let (code, stdout, stderr) = shenbao(&["check", "--json"], file);
    let report = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {stdout}\n{stderr}"));
    (code, report)
}

/// The member names of an object, sorted.
fn keys(value: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = value.as_object().expect("an object").keys().map(String::as_str).collect();
    keys.sort_unstable();
    keys
}

fn rules(report: &Value) -> Vec<&str> {
    report["findings"].as_array().expect("findings").iter().map(|f| f["rule"].as_str().expect("a rule")).collect()
}

fn complete_draft_json() -> Value {
    serde_json::from_str(&std::fs::read_to_string(vector("complete.json")).expect("complete.json")).expect("JSON")
}

#[test]
fn the_complete_draft_can_be_submitted() {
    let (code, stdout, stderr) = shenbao(&["check"], &vector("complete.json"));
    assert_eq!((code, stderr.as_str()), (0, ""));
    assert!(
        stdout
            .starts_with("草稿「平阴县衔接推进区申报书（示例）」\n申报县：济南市平阴县　依据：鲁乡振发〔2022〕26号\n")
    );
    for line in [
        "【申报县基本情况】\n  [提示] 一.3　本县为沿黄县（市、区），按通知在不涉及重点县的市中优先安排。\n",
        "  省级以上衔接资金：2500 万元（按本县情况应为 2500 万元）\n",
        "  衔接资金总量：4000 万元\n",
        "  整合的行业资金：2400 万元（不得低于衔接资金总量的 50%，即 2000 万元）\n",
        "  行业资金占比：60%\n",
        "  覆盖行政村 12 个，项目 8 个，实施规划 24 个月；",
        "\n结论：可以提交（无必须修改或需说明理由的问题；提示 3 项）\n",
    ] {
        assert!(stdout.contains(line), "missing {line:?} in:\n{stdout}");
    }
}

#[test]
fn the_json_report_has_exactly_the_documented_shape() {
    let (code, report) = check_json(&vector("complete.json"));
    assert_eq!(code, 0);
    assert_eq!(keys(&report), ["figures", "findings", "status"]);
    assert_eq!(report["status"], "ready");
    assert_eq!(rules(&report), ["yellow_river_preference", "resident_support_priority", "linked_initiatives"]);
    for finding in report["findings"].as_array().expect("findings") {
        assert_eq!(keys(finding), ["clause", "fields", "key", "message", "rule", "severity"]);
        assert_eq!(finding["key"], finding["rule"], "a finding about no item is keyed by its rule");
    }
    let figures = &report["figures"];
    assert_eq!(figures["provincial_subsidy"], "2500");
    assert_eq!(figures["linkage_total"], "4000");
    assert_eq!(figures["sector_share"], "0.6");
    assert_eq!(figures["sector_total"], "2400");
    assert_eq!(figures["declared_by_source"]["county_linkage"], "1000");
    assert_eq!(figures["projects_by_source"]["sector"], "2400");
    assert_eq!(figures["village_count"], 12);
    assert_eq!(figures["plan_months"], 24);
}

#[test]
fn unknown_figures_are_null() {
    let mut draft = complete_draft_json();
    draft["application"]["applicant"]["key_county"] = Value::Null;
    for member in ["provincial_linkage_funds", "city_linkage_funds", "county_linkage_funds"] {
        draft["application"]["funds"][member] = Value::Null;
    }
    let (code, report) = check_json(&scratch_file("unknown-figures.json", &draft.to_string()));
    assert_eq!(code, 1);
    assert_eq!(report["figures"]["provincial_subsidy"], Value::Null);
    assert_eq!(report["figures"]["sector_share"], Value::Null);
    assert_eq!(report["figures"]["linkage_total"], "0");
}

#[test]
fn a_blocking_finding_is_shown_under_its_step_and_exits_1() {
    let (code, stdout, _) = shenbao(&["check"], &vector("blocked-sector-share.json"));
    assert_eq!(code, 1);
    assert!(stdout.contains("【资金筹措】\n  [必须修改] 三.4　整合的行业资金合计 1900 万元，低于各级衔接资金总量 4000 万元的 50%（2000 万元），还差 100 万元。"), "{stdout}");
    assert!(stdout.contains("  行业资金占比：47.5%\n"), "{stdout}");
    assert!(stdout.ends_with("结论：尚不能提交（必须修改 1 项；需说明理由但尚未说明 0 项；提示 3 项）\n"), "{stdout}");

    let (code, report) = check_json(&vector("blocked-sector-share.json"));
    assert_eq!((code, report["status"].as_str()), (1, Some("blocked")));
    let finding = &report["findings"][3];
    assert_eq!(
        (finding["rule"].as_str(), finding["severity"].as_str()),
        (Some("sector_funds_share"), Some("blocking"))
    );
    assert_eq!(finding["clause"], "三.4");
    assert_eq!(finding["fields"], json!(["funds.sector_funds"]));
    assert_eq!(report["figures"]["sector_share"], "0.475");
}

#[test]
fn a_warning_blocks_until_it_is_justified() {
    let mut draft = complete_draft_json();
    draft["application"]["governance"]["executive_meeting_date"] = json!("2022-12-12");
    let unjustified = scratch_file("unjustified.json", &draft.to_string());
    let (code, stdout, _) = shenbao(&["check"], &unjustified);
    assert_eq!(code, 1);
    assert!(
        stdout.contains("【组织保障】\n  [需说明理由·尚未说明] 四.3　县政府常务会议日期 2022-12-12 晚于"),
        "{stdout}"
    );
    assert!(stdout.ends_with("结论：尚不能提交（必须修改 0 项；需说明理由但尚未说明 1 项；提示 3 项）\n"), "{stdout}");
    let (code, report) = check_json(&unjustified);
    assert_eq!((code, report["status"].as_str()), (1, Some("blocked")));

    draft["justifications"] = json!({"executive_meeting_deadline": "市级同意延期至12月15日报送。"});
    let justified = scratch_file("justified.json", &draft.to_string());
    let (code, stdout, _) = shenbao(&["check"], &justified);
    assert_eq!(code, 0);
    assert!(stdout.contains("  [需说明理由·已说明] 四.3　"), "{stdout}");
    assert!(stdout.ends_with("结论：可以提交（无必须修改的问题；需说明理由 1 项均已说明；提示 3 项）\n"), "{stdout}");
}

#[test]
fn each_finding_gives_the_key_its_justification_is_filed_under() {
    let mut draft = complete_draft_json();
    draft["application"]["villages"][2]["plan"] = json!({"status": "in_preparation", "expected_on": "2023-06-30"});
    draft["justifications"] = json!({"village_plan_in_preparation@v3": "正在编制，2023年6月底前批复。"});
    let (code, report) = check_json(&scratch_file("keys.json", &draft.to_string()));
    let finding = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["rule"] == "village_plan_in_preparation")
        .unwrap_or_else(|| panic!("no finding of village_plan_in_preparation: {report}"));
    assert_eq!(finding["key"], "village_plan_in_preparation@v3");
    // Filed under that key, the justification answers the warning: the file can be submitted.
    assert_eq!((code, report["status"].as_str()), (0, Some("ready")), "{report}");
}

#[test]
fn a_share_just_below_half_is_not_shown_as_half() {
    // 三.4: 1999.99 万元 of sector funds against 4000 万元 of linkage funds falls short; the share must say so too.
    let mut draft = complete_draft_json();
    draft["application"]["funds"]["sector_funds"][2]["amount"] = json!("99.99");
    draft["application"]["projects"][3]["funding"]["sector"] = json!("99.99");
    let file = scratch_file("share-below-half.json", &draft.to_string());
    let (code, stdout, _) = shenbao(&["check"], &file);
    assert_eq!(code, 1);
    assert!(stdout.contains("  行业资金占比：49.99%\n"), "{stdout}");
    assert!(stdout.contains("（2000 万元），还差 0.01 万元。"), "{stdout}");
    let (code, report) = check_json(&file);
    assert_eq!((code, report["figures"]["sector_share"].as_str()), (1, Some("0.4999")));
    assert!(rules(&report).contains(&"sector_funds_share"));
}

#[test]
fn a_truncated_file_exits_2_with_line_and_column() {
    let path = vector("broken-truncated.json");
    let last_line = std::fs::read_to_string(&path).expect("the vector").lines().count();
    let (code, stdout, stderr) = shenbao(&["check", "--json"], &path);
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert!(stderr.contains(&format!("：文件不完整（在第 {last_line} 行第 ")), "{stderr}");
    assert!(stderr.contains("列处意外结束），不是有效的 JSON。文件可能已损坏或未完整下载。"), "{stderr}");
}

#[test]
fn a_wrong_value_exits_2_with_its_field_path() {
    let (code, stdout, stderr) = shenbao(&["check"], &vector("wrong-type.json"));
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert!(
        stderr.contains("字段 application.funds.county_linkage_funds 的值有误：应为字符串，而不是数字 1000"),
        "{stderr}"
    );
}

#[test]
fn a_version_1_draft_is_migrated_before_checking() {
    let (code, report) = check_json(&vector("v1-legacy.json"));
    assert_eq!((code, report["status"].as_str()), (0, Some("ready")));
    assert_eq!(report["figures"]["city_county_linkage_funds"], "1500");
    assert_eq!(report["figures"]["declared_by_source"]["county_linkage"], "1500");
    assert_eq!(report["figures"]["linkage_total"], "4000");
}

#[test]
fn files_that_are_not_drafts_exit_2_with_a_clear_message() {
    let missing = Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-such-draft.json");
    let (code, _, stderr) = shenbao(&["check"], &missing);
    assert_eq!(code, 2);
    assert!(stderr.ends_with("no-such-draft.json：文件不存在，请检查路径。\n"), "{stderr}");

    let params = Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/params/lu-xiangzhenfa-2022-26.json");
    let (code, _, stderr) = shenbao(&["check"], &params);
    assert_eq!(code, 2);
    assert!(stderr.contains("这不是本工具的草稿文件或申报包"), "{stderr}");

    let (code, _, stderr) = shenbao(&["check"], &scratch_file("binary.json", "\u{0}\u{1}"));
    assert_eq!(code, 2);
    assert!(stderr.contains("：第 1 行第 1 列处不是有效的 JSON。"), "{stderr}");

    let (code, _, stderr) = shenbao(&["check"], Path::new(env!("CARGO_TARGET_TMPDIR")));
    assert_eq!(code, 2);
    assert!(stderr.contains("这是一个文件夹"), "{stderr}");
}

fn bundle_of(draft: &Draft) -> Bundle {
    let params = ParameterSet::second_batch_2022();
    Bundle {
        format: BUNDLE_FORMAT.to_owned(),
        version: BUNDLE_VERSION,
        app_version: APP_VERSION.to_owned(),
        created_at: draft.updated_at.expect("a timestamp"),
        draft_name: draft.name.clone(),
        application: draft.application.clone(),
        evaluation: ExportedEvaluation {
            parameter_set: ParameterSetRef { id: params.id.clone(), sha256: params.sha256() },
            evaluation: evaluate_draft(draft, &params),
        },
        justifications: draft.justifications.clone(),
        attachments: Vec::new(),
        signatures: Vec::new(),
    }
}

#[test]
fn a_bundle_is_checked_by_its_content_with_its_justifications() {
    let text = std::fs::read_to_string(vector("complete.json")).expect("complete.json");
    let mut draft = Draft::from_json(&text).expect("a valid draft");
    draft.application.villages.truncate(9);
    draft.justifications.insert("village_count_minimum".into(), "两镇相邻9个村集中连片，已覆盖全部玫瑰种植区。".into());
    let bundle = serde_json::to_string_pretty(&bundle_of(&draft)).expect("JSON");
    let (code, stdout, _) = shenbao(&["check"], &scratch_file("bundle.json", &bundle));
    assert_eq!(code, 0, "{stdout}");
    assert!(
        stdout.starts_with(
            "申报包「平阴县衔接推进区申报书（示例）」\n（只检查申报内容；签名请用 shenbao verify 核验）\n"
        )
    );
    assert!(stdout.contains("  [需说明理由·已说明] 三　推进区覆盖行政村 9 个，少于原则上的 10 个。"), "{stdout}");

    let mut value: Value = serde_json::from_str(&bundle).expect("JSON");
    value["justifications"] = json!({});
    let (code, report) = check_json(&scratch_file("bundle-unjustified.json", &value.to_string()));
    assert_eq!((code, report["status"].as_str()), (1, Some("blocked")));
    assert!(rules(&report).contains(&"village_count_minimum"));

    value["application"]["funds"]["loans"] = json!(300);
    let (code, _, stderr) = shenbao(&["check"], &scratch_file("bundle-wrong-type.json", &value.to_string()));
    assert_eq!(code, 2);
    assert!(stderr.contains("申报包字段 application.funds.loans 的值有误：应为字符串，而不是数字 300"), "{stderr}");
}

/// The message after `shenbao check: FILE：` for a file with these bytes (exit code 2 asserted).
fn refusal(name: &str, bytes: &[u8]) -> String {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("check-{name}"));
    std::fs::write(&path, bytes).expect("the scratch directory is writable");
    let (code, stdout, stderr) = shenbao(&["check"], &path);
    assert_eq!((code, stdout.as_str()), (2, ""), "{name}: {stderr}");
    stderr.split_once('：').map(|(_, message)| message.trim_end().to_owned()).unwrap_or(stderr)
}

#[test]
fn json_errors_are_told_in_chinese_by_class() {
    let empty = refusal("empty.json", b"");
    assert_eq!(empty, "文件是空的，没有任何内容。");
    assert_eq!(refusal("blank.json", b" \r\n "), empty);
    let syntax = refusal("not-json.json", b"<html>");
    assert_eq!(syntax, "第 1 行第 1 列处不是有效的 JSON。文件可能已损坏或被手工改错。");
    let cut = refusal("cut.json", b"{\"format\": \"shenbao-draft\",");
    assert_eq!(cut, "文件不完整（在第 1 行第 27 列处意外结束），不是有效的 JSON。文件可能已损坏或未完整下载。");
    // "平阴县" in GBK.
    let gbk = refusal("gbk.json", b"{\"name\": \"\xC6\xBD\xD2\xF5\xCF\xD8\"}");
    assert!(gbk.starts_with("文件不是 UTF-8 文本文件（从第 13 个字节起无法按 UTF-8 读取）"), "{gbk}");
    for message in [empty, syntax, cut, gbk] {
        assert!(!["expected", "EOF", "line", "column"].iter().any(|word| message.contains(word)), "{message}");
    }
}

#[test]
fn a_draft_saved_with_a_byte_order_mark_is_checked() {
    let text = std::fs::read_to_string(vector("complete.json")).expect("complete.json");
    let path = scratch_file("bom.json", &format!("\u{feff}{text}"));
    let (code, stdout, stderr) = shenbao(&["check"], &path);
    assert_eq!((code, stderr.as_str()), (0, ""), "{stdout}");
    assert!(stdout.ends_with("结论：可以提交（无必须修改或需说明理由的问题；提示 3 项）\n"), "{stdout}");
}

#[test]
fn a_repeated_member_is_refused_with_its_line() {
    let text = std::fs::read_to_string(vector("complete.json")).expect("complete.json");
    let member = "\"county_linkage_funds\": \"1000\",";
    let doubled = text.replacen(member, &format!("\"county_linkage_funds\": \"9999\",\n      {member}"), 1);
    let line = doubled.lines().position(|l| l.contains("\"1000\"")).expect("the member") + 1;
    assert_eq!(
        refusal("doubled.json", doubled.as_bytes()),
        format!(
            "第 {line} 行：application.funds 中的成员「county_linkage_funds」重复出现。同一对象中的成员名不能重复，\
             否则不同的程序会读出不同的值；请使用本工具导出的原始文件。"
        )
    );
}

#[test]
fn text_from_the_file_cannot_forge_lines_or_move_the_cursor() {
    let mut draft = complete_draft_json();
    draft["name"] = json!("示例\n结论：可以提交\u{1b}[2K");
    draft["application"]["villages"][0]["category"] = json!("urban_village");
    draft["application"]["villages"][0]["name"] = json!("胡庄村\r\n  [提示] 一.3　一切正常\u{202e}");
    let (code, stdout, _) = shenbao(&["check"], &scratch_file("forged-names.json", &draft.to_string()));
    assert_eq!(code, 1);
    assert!(!stdout.contains(['\u{1b}', '\r', '\u{202e}']), "{stdout:?}");
    assert!(stdout.starts_with("草稿「示例\\u{a}结论：可以提交\\u{1b}[2K」\n"), "{stdout}");
    assert!(stdout.contains("「胡庄村\\u{d}\\u{a}  [提示] 一.3　一切正常\\u{202e}」"), "{stdout}");
    assert_eq!(stdout.lines().filter(|line| line.starts_with("结论：")).count(), 1, "{stdout}");
}

#[test]
fn amounts_in_files_are_plain_decimals() {
    // QA: "500万元" and full-width "５００" were read, though the format says digits and a point only.
    for (amount, reason) in
        [("500万元", "含有无效字符「万」"), ("５００", "含有无效字符「５」"), (" 500", "金额中间不要有空格")]
    {
        let mut draft = complete_draft_json();
        draft["application"]["funds"]["city_linkage_funds"] = json!(amount);
        let message = refusal("plain-amount.json", draft.to_string().as_bytes());
        assert!(
            message.starts_with(&format!(
                "字段 application.funds.city_linkage_funds 的值有误：金额「{amount}」无效：{reason}"
            )),
            "{message}"
        );
    }
}
