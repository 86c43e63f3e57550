use leptos::prelude::*;
use shenbao_core::catalogue::{ApplicantField, Field, intro};
use shenbao_core::model::ExcludedProgramme;
use shenbao_core::rules::Step;

use crate::components::{FieldInput, FindingsPanel, StepFooter};
use crate::draft_context::DraftCtx;

/// Step 1 申报县基本情况: the county from the reference data, key-county status, tier, Yellow River, and the
/// overlap with the programmes excluded by 一.3.
#[component]
pub fn ApplicantPage() -> impl IntoView {
    let ctx = expect_context::<DraftCtx>();
    let field = move |field: ApplicantField| ctx.field(Field::Applicant(field).at());
    let overlaps = ExcludedProgramme::ALL
        .into_iter()
        .map(|programme| view! { <FieldInput binding=ctx.field(Field::ExcludedOverlap(programme).at()) /> })
        .collect_view();
    view! {
        <h1 class="app-heading app-heading--l">{Step::Applicant.heading()}</h1>
        <FindingsPanel step=Step::Applicant />
        {intro(Step::Applicant, ctx.params()).into_iter().map(|text| view! { <p class="app-intro">{text}</p> }).collect_view()}
        <FieldInput binding=field(ApplicantField::City) placeholder="请选择市" />
        <FieldInput binding=field(ApplicantField::County) placeholder="请选择县（市、区）" />
        <FieldInput binding=field(ApplicantField::KeyCounty) />
        <FieldInput binding=field(ApplicantField::CityHasKeyCounty) />
        <FieldInput binding=field(ApplicantField::RegionTier) />
        <FieldInput binding=field(ApplicantField::RegionTierSource) />
        <FieldInput binding=field(ApplicantField::AlongYellowRiver) />
        <h2 class="app-heading app-heading--m">"与已安排区域的重叠情况"</h2>
        <p class="app-intro">"通知一.3：已安排以下五类区域的，不再纳入推荐范围。请逐项声明。"</p>
        {overlaps}
        <h2 class="app-heading app-heading--m">"联系人"</h2>
        <FieldInput binding=field(ApplicantField::ContactPerson) />
        <FieldInput binding=field(ApplicantField::ContactPhone) />
        <StepFooter step=Step::Applicant />
    }
}
