//! Assessment of a draft: its evaluation, whether it can be submitted, what is still open, and the status of each
//! wizard step — computed once, here, for every page, the CLI and the verifier.
//!
//! A finding is **open** while it needs the county's attention: a blocking finding, or a warning (a "原则上"
//! requirement) without its written justification. The application can be submitted (可以提交) when nothing is
//! open; otherwise it cannot yet (尚不能提交), and [`Readiness::remaining_text`] says what is left. A wizard step is
//! 未开始 until something on it is answered, then 有问题 while it has an open problem, 进行中 while something is
//! still to fill in, and 已完成.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::catalogue::{Field, ItemList, step_of_path};
use crate::draft::Draft;
use crate::evaluation::{Evaluation, evaluate_with};
use crate::finding::{Finding, FindingKind, Severity, Status, Step};
use crate::model::Application;
use crate::params::ParameterSet;

/// Evaluates a draft: the application's findings, with one `input_format` finding per field whose typed text could
/// not be read (a field holding such text is reported as malformed, not also as missing).
pub fn evaluate_draft(draft: &Draft, params: &ParameterSet) -> Evaluation {
    evaluate_with(&draft.application, &draft.pending_inputs, params)
}

/// True when `justifications` holds a non-blank justification for this finding (under [`Finding::key`]).
pub fn is_justified(justifications: &BTreeMap<String, String>, finding: &Finding) -> bool {
    justifications.get(&finding.key()).is_some_and(|text| !text.trim().is_empty())
}

/// True while a finding needs the county's attention: it blocks, or it is a warning without a justification.
pub fn is_open(justifications: &BTreeMap<String, String>, finding: &Finding) -> bool {
    match finding.severity {
        Severity::Blocking => true,
        Severity::Warning => !is_justified(justifications, finding),
        Severity::Info => false,
    }
}

/// Whether an application may be exported as a signed bundle: nothing blocks and every warning has a
/// justification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Readiness {
    /// Blocking findings.
    pub blocking: usize,
    /// Warnings without a justification.
    pub unjustified: Vec<Finding>,
}

impl Readiness {
    /// Judges an evaluation against the justifications written for it.
    pub fn of(justifications: &BTreeMap<String, String>, evaluation: &Evaluation) -> Readiness {
        Readiness {
            blocking: evaluation.with_severity(Severity::Blocking).count(),
            unjustified: evaluation
                .with_severity(Severity::Warning)
                .filter(|finding| !is_justified(justifications, finding))
                .cloned()
                .collect(),
        }
    }

    /// True when the application can be submitted (可以提交).
    pub fn is_ready(&self) -> bool {
        self.blocking == 0 && self.unjustified.is_empty()
    }

    /// [`Status::Ready`] when the application can be submitted, else [`Status::Blocked`].
    pub fn status(&self) -> Status {
        if self.is_ready() { Status::Ready } else { Status::Blocked }
    }

    /// 可以提交 or 尚不能提交.
    pub fn label(&self) -> &'static str {
        status_label(self.status())
    }

    /// What stands between the application and 可以提交, leaving out what is zero: `2 个问题必须修改，1 个事项需要
    /// 填写理由`, or one of the two; empty when it can be submitted.
    pub fn remaining_text(&self) -> String {
        let mut parts = Vec::new();
        if self.blocking > 0 {
            parts.push(format!("{} 个问题必须修改", self.blocking));
        }
        if !self.unjustified.is_empty() {
            parts.push(format!("{} 个事项需要填写理由", self.unjustified.len()));
        }
        parts.join("，")
    }

    /// The status in one sentence: `可以提交：没有必须修改的问题，需说明理由的事项均已填写理由。` or
    /// `尚不能提交：2 个问题必须修改。`.
    pub fn sentence(&self) -> String {
        if self.is_ready() {
            format!("{}：没有必须修改的问题，需说明理由的事项均已填写理由。", self.label())
        } else {
            format!("{}：{}。", self.label(), self.remaining_text())
        }
    }
}

/// 可以提交 or 尚不能提交: the one wording of the application's status.
pub fn status_label(status: Status) -> &'static str {
    match status {
        Status::Ready => "可以提交",
        Status::Blocked => "尚不能提交",
    }
}

/// Everything the pages show about a draft's state, computed once per change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    /// The findings and figures.
    pub evaluation: Evaluation,
    /// Whether it can be submitted.
    pub readiness: Readiness,
    /// The positions in `evaluation.findings` of the open findings ([`is_open`]), in order.
    pub open: Vec<usize>,
    /// The status of each step, in wizard order.
    pub steps: Vec<(Step, StepStatus)>,
}

impl Assessment {
    /// Assesses a draft under `params`.
    pub fn of_draft(draft: &Draft, params: &ParameterSet) -> Assessment {
        let evaluation = evaluate_draft(draft, params);
        let readiness = Readiness::of(&draft.justifications, &evaluation);
        let open = (0..evaluation.findings.len())
            .filter(|index| is_open(&draft.justifications, &evaluation.findings[*index]))
            .collect();
        let steps = Step::ALL.into_iter().map(|step| (step, step_status(draft, &evaluation, step))).collect();
        Assessment { evaluation, readiness, open, steps }
    }

    /// The open findings, in order.
    pub fn open_findings(&self) -> impl Iterator<Item = &Finding> {
        self.open.iter().filter_map(|index| self.evaluation.findings.get(*index))
    }

