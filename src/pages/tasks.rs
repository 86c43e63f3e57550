use leptos::prelude::*;
use shenbao_core::assessment::StepStatus;
use shenbao_core::rules::Step;

use crate::draft_context::DraftCtx;
use crate::route::Route;
use crate::state::AppState;

/// The home of a draft (GOV.UK task list): each step with its status, the overall progress and status, the
/// draft's name.
#[component]
pub fn TaskList() -> impl IntoView {
    let ctx = expect_context::<DraftCtx>();
    let app = expect_context::<AppState>();
    let id = ctx.id.get_value();
    let statuses =
        Memo::new(move |_| ctx.assessment.with(|a| a.steps.iter().map(|(_, status)| *status).collect::<Vec<_>>()));
    let completed = Memo::new(move |_| ctx.assessment.with(|a| a.completed_steps()));
    let readiness = Memo::new(move |_| ctx.assessment.with(|a| a.readiness.clone()));
    let ready = Memo::new(move |_| readiness.with(|r| r.is_ready()));
    let rows = Step::ALL
        .into_iter()
        .enumerate()
        .map(|(index, step)| {
            let status = move || statuses.with(|s| s.get(index).copied().unwrap_or(StepStatus::NotStarted));
            view! {
                <li class="app-task-list__item" data-step=step.key()>
                    <a class="app-task-list__link" href=Route::Step(id.clone(), step).href()>{step.heading()}</a>
                    <span class=move || format!("app-tag app-tag--{}", status().key()) data-status=move || status().key()>{move || status().label()}</span>
                </li>
            }
        })
        .collect_view();
    let name = ctx.draft_text(
        "draft-name",
        crate::binding::Spec {
            label: "草稿名称".into(),
            hint: Some("只用于在本机区分草稿，不影响申报内容。".into()),
            kind: shenbao_core::catalogue::Kind::Text,
            optional: false,
            conditional: false,
        },
        |d| d.name.clone(),
        |d, text| d.name = text,
    );
    let download = move |_| {
        if let Err(error) = ctx.download() {
            app.save_error.set(Some(error));
        }
    };
    view! {
        <p><a href="#/">"← 我的草稿"</a></p>
        <h1 class="app-heading app-heading--l">"申报任务清单"</h1>
        <p class="app-draft-name"><crate::components::SaveState /></p>
        <crate::components::TextInput binding=name />
        <p class="app-task-list__progress" id="progress">{move || format!("已完成 {} / {} 个步骤", completed.get(), Step::ALL.len())}</p>
        <p class="app-task-list__status" id="overall-status">
            "申报状态："
            <strong class=move || if ready.get() { "app-status app-status--ready" } else { "app-status app-status--blocked" } data-ready=move || ready.get().to_string()>
                {move || readiness.with(|r| r.label())}
            </strong>
        </p>
        <ol class="app-task-list">
            {rows}
            <li class="app-task-list__item" data-step="review">
                <a class="app-task-list__link" href=Route::Review(id.clone()).href()>"8. 核对与导出"</a>
            </li>
        </ol>
        <div class="app-button-group">
            <a class="app-button" href=Route::Step(id.clone(), Step::Applicant).href()>
                {move || if statuses.with(|s| s.iter().all(|status| *status == StepStatus::NotStarted)) { "开始填写" } else { "继续填写" }}
            </a>
            <button type="button" class="app-button app-button--secondary" id="download-draft" on:click=download>"下载草稿文件（备份）"</button>
        </div>
    }
}
