use leptos::prelude::*;
use shenbao_core::rules::Step;

use crate::components::radios::yes_no_options;
use crate::components::{CheckBox, FindingsPanel, Radios, StepFooter, TextArea, TextInput};
use crate::state::{DATE, DraftCtx};

/// Step 6 组织保障: leadership, the coordination mechanism, the task force, the executive meeting and land (三.3,
/// 三.4, 四.3).
#[component]
pub fn GovernancePage() -> impl IntoView {
    let ctx = expect_context::<DraftCtx>();
    let deployed = ctx.yes_no(
        || "governance.principal_leaders_deployed".into(),
        |a| a.governance.principal_leaders_deployed,
        |a, v| a.governance.principal_leaders_deployed = v,
    );
    let leader = ctx.text(
        || "governance.leader_in_charge".into(),
        |a| a.governance.leader_in_charge.clone(),
        |a, v| a.governance.leader_in_charge = v,
    );
    let mechanism = ctx.yes_no(
        || "governance.coordination_mechanism".into(),
        |a| a.governance.coordination_mechanism,
        |a, v| a.governance.coordination_mechanism = v,
    );
    let rural = ctx.flag(
        || "governance.led_by_rural_revitalization_bureau".into(),
        |a| a.governance.led_by_rural_revitalization_bureau,
        |a, v| a.governance.led_by_rural_revitalization_bureau = v,
    );
    let finance = ctx.flag(
        || "governance.led_by_finance_bureau".into(),
        |a| a.governance.led_by_finance_bureau,
        |a, v| a.governance.led_by_finance_bureau = v,
    );
    let task_force =
        ctx.yes_no(|| "governance.task_force".into(), |a| a.governance.task_force, |a, v| a.governance.task_force = v);
    let members = ctx.text(
        || "governance.task_force_members".into(),
        |a| a.governance.task_force_members.clone(),
        |a, v| a.governance.task_force_members = v,
    );
    let meeting = ctx.parsed(
        || "governance.executive_meeting_date".into(),
        |a| a.governance.executive_meeting_date,
        |a, v| a.governance.executive_meeting_date = v,
        DATE,
    );
    let minutes = ctx.text(
        || "governance.executive_meeting_minutes".into(),
        |a| a.governance.executive_meeting_minutes.clone(),
        |a, v| a.governance.executive_meeting_minutes = v,
    );
    let land_needed = ctx.yes_no(
        || "governance.land_quota_needed".into(),
        |a| a.governance.land_quota_needed,
        |a, v| a.governance.land_quota_needed = v,
    );
    let land_arranged = ctx.yes_no(
        || "governance.land_quota_arranged".into(),
        |a| a.governance.land_quota_arranged,
        |a, v| a.governance.land_quota_arranged = v,
    );
    let has_mechanism = move || ctx.draft.with(|d| d.application.governance.coordination_mechanism == Some(true));
    let has_task_force = move || ctx.draft.with(|d| d.application.governance.task_force == Some(true));
    let needs_land = move || ctx.draft.with(|d| d.application.governance.land_quota_needed == Some(true));
    view! {
        <h1 class="app-heading app-heading--l">"6. 组织保障"</h1>
        <FindingsPanel step=Step::Governance />
        <p class="app-intro">
            "通知三.3：县级党委、政府高度重视，主要负责同志亲自研究部署，建立由分管领导挂帅，乡村振兴局、财政局牵头的常态化工作协调机制，并成立工作专班。"
            "四.3：经县政府常务会议研究同意后，以县政府名义上报市乡村振兴局、市财政局。"
        </p>
        <Radios binding=deployed legend="县级党委、政府主要负责同志是否已亲自研究部署？" options=yes_no_options() inline=true />
        <TextInput binding=leader label="挂帅的分管领导" hint="姓名和职务，如“张某某 副县长”" />
        <Radios binding=mechanism legend="是否已建立常态化工作协调机制？" options=yes_no_options() inline=true />
        <Show when=has_mechanism>
            <fieldset class="app-fieldset app-conditional">
                <legend class="app-fieldset__legend">"协调机制的牵头单位"</legend>
                <CheckBox binding=rural label="县乡村振兴局牵头" />
                <CheckBox binding=finance label="县财政局牵头" />
            </fieldset>
        </Show>
        <Radios binding=task_force legend="是否已成立工作专班？" options=yes_no_options() inline=true />
        <Show when=has_task_force>
            <div class="app-conditional"><TextArea binding=members label="工作专班组成" hint="牵头单位和成员单位" rows=2 /></div>
        </Show>
        <h2 class="app-heading app-heading--m">"县政府常务会议"</h2>
        <TextInput binding=meeting label="研究同意实施规划的会议日期" hint="如 2022-11-28" width="short" />
        <TextInput binding=minutes label="会议纪要文号" />
        <h2 class="app-heading app-heading--m">"土地保障"</h2>
        <Radios binding=land_needed legend="项目建设是否需要土地指标？" options=yes_no_options() inline=true />
        <Show when=needs_land>
            <Radios binding=land_arranged legend="县级是否已优先保障所需土地指标？" hint="通知三.4：项目建设所需土地指标，县级应优先给予保障。" options=yes_no_options() inline=true />
        </Show>
        <StepFooter step=Step::Governance />
    }
}