    /// The open findings of one step (where they are fixed).
    pub fn open_on(&self, step: Step) -> impl Iterator<Item = &Finding> {
        self.open_findings().filter(move |finding| finding.step() == step)
    }

    /// The status of one step.
    pub fn step(&self, step: Step) -> StepStatus {
        self.steps.iter().find(|(s, _)| *s == step).map_or(StepStatus::NotStarted, |(_, status)| *status)
    }

    /// How many steps are completed.
    pub fn completed_steps(&self) -> usize {
        self.steps.iter().filter(|(_, status)| *status == StepStatus::Completed).count()
    }
}

/// A step's status on the task list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepStatus {
    /// 未开始: nothing entered yet.
    NotStarted,
    /// 进行中: started, something still to fill in.
    InProgress,
    /// 有问题: an answer breaks a rule, or a warning lacks its justification.
    HasProblems,
    /// 已完成: nothing left to do on this step.
    Completed,
}

impl StepStatus {
    /// Chinese label.
    pub fn label(self) -> &'static str {
        match self {
            StepStatus::NotStarted => "未开始",
            StepStatus::InProgress => "进行中",
            StepStatus::HasProblems => "有问题",
            StepStatus::Completed => "已完成",
        }
    }

    /// Identifier for CSS modifiers and tests.
    pub fn key(self) -> &'static str {
        match self {
            StepStatus::NotStarted => "not-started",
            StepStatus::InProgress => "in-progress",
            StepStatus::HasProblems => "has-problems",
            StepStatus::Completed => "completed",
        }
    }
}

/// The status of one step of a draft, given the draft's evaluation.
pub fn step_status(draft: &Draft, evaluation: &Evaluation, step: Step) -> StepStatus {
    let mut missing = false;
    let mut problem = false;
    for finding in evaluation.findings.iter().filter(|f| f.step() == step) {
        match (finding.severity, finding.kind) {
            (Severity::Info, _) => {}
            (Severity::Warning, _) if is_justified(&draft.justifications, finding) => {}
            (Severity::Warning, _) | (Severity::Blocking, FindingKind::Problem) => problem = true,
            (Severity::Blocking, FindingKind::Missing) => missing = true,
        }
    }
    let started = step_started(&draft.application, step)
        || draft.pending_inputs.keys().any(|path| step_of_path(path) == Some(step));
    match (started, problem, missing) {
        (false, _, _) => StepStatus::NotStarted,
        (true, true, _) => StepStatus::HasProblems,
        (true, false, true) => StepStatus::InProgress,
        (true, false, false) => StepStatus::Completed,
    }
}

/// True when anything has been entered on the step: an answer to one of its questions, or an item in one of its
/// lists.
pub fn step_started(application: &Application, step: Step) -> bool {
    ItemList::ALL.into_iter().any(|list| list.step() == step && !list.ids(application).is_empty())
        || Field::of_step(step)
            .filter(|field| field.list().is_none())
            .any(|field| field.at().get(application).is_some_and(|answer| !answer.is_empty()))
}

/// How many of the steps are completed, out of [`Step::ALL`].
pub fn completed_steps(draft: &Draft, evaluation: &Evaluation) -> usize {
    Step::ALL.into_iter().filter(|step| step_status(draft, evaluation, *step) == StepStatus::Completed).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evaluation::Status;

    fn draft() -> Draft {
        let mut draft = Draft::new("测试", &ParameterSet::second_batch_2022(), chrono::DateTime::default());
        draft.application = crate::sample::complete();
        draft
    }

    #[test]
    fn a_malformed_field_is_reported_once_not_also_as_missing() {
        let mut draft = draft();
        draft.application.funds.provincial_linkage_funds = None;
        draft.pending_inputs.insert("funds.provincial_linkage_funds".into(), "25OO".into());
        let evaluation = evaluate_draft(&draft, &ParameterSet::second_batch_2022());
        let rules: Vec<&str> = evaluation.findings.iter().map(|f| f.rule.as_str()).collect();
        assert_eq!(rules.first(), Some(&"input_format"));
        assert!(!rules.contains(&"provincial_linkage_declared"), "{rules:?}");
        assert_eq!(evaluation.status, Status::Blocked);
    }

    #[test]
    fn the_status_reads_the_same_everywhere() {
        let mut draft = draft();
        let ready = Assessment::of_draft(&draft, &ParameterSet::second_batch_2022());
        assert_eq!(ready.readiness.sentence(), "可以提交：没有必须修改的问题，需说明理由的事项均已填写理由。");
        assert_eq!(ready.completed_steps(), Step::ALL.len());
        assert!(ready.open.is_empty());
        draft.application.governance.land_quota_needed = Some(true);
        draft.application.governance.land_quota_arranged = Some(false);
        draft.application.governance.leader_in_charge.clear();
        let blocked = Assessment::of_draft(&draft, &ParameterSet::second_batch_2022());
        assert_eq!(blocked.readiness.label(), "尚不能提交");
        assert_eq!(blocked.readiness.sentence(), "尚不能提交：1 个问题必须修改，1 个事项需要填写理由。");
        assert_eq!(blocked.open_on(Step::Governance).count(), 2);
        draft.justifications.insert("land_quota".into(), "理由".into());
        let justified = Assessment::of_draft(&draft, &ParameterSet::second_batch_2022());
        assert_eq!(justified.readiness.remaining_text(), "1 个问题必须修改");
        assert_eq!(justified.open_on(Step::Governance).count(), 1);
    }
}
