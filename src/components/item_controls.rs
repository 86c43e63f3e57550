use leptos::prelude::*;
use shenbao_core::catalogue::ItemList;

use crate::draft_context::DraftCtx;

/// The current position of an item in its list, following reorders.
pub fn item_index(ctx: DraftCtx, list: ItemList, id: String) -> Memo<usize> {
    Memo::new(move |_| ctx.draft.with(|d| list.position(&d.application, &id).unwrap_or(0)))
}

/// 上移 / 下移 / 删除 for one item of a list; deleting asks first.
///
/// Moving an item moves its card, and with it the focused button, which loses focus: focus is put back on the
/// same button of the moved item, or on the other move button when the item has reached the top or the bottom
/// (the pressed one is then disabled). The deletion question takes focus on 确定删除; Escape or 取消 close it and
/// return focus to 删除. Once the item is deleted (its card and buttons gone), focus goes to the list's add button
/// (for a project, its content area's).
#[component]
pub fn ItemControls(list: ItemList, id: String, noun: &'static str) -> impl IntoView {
    let ctx = expect_context::<DraftCtx>();
    let button_id = {
        let prefix = format!("{}-{id}", list.path());
        move |action: &str| format!("{prefix}-{action}")
    };
    let (up_id, down_id, remove_id, confirm_id) =
        (button_id("move-up"), button_id("move-down"), button_id("remove"), button_id("confirm-remove"));
    let index = item_index(ctx, list, id);
    let length = Memo::new(move |_| ctx.draft.with(|d| list.ids(&d.application).len()));
    let confirming = RwSignal::new(false);
    let move_by = {
        let (up_id, down_id) = (up_id.clone(), down_id.clone());
        move |offset: isize| {
            let from = index.get_untracked();
            let length = length.get_untracked();
            if let Some(to) = from.checked_add_signed(offset).filter(|to| *to < length) {
                ctx.update(|d| d.move_item(list, from, to));
                // The pressed button, unless the item has reached the end it was moved towards (then the other).
                let keep_up = if offset < 0 { to > 0 } else { to + 1 == length };
                crate::browser::refocus_soon(if keep_up { up_id.clone() } else { down_id.clone() });
            }
        }
    };
    let move_up = move_by.clone();
    let ask = {
        let confirm_id = confirm_id.clone();
        move |_| {
            confirming.set(true);
            crate::browser::refocus_soon(confirm_id.clone());
        }
    };
    let cancel = {
        let remove_id = remove_id.clone();
        move || {
            confirming.set(false);
            crate::browser::refocus_soon(remove_id.clone());
        }
    };
    let cancel_on_escape = crate::components::escape_cancels(cancel.clone());
    view! {
        <div class="app-item-controls">
            <button type="button" class="app-link-button" id=up_id data-action="move-up" disabled=move || index.get() == 0 on:click=move |_| move_up(-1)>"上移"</button>
            <button type="button" class="app-link-button" id=down_id data-action="move-down" disabled=move || { index.get() + 1 >= length.get() } on:click=move |_| move_by(1)>"下移"</button>
            <button type="button" class="app-link-button app-link-button--warning" id=remove_id data-action="remove" on:click=ask>{format!("删除此{noun}")}</button>
            <Show when=move || confirming.get()>
                <span class="app-confirm" role="alert" on:keydown=cancel_on_escape.clone()>
                    {format!("确定删除此{noun}？")}
                    <button type="button" class="app-button app-button--warning" id=confirm_id.clone() data-action="confirm-remove" on:click=move |_| {
                        confirming.set(false);
                        let index = index.get_untracked();
                        let next_focus = after_removal(ctx, list, index);
                        ctx.update(|d| d.remove_item(list, index));
                        crate::browser::focus_soon(next_focus);
                    }>"确定删除"</button>
                    <button type="button" class="app-button app-button--secondary" data-action="cancel-remove" on:click={
                        let cancel = cancel.clone();
                        move |_| cancel()
                    }>"取消"</button>
                </span>
            </Show>
        </div>
    }
}

/// Where focus goes once item `index` of `list` is deleted: the add button of its list (`data-focus-for`), or for
/// a project the add button of its content area (`add-project-<area>`).
fn after_removal(ctx: DraftCtx, list: ItemList, index: usize) -> String {
    let area = match list {
        ItemList::Projects => {
            ctx.draft.with_untracked(|d| d.application.projects.get(index).and_then(|p| p.content_area))
        }
        _ => None,
    };
    area.map_or_else(|| list.path().to_owned(), |area| format!("add-project-{}", area.key()))
}
