//! Re-running the rules on a verified bundle: the reviewer trusts this tool's evaluation, not the one recorded in
//! the file. Differences are reported, not treated as failures: a bundle made by an older app version may record
//! findings whose wording or set has since changed, and its signature is no less valid for that. What the reviewer
//! is shown as the status is the recomputed one.

use std::collections::BTreeSet;
use std::fmt;

use serde_json::Value;

use crate::assessment::Readiness;
use crate::bundle::Bundle;
use crate::evaluation::{Evaluation, Finding, Status, evaluate};
use crate::money::Wan;
use crate::params::ParameterSet;

/// The rules re-run on a bundle's application.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recheck {
    /// The evaluation this tool computes now.
    pub evaluation: Evaluation,
    /// Whether it can be submitted: nothing blocks and every warning has a justification in the bundle.
    pub readiness: Readiness,
    /// How the recorded evaluation differs from the recomputed one; empty when they agree.
    pub differences: Vec<Difference>,
}

impl Recheck {
    /// Re-runs the rules of `params` on the bundle's application and compares with what it records.
    pub fn of(bundle: &Bundle, params: &ParameterSet) -> Recheck {
        let evaluation = evaluate(&bundle.application, params);
        let readiness = Readiness::of(&bundle.justifications, &evaluation);
        let differences = differences(&bundle.evaluation.evaluation, &evaluation, params);
        Recheck { evaluation, readiness, differences }
    }

    /// 可以提交: nothing blocks and every warning has a justification in the bundle.
    pub fn is_ready(&self) -> bool {
        self.readiness.is_ready()
    }

    /// 可以提交 or 尚不能提交.
    pub fn status_label(&self) -> &'static str {
        self.readiness.label()
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
    /// A finding (compared by key, `rule` or `rule@subject`) the bundle records but the rules no longer find.
    OnlyRecorded(Finding),
    /// A finding the rules find now that the bundle does not record.
    OnlyRecomputed(Finding),
    /// A figure (by member name of [`crate::Figures`]) whose value differs.
    Figure(String),
}

/// Said to people (the CLI's 备注 and the app's 核验申报包 page) in Chinese: a finding by what it says and the
/// clause it cites, a figure by its name; never by an internal id.
impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Difference::Status { recorded, recomputed } => write!(
                f,
                "申报包记录的状态为「{}」，本工具重新计算为「{}」",
                status_label(*recorded),
                status_label(*recomputed)
            ),
            Difference::OnlyRecorded(finding) => {
                write!(f, "申报包记录的问题，重新计算时没有：{}", finding_in_words(finding))
            }
            Difference::OnlyRecomputed(finding) => {
                write!(f, "重新计算发现申报包没有记录的问题：{}", finding_in_words(finding))
            }
            Difference::Figure(name) => {
                write!(f, "计算结果「{}」与申报包记录的不一致", crate::Figures::label(name).unwrap_or(name))
            }
        }
    }
}

/// A finding for people: `〔必须修改，通知四.3〕` and its message (without its final `。`); without a message (the
/// rule's summary is put there when the difference is found), its key (all the bundle gives).
fn finding_in_words(finding: &Finding) -> String {
    let clause = finding.clause.trim();
    let clause = if clause.is_empty() { String::new() } else { format!("，通知{clause}") };
    // Without its final 。: the notes are joined with ；.
    let message = finding.message.trim().trim_end_matches('。').trim_end();
    let text = if message.is_empty() { finding.key() } else { message.to_owned() };
    format!("〔{}{clause}〕{text}", finding.severity.label())
}

fn status_label(status: Status) -> &'static str {
    match status {
        Status::Ready => "无必须修改的问题",
        Status::Blocked => "有必须修改的问题",
    }
}

