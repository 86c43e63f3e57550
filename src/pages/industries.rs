use leptos::prelude::*;
use shenbao_core::draft::ItemList;
use shenbao_core::model::{FeaturedIndustry, LinkedInitiative, LinkedInitiativeKind};
use shenbao_core::rules::Step;

use crate::components::radios::yes_no_options;
use crate::components::{CheckBox, FindingsPanel, Radios, StepFooter, TextArea, TextInput};
use crate::pages::list_controls::{ItemControls, item_index};
use crate::state::{DraftCtx, ItemRef};

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
            let ticked = ctx.flag(
                move || format!("linked_initiatives.{}", crate::state::key_of(&kind)),
                move |a| a.linked_initiatives.iter().any(|i| i.kind == kind),
                move |a, on| {
                    if on && !a.linked_initiatives.iter().any(|i| i.kind == kind) {
                        a.linked_initiatives.push(LinkedInitiative { kind, name: String::new() });
                        a.linked_initiatives.sort_by_key(|i| i.kind);
                    } else if !on {
                        a.linked_initiatives.retain(|i| i.kind != kind);
                    }
                },
            );
            let name = ctx.text(
                move || format!("linked_initiatives.{}.name", crate::state::key_of(&kind)),
                move |a| {
                    a.linked_initiatives.iter().find(|i| i.kind == kind).map(|i| i.name.clone()).unwrap_or_default()
                },
                move |a, text| {
                    if let Some(initiative) = a.linked_initiatives.iter_mut().find(|i| i.kind == kind) {
                        initiative.name = text;
                    }
                },
            );
            let shown = move || ctx.draft.with(|d| d.application.linked_initiatives.iter().any(|i| i.kind == kind));
            view! {
                <CheckBox binding=ticked label=kind.label() />
                <Show when=shown>
                    <div class="app-conditional"><TextInput binding=name label=format!("{}名称", kind.label()) /></div>
                </Show>
            }
        })
        .collect_view();
    view! {
        <h1 class="app-heading app-heading--l">"3. 特色产业"</h1>
        <FindingsPanel step=Step::Industries />
        <p class="app-intro">"通知三.1：衔接推进区内应有符合县级产业振兴规划、产业链条具有延伸潜力、市场前景较好的1-2个特色优势农业产业。"</p>
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

#[component]
fn IndustryCard(id: String) -> impl IntoView {
    let ctx = expect_context::<DraftCtx>();
    let index = item_index(ctx, ItemList::Industries, id.clone());
    let path = move |field: &'static str| move || format!("industries[{}].{field}", index.get());
    let industry = ItemRef::industry(&id);
    let name = ctx.text(path("name"), industry.get(|i| i.name.clone()), industry.set(|i, x| i.name = x));
    let fits = ctx.yes_no(
        path("fits_county_plan"),
        industry.get(|i| i.fits_county_plan),
        industry.set(|i, x| i.fits_county_plan = x),
    );
    let plan =
        ctx.text(path("county_plan"), industry.get(|i| i.county_plan.clone()), industry.set(|i, x| i.county_plan = x));
    let chain = ctx.text(
        path("chain_potential"),
        industry.get(|i| i.chain_potential.clone()),
        industry.set(|i, x| i.chain_potential = x),
    );
    let market = ctx.text(
        path("market_prospects"),
        industry.get(|i| i.market_prospects.clone()),
        industry.set(|i, x| i.market_prospects = x),
    );
    let fits_plan = {
        let id = id.clone();
        move || {
            ctx.draft.with(|d| d.application.industries.iter().find(|i| i.id == id).and_then(|i| i.fits_county_plan))
                == Some(true)
        }
    };
    view! {
        <fieldset class="app-card" data-industry-id=id.clone()>
            <legend class="app-card__title">{move || format!("特色产业 {}", index.get() + 1)}</legend>
            <TextInput binding=name label="产业名称" hint="如“平阴玫瑰”" />
            <Radios binding=fits legend="是否符合县级产业振兴规划？" options=yes_no_options() inline=true />
            <Show when=fits_plan>
                <TextInput binding=plan label="县级产业振兴规划名称" />
            </Show>
            <TextArea binding=chain label="产业链条延伸潜力" />
            <TextArea binding=market label="市场前景" />
            <ItemControls list=ItemList::Industries id=id.clone() noun="产业" />
        </fieldset>
    }
}
