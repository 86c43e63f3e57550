//! `docs/rules.md` holds two generated tables: every rule of [`RULES`] and every value of the parameter set. This
//! test regenerates both and fails when the file differs from the code; run it with `UPDATE_DOCS=1` to rewrite
//! the tables in place (the prose around them is left alone).

use std::fmt::{self, Write as _};
use std::path::PathBuf;

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::Value;
use shenbao_core::evaluation::Severity;
use shenbao_core::rules::{RULES, Rule};
use shenbao_core::{ParameterSet, params};

const RULES_BEGIN: &str = "<!-- BEGIN GENERATED: rules (crates/core/tests/rules_doc.rs; UPDATE_DOCS=1 to rewrite) -->";
const RULES_END: &str = "<!-- END GENERATED: rules -->";
const PARAMS_BEGIN: &str =
    "<!-- BEGIN GENERATED: parameters (crates/core/tests/rules_doc.rs; UPDATE_DOCS=1 to rewrite) -->";
const PARAMS_END: &str = "<!-- END GENERATED: parameters -->";

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn doc_path() -> PathBuf {
    crate_dir().join("../../docs/rules.md")
}

fn severity_label(severity: Severity) -> String {
    let english = match severity {
        Severity::Blocking => "blocking",
        Severity::Warning => "warning",
        Severity::Info => "info",
    };
    format!("{} {english}", severity.label())
}

/// The `///` comment on a rule's `pub const RULE`: what it checks, in English.
fn english_summary(rule: &Rule) -> Result<String, String> {
    let path = crate_dir().join("src/rules").join(format!("{}.rs", rule.id));
    let source = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let lines: Vec<&str> = source.lines().collect();
    let at = lines
        .iter()
        .position(|line| line.starts_with("pub const RULE: Rule"))
        .ok_or_else(|| format!("{} has no `pub const RULE: Rule`", path.display()))?;
    let comment: Vec<&str> = lines[..at]
        .iter()
        .rev()
        .take_while(|line| line.starts_with("///"))
        .map(|line| line.trim_start_matches('/').trim())
        .collect();
    if comment.is_empty() {
        return Err(format!("{}: RULE has no /// comment saying what it checks", path.display()));
    }
    Ok(comment.into_iter().rev().collect::<Vec<_>>().join(" "))
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

fn rules_table() -> Result<String, String> {
    let mut out = String::new();
    out.push_str("| # | Rule id | Clause | Severity | Wizard step | 检查内容 (summary) | What it checks |\n");
    out.push_str("|---|---|---|---|---|---|---|\n");
    for (index, rule) in RULES.iter().enumerate() {
        let _ = writeln!(
            out,
            "| {} | [`{id}`](../crates/core/src/rules/{id}.rs) | {} | {} | {} (`{}`) | {} | {} |",
            index + 1,
            rule.clause,
            severity_label(rule.severity),
            rule.step.title(),
            rule.step.key(),
            cell(&(rule.summary)(&shenbao_core::ParameterSet::second_batch_2022())),
            cell(&english_summary(rule)?),
            id = rule.id,
        );
    }
    Ok(out)
}

/// The members of a JSON object in the order they are written.
struct Ordered(Vec<(String, Value)>);

impl<'de> Deserialize<'de> for Ordered {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Ordered, D::Error> {
        struct OrderedVisitor;
        impl<'de> Visitor<'de> for OrderedVisitor {
            type Value = Ordered;
            fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                formatter.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Ordered, A::Error> {
                let mut members = Vec::new();
                while let Some(member) = map.next_entry()? {
                    members.push(member);
                }
                Ok(Ordered(members))
            }
        }
        deserializer.deserialize_map(OrderedVisitor)
    }
}

fn params_table() -> Result<String, String> {
    let set = ParameterSet::second_batch_2022();
    let path = crate_dir().join(format!("params/{}.json", set.id));
    let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let Ordered(members) = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Parameter set `{}` ([`crates/core/params/{}.json`](../crates/core/params/{}.json)): {}《{}》, issued {}; \
         SHA-256 of its canonical JSON `{}`.\n",
        set.id,
        set.id,
        set.id,
        set.notice,
        set.title,
        set.issued_on,
        set.sha256()
    );
    out.push_str("| Parameter | Value | Clause | 含义 (meaning) |\n|---|---|---|---|\n");
    for (name, value) in members.iter().filter(|(_, value)| value.is_object()) {
        let param: params::Param<Value> = serde_json::from_value(value.clone()).map_err(|e| format!("{name}: {e}"))?;
        let shown = match &param.value {
            Value::String(text) => text.clone(),
            other => other.to_string(),
        };
        let _ = writeln!(out, "| `{name}` | {shown} | {} | {} |", param.clause, cell(&param.description));
    }
    Ok(out)
}

