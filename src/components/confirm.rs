//! What every inline confirmation (确定删除…？ 确定 / 取消) shares: when it opens, focus moves to its confirm
//! button (`browser::refocus_soon`); Escape inside it, like 取消, closes it and returns focus to the control that
//! opened it. The pages keep their own markup and call these.

/// The `keydown` handler of a confirmation: Escape runs `cancel`.
pub fn escape_cancels(cancel: impl Fn() + Clone + 'static) -> impl Fn(leptos::ev::KeyboardEvent) + Clone + 'static {
    move |event| {
        if event.key() == "Escape" {
            event.prevent_default();
            cancel();
        }
    }
}