/// The differences between a recorded and a recomputed evaluation. A finding that carries no message (a bundle
/// made by hand or by another tool) is told by its rule's summary under `params`, when this version knows the rule.
fn differences(recorded: &Evaluation, recomputed: &Evaluation, params: &ParameterSet) -> Vec<Difference> {
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
    // In each evaluation's own order (rule order, then item order), each key once.
    let only = |evaluation: &Evaluation, other: &BTreeSet<String>| {
        let mut seen = BTreeSet::new();
        let mut only = Vec::new();
        only.extend(evaluation.findings.iter().filter(|f| !other.contains(&f.key()) && seen.insert(f.key())).cloned());
        for finding in &mut only {
            if finding.message.trim().is_empty()
                && let Some(rule) = crate::rules::rule(&finding.rule)
            {
                finding.message = (rule.summary)(params);
            }
        }
        only
    };
    differences.extend(only(recorded, &recomputed_keys).into_iter().map(Difference::OnlyRecorded));
    differences.extend(only(recomputed, &recorded_keys).into_iter().map(Difference::OnlyRecomputed));
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
        assert!(differences(&recomputed, &recomputed, &params).is_empty());
        let mut recorded = recomputed.clone();
        recorded.status = Status::Blocked;
        recorded.findings.push(finding("invented_rule"));
        recorded.figures.linkage_total = Wan::from_whole(1);
        let found: Vec<String> = differences(&recorded, &recomputed, &params).iter().map(ToString::to_string).collect();
        assert_eq!(
            found,
            [
                "申报包记录的状态为「有必须修改的问题」，本工具重新计算为「无必须修改的问题」",
                "申报包记录的问题，重新计算时没有：〔需说明理由，通知三.4〕invented_rule",
                "计算结果「衔接资金总量」与申报包记录的不一致",
            ]
        );
        assert_eq!(
            differences(&recomputed, &recorded, &params)[1],
            Difference::OnlyRecomputed(finding("invented_rule"))
        );
    }

    /// QA: "重新计算发现 funding_source_totals@provincial_linkage", "计算结果 declared_by_source / sector_minimum
    /// 与申报包记录的不一致": ids instead of words.
    #[test]
    fn differences_are_told_in_words_not_ids() {
        let params = ParameterSet::second_batch_2022();
        let recorded = evaluate(&sample::complete(), &params);
        let mut application = sample::complete();
        application.funds.provincial_linkage_funds = Some(Wan::from_whole(2400));
        let recomputed = evaluate(&application, &params);
        let found: Vec<String> = differences(&recorded, &recomputed, &params).iter().map(ToString::to_string).collect();
        let text = found.join("\n");
        for id in ["funding_source_totals", "provincial_linkage", "declared_by_source", "sector_minimum", "_"] {
            assert!(!text.contains(id), "{id:?} in {text}");
        }
        let new_finding = recomputed.findings.iter().find(|f| f.rule == "funding_source_totals").expect("a finding");
        assert!(
            found.contains(&format!(
                "重新计算发现申报包没有记录的问题：〔必须修改，通知四.3〕{}",
                new_finding.message.trim_end_matches('。')
            )),
            "{text}"
        );
        for name in ["各资金来源筹措金额", "行业资金最低要求", "衔接资金总量"] {
            assert!(found.contains(&format!("计算结果「{name}」与申报包记录的不一致")), "{name}: {text}");
        }
    }

    #[test]
    fn a_finding_without_a_message_is_told_by_its_rule() {
        let mut known = finding("funding_source_totals");
        known.subject = Some("provincial_linkage".into());
        let rule = crate::rules::RULES.iter().find(|rule| rule.id == "funding_source_totals").expect("the rule");
        let params = ParameterSet::second_batch_2022();
        let recomputed = evaluate(&sample::complete(), &params);
        let mut recorded = recomputed.clone();
        recorded.findings.push(known);
        assert_eq!(
            differences(&recorded, &recomputed, &params)[0].to_string(),
            format!("申报包记录的问题，重新计算时没有：〔需说明理由，通知三.4〕{}", (rule.summary)(&params))
        );
        let mut described = finding("invented_rule");
        described.message = " 旧版本的说法。 ".into();
        described.clause = String::new();
        assert_eq!(
            Difference::OnlyRecomputed(described).to_string(),
            "重新计算发现申报包没有记录的问题：〔需说明理由〕旧版本的说法"
        );
    }

    #[test]
    fn every_figure_has_a_chinese_name() {
        let Ok(Value::Object(members)) = serde_json::to_value(crate::Figures::default()) else {
            panic!("figures are an object")
        };
        assert!(!members.is_empty());
        for name in members.keys() {
            assert_ne!(crate::Figures::label(name).unwrap_or(name), name, "add {name} to figure_name");
        }
    }
}
