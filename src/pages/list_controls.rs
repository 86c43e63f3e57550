use leptos::prelude::*;
use shenbao_core::draft::ItemList;

use crate::state::DraftCtx;

/// The current position of an item in its list, following reorders.
pub fn item_index(ctx: DraftCtx, list: ItemList, id: String) -> Memo<usize> {
    Memo::new(move |_| {
        ctx.draft.with(|d| {
            let a = &d.application;
            let position = match list {
                ItemList::Villages => a.villages.iter().position(|v| v.id == id),
                ItemList::Industries => a.industries.iter().position(|i| i.id == id),
                ItemList::Projects => a.projects.iter().position(|p| p.id == id),
                ItemList::SectorFunds => a.funds.sector_funds.iter().position(|s| s.id == id),
            };
            position.unwrap_or(0)
        })
    })
}

/// 上移 / 下移 / 删除 for one item of a list; deleting asks first.
#[component]
pub fn ItemControls(list: ItemList, id: String, noun: &'static str) -> impl IntoView {
    let ctx = expect_context::<DraftCtx>();
    let index = item_index(ctx, list, id);
    let length = Memo::new(move |_| {
        ctx.draft.with(|d| match list {
            ItemList::Villages => d.application.villages.len(),
            ItemList::Industries => d.application.industries.len(),
            ItemList::Projects => d.application.projects.len(),
            ItemList::SectorFunds => d.application.funds.sector_funds.len(),
        })
    });
    let confirming = RwSignal::new(false);
    let move_by = move |offset: isize| {
        let from = index.get_untracked();
        if let Some(to) = from.checked_add_signed(offset).filter(|to| *to < length.get_untracked()) {
            ctx.update(|d| d.move_item(list, from, to));
        }
    };
    view! {
        <div class="app-item-controls">
            <button type="button" class="app-link-button" data-action="move-up" disabled=move || index.get() == 0 on:click=move |_| move_by(-1)>"上移"</button>
            <button type="button" class="app-link-button" data-action="move-down" disabled=move || { index.get() + 1 >= length.get() } on:click=move |_| move_by(1)>"下移"</button>
            <button type="button" class="app-link-button app-link-button--warning" data-action="remove" on:click=move |_| confirming.set(true)>{format!("删除此{noun}")}</button>
            <Show when=move || confirming.get()>
                <span class="app-confirm" role="alert">
                    {format!("确定删除此{noun}？")}
                    <button type="button" class="app-button app-button--warning" data-action="confirm-remove" on:click=move |_| {
                        confirming.set(false);
                        ctx.update(|d| d.remove_item(list, index.get_untracked()));
                    }>"确定删除"</button>
                    <button type="button" class="app-button app-button--secondary" data-action="cancel-remove" on:click=move |_| confirming.set(false)>"取消"</button>
                </span>
            </Show>
        </div>
    }
}
