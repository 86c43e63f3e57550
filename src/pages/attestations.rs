use leptos::prelude::*;
use shenbao_core::catalogue::{Field, intro};
use shenbao_core::rules::Step;

use crate::components::{FieldInput, FindingsPanel, StepFooter};
use crate::draft_context::DraftCtx;

/// Step 7 承诺事项: the commitments the notice implies, each ticked by the county.
#[component]
pub fn AttestationsPage() -> impl IntoView {
    let ctx = expect_context::<DraftCtx>();
    let commitments = Field::of_step(Step::Attestations)
        .map(|field| view! { <FieldInput binding=ctx.field(field.at()) /> })
        .collect_view();
    view! {
        <h1 class="app-heading app-heading--l">{Step::Attestations.heading()}</h1>
        <FindingsPanel step=Step::Attestations />
        {intro(Step::Attestations, ctx.params()).into_iter().map(|text| view! { <p class="app-intro">{text}</p> }).collect_view()}
        <fieldset class="app-fieldset">
            <legend class="app-fieldset__legend app-heading--m">"本县承诺"</legend>
            {commitments}
        </fieldset>
        <StepFooter step=Step::Attestations />
    }
}