/// Replaces the text between `begin` and `end` (each on its own line) with `body`.
fn replace_between(doc: &str, begin: &str, end: &str, body: &str) -> Result<String, String> {
    let start = doc.find(begin).ok_or_else(|| format!("docs/rules.md lacks the line {begin}"))? + begin.len();
    let stop = doc[start..].find(end).ok_or_else(|| format!("docs/rules.md lacks the line {end}"))? + start;
    Ok(format!("{}\n{body}{}", &doc[..start], &doc[stop..]))
}

#[test]
fn the_rules_document_matches_the_code() {
    let path = doc_path();
    let current = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let regenerated = rules_table()
        .and_then(|rules| replace_between(&current, RULES_BEGIN, RULES_END, &rules))
        .and_then(|doc| params_table().and_then(|params| replace_between(&doc, PARAMS_BEGIN, PARAMS_END, &params)))
        .unwrap_or_else(|error| panic!("{error}"));
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, &regenerated).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        return;
    }
    if let Some((number, (old, new))) =
        current.lines().zip(regenerated.lines()).enumerate().find(|(_, (old, new))| old != new)
    {
        panic!(
            "docs/rules.md differs from the code at line {}:\n  file: {old}\n  code: {new}\n\
             Regenerate the tables with `UPDATE_DOCS=1 cargo test -p shenbao-core --test rules_doc`.",
            number + 1
        );
    }
    assert_eq!(
        current.lines().count(),
        regenerated.lines().count(),
        "docs/rules.md differs from the code in length. Regenerate the tables with \
         `UPDATE_DOCS=1 cargo test -p shenbao-core --test rules_doc`."
    );
}

#[test]
fn every_rule_is_one_row_and_every_parameter_one_row() {
    let rules = rules_table().unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(rules.lines().count(), RULES.len() + 2);
    assert!(rules.contains(
        "| [`sector_funds_share`](../crates/core/src/rules/sector_funds_share.rs) | 三.4 | 必须修改 blocking | 资金筹措 (`funds`) |"
    ));
    let params = params_table().unwrap_or_else(|error| panic!("{error}"));
    assert!(
        params.contains("| `sector_funds_min_share` | 0.5 | 三.4 | 整合的行业资金规模不得低于各级衔接资金总量的比例 |")
    );
    assert!(params.contains("| `min_villages` | 10 | 三 |"));
    assert_eq!(params.lines().filter(|line| line.starts_with("| `")).count(), 12);
}

#[test]
fn a_changed_table_is_found_and_rewritten_between_its_markers() {
    let doc = format!("intro\n{RULES_BEGIN}\nold table\n{RULES_END}\noutro\n");
    let rewritten = replace_between(&doc, RULES_BEGIN, RULES_END, "new table\n").expect("markers present");
    assert_eq!(rewritten, format!("intro\n{RULES_BEGIN}\nnew table\n{RULES_END}\noutro\n"));
    assert!(replace_between("no markers", RULES_BEGIN, RULES_END, "x").is_err());
}
