//! 衔接推进区申报助手: the Leptos CSR app, a thin shell over `shenbao-core`.
use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;

/// Mounts the app on the page's body.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    let (name, set_name) = signal(LocalStorage::get::<String>("shenbao.shell.name").unwrap_or_default());
    Effect::new(move |_| {
        let _ = LocalStorage::set("shenbao.shell.name", name.get());
    });
    view! {
        <header class="app-header"><h1>"衔接推进区申报助手"</h1></header>
        <main data-app-ready="">
            <label for="draft-name">"草稿名称"</label>
            <input id="draft-name" prop:value=name on:input=move |ev| set_name.set(event_target_value(&ev)) />
        </main>
        <footer>"鲁乡振发〔2022〕26号 · 版本 " {shenbao_core::APP_VERSION}</footer>
    }
}
