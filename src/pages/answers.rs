//! The answers of each step as label / value / field rows, for 核对与导出 ("check your answers").

use shenbao_core::Application;
use shenbao_core::model::{ContentArea, ExcludedProgramme, FundingSource};
use shenbao_core::rules::Step;
use shenbao_core::village_identity::distinct_count;

/// One answer: what was asked, what was answered, and the field to go back to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// The question, as in the form.
    pub label: String,
    /// The answer, formatted; empty when not answered.
    pub value: String,
    /// The field path the 修改 link focuses.
    pub field: String,
}

fn row(label: impl Into<String>, value: impl Into<String>, field: impl Into<String>) -> Answer {
    Answer { label: label.into(), value: value.into(), field: field.into() }
}

fn yes_no(value: Option<bool>) -> String {
    match value {
        Some(true) => "是".into(),
        Some(false) => "否".into(),
        None => String::new(),
    }
}

fn opt<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

fn wan(value: Option<shenbao_core::Wan>) -> String {
    value.map(|v| format!("{v} 万元")).unwrap_or_default()
}

fn join_non_empty(parts: &[String]) -> String {
    parts.iter().filter(|p| !p.trim().is_empty()).cloned().collect::<Vec<_>>().join("；")
}

fn period(start: Option<shenbao_core::input::YearMonth>, end: Option<shenbao_core::input::YearMonth>) -> String {
    if start.is_none() && end.is_none() { String::new() } else { format!("{} 至 {}", opt(start), opt(end)) }
}

/// The rows of one step: every answer that applies (questions hidden by another answer are left out), in full,
/// so that the reviewer reading a bundle sees everything the county stated.
pub fn answers(application: &Application, step: Step) -> Vec<Answer> {
    let a = application;
    match step {
        Step::Applicant => applicant(a),
        Step::Villages => villages(a),
        Step::Industries => industries(a),
        Step::Projects => projects(a),
        Step::Funds => funds(a),
        Step::Governance => governance(a),
        Step::Attestations => attestations(a),
    }
}

fn applicant(a: &Application) -> Vec<Answer> {
    let applicant = &a.applicant;
    let mut rows = vec![
        row("申报县（市、区）", format!("{}{}", applicant.city_name, applicant.county_name), "applicant.county_code"),
        row("是否为重点县", yes_no(applicant.key_county), "applicant.key_county"),
    ];
    if applicant.key_county != Some(true) {
        rows.push(row("所在市是否有重点县", yes_no(applicant.city_has_key_county), "applicant.city_has_key_county"));
    }
    if applicant.key_county == Some(false) {
        rows.push(row(
            "扶贫区域分类",
            applicant.region_tier.map(|t| t.label().to_owned()).unwrap_or_default(),
            "applicant.region_tier",
        ));
        rows.push(row("分类依据文件", applicant.region_tier_source.clone(), "applicant.region_tier_source"));
    }
    rows.push(row("是否为沿黄县", yes_no(applicant.along_yellow_river), "applicant.along_yellow_river"));
    rows.extend(ExcludedProgramme::ALL.into_iter().map(|p| {
        row(
            format!("与「{}」重叠", p.label()),
            yes_no(a.excluded_overlaps.get(&p).copied()),
            format!("excluded_overlaps.{}", p.key()),
        )
    }));
    rows.push(row(
        "联系人",
        format!("{} {}", applicant.contact_person, applicant.contact_phone).trim().to_owned(),
        "applicant.contact_person",
    ));
    rows
}

