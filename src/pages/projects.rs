use leptos::prelude::*;
use shenbao_core::draft::ItemList;
use shenbao_core::model::{ContentArea, Project};
use shenbao_core::rules::Step;

use crate::components::{FindingsPanel, StepFooter, TextArea, TextInput};
use crate::pages::project_card::ProjectCard;
use crate::state::{DraftCtx, MONTH};

/// Step 4 建设内容与项目清单: the plan's period and targets, then for each of the six content areas its narrative
/// and its projects.
#[component]
pub fn ProjectsPage() -> impl IntoView {
    let ctx = expect_context::<DraftCtx>();
    let start = ctx.parsed(|| "plan.start".into(), |a| a.plan.start, |a, v| a.plan.start = v, MONTH);
    let end = ctx.parsed(|| "plan.end".into(), |a| a.plan.end, |a, v| a.plan.end = v, MONTH);
    let targets = ctx.text(|| "plan.targets".into(), |a| a.plan.targets.clone(), |a, v| a.plan.targets = v);
    let areas = ContentArea::ALL.into_iter().map(|area| view! { <AreaSection area=area /> }).collect_view();
    view! {
        <h1 class="app-heading app-heading--l">"4. 建设内容与项目清单"</h1>
        <FindingsPanel step=Step::Projects />
        <p class="app-intro">
            "通知四.3：原则上按2年期限编制实施规划，明确实施项目、责任部门、资金来源、实施期限等内容。"
            "通知二：重点围绕产业发展、乡村建设、乡村治理、人才培养、就业带动、巩固成果六大内容。"
        </p>
        <h2 class="app-heading app-heading--m">"实施规划"</h2>
        <div class="app-card__grid">
            <TextInput binding=start label="规划开始年月" hint="如 2023-01" width="short" />
            <TextInput binding=end label="规划结束年月" hint="如 2024-12" width="short" />
        </div>
        <TextArea binding=targets label="建设目标" rows=3 />
        {areas}
        <StepFooter step=Step::Projects />
    }
}

#[component]
fn AreaSection(area: ContentArea) -> impl IntoView {
    let ctx = expect_context::<DraftCtx>();
    let narrative = ctx.text(
        move || format!("plan.narratives.{}", area.key()),
        move |a| a.plan.narratives.get(&area).cloned().unwrap_or_default(),
        move |a, text| {
            if text.is_empty() {
                a.plan.narratives.remove(&area);
            } else {
                a.plan.narratives.insert(area, text);
            }
        },
    );
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
        let mut new_id = String::new();
        ctx.update(|d| {
            new_id = d.next_id(ItemList::Projects);
            d.application.projects.push(Project { id: new_id.clone(), content_area: Some(area), ..Project::default() });
        });
        let index = ctx.draft.with_untracked(|d| d.application.projects.len() - 1);
        crate::browser::focus_soon(format!("projects[{index}].name"));
    };
    view! {
        <section class="app-area" id=format!("area-{}", area.key())>
            <h2 class="app-heading app-heading--m">{format!("{}（{}）", area.label(), area.clause())}</h2>
            <TextArea binding=narrative label=format!("「{}」建设内容概述", area.label()) rows=2 />
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
