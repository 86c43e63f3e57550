use leptos::prelude::*;

/// 核验申报包: open a signed bundle and check it.
#[component]
pub fn VerifyPage() -> impl IntoView {
    crate::browser::set_title("核验申报包 - 衔接推进区申报助手");
    view! { <h1 class="app-heading app-heading--l">"核验申报包"</h1> }
}
