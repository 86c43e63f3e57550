//! The golden drafts in `tests/vectors/drafts/` that `shenbao check`, the browser tests and `docs/draft-format.md`
//! use. Three are generated from [`sample::complete`] and must equal what this file generates; after a deliberate
//! change rewrite them with `UPDATE_VECTORS=1 cargo test -p shenbao-core --test draft_vectors` and review the diff.
//! The other two (`wrong-type.json`, `v1-legacy.json`) are written by hand, frozen, and checked for the outcome
//! they exist to show.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use shenbao_core::assessment::evaluate_draft;
use shenbao_core::draft::{Draft, DraftError};
use shenbao_core::evaluation::{Severity, Status};
use shenbao_core::json::JsonError;
use shenbao_core::model::{FundingSource, ResidentSupport};
use shenbao_core::{ParameterSet, Wan, sample};

fn vectors_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors/drafts")
}

fn read_vector(name: &str) -> String {
    let path = vectors_dir().join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()))
}

fn fixed_time(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).map(|time| time.with_timezone(&Utc)).expect("a valid fixed timestamp")
}

/// The complete sample as a draft, with fixed timestamps so that the file is stable.
fn complete_draft() -> Draft {
    let params = ParameterSet::second_batch_2022();
    let mut draft = Draft::new("平阴县衔接推进区申报书（示例）", &params, fixed_time("2022-11-21T08:30:00Z"));
    draft.application = sample::complete();
    draft.updated_at = Some(fixed_time("2022-11-28T16:45:00Z"));
    draft.backed_up_at = Some(fixed_time("2022-11-28T16:50:00Z"));
    draft
}

/// The complete draft with 500 万元 less of sector funds (taken from the water line and its project), so that
/// sector funds are 1900 of the 2000 万元 三.4 requires and nothing else changes.
fn blocked_sector_share_draft() -> Draft {
    let mut draft = complete_draft();
    draft.name = "平阴县衔接推进区申报书（行业资金不足）".into();
    let application = &mut draft.application;
    application.funds.sector_funds[0].amount = Some(Wan::from_whole(700));
    application.projects[2].funding.insert(FundingSource::Sector, Wan::from_whole(700));
    draft
}

/// The complete draft cut off in the middle, as a failed download leaves it.
fn truncated_text() -> String {
    let text = complete_draft().to_json();
    let cut = text.char_indices().map(|(index, _)| index).find(|index| *index >= text.len() / 2).unwrap_or(0);
    text[..cut].to_owned()
}

fn generated() -> Vec<(&'static str, String)> {
    vec![
        ("complete.json", complete_draft().to_json() + "\n"),
        ("blocked-sector-share.json", blocked_sector_share_draft().to_json() + "\n"),
        ("broken-truncated.json", truncated_text()),
    ]
}

#[test]
fn generated_vectors_are_what_the_code_generates() {
    let update = std::env::var_os("UPDATE_VECTORS").is_some();
    let mut stale = Vec::new();
    for (name, expected) in generated() {
        let path = vectors_dir().join(name);
        if update {
            std::fs::write(&path, &expected).unwrap_or_else(|error| panic!("cannot write {}: {error}", path.display()));
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(expected.as_str()) {
            stale.push(name);
        }
    }
    assert!(
        stale.is_empty(),
        "stale drafts {stale:?} in tests/vectors/drafts. If the change is intended, run \
         `UPDATE_VECTORS=1 cargo test -p shenbao-core --test draft_vectors` and review the diff."
    );
}

#[test]
fn the_complete_draft_reads_back_and_is_ready_without_warnings() {
    let params = ParameterSet::second_batch_2022();
    let draft = Draft::from_json(&read_vector("complete.json")).expect("complete.json is a valid draft");
    assert_eq!(draft, complete_draft());
    let evaluation = evaluate_draft(&draft, &params);
    assert_eq!(evaluation.status, Status::Ready);
    assert_eq!(evaluation.with_severity(Severity::Warning).count(), 0);
    let figures = &evaluation.figures;
    assert_eq!(figures.provincial_subsidy, Some(Wan::from_whole(2500)));
    assert_eq!(figures.linkage_total, Wan::from_whole(4000));
    assert_eq!(figures.sector_total, Wan::from_whole(2400));
    assert_eq!(figures.sector_share.map(|share| share.to_string()).as_deref(), Some("0.6"));
}

#[test]
fn the_sector_share_draft_is_blocked_by_that_rule_alone() {
    let draft = Draft::from_json(&read_vector("blocked-sector-share.json")).expect("a valid draft");
    let evaluation = evaluate_draft(&draft, &ParameterSet::second_batch_2022());
    assert_eq!(evaluation.status, Status::Blocked);
    let blocking: Vec<(&str, &str)> =
        evaluation.with_severity(Severity::Blocking).map(|f| (f.rule.as_str(), f.message.as_str())).collect();
    assert_eq!(blocking.len(), 1, "{blocking:#?}");
    assert_eq!(blocking[0].0, "sector_funds_share");
    assert!(
        blocking[0].1.starts_with("整合的行业资金合计 1900 万元，低于各级衔接资金总量 4000 万元的 50%"),
        "{}",
        blocking[0].1
    );
}

#[test]
fn the_truncated_draft_is_refused_with_its_line_and_column() {
    let text = read_vector("broken-truncated.json");
    let last_line = text.lines().count();
    match Draft::from_json(&text) {
        Err(error @ DraftError::Json(JsonError::Incomplete { line, column })) => {
            assert_eq!(line, last_line);
            assert!(column > 0);
            let message = error.to_string();
            assert!(message.starts_with(&format!("文件不完整（在第 {line} 行第 {column} 列处意外结束）")), "{message}");
        }
        other => panic!("expected an incomplete-JSON error, got {other:?}"),
    }
}

#[test]
fn the_wrong_type_draft_is_refused_with_the_field_path() {
    match Draft::from_json(&read_vector("wrong-type.json")) {
        Err(error @ DraftError::Field { .. }) => {
            let DraftError::Field { path, .. } = &error else { unreachable!() };
            assert_eq!(path, "application.funds.county_linkage_funds");
            assert!(error.to_string().starts_with("字段 application.funds.county_linkage_funds 的值有误"), "{error}");
        }
        other => panic!("expected a field error, got {other:?}"),
    }
}

#[test]
fn the_version_1_draft_is_migrated_and_evaluates() {
    let draft = Draft::from_json(&read_vector("v1-legacy.json")).expect("a version 1 draft is migrated");
    assert_eq!(draft.schema_version, 2);
    let funds = &draft.application.funds;
    assert_eq!((funds.city_linkage_funds, funds.county_linkage_funds), (None, Some(Wan::from_whole(1500))));
    let support: Vec<Option<ResidentSupport>> =
        draft.application.villages.iter().take(2).map(|village| village.resident_support).collect();
    assert_eq!(support, [Some(ResidentSupport::FirstSecretary), Some(ResidentSupport::Neither)]);
    let evaluation = evaluate_draft(&draft, &ParameterSet::second_batch_2022());
    assert_eq!(evaluation.status, Status::Ready, "{:#?}", evaluation.findings);
    assert_eq!(evaluation.figures.linkage_total, Wan::from_whole(4000));
}

fn draft_format_doc() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/draft-format.md");
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()))
}

