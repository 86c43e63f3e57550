use leptos::prelude::*;
use shenbao_core::model::{ExcludedProgramme, RegionTier};
use shenbao_core::reference;
use shenbao_core::rules::Step;

use crate::components::radios::yes_no_options;
use crate::components::{FindingsPanel, Radios, SelectField, StepFooter, TextInput};
use crate::state::{DraftCtx, key_of};

/// Step 1 申报县基本情况: the county from the reference data, key-county status, tier, Yellow River, and the
/// overlap with the programmes excluded by 一.3.
#[component]
pub fn ApplicantPage() -> impl IntoView {
    let ctx = expect_context::<DraftCtx>();
    let cities: Vec<(String, String)> =
        reference::cities().into_iter().map(|(c, n)| (c.to_owned(), n.to_owned())).collect();
    let city = ctx.text(
        || "applicant.city_code".into(),
        |a| a.applicant.city_code.clone(),
        |a, code| {
            let name = reference::cities()
                .into_iter()
                .find(|(c, _)| *c == code)
                .map(|(_, n)| n.to_owned())
                .unwrap_or_default();
            if a.applicant.city_code != code {
                a.applicant.county_code.clear();
                a.applicant.county_name.clear();
            }
            a.applicant.city_code = code;
            a.applicant.city_name = name;
        },
    );
    let counties = Signal::derive(move || {
        let city = ctx.draft.with(|d| d.application.applicant.city_code.clone());
        reference::counties_of(&city)
            .map(|d| (d.county_code.to_owned(), format!("{}（{}）", d.county_name, d.county_type)))
            .collect::<Vec<_>>()
    });
    let county = ctx.text(
        || "applicant.county_code".into(),
        |a| a.applicant.county_code.clone(),
        |a, code| match reference::county(&code) {
            Some(division) => {
                a.applicant.county_code = code;
                a.applicant.county_name = division.county_name.to_owned();
                a.applicant.city_code = division.city_code.to_owned();
                a.applicant.city_name = division.city_name.to_owned();
                // The reference data says whether it lies on the Yellow River; the applicant may correct it.
                a.applicant.along_yellow_river = Some(division.along_yellow_river);
            }
            None => {
                a.applicant.county_code.clear();
                a.applicant.county_name.clear();
            }
        },
    );
    let key_county =
        ctx.yes_no(|| "applicant.key_county".into(), |a| a.applicant.key_county, |a, v| a.applicant.key_county = v);
    let city_has_key = ctx.yes_no(
        || "applicant.city_has_key_county".into(),
        |a| a.applicant.city_has_key_county,
        |a, v| a.applicant.city_has_key_county = v,
    );
    let tier =
        ctx.choice(|| "applicant.region_tier".into(), |a| a.applicant.region_tier, |a, v| a.applicant.region_tier = v);
    let tier_source = ctx.text(
        || "applicant.region_tier_source".into(),
        |a| a.applicant.region_tier_source.clone(),
        |a, v| a.applicant.region_tier_source = v,
    );
    let yellow_river = ctx.yes_no(
        || "applicant.along_yellow_river".into(),
        |a| a.applicant.along_yellow_river,
        |a, v| a.applicant.along_yellow_river = v,
    );
    let contact = ctx.text(
        || "applicant.contact_person".into(),
        |a| a.applicant.contact_person.clone(),
        |a, v| a.applicant.contact_person = v,
    );
    let phone = ctx.text(
        || "applicant.contact_phone".into(),
        |a| a.applicant.contact_phone.clone(),
        |a, v| a.applicant.contact_phone = v,
    );
    let is_key = move || ctx.draft.with(|d| d.application.applicant.key_county);
    let params = ctx.params;
    let tier_options: Vec<(String, String)> = RegionTier::ALL
        .into_iter()
        .map(|t| {
            (
                key_of(&t),
                format!(
                    "{}（省级以上衔接资金定额补助 {} 万元）",
                    t.label(),
                    params.with_value(|p| p.fixed_subsidy(t).value)
                ),
            )
        })
        .collect();
    let overlaps = ExcludedProgramme::ALL
        .into_iter()
        .map(|programme| {
            let binding = ctx.yes_no(
                move || format!("excluded_overlaps.{}", programme.key()),
                move |a| a.excluded_overlaps.get(&programme).copied(),
                move |a, v| match v {
                    Some(v) => drop(a.excluded_overlaps.insert(programme, v)),
                    None => drop(a.excluded_overlaps.remove(&programme)),
                },
            );
            view! { <Radios binding=binding legend=format!("是否与已安排的「{}」区域重叠？", programme.label()) options=yes_no_options() inline=true /> }
        })
        .collect_view();
    view! {
        <h1 class="app-heading app-heading--l">"1. 申报县基本情况"</h1>
        <FindingsPanel step=Step::Applicant />
        <p class="app-intro">"通知一.3：每个省乡村振兴重点帮扶县推荐1个衔接推进区；不涉及重点县的12个市各选择一个县（市、区）推荐1个，优先安排符合条件的沿黄县（市、区）。"</p>
        <SelectField binding=city label="所在市" options=Signal::derive(move || cities.clone()) placeholder="请选择市" />
        <SelectField binding=county label="申报县（市、区）" hint="行政区划代码依据 GB/T 2260。" options=counties placeholder="请选择县（市、区）" />
        <Radios binding=key_county legend="本县是否为省乡村振兴重点帮扶县（重点县）？" hint="重点县衔接资金投入规模5000万元，从省级以上衔接资金中专门安排。" options=yes_no_options() inline=true />
        <Show when=move || is_key() != Some(true)>
            <Radios binding=city_has_key legend="所在市是否有省乡村振兴重点帮扶县？" hint="有重点县的市，只能由重点县推荐衔接推进区。" options=yes_no_options() inline=true />
        </Show>
        <Show when=move || is_key() == Some(false)>
            <Radios binding=tier legend="脱贫攻坚期间扶贫区域分类" hint="决定省级以上衔接资金一次性定额补助的档次（通知一.3）。" options=tier_options.clone() />
            <TextInput binding=tier_source label="分类依据文件" hint="填写文件名称和文号，供审核时核对。" />
        </Show>
        <Radios binding=yellow_river legend="本县是否为沿黄县（市、区）？" hint="已按参考数据（黄河干流沿线县）预先填写，如不符请更正。" options=yes_no_options() inline=true />
        <h2 class="app-heading app-heading--m">"与已安排区域的重叠情况"</h2>
        <p class="app-intro">"通知一.3：已安排以下五类区域的，不再纳入推荐范围。请逐项声明。"</p>
        {overlaps}
        <h2 class="app-heading app-heading--m">"联系人"</h2>
        <TextInput binding=contact label="联系人" width="short" />
        <TextInput binding=phone label="联系电话" width="short" input_mode="tel" />
        <StepFooter step=Step::Applicant />
    }
}
