//! The app's split points: what the first page does not need is fetched when it is first used.
//!
//! A first visit downloads only the start page's module (Leptos, the start page, storage, routing). Every function
//! below is a split point: `scripts/wasm.sh` moves the code reachable only from it (the application steps with the
//! rules and their evaluation, draft files, verification, signing) into modules that `__wasm_split.js` fetches on
//! the first call; later calls run at once. See docs/performance.md for the sizes.
//!
//! Each function is `async` for its callers and returns [`NotLoaded`] when its module cannot be fetched (a first
//! visit that loses its connection; after one complete visit the service worker has every module). The service
//! worker caches all modules on the first visit, so the app still works offline as a whole.
//!
//! Rules for a split point: concrete argument and result types (no generics, no `impl Trait`), and no panics.

use leptos::prelude::*;
use leptos::wasm_split::{SplitLoaderError, wasm_split};

use crate::state::AppState;
use crate::store::DraftSummary;

/// A module of the app could not be fetched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotLoaded;

impl From<SplitLoaderError> for NotLoaded {
    fn from(_: SplitLoaderError) -> Self {
        NotLoaded
    }
}

impl NotLoaded {
    /// On a page that could not be loaded, above its 重试 button.
    pub fn message(self) -> String {
        "未能加载这一页的程序（网络连接中断）。请检查网络后点“重试”。已保存的草稿都在本机浏览器中，不会丢失；\
         联网完整打开过一次本工具后，离线也能使用全部功能。"
            .into()
    }

    /// In a part of a page that could not be loaded (the drafts list), above its 重试 button.
    pub fn part_message(self) -> String {
        "未能加载这部分程序（网络连接中断）。请检查网络后点“重试”。已保存的草稿都在本机浏览器中，不会丢失。".into()
    }

    /// Beside a button whose work could not be loaded (新建草稿, 导入, 复制, 下载): press it again.
    pub fn try_again_message(self) -> String {
        "未能加载这部分程序（网络连接中断）。请检查网络后再试一次。".into()
    }
}

/// A page fetched on demand: called with the route's draft id (or an empty string), it makes the page's view.
///
/// The split points below return this function rather than the view: the view is then made where the page would
/// be made without splitting, inside the app's reactive tree, and is disposed with it.
pub type Page = fn(String) -> AnyView;

/// The pages of one draft (its task list, every step, 核对与导出), given the draft's id.
#[wasm_split(draft_pages, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_draft_pages))]
pub fn draft_pages() -> Result<Page, NotLoaded> {
    Ok(|id| view! { <crate::draft_shell::DraftShell id=id /> }.into_any())
}

/// 核验申报包.
#[wasm_split(verify_page, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn verify_page() -> Result<Page, NotLoaded> {
    Ok(|_| view! { <crate::pages::VerifyPage /> }.into_any())
}

/// 密钥与存储.
#[wasm_split(settings_page, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn settings_page() -> Result<Page, NotLoaded> {
    Ok(|_| view! { <crate::pages::SettingsPage /> }.into_any())
}

/// The lines of the drafts list (each draft read and evaluated): [`crate::store::summaries`].
#[wasm_split(draft_files, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn draft_summaries() -> Result<Vec<DraftSummary>, NotLoaded> {
    Ok(crate::store::summaries(crate::state::params()))
}

/// A new draft named `title`; its storage id, or why it could not be saved.
#[wasm_split(draft_files, wasm_split_path = ::leptos::wasm_split, fallible, preload(preload_draft_files))]
pub fn create_draft(title: String) -> Result<Result<String, String>, NotLoaded> {
    Ok(crate::drafts::create_draft(&title))
}

/// A copy of a stored draft, saved as a new draft; why not, if it cannot be.
#[wasm_split(draft_files, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn duplicate_draft(id: String) -> Result<Result<(), String>, NotLoaded> {
    Ok(crate::drafts::duplicate_draft(&id))
}

/// Downloads a stored draft as a file; why not, if it cannot be.
#[wasm_split(draft_files, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn download_stored_draft(app: AppState, id: String) -> Result<Result<(), String>, NotLoaded> {
    Ok(crate::drafts::download_stored_draft(app, &id))
}

/// Reads a draft file's bytes and saves it as a new draft: its storage id, or the Chinese reason it was refused.
#[wasm_split(draft_files, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn import_draft(file_name: String, bytes: Vec<u8>) -> Result<Result<String, String>, NotLoaded> {
    Ok(crate::drafts::import_draft(&file_name, &bytes))
}

