//! The answers of each step as label / value / field rows, for 核对与导出 ("check your answers").

use shenbao_core::Application;
use shenbao_core::model::{ContentArea, ExcludedProgramme, FundingSource};
use shenbao_core::rules::Step;

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

/// The rows of one step.
pub fn answers(application: &Application, step: Step) -> Vec<Answer> {
    let a = application;
    match step {
        Step::Applicant => {
            let mut rows = vec![
                row(
                    "申报县（市、区）",
                    format!("{}{}", a.applicant.city_name, a.applicant.county_name),
                    "applicant.county_code",
                ),
                row("是否为重点县", yes_no(a.applicant.key_county), "applicant.key_county"),
                row("所在市是否有重点县", yes_no(a.applicant.city_has_key_county), "applicant.city_has_key_county"),
                row(
                    "扶贫区域分类",
                    a.applicant.region_tier.map(|t| t.label().to_owned()).unwrap_or_default(),
                    "applicant.region_tier",
                ),
                row("分类依据文件", a.applicant.region_tier_source.clone(), "applicant.region_tier_source"),
                row("是否为沿黄县", yes_no(a.applicant.along_yellow_river), "applicant.along_yellow_river"),
            ];
            rows.extend(ExcludedProgramme::ALL.into_iter().map(|p| {
                row(
                    format!("与「{}」重叠", p.label()),
                    yes_no(a.excluded_overlaps.get(&p).copied()),
                    format!("excluded_overlaps.{}", p.key()),
                )
            }));
            rows.push(row(
                "联系人",
                format!("{} {}", a.applicant.contact_person, a.applicant.contact_phone).trim().to_owned(),
                "applicant.contact_person",
            ));
            rows
        }
        Step::Villages => {
            let mut rows = vec![row("覆盖行政村", format!("{} 个", a.villages.len()), "villages")];
            rows.extend(a.villages.iter().enumerate().map(|(i, v)| {
                let category = v.category.map(|c| c.label()).unwrap_or("未选分类");
                let plan = v.plan.status.map(|p| p.label()).unwrap_or("规划未填");
                row(
                    format!("第{}个村", i + 1),
                    format!(
                        "{}{}（{category}，村庄规划{plan}，户籍人口 {} 人）",
                        v.township,
                        v.name,
                        opt(v.population)
                    ),
                    format!("villages[{i}].name"),
                )
            }));
            rows
        }
        Step::Industries => {
            let mut rows: Vec<Answer> = a
                .industries
                .iter()
                .enumerate()
                .map(|(i, industry)| {
                    row(format!("特色产业 {}", i + 1), industry.name.clone(), format!("industries[{i}].name"))
                })
                .collect();
            let linked: Vec<String> =
                a.linked_initiatives.iter().map(|l| format!("{}{}", l.kind.label(), l.name)).collect();
            rows.push(row("有机结合的项目", linked.join("、"), "industries"));
            rows
        }
        Step::Projects => {
            let mut rows = vec![
                row("实施规划期限", format!("{} 至 {}", opt(a.plan.start), opt(a.plan.end)), "plan.start"),
                row("建设目标", a.plan.targets.clone(), "plan.targets"),
            ];
            rows.extend(ContentArea::ALL.into_iter().map(|area| {
                let projects: Vec<&str> =
                    a.projects.iter().filter(|p| p.content_area == Some(area)).map(|p| p.name.as_str()).collect();
                row(format!("{}项目", area.label()), projects.join("、"), format!("plan.narratives.{}", area.key()))
            }));
            rows
        }
        Step::Funds => {
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
        Step::Governance => vec![
            row(
                "主要负责同志亲自研究部署",
                yes_no(a.governance.principal_leaders_deployed),
                "governance.principal_leaders_deployed",
            ),
            row("挂帅的分管领导", a.governance.leader_in_charge.clone(), "governance.leader_in_charge"),
            row("常态化工作协调机制", yes_no(a.governance.coordination_mechanism), "governance.coordination_mechanism"),
            row("工作专班", yes_no(a.governance.task_force), "governance.task_force"),
            row("县政府常务会议日期", opt(a.governance.executive_meeting_date), "governance.executive_meeting_date"),
            row("会议纪要文号", a.governance.executive_meeting_minutes.clone(), "governance.executive_meeting_minutes"),
            row("需要土地指标", yes_no(a.governance.land_quota_needed), "governance.land_quota_needed"),
            row("土地指标已保障", yes_no(a.governance.land_quota_arranged), "governance.land_quota_arranged"),
        ],
        Step::Attestations => {
            let ticked = |v: bool| if v { "已确认".to_owned() } else { String::new() };
            vec![
                row("落实“四个不摘”", ticked(a.attestations.four_not_removed), "attestations.four_not_removed"),
                row("项目资产管理和监督", ticked(a.attestations.asset_management), "attestations.asset_management"),
                row(
                    "防返贫动态监测和帮扶",
                    ticked(a.attestations.return_to_poverty_monitoring),
                    "attestations.return_to_poverty_monitoring",
                ),
                row(
                    "资金按各自管理办法使用",
                    ticked(a.attestations.funds_under_own_rules),
                    "attestations.funds_under_own_rules",
                ),
                row(
                    "以县政府名义上报",
                    ticked(a.attestations.submitted_by_county_government),
                    "attestations.submitted_by_county_government",
                ),
            ]
        }
    }
}
