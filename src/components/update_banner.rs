//! 新版本已就绪: registers the service worker and, once a new version has been installed completely, tells the user
//! and lets them switch to it. Until they do, the running version goes on working, online or not.

use leptos::prelude::*;

use crate::browser;

/// The banner under the header. Mount it once, in the app's shell: it starts the service worker.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let ready = RwSignal::new(false);
    let applying = RwSignal::new(false);
    browser::start_service_worker(move || {
        let _ = ready.try_set(true);
    });
    let apply = move |_| {
        applying.set(true);
        browser::apply_update();
    };
    view! {
        <div role="status">
            <Show when=move || ready.get()>
                <div class="app-update-banner" id="update-banner">
                    <p class="app-update-banner__text">
                        <strong>"新版本已就绪。"</strong>
                        "新版本已完整保存到本机，断网也能使用。草稿保存在本机浏览器中，更新不会改动草稿。"
                    </p>
                    <button
                        type="button"
                        class="app-button app-update-banner__button"
                        id="apply-update"
                        disabled=move || applying.get()
                        on:click=apply
                    >
                        {move || if applying.get() { "正在切换…" } else { "使用新版本" }}
                    </button>
                </div>
            </Show>
        </div>
    }
}
