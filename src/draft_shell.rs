use leptos::prelude::*;
use shenbao_core::draft::Draft;
use shenbao_core::rules::Step;

use crate::components::StepNav;
use crate::draft_context::DraftCtx;
use crate::route::{Route, Router};
use crate::state::AppState;
use crate::store::{self, LoadError};
use crate::{browser, pages};

/// Opens a stored draft and shows the page of the current route within it; a missing or unreadable draft gets
/// a page saying so, with the stored text offered for download.
#[component]
pub fn DraftShell(
    /// The draft's storage id.
    id: String,
) -> impl IntoView {
    let app = expect_context::<AppState>();
    let router = expect_context::<Router>();
    // Content typed while storage was full, kept by the app while the pages were left: shown again, not lost.
    let unsaved = app.unsaved.with_untracked(|unsaved| unsaved.get(&id).and_then(|text| Draft::from_json(text).ok()));
    match store::load(&id) {
        Ok(stored) => {
            let ctx = DraftCtx::open(id, stored, unsaved, app);
            provide_context(ctx);
            let flush = window_event_listener(leptos::ev::pagehide, move |_| ctx.flush(app));
            let hide = window_event_listener(leptos::ev::visibilitychange, move |_| ctx.flush(app));
            let others = ctx.follow_other_tabs(app);
            on_cleanup(move || {
                ctx.close(app);
                flush.remove();
                hide.remove();
                others.remove();
            });
            let page = move || {
                let route = router.route.get();
                let name = ctx.draft.with_untracked(|d| d.name.clone());
                match route {
                    Route::Step(_, step) => {
                        browser::set_title(&format!("{} - {name} - 衔接推进区申报助手", step.title()));
                        step_page(step)
                    }
                    Route::Review(_) => {
                        browser::set_title(&format!("核对与导出 - {name} - 衔接推进区申报助手"));
                        view! { <Layout current=None review=true><pages::ReviewPage /></Layout> }.into_any()
                    }
                    _ => {
                        browser::set_title(&format!("任务清单 - {name} - 衔接推进区申报助手"));
                        view! { <pages::TaskList /> }.into_any()
                    }
                }
            };
            view! {
                <Show when=move || ctx.detached.get()>
                    <div class="app-banner app-banner--error" role="alert" id="draft-detached">
                        <p>"这份草稿已在另一个窗口或标签页中删除，本页的修改不再保存。"</p>
                        <button type="button" class="app-button" id="restore-draft" on:click=move |_| ctx.restore(app)>"恢复这份草稿"</button>
                        <a class="app-button app-button--secondary" href="#/">"返回我的草稿"</a>
                    </div>
                </Show>
                <Show when=move || ctx.changed_elsewhere.get() && !ctx.detached.get()>
                    <p class="app-banner app-banner--info" role="status" id="draft-changed-elsewhere">
                        "这份草稿刚在另一个窗口或标签页中修改，本页已更新，两处的修改都已保留（同一项两处都改过的，以后保存的为准）。"
                        <button type="button" class="app-link-button" on:click=move |_| ctx.changed_elsewhere.set(false)>"知道了"</button>
                    </p>
                </Show>
                {page}
            }
            .into_any()
        }
        Err(LoadError::Missing) => view! {
            <h1 class="app-heading">"找不到该草稿"</h1>
            <p>"该草稿可能已被删除，或链接来自另一台电脑的浏览器。草稿只保存在填写它的浏览器中；如需在本机继续，请导入下载的草稿文件。"</p>
            <p><a href="#/">"返回我的草稿"</a></p>
        }
        .into_any(),
        Err(LoadError::Corrupt { message, raw }) => view! { <CorruptDraft id=id message=message raw=raw /> }.into_any(),
    }
}

fn step_page(step: Step) -> AnyView {
    let content = match step {
        Step::Applicant => view! { <pages::ApplicantPage /> }.into_any(),
        Step::Villages => view! { <pages::VillagesPage /> }.into_any(),
        Step::Industries => view! { <pages::IndustriesPage /> }.into_any(),
        Step::Projects => view! { <pages::ProjectsPage /> }.into_any(),
        Step::Funds => view! { <pages::FundsPage /> }.into_any(),
        Step::Governance => view! { <pages::GovernancePage /> }.into_any(),
        Step::Attestations => view! { <pages::AttestationsPage /> }.into_any(),
    };
    view! { <Layout current=Some(step)>{content}</Layout> }.into_any()
}

/// The two-column layout of a draft's pages: steps beside the content (stacked on phones).
#[component]
fn Layout(current: Option<Step>, #[prop(optional)] review: bool, children: Children) -> impl IntoView {
    let ctx = expect_context::<DraftCtx>();
    view! {
        <p class="app-draft-name">"草稿：" <strong>{move || ctx.draft.with(|d| d.name.clone())}</strong> <crate::components::SaveState /></p>
        <div class="app-layout">
            <aside class="app-layout__aside"><StepNav current=current review=review /></aside>
            <div class="app-layout__content">{children()}</div>
        </div>
    }
}

/// A stored draft that cannot be read: say why, keep its text downloadable, let the user delete it.
#[component]
fn CorruptDraft(id: String, message: String, raw: String) -> impl IntoView {
    let confirming = RwSignal::new(false);
    let raw_for_download = raw.clone();
    let download = move |_| {
        let _ = browser::download("损坏的草稿-原始数据.json", "application/json", &raw_for_download);
    };
    let delete_id = id.clone();
    let delete = move |_| {
        store::delete(&delete_id);
        browser::go("#/");
    };
    // The question takes focus on 确定删除; Escape or 取消 close it and return focus to 删除这份草稿.
    let ask = move |_| {
        confirming.set(true);
        browser::refocus_soon("confirm-delete-corrupt".into());
    };
    let cancel = move || {
        confirming.set(false);
        browser::refocus_soon("delete-corrupt".into());
    };
    view! {
        <h1 class="app-heading">"草稿无法打开"</h1>
        <div class="app-banner app-banner--error" role="alert" id="corrupt-draft">
            <p>"本机保存的这份草稿数据已损坏，无法打开：" {message}</p>
            <p>"原始数据仍然保留，没有被删除。请先下载原始数据（可交技术人员修复，或用文本编辑器查看），再决定是否删除。"</p>
        </div>
        <div class="app-button-group">
            <button type="button" class="app-button" id="download-corrupt" on:click=download>"下载原始数据"</button>
            <button type="button" class="app-button app-button--warning" id="delete-corrupt" on:click=ask>"删除这份草稿"</button>
        </div>
        <Show when=move || confirming.get()>
            <p class="app-confirm" role="alert" on:keydown=crate::components::escape_cancels(cancel)>
                "确定删除？删除后无法恢复。"
                <button type="button" class="app-button app-button--warning" id="confirm-delete-corrupt" on:click=delete.clone()>"确定删除"</button>
                <button type="button" class="app-button app-button--secondary" on:click=move |_| cancel()>"取消"</button>
            </p>
        </Show>
        <p><a href="#/">"返回我的草稿"</a></p>
    }
}
