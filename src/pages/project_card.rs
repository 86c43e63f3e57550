use leptos::prelude::*;
use shenbao_core::draft::ItemList;
use shenbao_core::model::{ContentArea, FundingSource, SupportMode};

use crate::components::{CheckBox, Radios, SelectField, TextArea, TextInput};
use crate::pages::list_controls::{ItemControls, item_index};
use crate::state::{COUNT, DraftCtx, ItemRef, MONEY, MONTH, key_of};

/// One project, folded to a summary line; its fields are built only while it is open, so a list of 200 projects
/// stays light.
#[component]
pub fn ProjectCard(id: String) -> impl IntoView {
    let ctx = expect_context::<DraftCtx>();
    let index = item_index(ctx, ItemList::Projects, id.clone());
    let started_empty = ctx
        .draft
        .with_untracked(|d| d.application.projects.iter().find(|p| p.id == id).is_some_and(|p| p.name.is_empty()));
    let open = RwSignal::new(started_empty);
    // A link to one of its fields (from the findings or from 核对与导出) opens the card first.
    let router = expect_context::<crate::route::Router>();
    Effect::new(move |_| {
        let prefix = format!("projects[{}].", index.get());
        if router.focus.with(|focus| focus.as_deref().is_some_and(|field| field.starts_with(&prefix))) {
            open.set(true);
        }
    });
    let summary = {
        let id = id.clone();
        move || {
            ctx.draft.with(|d| {
                d.application.projects.iter().find(|p| p.id == id).map(|p| {
                    let name =
                        if p.name.trim().is_empty() { "（未命名项目）".to_owned() } else { p.name.clone() };
                    format!("{}. {name} · 合计 {} 万元", index.get() + 1, p.total())
                })
            })
        }
    };
    let problems = {
        let prefix_index = index;
        move || {
            let prefix = format!("projects[{}]", prefix_index.get());
            ctx.evaluation.with(|e| {
                e.findings
                    .iter()
                    .filter(|f| f.severity != shenbao_core::evaluation::Severity::Info)
                    .filter(|f| f.fields.iter().any(|field| field.starts_with(&prefix)))
                    .count()
            })
        }
    };
    let body_id = id.clone();
    view! {
        <div class="app-card app-card--project" data-project-id=id.clone()>
            <div class="app-card__summary">
                <button
                    type="button"
                    class="app-card__toggle"
                    aria-expanded=move || open.get().to_string()
                    id=move || format!("projects[{}]-toggle", index.get())
                    on:click=move |_| open.update(|o| *o = !*o)
                >
                    {summary}
                </button>
                {move || match problems() {
                    0 => None,
                    n => Some(view! { <span class="app-tag app-tag--has-problems">{format!("{n} 个问题")}</span> }),
                }}
            </div>
            <Show when=move || open.get()>
                <ProjectFields id=body_id.clone() />
            </Show>
        </div>
    }
}

