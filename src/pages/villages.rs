use leptos::prelude::*;
use shenbao_core::draft::ItemList;
use shenbao_core::model::{PlanStatus, ResidentSupport, Village, VillageCategory};
use shenbao_core::rules::Step;

use crate::components::{FindingsPanel, Radios, SelectField, StepFooter, TextInput};
use crate::pages::list_controls::{ItemControls, item_index};
use crate::state::{COUNT, DATE, DraftCtx, ItemRef, key_of};

/// Step 2 覆盖村庄: the villages of the area, each with category, plan status, population and resident support.
#[component]
pub fn VillagesPage() -> impl IntoView {
    let ctx = expect_context::<DraftCtx>();
    let ids =
        Memo::new(move |_| ctx.draft.with(|d| d.application.villages.iter().map(|v| v.id.clone()).collect::<Vec<_>>()));
    let add = move |_| {
        let mut new_id = String::new();
        ctx.update(|d| {
            new_id = d.next_id(ItemList::Villages);
            d.application.villages.push(Village { id: new_id.clone(), ..Village::default() });
        });
        let index = ctx.draft.with_untracked(|d| d.application.villages.len() - 1);
        crate::browser::focus_soon(format!("villages[{index}].name"));
    };
    view! {
        <h1 class="app-heading app-heading--l">"2. 覆盖村庄"</h1>
        <FindingsPanel step=Step::Villages />
        <p class="app-intro">
            "通知三：衔接推进区覆盖行政村原则上不低于10个。三.2：村庄应属于集聚提升类或特色保护类，不能纳入城中村以及城郊融合类、搬迁撤并类村庄；应当编制多规合一的村庄规划。"
        </p>
        <p class="app-count" id="village-count">{move || format!("已添加 {} 个村", ids.with(Vec::len))}</p>
        <For each=move || ids.get() key=|id| id.clone() let:id>
            <VillageCard id=id />
        </For>
        <button type="button" class="app-button app-button--secondary" id="add-village" data-focus-for="villages" on:click=add>"添加村庄"</button>
        <StepFooter step=Step::Villages />
    }
}

#[component]
fn VillageCard(id: String) -> impl IntoView {
    let ctx = expect_context::<DraftCtx>();
    let index = item_index(ctx, ItemList::Villages, id.clone());
    let path = move |field: &'static str| move || format!("villages[{}].{field}", index.get());
    let village = ItemRef::village(&id);
    let name = ctx.text(path("name"), village.get(|v| v.name.clone()), village.set(|v, x| v.name = x));
    let township = ctx.text(path("township"), village.get(|v| v.township.clone()), village.set(|v, x| v.township = x));
    let code = ctx.text(path("code"), village.get(|v| v.code.clone()), village.set(|v, x| v.code = x));
    let category = ctx.choice(path("category"), village.get(|v| v.category), village.set(|v, x| v.category = x));
    let plan = ctx.choice(path("plan.status"), village.get(|v| v.plan.status), village.set(|v, x| v.plan.status = x));
    let approved = ctx.parsed(
        path("plan.approved_on"),
        village.get(|v| v.plan.approved_on),
        village.set(|v, x| v.plan.approved_on = x),
        DATE,
    );
    let expected = ctx.parsed(
        path("plan.expected_on"),
        village.get(|v| v.plan.expected_on),
        village.set(|v, x| v.plan.expected_on = x),
        DATE,
    );
    let population =
        ctx.parsed(path("population"), village.get(|v| v.population), village.set(|v, x| v.population = x), COUNT);
    let lifted = ctx.parsed(
        path("lifted_population"),
        village.get(|v| v.lifted_population),
        village.set(|v, x| v.lifted_population = x),
        COUNT,
    );
    let monitored = ctx.parsed(
        path("monitored_population"),
        village.get(|v| v.monitored_population),
        village.set(|v, x| v.monitored_population = x),
        COUNT,
    );
    let support = ctx.choice(
        path("resident_support"),
        village.get(|v| v.resident_support),
        village.set(|v, x| v.resident_support = x),
    );
    let plan_status = {
        let id = id.clone();
        move || ctx.draft.with(|d| d.application.villages.iter().find(|v| v.id == id).and_then(|v| v.plan.status))
    };
    let plan_status_2 = plan_status.clone();
    let title = {
        let id = id.clone();
        move || {
            let name = ctx.draft.with(|d| {
                d.application.villages.iter().find(|v| v.id == id).map(|v| v.name.clone()).unwrap_or_default()
            });
            format!(
                "第{}个村{}",
                index.get() + 1,
                if name.trim().is_empty() { String::new() } else { format!("：{name}") }
            )
        }
    };
    let categories: Vec<(String, String)> =
        VillageCategory::ALL.into_iter().map(|c| (key_of(&c), c.label().to_owned())).collect();
    let plans: Vec<(String, String)> =
        PlanStatus::ALL.into_iter().map(|p| (key_of(&p), p.label().to_owned())).collect();
    let supports: Vec<(String, String)> =
        ResidentSupport::ALL.into_iter().map(|s| (key_of(&s), s.label().to_owned())).collect();
    view! {
        <fieldset class="app-card" data-village-id=id.clone()>
            <legend class="app-card__title">{title}</legend>
            <div class="app-card__grid">
                <TextInput binding=name label="村名" />
                <TextInput binding=township label="所属乡镇（街道）" />
                <TextInput binding=code label="村级区划代码（选填）" hint="12位统计用区划代码" input_mode="numeric" />
                <SelectField binding=category label="村庄分类" options=Signal::derive(move || categories.clone()) placeholder="请选择" />
                <SelectField binding=plan label="多规合一村庄规划" options=Signal::derive(move || plans.clone()) placeholder="请选择" />
                <Show when=move || plan_status() == Some(PlanStatus::Approved)>
                    <TextInput binding=approved label="批复日期" hint="如 2022-06-01" width="short" />
                </Show>
                <Show when=move || plan_status_2() == Some(PlanStatus::InPreparation)>
                    <TextInput binding=expected label="预计批复日期" hint="如 2023-03-31" width="short" />
                </Show>
                <TextInput binding=population label="户籍人口" suffix="人" input_mode="numeric" width="short" />
                <TextInput binding=lifted label="脱贫人口" suffix="人" input_mode="numeric" width="short" />
                <TextInput binding=monitored label="监测帮扶对象" suffix="人" input_mode="numeric" width="short" />
                <Radios binding=support legend="第一书记、工作队驻村情况" options=supports />
            </div>
            <ItemControls list=ItemList::Villages id=id.clone() noun="村" />
        </fieldset>
    }
}
