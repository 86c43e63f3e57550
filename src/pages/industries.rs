use leptos::prelude::*;
use shenbao_core::catalogue::{Field, ItemList, intro};
use shenbao_core::model::{FeaturedIndustry, LinkedInitiativeKind};
use shenbao_core::rules::Step;

use crate::components::item_controls::{ItemControls, item_index};
use crate::components::{FieldInput, FindingsPanel, StepFooter};
use crate::draft_context::DraftCtx;

/// Step 3 特色产业: one or two featured industries and the initiatives the area is combined with (三.1).
#[component]
pub fn IndustriesPage() -> impl IntoView {
    let ctx = expect_context::<DraftCtx>();
    let ids = Memo::new(move |_| {
        ctx.draft.with(|d| d.application.industries.iter().map(|i| i.id.clone()).collect::<Vec<_>>())
    });
    let add = move |_| {
        ctx.update(|d| {
            let id = d.next_id(ItemList::Industries);
            d.application.industries.push(FeaturedIndustry { id, ..FeaturedIndustry::default() });
        });
        let index = ctx.draft.with_untracked(|d| d.application.industries.len() - 1);
        crate::browser::focus_soon(format!("industries[{index}].name"));
    };
    let initiatives = LinkedInitiativeKind::ALL
        .into_iter()
        .map(|kind| {
            let name = ctx.field(Field::LinkedInitiativeName(kind).at());
            view! {
                <FieldInput binding=ctx.field(Field::LinkedInitiative(kind).at()) />
                <Show when=move || name.applies.get()>
                    <div class="app-conditional"><FieldInput binding=name /></div>
                </Show>
            }
        })
        .collect_view();
    view! {
        <h1 class="app-heading app-heading--l">{Step::Industries.heading()}</h1>
        <FindingsPanel step=Step::Industries />
        {intro(Step::Industries, ctx.params()).into_iter().map(|text| view! { <p class="app-intro">{text}</p> }).collect_view()}
        <For each=move || ids.get() key=|id| id.clone() let:id>
            <IndustryCard id=id />
        </For>
        <button type="button" class="app-button app-button--secondary" id="add-industry" data-focus-for="industries" on:click=add>"添加特色产业"</button>
        <fieldset class="app-fieldset">
            <legend class="app-fieldset__legend app-heading--m">"与其他项目有机结合（选填）"</legend>
            <p class="app-field__hint">"通知三.1：衔接推进区可与省级现代农业园区、农业产业强镇、高标准农田、特色小镇等有机结合，统筹推进、联合打造。"</p>
            {initiatives}
        </fieldset>
        <StepFooter step=Step::Industries />
    }
}

/// One featured industry: its fields in the catalogue's order, and the list controls.
#[component]
fn IndustryCard(id: String) -> impl IntoView {
    let ctx = expect_context::<DraftCtx>();
    let index = item_index(ctx, ItemList::Industries, id.clone());
    let fields = ItemList::Industries
        .fields()
        .into_iter()
        .map(|field| view! { <FieldInput binding=ctx.field(field.of(&id)) /> })
        .collect_view();
    view! {
        <fieldset class="app-card" data-industry-id=id.clone()>
            <legend class="app-card__title">{move || format!("特色产业 {}", index.get() + 1)}</legend>
            {fields}
            <ItemControls list=ItemList::Industries id=id.clone() noun="产业" />
        </fieldset>
    }
}
