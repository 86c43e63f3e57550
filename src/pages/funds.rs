use leptos::prelude::*;
use shenbao_core::draft::ItemList;
use shenbao_core::model::{FundingSource, SectorFund};
use shenbao_core::money::percent_text;
use shenbao_core::rules::Step;

use crate::components::{FindingsPanel, StepFooter, TextInput};
use crate::pages::list_controls::{ItemControls, item_index};
use crate::state::{DraftCtx, ItemRef, MONEY};

/// Step 5 资金筹措: linkage funds, integrated sector funds, cooperation funds, social capital and loans, with the
/// provincial subsidy, totals, the sector share and the per-source sums computed live beside the inputs.
#[component]
pub fn FundsPage() -> impl IntoView {
    let ctx = expect_context::<DraftCtx>();
    let provincial = ctx.parsed(
        || "funds.provincial_linkage_funds".into(),
        |a| a.funds.provincial_linkage_funds,
        |a, v| a.funds.provincial_linkage_funds = v,
        MONEY,
    );
    let city = ctx.parsed(
        || "funds.city_linkage_funds".into(),
        |a| a.funds.city_linkage_funds,
        |a, v| a.funds.city_linkage_funds = v,
        MONEY,
    );
    let county = ctx.parsed(
        || "funds.county_linkage_funds".into(),
        |a| a.funds.county_linkage_funds,
        |a, v| a.funds.county_linkage_funds = v,
        MONEY,
    );
    let cooperation = ctx.parsed(
        || "funds.cooperation_funds".into(),
        |a| a.funds.cooperation_funds,
        |a, v| a.funds.cooperation_funds = v,
        MONEY,
    );
    let social = ctx.parsed(
        || "funds.social_capital".into(),
        |a| a.funds.social_capital,
        |a, v| a.funds.social_capital = v,
        MONEY,
    );
    let loans = ctx.parsed(|| "funds.loans".into(), |a| a.funds.loans, |a, v| a.funds.loans = v, MONEY);
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
        ctx.evaluation.with(|e| match e.figures.provincial_subsidy {
            Some(amount) => format!("按本县情况（通知一.3）应为 {amount} 万元。"),
            None => "请先在「申报县基本情况」中回答是否为重点县及扶贫区域分类。".to_owned(),
        })
    });
    view! {
        <h1 class="app-heading app-heading--l">"5. 资金筹措"</h1>
        <FindingsPanel step=Step::Funds />
        <p class="app-intro">
            "通知一.3：重点县衔接资金5000万元，从省级以上衔接资金中专门安排；其他县衔接资金不低于4000万元，省级以上按东、中、西2000、2500、3000万元定额补助，其余由市县两级安排。"
            "三.4：整合的行业资金规模不得低于各级衔接资金总量的50%。金额单位均为万元，最多4位小数。"
        </p>
        <div class="app-layout app-layout--funds">
            <div class="app-layout__content">
                <h2 class="app-heading app-heading--m">"衔接资金"</h2>
                <p class="app-field__hint" id="subsidy-hint">{subsidy_hint}</p>
                <TextInput binding=provincial label="省级以上衔接资金" suffix="万元" input_mode="decimal" width="short" />
                <TextInput binding=city label="市级衔接资金" suffix="万元" input_mode="decimal" width="short" />
                <TextInput binding=county label="县级衔接资金" suffix="万元" input_mode="decimal" width="short" />
                <h2 class="app-heading app-heading--m">"整合的行业资金"</h2>
                <For each=move || ids.get() key=|id| id.clone() let:id>
                    <SectorFundRow id=id />
                </For>
                <button type="button" class="app-button app-button--secondary" id="add-sector-fund" data-focus-for="funds.sector_funds" on:click=add>"添加行业资金"</button>
                <h2 class="app-heading app-heading--m">"其他资金"</h2>
                <TextInput binding=cooperation label="协作资金" hint="东西部协作、省内协作资金" suffix="万元" input_mode="decimal" width="short" />
                <TextInput binding=social label="社会资本" suffix="万元" input_mode="decimal" width="short" />
                <TextInput binding=loans label="金融信贷资金" hint="如“齐鲁富民贷”“富农产业贷”" suffix="万元" input_mode="decimal" width="short" />
            </div>
            <aside class="app-layout__aside"><FundsFigures /></aside>
        </div>
        <StepFooter step=Step::Funds />
    }
}

#[component]
fn SectorFundRow(id: String) -> impl IntoView {
    let ctx = expect_context::<DraftCtx>();
    let index = item_index(ctx, ItemList::SectorFunds, id.clone());
    let path = move |field: &'static str| move || format!("funds.sector_funds[{}].{field}", index.get());
    let line = ItemRef::sector_fund(&id);
    let department =
        ctx.text(path("department"), line.get(|s| s.department.clone()), line.set(|s, x| s.department = x));
    let fund_name = ctx.text(path("fund_name"), line.get(|s| s.fund_name.clone()), line.set(|s, x| s.fund_name = x));
    let amount = ctx.parsed(path("amount"), line.get(|s| s.amount), line.set(|s, x| s.amount = x), MONEY);
    view! {
        <fieldset class="app-card app-card--compact" data-sector-fund-id=id.clone()>
            <legend class="app-card__title">{move || format!("行业资金 {}", index.get() + 1)}</legend>
            <div class="app-card__grid">
                <TextInput binding=department label="主管部门" hint="如“县水务局”" />
                <TextInput binding=fund_name label="资金名称" />
                <TextInput binding=amount label="金额" suffix="万元" input_mode="decimal" width="short" />
            </div>
            <ItemControls list=ItemList::SectorFunds id=id.clone() noun="行业资金" />
        </fieldset>
    }
}

/// The live figures of the funds step, straight from the core's evaluation.
#[component]
fn FundsFigures() -> impl IntoView {
    let ctx = expect_context::<DraftCtx>();
    let figures = Memo::new(move |_| ctx.evaluation.with(|e| e.figures.clone()));
    let row = |label: &'static str, id: &'static str, value: Signal<String>| {
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
                {row("省级以上衔接资金（应为）", "figure-provincial-subsidy", Signal::derive(move || figures.with(|f| f.provincial_subsidy.map(wan).unwrap_or_else(|| "待确定".into()))))}
                {row("衔接资金总量", "figure-linkage-total", Signal::derive(move || figures.with(|f| wan(f.linkage_total))))}
                {row("整合的行业资金", "figure-sector-total", Signal::derive(move || figures.with(|f| wan(f.sector_total))))}
                {row("行业资金占衔接资金比例", "figure-sector-share", Signal::derive(move || figures.with(|f| f.sector_share.map(percent_text).unwrap_or_else(|| "—".into()))))}
                {row("行业资金最低要求（50%）", "figure-sector-minimum", Signal::derive(move || figures.with(|f| wan(f.sector_minimum))))}
                {row("总投资", "figure-total-investment", Signal::derive(move || figures.with(|f| wan(f.total_investment))))}
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
