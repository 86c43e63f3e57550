use leptos::prelude::*;
use shenbao_core::catalogue::{Field, ItemList, ProjectField, TOWNSHIP_SITE};
use shenbao_core::model::FundingSource;

use crate::binding::Binding;
use crate::components::FieldInput;
use crate::components::item_controls::{ItemControls, item_index};
use crate::draft_context::DraftCtx;

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
            ctx.evaluation(|e| {
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

/// The fields of an open project card, in the catalogue's order, laid out in groups.
#[component]
fn ProjectFields(id: String) -> impl IntoView {
    let ctx = expect_context::<DraftCtx>();
    let item = StoredValue::new(id.clone());
    let field = move |field: ProjectField| item.with_value(|id| ctx.field(Field::Project(field).of(id)));
    // The site is a village of the area, or a township for township-level projects. Choosing "township" is
    // remembered on the card until a township name is typed (an empty name is not worth storing).
    let site = field(ProjectField::Site);
    let township_mode = RwSignal::new(site.value.get_untracked() == TOWNSHIP_SITE);
    let site = Binding {
        value: Signal::derive(move || if township_mode.get() { TOWNSHIP_SITE.to_owned() } else { site.value.get() }),
        on_input: Callback::new(move |key: String| {
            township_mode.set(key == TOWNSHIP_SITE);
            site.on_input.run(key);
        }),
        ..site
    };
    let funding = FundingSource::ALL
        .into_iter()
        .map(|source| view! { <FieldInput binding=ctx.field(Field::ProjectFunding(source).of(&id)) /> })
        .collect_view();
    let grid = [
        ProjectField::ResponsibleDepartment,
        ProjectField::ImplementingBody,
        ProjectField::Start,
        ProjectField::End,
        ProjectField::Beneficiaries,
        ProjectField::BeneficiariesLifted,
        ProjectField::BeneficiariesMonitored,
    ]
    .map(|member| view! { <FieldInput binding=field(member) /> });
    view! {
        <div class="app-card__body">
            <FieldInput binding=field(ProjectField::Name) />
            <div class="app-card__grid">
                <FieldInput binding=field(ProjectField::ContentArea) />
                <FieldInput binding=site placeholder="请选择村" />
            </div>
            <Show when=move || township_mode.get()>
                <FieldInput binding=field(ProjectField::Township) />
            </Show>
            <FieldInput binding=field(ProjectField::ContentAndScale) rows=2 />
            <FieldInput binding=field(ProjectField::SupportMode) />
            <FieldInput binding=field(ProjectField::SupportModeOther) />
            <fieldset class="app-fieldset">
                <legend class="app-fieldset__legend">"资金来源（万元）"</legend>
                <div class="app-card__grid app-card__grid--money">{funding}</div>
            </fieldset>
            <div class="app-card__grid">{grid.into_iter().collect_view()}</div>
            <FieldInput binding=field(ProjectField::BenefitLinkage) rows=2 />
            <FieldInput binding=field(ProjectField::DividendOnlyPurchase) />
            <ItemControls list=ItemList::Projects id=id.clone() noun="项目" />
        </div>
    }
}
