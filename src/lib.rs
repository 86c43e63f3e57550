//! 衔接推进区申报助手: the Leptos CSR app, a thin shell over `shenbao-core`.
//!
//! Pages read the core's results and write user input into the draft; no rule of the notice lives here.
//! `browser` wraps the web APIs; `store` keeps drafts in local storage; `draft_context` holds the open draft and
//! saves it; `binding` ties a form control to a field of the core's catalogue; `drafts` creates, copies, imports
//! and downloads drafts; `route` maps location hashes to pages; `split` lists what is fetched on first use rather
//! than with the first page. See docs/architecture.md.

use leptos::prelude::*;

#[doc(hidden)]
pub mod bench;
mod binding;
mod browser;
mod components;
mod draft_context;
mod draft_shell;
mod drafts;
mod key_store;
mod pages;
mod route;
mod split;
mod state;
mod store;

use route::{Route, Router};
use state::AppState;

/// 下载草稿文件 for a draft whose latest content could not be saved (`AppState::unsaved`).
#[component]
fn DownloadUnsaved(id: String) -> impl IntoView {
    let app = expect_context::<AppState>();
    let failed = RwSignal::new(None::<String>);
    let download = move |_| {
        let id = id.clone();
        leptos::task::spawn_local(async move {
            let outcome = match split::download_stored_draft(app, id).await {
                Ok(outcome) => outcome,
                Err(not_loaded) => Err(not_loaded.try_again_message()),
            };
            let _ = failed.try_set(outcome.err());
        });
    };
    view! {
        <button type="button" class="app-button" data-action="download-unsaved" on:click=download>"下载草稿文件（含尚未保存的内容）"</button>
        {move || failed.get().map(|text| view! { <p class="app-field__message">{text}</p> })}
    }
}

/// Mounts the app on the page's body.
pub fn start() {
    // A panic stops the app (the release build aborts): log it, and tell the user on the page.
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        browser::show_crash_banner(&info.to_string());
    }));
    leptos::mount::mount_to_body(App);
}

/// The whole app: header, the page of the current route, footer.
#[component]
fn App() -> impl IntoView {
    let app = AppState::new();
    provide_context(app);
    let router = Router::start();
    provide_context(router);
    if let Some(field) = router.focus.get_untracked() {
        browser::focus_soon(field);
    }
    // Closing or reloading the page while typed content could not be saved: the browser asks first.
    let _leave = window_event_listener(leptos::ev::beforeunload, move |event| {
        if app.unsaved.with_untracked(|unsaved| !unsaved.is_empty()) {
            event.prevent_default();
            event.set_return_value("");
        }
    });
    let draft_id = Memo::new(move |_| router.route.with(|r| r.draft_id().map(str::to_owned)));
    let page = move || match draft_id.get() {
        Some(id) => split::on_demand(split::draft_pages, id).into_any(),
        None => match router.route.get() {
            Route::Home => view! { <pages::HomePage /> }.into_any(),
            Route::Verify => split::on_demand(split::verify_page, String::new()).into_any(),
            Route::Settings => split::on_demand(split::settings_page, String::new()).into_any(),
            _ => view! { <pages::NotFound /> }.into_any(),
        },
    };
    let skip_to_main = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        browser::focus_element("main");
    };
    view! {
        <a class="app-skip-link" href="#main" on:click=skip_to_main>"跳到正文"</a>
        <header class="app-header">
            <div class="app-header__inner">
                <a class="app-header__title" href="#/">"衔接推进区申报助手"</a>
                <nav class="app-header__nav" aria-label="主菜单">
                    <a class="app-header__link" href="#/">"我的草稿"</a>
                    <a class="app-header__link" href="#/verify">"核验申报包"</a>
                    <a class="app-header__link" href="#/settings">"密钥与存储"</a>
                </nav>
            </div>
        </header>
        <Show when=move || app.save_error.with(Option::is_some)>
            <div class="app-banner app-banner--error app-banner--page" role="alert" id="save-error">
                <p>{move || app.save_error.get().unwrap_or_default()}</p>
                // What could not be saved can be downloaded from here, whichever page is shown.
                <For each=move || app.unsaved.with(|unsaved| unsaved.keys().cloned().collect::<Vec<_>>()) key=|id| id.clone() let:id>
                    <DownloadUnsaved id=id />
                </For>
            </div>
        </Show>
        <components::UpdateBanner />
        <main id="main" class="app-main" tabindex="-1" data-app-ready="">{page}</main>
        <footer class="app-footer">
            <p>"依据：山东省乡村振兴局 山东省财政厅《关于开展第二批衔接乡村振兴集中推进区建设工作的通知》（鲁乡振发〔2022〕26号）"</p>
            <p>
                "版本 " <span id="app-version">{shenbao_core::APP_VERSION}</span>
                {browser::build_id().map(|id| view! { " · 构建 " <span id="app-build">{id}</span> })}
                " · 全部数据只保存在本机浏览器中，不上传任何服务器。"
            </p>
        </footer>
    }
}