/// After this long still loading, the page says that a reload helps if nothing happens (a request the network
/// never answers is not given up by the browser for minutes).
const SLOW_LOADING: std::time::Duration = std::time::Duration::from_secs(10);

/// While `busy` has been true for [`SLOW_LOADING`] without a break: says that the network is slow and that a reload
/// helps if nothing happens. Used wherever the app waits for a module: pages, the drafts list, 新建草稿, 导入.
#[component]
pub fn SlowLoadingHint(#[prop(into)] busy: Signal<bool>, id: &'static str) -> impl IntoView {
    let slow = RwSignal::new(false);
    // Each start of a wait gets a number; a timer counts only for the wait it was started for.
    let wait = StoredValue::new(0u32);
    Effect::new(move |_| {
        let waiting = busy.get();
        wait.update_value(|n| *n += 1);
        slow.set(false);
        if waiting {
            let this_wait = wait.get_value();
            set_timeout(
                move || {
                    if wait.try_get_value() == Some(this_wait) {
                        let _ = slow.try_set(true);
                    }
                },
                SLOW_LOADING,
            );
        }
    });
    view! {
        <Show when=move || slow.get()>
            <p class="app-intro" id=id role="status">
                "网络较慢，仍在加载。如长时间没有反应，请检查网络后刷新本页；已保存的草稿都在本机浏览器中，不会丢失。"
            </p>
        </Show>
    }
}

/// Fetches, in the background, what the start page's buttons lead to: the work on drafts, then the pages of a draft.
/// Called once the start page is there, so that 新建草稿 and opening a draft do not wait for the network.
pub fn preload_start_page_work() {
    leptos::task::spawn_local(async {
        // A failure is not reported here: the button that needs the module says so when it is pressed.
        if preload_draft_files().await.is_ok() {
            let _ = preload_draft_pages().await;
        }
    });
}

/// Shows the page that `load` fetches, made with `arg`: 正在加载… while its module is fetched (the first time only;
/// afterwards it is there at once), then the page; when the module cannot be fetched, the reason and 重试.
///
/// The loading and failure views have their own `h1` and title; once the page is there, the field the route asks
/// for (`?focus=`) takes the focus, or else its heading if the loading view had it (as after any change of page,
/// `browser::focus_heading_soon`).
pub fn on_demand<Fut>(load: fn() -> Fut, arg: String) -> impl IntoView
where
    Fut: Future<Output = Result<Page, NotLoaded>> + 'static,
{
    let loaded = RwSignal::new(None::<Result<Page, NotLoaded>>);
    let router = use_context::<crate::route::Router>();
    let fetch = move || {
        leptos::task::spawn_local(async move {
            let outcome = load().await;
            // The route may have changed meanwhile: then there is nothing to show it on.
            if loaded.try_set(Some(outcome)).is_none() {
                // The field a link asked for (`?focus=`), which may not have existed while the module was on
                // its way; else the page's heading, if focus was lost with the loading view.
                match router.and_then(|router| router.focus.try_get_untracked().flatten()) {
                    Some(field) => crate::browser::focus_soon(field),
                    None => crate::browser::focus_heading_soon(),
                }
            }
        });
    };
    fetch();
    move || match loaded.get() {
        None => {
            crate::browser::set_title("正在加载… - 衔接推进区申报助手");
            view! {
                <h1 class="app-heading app-heading--l" id="page-loading" tabindex="-1">"正在加载…"</h1>
                <SlowLoadingHint busy=Signal::derive(move || loaded.with(Option::is_none)) id="page-loading-slow" />
            }
            .into_any()
        }
        Some(Ok(page)) => page(arg.clone()),
        Some(Err(not_loaded)) => {
            crate::browser::set_title("未能加载 - 衔接推进区申报助手");
            view! {
                <h1 class="app-heading app-heading--l" tabindex="-1">"未能加载这一页"</h1>
                <div class="app-banner app-banner--error" role="alert" id="load-error">
                    <p>{not_loaded.message()}</p>
                    <button type="button" class="app-button" id="load-retry" on:click=move |_| {
                        loaded.set(None);
                        fetch();
                    }>"重试"</button>
                </div>
            }
            .into_any()
        }
    }
}
