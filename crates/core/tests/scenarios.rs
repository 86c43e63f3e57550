//! The rule scenarios: one JSON file per case in `tests/scenarios/<rule id>/<case>.json`.
//!
//! Each case starts from a base application (`"complete"`: [`sample::complete`], which passes every rule; or
//! `"empty"`), applies an RFC 6902 JSON Patch to its JSON form, evaluates the result (as a draft when the case
//! gives `pending_inputs`) and checks the expected status, the rules that must and must not report a finding, and
//! texts a finding must say (`"says"`).
//! Every file is run and every failure is reported at once, by file name. A second test checks coverage: every
//! rule has a case where it fires and one where it does not.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use chrono::DateTime;
use serde::Deserialize;
use shenbao_core::assessment::evaluate_draft;
use shenbao_core::draft::Draft;
use shenbao_core::evaluation::{Evaluation, Status};
use shenbao_core::rules::RULES;
use shenbao_core::{Application, ParameterSet, evaluate, sample};

/// One scenario file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Scenario {
    /// What the case shows, in a sentence.
    description: String,
    /// `"complete"` or `"empty"`.
    base: String,
    /// RFC 6902 operations on the base application's JSON.
    #[serde(default)]
    patch: json_patch::Patch,
    /// When present, the case is evaluated as a draft with these pending inputs.
    #[serde(default)]
    pending_inputs: Option<BTreeMap<String, String>>,
    expect: Expect,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    #[serde(default)]
    status: Option<Status>,
    /// Rules that must report at least one finding.
    #[serde(default)]
    has: Vec<String>,
    /// Rules that must report nothing.
    #[serde(default)]
    lacks: Vec<String>,
    /// Texts some finding's message must contain (the wording a user reads).
    #[serde(default)]
    says: Vec<String>,
}

/// A scenario with the file it came from (`<rule id>/<case>.json`).
struct Case {
    name: String,
    directory: String,
    scenario: Scenario,
}

fn scenarios_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios")
}

/// Reads every case; a file that cannot be read is an error naming it.
fn load_cases(root: &Path) -> (Vec<Case>, Vec<String>) {
    let mut cases = Vec::new();
    let mut errors = Vec::new();
    let mut directories: Vec<PathBuf> = std::fs::read_dir(root)
        .map(|entries| entries.filter_map(Result::ok).map(|entry| entry.path()).collect())
        .unwrap_or_default();
    directories.sort();
    for directory in directories.iter().filter(|path| path.is_dir()) {
        let directory_name = directory.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let mut files: Vec<PathBuf> = std::fs::read_dir(directory)
            .map(|entries| entries.filter_map(Result::ok).map(|entry| entry.path()).collect())
            .unwrap_or_default();
        files.sort();
        for file in files {
            let name =
                format!("{directory_name}/{}", file.file_name().map(|n| n.to_string_lossy()).unwrap_or_default());
            if file.extension().and_then(|e| e.to_str()) != Some("json") {
                errors.push(format!("{name}: not a .json file"));
                continue;
            }
            let parsed = std::fs::read_to_string(&file)
                .map_err(|error| error.to_string())
                .and_then(|text| serde_json::from_str::<Scenario>(&text).map_err(|error| error.to_string()));
            match parsed {
                Ok(scenario) => cases.push(Case { name, directory: directory_name.clone(), scenario }),
                Err(error) => errors.push(format!("{name}: cannot read: {error}")),
            }
        }
    }
    (cases, errors)
}

fn base_application(base: &str) -> Option<Application> {
    match base {
        "complete" => Some(sample::complete()),
        "empty" => Some(Application::default()),
        _ => None,
    }
}

/// Builds and evaluates a case's application.
fn run(scenario: &Scenario) -> Result<Evaluation, String> {
    let params = ParameterSet::second_batch_2022();
    let base = base_application(&scenario.base).ok_or_else(|| format!("unknown base {:?}", scenario.base))?;
    let mut value = serde_json::to_value(&base).map_err(|e| e.to_string())?;
    json_patch::patch(&mut value, &scenario.patch).map_err(|error| format!("patch does not apply: {error}"))?;
    let application: Application = serde_path_to_error::deserialize(value)
        .map_err(|error| format!("patched application is not valid at {}: {}", error.path(), error.inner()))?;
    Ok(match &scenario.pending_inputs {
        None => evaluate(&application, &params),
        Some(pending) => {
            let mut draft = Draft::new("scenario", &params, DateTime::default());
            draft.application = application;
            draft.pending_inputs = pending.clone();
            evaluate_draft(&draft, &params)
        }
    })
}

