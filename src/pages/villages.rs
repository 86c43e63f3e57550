use leptos::prelude::*;
use shenbao_core::catalogue::{Field, ItemList, VillageField, intro};
use shenbao_core::model::Village;
use shenbao_core::rules::Step;

use crate::components::item_controls::{ItemControls, item_index};
use crate::components::{FieldInput, FindingsPanel, StepFooter};
use crate::draft_context::DraftCtx;

/// Step 2 覆盖村庄: the villages of the area, each with category, plan status, population and resident support.
#[component]
pub fn VillagesPage() -> impl IntoView {
    let ctx = expect_context::<DraftCtx>();
    let ids =
        Memo::new(move |_| ctx.draft.with(|d| d.application.villages.iter().map(|v| v.id.clone()).collect::<Vec<_>>()));
    let add = move |_| {
        ctx.update(|d| {
            let id = d.next_id(ItemList::Villages);
            d.application.villages.push(Village { id, ..Village::default() });
        });
        let index = ctx.draft.with_untracked(|d| d.application.villages.len() - 1);
        crate::browser::focus_soon(format!("villages[{index}].name"));
    };
    view! {
        <h1 class="app-heading app-heading--l">{Step::Villages.heading()}</h1>
        <FindingsPanel step=Step::Villages />
        {intro(Step::Villages, ctx.params()).into_iter().map(|text| view! { <p class="app-intro">{text}</p> }).collect_view()}
        <p class="app-count" id="village-count">{move || format!("已添加 {} 个村", ids.with(Vec::len))}</p>
        <For each=move || ids.get() key=|id| id.clone() let:id>
            <VillageCard id=id />
        </For>
        <button type="button" class="app-button app-button--secondary" id="add-village" data-focus-for="villages" on:click=add>"添加村庄"</button>
        <StepFooter step=Step::Villages />
    }
}

/// One village: its fields in the catalogue's order, and the list controls.
#[component]
fn VillageCard(id: String) -> impl IntoView {
    let ctx = expect_context::<DraftCtx>();
    let index = item_index(ctx, ItemList::Villages, id.clone());
    let fields = ItemList::Villages
        .fields()
        .into_iter()
        .map(|field| view! { <FieldInput binding=ctx.field(field.of(&id)) /> })
        .collect_view();
    let name = ctx.field(Field::Village(VillageField::Name).of(&id));
    let title = move || {
        let name = name.value.get();
        let name = name.trim();
        format!("第{}个村{}", index.get() + 1, if name.is_empty() { String::new() } else { format!("：{name}") })
    };
    view! {
        <fieldset class="app-card" data-village-id=id.clone()>
            <legend class="app-card__title">{title}</legend>
            <div class="app-card__grid">{fields}</div>
            <ItemControls list=ItemList::Villages id=id.clone() noun="村" />
        </fieldset>
    }
}