#[component]
fn ProjectFields(id: String) -> impl IntoView {
    let ctx = expect_context::<DraftCtx>();
    let index = item_index(ctx, ItemList::Projects, id.clone());
    let path = move |field: String| move || format!("projects[{}].{field}", index.get());
    let project_item = ItemRef::project(&id);
    let name = ctx.text(path("name".into()), project_item.get(|p| p.name.clone()), project_item.set(|p, x| p.name = x));
    let area = ctx.choice(
        path("content_area".into()),
        project_item.get(|p| p.content_area),
        project_item.set(|p, x| p.content_area = x),
    );
    // The site is a village of the area, or a township for township-level projects. Choosing "township" is
    // remembered on the card until a township name is typed (an empty name is not worth storing).
    let township_mode = RwSignal::new(ctx.draft.with_untracked(|d| {
        d.application
            .projects
            .iter()
            .find(|p| p.id == id)
            .is_some_and(|p| p.village_id.is_empty() && !p.township.is_empty())
    }));
    let village_binding = ctx.text(
        path("village_id".into()),
        project_item.get(|p| p.village_id.clone()),
        project_item.set(|p, x: String| {
            if !x.is_empty() {
                p.township.clear();
            }
            p.village_id = x
        }),
    );
    let site_village = crate::state::Binding {
        value: Signal::derive(
            move || if township_mode.get() { "township".to_owned() } else { village_binding.value.get() },
        ),
        on_input: Callback::new(move |key: String| {
            let township = key == "township";
            township_mode.set(township);
            village_binding.on_input.run(if township { String::new() } else { key });
        }),
        ..village_binding
    };
    let township = ctx.text(
        path("township".into()),
        project_item.get(|p| p.township.clone()),
        project_item.set(|p, x| p.township = x),
    );
    let scale = ctx.text(
        path("content_and_scale".into()),
        project_item.get(|p| p.content_and_scale.clone()),
        project_item.set(|p, x| p.content_and_scale = x),
    );
    let mode = ctx.choice(
        path("support_mode".into()),
        project_item.get(|p| p.support_mode),
        project_item.set(|p, x| p.support_mode = x),
    );
    let mode_other = ctx.text(
        path("support_mode_other".into()),
        project_item.get(|p| p.support_mode_other.clone()),
        project_item.set(|p, x| p.support_mode_other = x),
    );
    let department = ctx.text(
        path("responsible_department".into()),
        project_item.get(|p| p.responsible_department.clone()),
        project_item.set(|p, x| p.responsible_department = x),
    );
    let body = ctx.text(
        path("implementing_body".into()),
        project_item.get(|p| p.implementing_body.clone()),
        project_item.set(|p, x| p.implementing_body = x),
    );
    let start =
        ctx.parsed(path("start".into()), project_item.get(|p| p.start), project_item.set(|p, x| p.start = x), MONTH);
    let end = ctx.parsed(path("end".into()), project_item.get(|p| p.end), project_item.set(|p, x| p.end = x), MONTH);
    let beneficiaries = ctx.parsed(
        path("beneficiaries".into()),
        project_item.get(|p| p.beneficiaries),
        project_item.set(|p, x| p.beneficiaries = x),
        COUNT,
    );
    let lifted = ctx.parsed(
        path("beneficiaries_lifted".into()),
        project_item.get(|p| p.beneficiaries_lifted),
        project_item.set(|p, x| p.beneficiaries_lifted = x),
        COUNT,
    );
    let monitored = ctx.parsed(
        path("beneficiaries_monitored".into()),
        project_item.get(|p| p.beneficiaries_monitored),
        project_item.set(|p, x| p.beneficiaries_monitored = x),
        COUNT,
    );
    let linkage = ctx.text(
        path("benefit_linkage".into()),
        project_item.get(|p| p.benefit_linkage.clone()),
        project_item.set(|p, x| p.benefit_linkage = x),
    );
    let dividend = ctx.flag(
        path("dividend_only_purchase".into()),
        project_item.get(|p| p.dividend_only_purchase),
        project_item.set(|p, x| p.dividend_only_purchase = x),
    );
    let funding = FundingSource::ALL
        .into_iter()
        .map(|source| {
            let binding = ctx.parsed(
                path(format!("funding.{}", source.key())),
                project_item.get(move |p| p.funding.get(&source).copied()),
                project_item.set(move |p, x| match x {
                    Some(amount) => drop(p.funding.insert(source, amount)),
                    None => drop(p.funding.remove(&source)),
                }),
                MONEY,
            );
            view! { <TextInput binding=binding label=source.label() suffix="万元" input_mode="decimal" width="short" /> }
        })
        .collect_view();
    let areas: Vec<(String, String)> =
        ContentArea::ALL.into_iter().map(|a| (key_of(&a), a.label().to_owned())).collect();
    let modes: Vec<(String, String)> =
        SupportMode::ALL.into_iter().map(|m| (key_of(&m), m.label().to_owned())).collect();
    let sites = Signal::derive(move || {
        let mut options: Vec<(String, String)> = ctx.draft.with(|d| {
            d.application.villages.iter().map(|v| (v.id.clone(), format!("{}{}", v.township, v.name))).collect()
        });
        options.push(("township".into(), "乡镇级项目（服务全乡镇，如公共服务）".into()));
        options
    });
    let project = {
        let id = id.clone();
        move || ctx.draft.with(|d| d.application.projects.iter().find(|p| p.id == id).cloned().unwrap_or_default())
    };
    let project_3 = project.clone();
    view! {
        <div class="app-card__body">
            <TextInput binding=name label="项目名称" />
            <div class="app-card__grid">
                <SelectField binding=area label="建设内容类别" options=Signal::derive(move || areas.clone()) placeholder="请选择" />
                <SelectField binding=site_village label="实施地点" options=sites placeholder="请选择村" />
            </div>
            <Show when=move || township_mode.get()>
                <TextInput binding=township label="实施乡镇" hint="须为推进区覆盖村庄所在的乡镇" width="short" />
            </Show>
            <TextArea binding=scale label="建设内容及规模" rows=2 />
            <Radios binding=mode legend="支持方式" options=modes.clone() />
            <Show when=move || project().support_mode == Some(SupportMode::Other)>
                <TextInput binding=mode_other label="其他支持方式" />
            </Show>
            <fieldset class="app-fieldset">
                <legend class="app-fieldset__legend">"资金来源（万元）"</legend>
                <div class="app-card__grid app-card__grid--money">{funding}</div>
            </fieldset>
            <div class="app-card__grid">
                <TextInput binding=department label="责任部门" />
                <TextInput binding=body label="实施主体" />
                <TextInput binding=start label="开始年月" hint="如 2023-03" width="short" />
                <TextInput binding=end label="结束年月" hint="如 2023-10" width="short" />
                <TextInput binding=beneficiaries label="受益人数" suffix="人" input_mode="numeric" width="short" />
                <TextInput binding=lifted label="其中脱贫人口" suffix="人" input_mode="numeric" width="short" />
                <TextInput binding=monitored label="其中监测帮扶对象" suffix="人" input_mode="numeric" width="short" />
            </div>
            <TextArea
                binding=linkage
                label="联农带农富农利益联结机制"
                hint="产业发展项目必填：与农户特别是脱贫人口和监测帮扶对象的直接利益联结（二.1）"
                rows=2
            />
            <Show when=move || project_3().content_area == Some(ContentArea::Industry)>
                <CheckBox binding=dividend label="属于单纯追求收益分红的购买类项目" hint="通知二.1：原则上不再实施此类项目。" />
            </Show>
            <ItemControls list=ItemList::Projects id=id.clone() noun="项目" />
        </div>
    }
}