/// Everything wrong with one case; empty when it holds.
fn check(case: &Case, known: &BTreeSet<&str>) -> Vec<String> {
    let expect = &case.scenario.expect;
    let mut problems = Vec::new();
    for id in expect.has.iter().chain(&expect.lacks) {
        if !known.contains(id.as_str()) {
            problems.push(format!("names unknown rule {id:?}"));
        }
    }
    if !known.contains(case.directory.as_str()) {
        problems.push(format!("directory {:?} is not a rule id", case.directory));
    } else if !expect.has.contains(&case.directory) && !expect.lacks.contains(&case.directory) {
        problems.push(format!("neither has nor lacks its own rule {:?}", case.directory));
    }
    let outcome = std::panic::catch_unwind(|| run(&case.scenario)).unwrap_or_else(|panic| {
        let message =
            panic.downcast_ref::<String>().cloned().or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()));
        Err(format!("evaluation panicked: {}", message.unwrap_or_default()))
    });
    let evaluation = match outcome {
        Ok(evaluation) => evaluation,
        Err(error) => {
            problems.push(error);
            return problems;
        }
    };
    for finding in &evaluation.findings {
        for field in finding.fields.iter().filter(|field| shenbao_core::catalogue::describe(field).is_none()) {
            problems.push(format!(
                "{} names the field {field:?}, which has no Chinese name (fields::describe)",
                finding.rule
            ));
        }
    }
    let fired: BTreeSet<&str> = evaluation.findings.iter().map(|f| f.rule.as_str()).collect();
    if let Some(status) = expect.status
        && status != evaluation.status
    {
        problems.push(format!("status is {:?}, expected {status:?}", evaluation.status));
    }
    for id in expect.has.iter().filter(|id| !fired.contains(id.as_str())) {
        problems.push(format!("expected a finding of {id}, got none"));
    }
    for id in expect.lacks.iter().filter(|id| fired.contains(id.as_str())) {
        let messages: Vec<&str> =
            evaluation.findings.iter().filter(|f| &f.rule == id).map(|f| f.message.as_str()).collect();
        problems.push(format!("expected no finding of {id}, got {messages:?}"));
    }
    for text in expect.says.iter().filter(|text| !evaluation.findings.iter().any(|f| f.message.contains(text.as_str())))
    {
        problems.push(format!("expected a finding saying {text:?}"));
    }
    if !problems.is_empty() {
        problems.push(format!("(rules that fired: {fired:?})"));
    }
    problems
}

/// Rules without a case where they fire or without one where they do not.
fn coverage_gaps<'a>(rule_ids: impl IntoIterator<Item = &'a str>, cases: &[Case]) -> Vec<String> {
    let mut gaps = Vec::new();
    for id in rule_ids {
        let has = cases.iter().any(|case| case.scenario.expect.has.iter().any(|h| h == id));
        let lacks = cases.iter().any(|case| case.scenario.expect.lacks.iter().any(|l| l == id));
        if !has {
            gaps.push(format!("{id}: no case where it fires (in \"has\")"));
        }
        if !lacks {
            gaps.push(format!("{id}: no case where it does not fire (in \"lacks\")"));
        }
    }
    gaps
}

#[test]
fn every_scenario_holds() {
    let (cases, mut failures) = load_cases(&scenarios_dir());
    let known: BTreeSet<&str> = RULES.iter().map(|rule| rule.id).collect();
    for case in &cases {
        let problems = check(case, &known);
        if !problems.is_empty() {
            failures.push(format!("{} ({}):\n    {}", case.name, case.scenario.description, problems.join("\n    ")));
        }
    }
    assert!(cases.len() >= 100, "only {} scenario files found in {}", cases.len(), scenarios_dir().display());
    assert!(failures.is_empty(), "{} of {} scenarios fail:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

#[test]
fn every_rule_has_cases_where_it_fires_and_where_it_does_not() {
    let (cases, errors) = load_cases(&scenarios_dir());
    assert!(errors.is_empty(), "{errors:#?}");
    let gaps = coverage_gaps(RULES.iter().map(|rule| rule.id), &cases);
    assert!(gaps.is_empty(), "rules missing scenarios:\n{}", gaps.join("\n"));
}

#[test]
fn the_coverage_check_reports_a_rule_without_cases() {
    let case = |has: &[&str], lacks: &[&str]| Case {
        name: "synthetic".into(),
        directory: "synthetic".into(),
        scenario: Scenario {
            description: String::new(),
            base: "complete".into(),
            patch: json_patch::Patch(Vec::new()),
            pending_inputs: None,
            expect: Expect {
                status: None,
                has: has.iter().map(|s| (*s).to_owned()).collect(),
                lacks: lacks.iter().map(|s| (*s).to_owned()).collect(),
                says: Vec::new(),
            },
        },
    };
    let cases = [case(&["a"], &["b"]), case(&["b"], &["a"]), case(&["c"], &[])];
    assert_eq!(
        coverage_gaps(["a", "b", "c", "d"], &cases),
        [
            "c: no case where it does not fire (in \"lacks\")",
            "d: no case where it fires (in \"has\")",
            "d: no case where it does not fire (in \"lacks\")",
        ]
    );
}

#[test]
fn a_failing_case_is_reported_with_what_went_wrong() {
    let known: BTreeSet<&str> = RULES.iter().map(|rule| rule.id).collect();
    let scenario: Scenario = serde_json::from_value(serde_json::json!({
        "description": "a wrong expectation",
        "base": "complete",
        "patch": [{"op": "replace", "path": "/governance/task_force", "value": false}],
        "expect": {"status": "ready", "has": ["leader_in_charge"], "lacks": ["task_force", "no_such_rule"]}
    }))
    .expect("a valid scenario");
    let case = Case { name: "task_force/wrong.json".into(), directory: "task_force".into(), scenario };
    let problems = check(&case, &known);
    assert_eq!(problems[0], "names unknown rule \"no_such_rule\"");
    assert_eq!(problems[1], "status is Blocked, expected Ready");
    assert_eq!(problems[2], "expected a finding of leader_in_charge, got none");
    assert!(problems[3].starts_with("expected no finding of task_force, got [\"尚未成立工作专班。"), "{problems:#?}");
}

#[test]
fn a_patch_that_breaks_the_model_is_an_error_with_its_path() {
    let scenario: Scenario = serde_json::from_value(serde_json::json!({
        "description": "an amount written as a number",
        "base": "empty",
        "patch": [{"op": "replace", "path": "/funds/loans", "value": 12.5}],
        "expect": {}
    }))
    .expect("a valid scenario");
    let error = run(&scenario).expect_err("a number is not an amount");
    assert!(error.starts_with("patched application is not valid at funds.loans:"), "{error}");
}