/// The contents of the ```json blocks of a Markdown text.
fn json_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in markdown.lines() {
        match (&mut current, line.trim_end()) {
            (None, "```json") => current = Some(String::new()),
            (Some(block), "```") => {
                blocks.push(std::mem::take(block));
                current = None;
            }
            (Some(block), text) => {
                block.push_str(text);
                block.push('\n');
            }
            (None, _) => {}
        }
    }
    blocks
}

#[test]
fn the_examples_in_draft_format_md_read_and_evaluate() {
    let doc = draft_format_doc();
    let blocks = json_blocks(&doc);
    assert_eq!(blocks.len(), 2, "expected the pending_inputs fragment and the minimal draft");
    let fragment: serde_json::Value =
        serde_json::from_str(&format!("{{{}}}", blocks[0])).expect("the pending_inputs fragment is JSON");
    assert_eq!(fragment["pending_inputs"]["funds.loans"], "12,5");

    let draft = Draft::from_json(&blocks[1]).unwrap_or_else(|error| panic!("the minimal draft does not read: {error}"));
    assert_eq!(draft.application.applicant.county_name, "平阴县");
    let evaluation = evaluate_draft(&draft, &ParameterSet::second_batch_2022());
    assert_eq!(evaluation.status, Status::Blocked);
    let rules: Vec<&str> = evaluation.findings.iter().map(|finding| finding.rule.as_str()).collect();
    assert_eq!(rules[0], "input_format");
    assert!(rules.contains(&"village_details") && rules.contains(&"projects_listed"), "{rules:?}");
    assert!(!rules.contains(&"county_selected"), "{rules:?}");

    assert!(doc.contains("[`tests/vectors/drafts/complete.json`](../tests/vectors/drafts/complete.json)"));
}

/// Every member name of the complete draft, and every choice value, is documented (written in backticks).
#[test]
fn draft_format_md_names_every_member_and_value() {
    use shenbao_core::model::{
        ContentArea, ExcludedProgramme, LinkedInitiativeKind, PlanStatus, RegionTier, SupportMode, VillageCategory,
    };
    fn collect(value: &serde_json::Value, names: &mut std::collections::BTreeSet<String>) {
        match value {
            serde_json::Value::Object(members) => {
                for (name, member) in members {
                    names.insert(name.clone());
                    collect(member, names);
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|item| collect(item, names)),
            _ => {}
        }
    }
    let mut names = std::collections::BTreeSet::new();
    collect(&serde_json::to_value(complete_draft()).expect("JSON"), &mut names);
    let mut values: Vec<serde_json::Value> = Vec::new();
    values.extend(RegionTier::ALL.iter().map(|v| serde_json::json!(v)));
    values.extend(ExcludedProgramme::ALL.iter().map(|v| serde_json::json!(v)));
    values.extend(VillageCategory::ALL.iter().map(|v| serde_json::json!(v)));
    values.extend(PlanStatus::ALL.iter().map(|v| serde_json::json!(v)));
    values.extend(ResidentSupport::ALL.iter().map(|v| serde_json::json!(v)));
    values.extend(LinkedInitiativeKind::ALL.iter().map(|v| serde_json::json!(v)));
    values.extend(FundingSource::ALL.iter().map(|v| serde_json::json!(v)));
    values.extend(ContentArea::ALL.iter().map(|v| serde_json::json!(v)));
    values.extend(SupportMode::ALL.iter().map(|v| serde_json::json!(v)));
    names.extend(values.iter().filter_map(|value| value.as_str().map(str::to_owned)));
    let doc = draft_format_doc();
    let undocumented: Vec<&String> = names.iter().filter(|name| !doc.contains(&format!("`{name}`"))).collect();
    assert!(undocumented.is_empty(), "docs/draft-format.md does not mention {undocumented:?}");
}
