use leptos::prelude::*;

use crate::draft_context::DraftCtx;
use crate::state::AppState;

/// Whether the last change is in local storage yet: 正在保存… from a change until it is written (a frame later),
/// then 已自动保存; 未能保存 while the save error or deleted-elsewhere banner is up. `data-save-state` is
/// `pending`, `saved` or `failed`.
#[component]
pub fn SaveState() -> impl IntoView {
    let ctx = expect_context::<DraftCtx>();
    let app = expect_context::<AppState>();
    let state = move || {
        if ctx.detached.get() || app.save_error.with(Option::is_some) {
            "failed"
        } else if ctx.save_pending.get() {
            "pending"
        } else {
            "saved"
        }
    };
    view! {
        <span class=move || format!("app-save-state app-save-state--{}", state()) id="save-state" data-save-state=state>
            {move || match state() {
                "pending" => "正在保存…",
                "failed" => "未能保存（见页首提示）",
                _ => "已自动保存在本机浏览器",
            }}
        </span>
    }
}