fn villages(a: &Application) -> Vec<Answer> {
    let mut rows = vec![row("覆盖行政村", format!("{} 个", distinct_count(&a.villages)), "villages")];
    rows.extend(a.villages.iter().enumerate().map(|(i, v)| {
        let plan = match (v.plan.status, v.plan.approved_on, v.plan.expected_on) {
            (Some(status), Some(date), _) | (Some(status), None, Some(date)) => {
                format!("村庄规划{}（{date}）", status.label())
            }
            (Some(status), None, None) => format!("村庄规划{}", status.label()),
            (None, _, _) => String::new(),
        };
        let people = |label: &str, count: Option<u32>| count.map(|n| format!("{label} {n} 人")).unwrap_or_default();
        let value = join_non_empty(&[
            format!("{}{}", v.township, v.name),
            if v.code.trim().is_empty() { String::new() } else { format!("代码 {}", v.code.trim()) },
            v.category.map(|c| c.label().to_owned()).unwrap_or_default(),
            plan,
            people("户籍人口", v.population),
            people("脱贫人口", v.lifted_population),
            people("监测帮扶对象", v.monitored_population),
            v.resident_support.map(|s| s.label().to_owned()).unwrap_or_default(),
        ]);
        row(format!("第{}个村", i + 1), value, format!("villages[{i}].name"))
    }));
    rows
}

fn industries(a: &Application) -> Vec<Answer> {
    let mut rows: Vec<Answer> = a
        .industries
        .iter()
        .enumerate()
        .map(|(i, industry)| {
            let fit = match industry.fits_county_plan {
                Some(true) => format!("符合县级产业振兴规划（{}）", industry.county_plan),
                Some(false) => "不符合县级产业振兴规划".to_owned(),
                None => String::new(),
            };
            let value = join_non_empty(&[
                industry.name.clone(),
                fit,
                format!("延伸潜力：{}", industry.chain_potential),
                format!("市场前景：{}", industry.market_prospects),
            ]);
            row(format!("特色产业 {}", i + 1), value, format!("industries[{i}].name"))
        })
        .collect();
    let linked: Vec<String> = a
        .linked_initiatives
        .iter()
        .map(|l| {
            if l.name.trim().is_empty() {
                l.kind.label().to_owned()
            } else {
                format!("{}（{}）", l.kind.label(), l.name)
            }
        })
        .collect();
    rows.push(row("有机结合的项目", linked.join("、"), "linked_initiatives"));
    rows
}

fn projects(a: &Application) -> Vec<Answer> {
    let mut rows = vec![
        row("实施规划期限", period(a.plan.start, a.plan.end), "plan.start"),
        row("建设目标", a.plan.targets.clone(), "plan.targets"),
    ];
    for area in ContentArea::ALL {
        rows.push(row(
            format!("「{}」建设内容概述", area.label()),
            a.plan.narratives.get(&area).cloned().unwrap_or_default(),
            format!("plan.narratives.{}", area.key()),
        ));
        for (i, p) in a.projects.iter().enumerate().filter(|(_, p)| p.content_area == Some(area)) {
            rows.push(row(
                format!("{}项目：{}", area.label(), p.name),
                project_text(a, p),
                format!("projects[{i}].name"),
            ));
        }
    }
    let unsorted = a.projects.iter().enumerate().filter(|(_, p)| p.content_area.is_none());
    rows.extend(
        unsorted
            .map(|(i, p)| row(format!("未分类项目：{}", p.name), project_text(a, p), format!("projects[{i}].name"))),
    );
    rows
}

fn project_text(a: &Application, p: &shenbao_core::model::Project) -> String {
    let site = match a.villages.iter().find(|v| v.id == p.village_id) {
        Some(village) => format!("{}{}", village.township, village.name),
        None if !p.village_id.is_empty() => "（所选的村已删除）".to_owned(),
        None => p.township.clone(),
    };
    let mode = match p.support_mode {
        Some(shenbao_core::model::SupportMode::Other) => p.support_mode_other.clone(),
        Some(mode) => mode.label().to_owned(),
        None => String::new(),
    };
    let funding: Vec<String> =
        p.funding.iter().map(|(source, amount)| format!("{} {amount} 万元", source.label())).collect();
    let beneficiaries = p.beneficiaries.map(|n| {
        format!(
            "受益 {n} 人（其中脱贫人口 {}、监测帮扶对象 {}）",
            opt(p.beneficiaries_lifted),
            opt(p.beneficiaries_monitored)
        )
    });
    join_non_empty(&[
        format!("地点：{site}"),
        format!("内容及规模：{}", p.content_and_scale),
        format!("支持方式：{mode}"),
        format!("资金：{}（合计 {} 万元）", funding.join("、"), p.total()),
        format!("责任部门：{}", p.responsible_department),
        format!("实施主体：{}", p.implementing_body),
        format!("期限：{}", period(p.start, p.end)),
        beneficiaries.unwrap_or_default(),
        if p.benefit_linkage.trim().is_empty() {
            String::new()
        } else {
            format!("利益联结：{}", p.benefit_linkage)
        },
        if p.dividend_only_purchase { "单纯追求收益分红的购买类项目".to_owned() } else { String::new() },
    ])
}

