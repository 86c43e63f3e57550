use leptos::prelude::*;

use crate::state::{AppState, DraftCtx};

/// The exports of 核对与导出: the draft file now; the signed bundle is offered when the application is ready.
#[component]
pub fn ExportPanel() -> impl IntoView {
    let ctx = expect_context::<DraftCtx>();
    let app = expect_context::<AppState>();
    let id = ctx.id.get_value();
    let download = move |_| {
        let draft = ctx.draft.get_untracked();
        match super::home::download_draft(&id, draft, app) {
            Ok(()) => ctx.draft.update(|d| d.backed_up_at = Some(crate::browser::now())),
            Err(error) => app.save_error.set(Some(error)),
        }
    };
    view! {
        <section class="app-panel" id="export">
            <h2 class="app-heading app-heading--m">"导出"</h2>
            <button type="button" class="app-button app-button--secondary" id="download-draft" on:click=download>"下载草稿文件（备份，可在其他电脑导入）"</button>
        </section>
    }
}
