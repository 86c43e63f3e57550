mod card;

use leptos::prelude::*;
use shenbao_core::catalogue::{Field, ItemList, PlanField, intro};
use shenbao_core::model::{ContentArea, Project};
use shenbao_core::rules::Step;

use crate::components::{FieldInput, FindingsPanel, StepFooter};
use crate::draft_context::DraftCtx;
use card::ProjectCard;

/// Step 4 建设内容与项目清单: the plan's period and targets, then for each of the six content areas its narrative
/// and its projects.
#[component]
pub fn ProjectsPage() -> impl IntoView {
    let ctx = expect_context::<DraftCtx>();
    let plan = move |field: PlanField| ctx.field(Field::Plan(field).at());
    let areas = ContentArea::ALL.into_iter().map(|area| view! { <AreaSection area=area /> }).collect_view();
    view! {
        <h1 class="app-heading app-heading--l">{Step::Projects.heading()}</h1>
        <FindingsPanel step=Step::Projects />
        {intro(Step::Projects, ctx.params()).into_iter().map(|text| view! { <p class="app-intro">{text}</p> }).collect_view()}
        <h2 class="app-heading app-heading--m">"实施规划"</h2>
        <div class="app-card__grid">
            <FieldInput binding=plan(PlanField::Start) />
            <FieldInput binding=plan(PlanField::End) />
        </div>
        <FieldInput binding=plan(PlanField::Targets) rows=3 />
        {areas}
        <StepFooter step=Step::Projects />
    }
}

/// One content area: its narrative, its projects, and the button that adds one to it.
#[component]
fn AreaSection(area: ContentArea) -> impl IntoView {
    let ctx = expect_context::<DraftCtx>();
    let ids = Memo::new(move |_| {
        ctx.draft.with(|d| {
            d.application
                .projects
                .iter()
                .filter(|p| p.content_area == Some(area))
                .map(|p| p.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let add = move |_| {
        ctx.update(|d| {
            let id = d.next_id(ItemList::Projects);
            d.application.projects.push(Project { id, content_area: Some(area), ..Project::default() });
        });
        let index = ctx.draft.with_untracked(|d| d.application.projects.len() - 1);
        crate::browser::focus_soon(format!("projects[{index}].name"));
    };
    view! {
        <section class="app-area" id=format!("area-{}", area.key())>
            <h2 class="app-heading app-heading--m">{format!("{}（{}）", area.label(), area.clause())}</h2>
            <FieldInput binding=ctx.field(Field::Narrative(area).at()) rows=2 />
            <p class="app-count">{move || format!("{}项目 {} 个", area.label(), ids.with(Vec::len))}</p>
            <For each=move || ids.get() key=|id| id.clone() let:id>
                <ProjectCard id=id />
            </For>
            // A link to the whole list (尚未添加项目) focuses the first area's add button.
            <button
                type="button"
                class="app-button app-button--secondary"
                id=format!("add-project-{}", area.key())
                data-add-project=area.key()
                data-focus-for=(area == ContentArea::ALL[0]).then_some("projects")
                on:click=add
            >
                {format!("添加「{}」项目", area.label())}
            </button>
        </section>
    }
}