fn funds(a: &Application) -> Vec<Answer> {
    let mut rows = vec![
        row("省级以上衔接资金", wan(a.funds.provincial_linkage_funds), "funds.provincial_linkage_funds"),
        row("市级衔接资金", wan(a.funds.city_linkage_funds), "funds.city_linkage_funds"),
        row("县级衔接资金", wan(a.funds.county_linkage_funds), "funds.county_linkage_funds"),
    ];
    rows.extend(a.funds.sector_funds.iter().enumerate().map(|(i, s)| {
        row(
            format!("行业资金 {}", i + 1),
            format!("{} {} {}", s.department, s.fund_name, wan(s.amount)),
            format!("funds.sector_funds[{i}].amount"),
        )
    }));
    rows.extend([
        row(FundingSource::Cooperation.label(), wan(a.funds.cooperation_funds), "funds.cooperation_funds"),
        row(FundingSource::SocialCapital.label(), wan(a.funds.social_capital), "funds.social_capital"),
        row(FundingSource::Loans.label(), wan(a.funds.loans), "funds.loans"),
    ]);
    rows
}

fn governance(a: &Application) -> Vec<Answer> {
    let g = &a.governance;
    let mut rows = vec![
        row("主要负责同志亲自研究部署", yes_no(g.principal_leaders_deployed), "governance.principal_leaders_deployed"),
        row("挂帅的分管领导", g.leader_in_charge.clone(), "governance.leader_in_charge"),
        row("常态化工作协调机制", yes_no(g.coordination_mechanism), "governance.coordination_mechanism"),
    ];
    if g.coordination_mechanism == Some(true) {
        let leads: Vec<&str> =
            [(g.led_by_rural_revitalization_bureau, "县乡村振兴局"), (g.led_by_finance_bureau, "县财政局")]
                .into_iter()
                .filter_map(|(on, name)| on.then_some(name))
                .collect();
        rows.push(row("协调机制牵头单位", leads.join("、"), "governance.led_by_rural_revitalization_bureau"));
    }
    rows.push(row("工作专班", yes_no(g.task_force), "governance.task_force"));
    if g.task_force == Some(true) {
        rows.push(row("工作专班组成", g.task_force_members.clone(), "governance.task_force_members"));
    }
    rows.extend([
        row("县政府常务会议日期", opt(g.executive_meeting_date), "governance.executive_meeting_date"),
        row("会议纪要文号", g.executive_meeting_minutes.clone(), "governance.executive_meeting_minutes"),
        row("需要土地指标", yes_no(g.land_quota_needed), "governance.land_quota_needed"),
    ]);
    if g.land_quota_needed == Some(true) {
        rows.push(row("土地指标已优先保障", yes_no(g.land_quota_arranged), "governance.land_quota_arranged"));
    }
    rows
}

fn attestations(a: &Application) -> Vec<Answer> {
    let ticked = |v: bool| if v { "已确认".to_owned() } else { String::new() };
    let t = &a.attestations;
    vec![
        row("落实“四个不摘”", ticked(t.four_not_removed), "attestations.four_not_removed"),
        row("项目资产管理和监督", ticked(t.asset_management), "attestations.asset_management"),
        row(
            "防返贫动态监测和帮扶",
            ticked(t.return_to_poverty_monitoring),
            "attestations.return_to_poverty_monitoring",
        ),
        row("资金按各自管理办法使用", ticked(t.funds_under_own_rules), "attestations.funds_under_own_rules"),
        row(
            "以县政府名义上报",
            ticked(t.submitted_by_county_government),
            "attestations.submitted_by_county_government",
        ),
    ]
}
