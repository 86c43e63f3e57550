use leptos::prelude::*;

use crate::components::SigningKey;

/// 密钥与存储: the signing key and the browser storage.
#[component]
pub fn SettingsPage() -> impl IntoView {
    crate::browser::set_title("密钥与存储 - 衔接推进区申报助手");
    view! {
        <h1 class="app-heading app-heading--l">"密钥与存储"</h1>
        <SigningKey />
        <crate::components::StorageStatus />
    }
}
