//! The status of each wizard step and of the whole draft, as the task list shows them.

use serde::{Deserialize, Serialize};

use crate::assessment::is_justified;
use crate::catalogue::{Field, ItemList, step_of_path};
use crate::draft::Draft;
use crate::evaluation::{Evaluation, FindingKind, Severity};
use crate::model::Application;
use crate::rules::Step;

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
