use leptos::prelude::*;

/// A link that leads nowhere.
#[component]
pub fn NotFound() -> impl IntoView {
    crate::browser::set_title("找不到页面 - 衔接推进区申报助手");
    view! {
        <h1 class="app-heading">"找不到页面"</h1>
        <p>"您打开的链接不存在。"<a href="#/">"返回我的草稿"</a></p>
    }
}
