use leptos::prelude::*;
use shenbao_core::catalogue::{Field, GovernanceField, intro};
use shenbao_core::rules::Step;

use crate::components::{FieldInput, FindingsPanel, StepFooter};
use crate::draft_context::DraftCtx;

/// Step 6 组织保障: leadership, the coordination mechanism, the task force, the executive meeting and land (三.3,
/// 三.4, 四.3).
#[component]
pub fn GovernancePage() -> impl IntoView {
    let ctx = expect_context::<DraftCtx>();
    let field = move |field: GovernanceField| ctx.field(Field::Governance(field).at());
    let rural = field(GovernanceField::LedByRuralRevitalizationBureau);
    let finance = field(GovernanceField::LedByFinanceBureau);
    let members = field(GovernanceField::TaskForceMembers);
    view! {
        <h1 class="app-heading app-heading--l">{Step::Governance.heading()}</h1>
        <FindingsPanel step=Step::Governance />
        {intro(Step::Governance, ctx.params()).into_iter().map(|text| view! { <p class="app-intro">{text}</p> }).collect_view()}
        <FieldInput binding=field(GovernanceField::PrincipalLeadersDeployed) />
        <FieldInput binding=field(GovernanceField::LeaderInCharge) />
        <FieldInput binding=field(GovernanceField::CoordinationMechanism) />
        <Show when=move || rural.applies.get()>
            <fieldset class="app-fieldset app-conditional">
                <legend class="app-fieldset__legend">"协调机制的牵头单位"</legend>
                <FieldInput binding=rural />
                <FieldInput binding=finance />
            </fieldset>
        </Show>
        <FieldInput binding=field(GovernanceField::TaskForce) />
        <Show when=move || members.applies.get()>
            <div class="app-conditional"><FieldInput binding=members rows=2 /></div>
        </Show>
        <h2 class="app-heading app-heading--m">"县政府常务会议"</h2>
        <FieldInput binding=field(GovernanceField::ExecutiveMeetingDate) />
        <FieldInput binding=field(GovernanceField::ExecutiveMeetingMinutes) />
        <h2 class="app-heading app-heading--m">"土地保障"</h2>
        <FieldInput binding=field(GovernanceField::LandQuotaNeeded) />
        <FieldInput binding=field(GovernanceField::LandQuotaArranged) />
        <StepFooter step=Step::Governance />
    }
}
