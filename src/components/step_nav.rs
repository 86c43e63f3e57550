use leptos::prelude::*;
use shenbao_core::evaluation::{FindingKind, Severity};
use shenbao_core::rules::Step;

use crate::draft_context::DraftCtx;
use crate::route::Route;

/// The steps of the wizard with their status, beside the form; the current one is marked for screen readers.
#[component]
pub fn StepNav(
    /// The page shown: a step, or `None` for the task list or the review page.
    current: Option<Step>,
    /// Whether the review page is shown.
    #[prop(optional)]
    review: bool,
) -> impl IntoView {
    let ctx = expect_context::<DraftCtx>();
    let id = ctx.id.get_value();
    let statuses = Memo::new(move |_| ctx.assessment.with(|a| a.steps.clone()));
    let items = Step::ALL
        .into_iter()
        .map(|step| {
            let status = move || {
                statuses
                    .with(|s| s.iter().find(|(s, _)| *s == step).map(|(_, status)| *status))
                    .unwrap_or(shenbao_core::assessment::StepStatus::NotStarted)
            };
            view! {
                <li class="app-step-nav__item" class:app-step-nav__item--current=current == Some(step)>
                    <a href=Route::Step(id.clone(), step).href() aria-current=(current == Some(step)).then_some("step")>
                        {step.heading()}
                    </a>
                    <span class=move || format!("app-tag app-tag--{}", status().key())>{move || status().label()}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="app-step-nav" aria-label="申报步骤">
            <a class="app-step-nav__home" href=Route::Tasks(id.clone()).href()>"任务清单"</a>
            <ol class="app-step-nav__list">
                {items}
                <li class="app-step-nav__item" class:app-step-nav__item--current=review>
                    <a href=Route::Review(id.clone()).href() aria-current=review.then_some("step")>"8. 核对与导出"</a>
                </li>
            </ol>
        </nav>
    }
}

/// "上一步" and "保存并继续" at the bottom of a step. Everything is saved as it is typed, so continuing goes to the
/// next step, also with questions still unanswered (尚未填写: drafts are filled over days). Only when the step has
/// something that must be corrected (a blocking problem, typed text that is not a valid value) does the first press
/// stay, move focus to the findings (the error summary) and say so; pressing again, or 仍然继续, goes on.
#[component]
pub fn StepFooter(
    /// The step shown.
    step: Step,
) -> impl IntoView {
    let ctx = expect_context::<DraftCtx>();
    let id = ctx.id.get_value();
    let index = Step::ALL.iter().position(|s| *s == step).unwrap_or(0);
    let previous = index.checked_sub(1).map(|i| Route::Step(id.clone(), Step::ALL[i]));
    let next = Step::ALL.get(index + 1).map(|s| Route::Step(id.clone(), *s)).unwrap_or(Route::Review(id.clone()));
    let warned = RwSignal::new(false);
    let must_correct = Memo::new(move |_| {
        ctx.evaluation(|e| {
            e.findings
                .iter()
                .any(|f| f.step() == step && f.severity == Severity::Blocking && f.kind == FindingKind::Problem)
        })
    });
    let next_href = next.href();
    let continue_href = next_href.clone();
    let on_continue = move |_| {
        if must_correct.get_untracked() && !warned.get_untracked() {
            warned.set(true);
            crate::browser::focus_element("findings");
        } else {
            crate::browser::release_focus();
            crate::browser::go(&continue_href);
        }
    };
    view! {
        <div class="app-step-footer">
            <Show when=move || warned.get() && must_correct.get()>
                <p class="app-step-footer__note" role="status" id="continue-note">
                    "本步骤有必须修改的问题（见页面顶部“必须修改”）。您可以先修改，也可以继续填写其他步骤，稍后再回来处理；修改前不能导出申报包。"
                    <a href=next_href.clone()>"仍然继续"</a>
                </p>
            </Show>
            <div class="app-button-group">
                <button type="button" class="app-button" id="continue" on:click=on_continue>"保存并继续"</button>
                {previous.map(|route| view! { <a class="app-button app-button--secondary" href=route.href()>"上一步"</a> })}
            </div>
            <p class="app-step-footer__saved">"所有修改在输入时已自动保存在本机浏览器中。"</p>
        </div>
    }
}
