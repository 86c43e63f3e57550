//! Re-running the rules on a verified bundle: the reviewer trusts this tool's evaluation, not the one recorded in
//! the file. Differences are reported, not treated as failures: a bundle made by an older app version may record
//! findings whose wording or set has since changed, and its signature is no less valid for that. What the reviewer
//! is shown as the status is the recomputed one.

use std::collections::BTreeSet;
use std::fmt;

use serde_json::Value;

use crate::bundle::Bundle;
use crate::draft::{Draft, Readiness};
use crate::evaluation::{Evaluation, Status, evaluate};
use crate::money::Wan;
use crate::params::ParameterSet;

/// The rules re-run on a bundle's application.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recheck {
    /// The evaluation this tool computes now.
    pub evaluation: Evaluation,
    /// 可以提交: nothing blocks and every warning has a justification in the bundle.
    pub ready: bool,
    /// How the recorded evaluation differs from the recomputed one; empty when they agree.
    pub differences: Vec<Difference>,
}

impl Recheck {
    /// Re-runs the rules of `params` on the bundle's application and compares with what it records.
    pub fn of(bundle: &Bundle, params: &ParameterSet) -> Recheck {
        let evaluation = evaluate(&bundle.application, params);
        let as_draft = Draft::of_bundle(bundle, params);
        let ready = Readiness::of(&as_draft, &evaluation).is_ready();
        let differences = differences(&bundle.evaluation.evaluation, &evaluation);
        Recheck { evaluation, ready, differences }
    }

    /// 可以提交 or 不能提交.
    pub fn status_label(&self) -> &'static str {
        if self.ready { "可以提交" } else { "不能提交" }
    }

    /// All linkage funds (衔接资金总量), as recomputed.
    pub fn linkage_total(&self) -> Wan {
        self.evaluation.figures.linkage_total
    }
}

/// One way the recorded evaluation differs from the recomputed one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Difference {
    /// The overall status differs.
    Status {
        /// As recorded in the bundle.
        recorded: Status,
        /// As computed now.
        recomputed: Status,
    },
    /// A finding (by key, `rule` or `rule@subject`) the bundle records but the rules no longer find.
    OnlyRecorded(String),
    /// A finding the rules find now that the bundle does not record.
    OnlyRecomputed(String),
    /// A figure (by member name of [`crate::Figures`]) whose value differs.
    Figure(String),
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Difference::Status { recorded, recomputed } => write!(
                f,
                "申报包记录的状态为「{}」，本工具重新计算为「{}」",
                status_label(*recorded),
                status_label(*recomputed)
            ),
            Difference::OnlyRecorded(key) => write!(f, "申报包记录了检查结果 {key}，重新计算时没有"),
            Difference::OnlyRecomputed(key) => write!(f, "重新计算发现 {key}，申报包没有记录"),
            Difference::Figure(name) => write!(f, "计算结果 {name} 与申报包记录的不一致"),
        }
    }
}

fn status_label(status: Status) -> &'static str {
    match status {
        Status::Ready => "无必须修改的问题",
        Status::Blocked => "有必须修改的问题",
    }
}

fn differences(recorded: &Evaluation, recomputed: &Evaluation) -> Vec<Difference> {
    let mut differences = Vec::new();
    if recorded.status != recomputed.status {
        differences.push(Difference::Status { recorded: recorded.status, recomputed: recomputed.status });
    }
    // Sets are filled with `extend` (one insert at a time), not `collect` (a sort compiled for each call: wasm size).
    let keys = |evaluation: &Evaluation| {
        let mut keys = BTreeSet::new();
        keys.extend(evaluation.findings.iter().map(|f| f.key()));
        keys
    };
    let (recorded_keys, recomputed_keys) = (keys(recorded), keys(recomputed));
    differences.extend(recorded_keys.difference(&recomputed_keys).cloned().map(Difference::OnlyRecorded));
    differences.extend(recomputed_keys.difference(&recorded_keys).cloned().map(Difference::OnlyRecomputed));
    let members = |evaluation: &Evaluation| match serde_json::to_value(&evaluation.figures) {
        Ok(Value::Object(members)) => members,
        _ => Default::default(),
    };
    let (recorded_figures, recomputed_figures) = (members(recorded), members(recomputed));
    let mut names: BTreeSet<&String> = BTreeSet::new();
    names.extend(recorded_figures.keys().chain(recomputed_figures.keys()));
    differences.extend(
        names
            .into_iter()
            .filter(|name| recorded_figures.get(*name) != recomputed_figures.get(*name))
            .map(|name| Difference::Figure(name.clone())),
    );
    differences
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evaluation::{Finding, FindingKind, Severity};
    use crate::sample;

    fn finding(rule: &str) -> Finding {
        Finding {
            rule: rule.into(),
            clause: "三.4".into(),
            severity: Severity::Warning,
            message: String::new(),
            fields: Vec::new(),
            subject: None,
            kind: FindingKind::Problem,
        }
    }

    #[test]
    fn lists_every_kind_of_difference() {
        let params = ParameterSet::second_batch_2022();
        let recomputed = evaluate(&sample::complete(), &params);
        assert!(differences(&recomputed, &recomputed).is_empty());
        let mut recorded = recomputed.clone();
        recorded.status = Status::Blocked;
        recorded.findings.push(finding("invented_rule"));
        recorded.figures.linkage_total = Wan::from_whole(1);
        let found: Vec<String> = differences(&recorded, &recomputed).iter().map(ToString::to_string).collect();
        assert_eq!(
            found,
            [
                "申报包记录的状态为「有必须修改的问题」，本工具重新计算为「无必须修改的问题」",
                "申报包记录了检查结果 invented_rule，重新计算时没有",
                "计算结果 linkage_total 与申报包记录的不一致",
            ]
        );
        assert_eq!(differences(&recomputed, &recorded)[1], Difference::OnlyRecomputed("invented_rule".into()));
    }
}
