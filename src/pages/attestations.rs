use leptos::prelude::*;
use shenbao_core::rules::Step;

use crate::components::{CheckBox, FindingsPanel, StepFooter};
use crate::state::DraftCtx;

/// Step 7 承诺事项: the commitments the notice implies, each ticked by the county.
#[component]
pub fn AttestationsPage() -> impl IntoView {
    let ctx = expect_context::<DraftCtx>();
    let four = ctx.flag(
        || "attestations.four_not_removed".into(),
        |a| a.attestations.four_not_removed,
        |a, v| a.attestations.four_not_removed = v,
    );
    let assets = ctx.flag(
        || "attestations.asset_management".into(),
        |a| a.attestations.asset_management,
        |a, v| a.attestations.asset_management = v,
    );
    let monitoring = ctx.flag(
        || "attestations.return_to_poverty_monitoring".into(),
        |a| a.attestations.return_to_poverty_monitoring,
        |a, v| a.attestations.return_to_poverty_monitoring = v,
    );
    let funds = ctx.flag(
        || "attestations.funds_under_own_rules".into(),
        |a| a.attestations.funds_under_own_rules,
        |a, v| a.attestations.funds_under_own_rules = v,
    );
    let submission = ctx.flag(
        || "attestations.submitted_by_county_government".into(),
        |a| a.attestations.submitted_by_county_government,
        |a, v| a.attestations.submitted_by_county_government = v,
    );
    view! {
        <h1 class="app-heading app-heading--l">"7. 承诺事项"</h1>
        <FindingsPanel step=Step::Attestations />
        <p class="app-intro">"请逐项确认。确认的内容随申报包一并签名报送。"</p>
        <fieldset class="app-fieldset">
            <legend class="app-fieldset__legend app-heading--m">"本县承诺"</legend>
            <CheckBox binding=four label="严格落实“四个不摘”要求，保持帮扶政策总体稳定" hint="通知二.6" />
            <CheckBox binding=assets label="加强原有扶贫项目、衔接资金项目资产管理和监督，促进项目资产长期良性运营" hint="通知二.6" />
            <CheckBox binding=monitoring label="健全防返贫动态监测和帮扶机制，坚决守住不发生规模性返贫的底线" hint="通知二.6" />
            <CheckBox binding=funds label="各级财政资金按照各自管理办法规范使用" hint="通知三.4" />
            <CheckBox binding=submission label="实施规划经县政府常务会议研究同意后，以县政府名义上报市乡村振兴局、市财政局" hint="通知四.3" />
        </fieldset>
        <StepFooter step=Step::Attestations />
    }
}
