use leptos::prelude::*;
use shenbao_core::catalogue::{Field, FundsField, ItemList, intro};
use shenbao_core::evaluation::Figures;
use shenbao_core::model::{FundingSource, SectorFund};
use shenbao_core::money::percent_text;
use shenbao_core::rules::Step;

use crate::components::item_controls::{ItemControls, item_index};
use crate::components::{FieldInput, FindingsPanel, StepFooter};
use crate::draft_context::DraftCtx;

/// Step 5 资金筹措: linkage funds, integrated sector funds, cooperation funds, social capital and loans, with the
/// provincial subsidy, totals, the sector share and the per-source sums computed live beside the inputs.
#[component]
pub fn FundsPage() -> impl IntoView {
    let ctx = expect_context::<DraftCtx>();
    let funds = move |field: FundsField| view! { <FieldInput binding=ctx.field(Field::Funds(field).at()) /> };
    let ids = Memo::new(move |_| {
        ctx.draft.with(|d| d.application.funds.sector_funds.iter().map(|s| s.id.clone()).collect::<Vec<_>>())
    });
    let add = move |_| {
        ctx.update(|d| {
            let id = d.next_id(ItemList::SectorFunds);
            d.application.funds.sector_funds.push(SectorFund { id, ..SectorFund::default() });
        });
        let index = ctx.draft.with_untracked(|d| d.application.funds.sector_funds.len() - 1);
        crate::browser::focus_soon(format!("funds.sector_funds[{index}].department"));
    };
    let subsidy_hint = Signal::derive(move || {
        ctx.evaluation(|e| match e.figures.provincial_subsidy {
            Some(amount) => format!("按本县情况（通知一.3）应为 {amount} 万元。"),
            None => "请先在「申报县基本情况」中回答是否为重点县及扶贫区域分类。".to_owned(),
        })
    });
    view! {
        <h1 class="app-heading app-heading--l">{Step::Funds.heading()}</h1>
        <FindingsPanel step=Step::Funds />
        <p class="app-intro">{intro(Step::Funds, ctx.params()).join("")}</p>
        <div class="app-layout app-layout--funds">
            <div class="app-layout__content">
                <h2 class="app-heading app-heading--m">"衔接资金"</h2>
                <p class="app-field__hint" id="subsidy-hint">{subsidy_hint}</p>
                {funds(FundsField::ProvincialLinkage)}
                {funds(FundsField::CityLinkage)}
                {funds(FundsField::CountyLinkage)}
                <h2 class="app-heading app-heading--m">"整合的行业资金"</h2>
                <For each=move || ids.get() key=|id| id.clone() let:id>
                    <SectorFundRow id=id />
                </For>
                <button type="button" class="app-button app-button--secondary" id="add-sector-fund" data-focus-for="funds.sector_funds" on:click=add>"添加行业资金"</button>
                <h2 class="app-heading app-heading--m">"其他资金"</h2>
                {funds(FundsField::Cooperation)}
                {funds(FundsField::SocialCapital)}
                {funds(FundsField::Loans)}
            </div>
            <aside class="app-layout__aside"><FundsFigures /></aside>
        </div>
        <StepFooter step=Step::Funds />
    }
}

/// One integrated sector fund line.
#[component]
fn SectorFundRow(id: String) -> impl IntoView {
    let ctx = expect_context::<DraftCtx>();
    let index = item_index(ctx, ItemList::SectorFunds, id.clone());
    let fields = ItemList::SectorFunds
        .fields()
        .into_iter()
        .map(|field| view! { <FieldInput binding=ctx.field(field.of(&id)) /> })
        .collect_view();
    view! {
        <fieldset class="app-card app-card--compact" data-sector-fund-id=id.clone()>
            <legend class="app-card__title">{move || format!("行业资金 {}", index.get() + 1)}</legend>
            <div class="app-card__grid">{fields}</div>
            <ItemControls list=ItemList::SectorFunds id=id.clone() noun="行业资金" />
        </fieldset>
    }
}

/// The live figures of the funds step, straight from the core's evaluation.
#[component]
fn FundsFigures() -> impl IntoView {
    let ctx = expect_context::<DraftCtx>();
    let figures = Memo::new(move |_| ctx.evaluation(|e| e.figures.clone()));
    let row = |member: &'static str, id: &'static str, value: Signal<String>| {
        let label = match member {
            // The least 三.4 allows, with the share of the parameter set.
            "sector_minimum" => format!(
                "{}（{}）",
                Figures::label(member).unwrap_or(member),
                percent_text(ctx.params().sector_funds_min_share.value)
            ),
            _ => Figures::label(member).unwrap_or(member).to_owned(),
        };
        view! {
            <div class="app-summary__row">
                <dt class="app-summary__key">{label}</dt>
                <dd class="app-summary__value" id=id>{value}</dd>
            </div>
        }
    };
    let wan = |value: shenbao_core::Wan| format!("{value} 万元");
    let per_source = move || {
        figures.with(|f| {
            FundingSource::ALL
                .into_iter()
                .map(|source| {
                    let declared = f.declared_by_source.get(&source).copied().unwrap_or_default();
                    let projects = f.projects_by_source.get(&source).copied().unwrap_or_default();
                    let differs = declared != projects;
                    view! {
                        <tr class:app-table__row--mismatch=differs data-source=source.key()>
                            <th scope="row">{source.label()}</th>
                            <td>{declared.to_string()}</td>
                            <td>{projects.to_string()}</td>
                            <td>{if differs { (projects - declared).to_string() } else { "一致".to_owned() }}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="app-figures" id="figures" aria-labelledby="figures-title">
            <h2 class="app-heading app-heading--s" id="figures-title">"资金测算（随输入更新）"</h2>
            <dl class="app-summary">
                {row("provincial_subsidy", "figure-provincial-subsidy", Signal::derive(move || figures.with(|f| f.provincial_subsidy.map(wan).unwrap_or_else(|| "待确定".into()))))}
                {row("linkage_total", "figure-linkage-total", Signal::derive(move || figures.with(|f| wan(f.linkage_total))))}
                {row("sector_total", "figure-sector-total", Signal::derive(move || figures.with(|f| wan(f.sector_total))))}
                {row("sector_share", "figure-sector-share", Signal::derive(move || figures.with(|f| f.sector_share.map(percent_text).unwrap_or_else(|| "—".into()))))}
                {row("sector_minimum", "figure-sector-minimum", Signal::derive(move || figures.with(|f| wan(f.sector_minimum))))}
                {row("total_investment", "figure-total-investment", Signal::derive(move || figures.with(|f| wan(f.total_investment))))}
            </dl>
            // Four short columns: a table on phones too (scrolling sideways if it ever has to), never stacked
            // cells that lose their column names.
            <div class="app-table-scroll">
            <table class="app-table app-table--compact app-table--keep" id="per-source">
                <caption>"各资金来源：筹措金额与项目清单合计（万元）"</caption>
                <thead><tr><th scope="col">"来源"</th><th scope="col">"筹措"</th><th scope="col">"项目合计"</th><th scope="col">"差额"</th></tr></thead>
                <tbody>{per_source}</tbody>
            </table>
            </div>
        </section>
    }
}
