//! Sample applications: a complete, realistic one that satisfies every rule (the base of the rule scenarios, the
//! browser tests and the documentation's example), and a generator of large ones for benchmarks and property
//! tests. Names of places are real (平阴县, 济南市); people, documents and amounts are invented for the example.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::input::YearMonth;
use crate::model::{
    Applicant, Application, Attestations, ContentArea, ExcludedProgramme, FeaturedIndustry, FundingSource, Funds,
    Governance, ImplementationPlan, LinkedInitiative, LinkedInitiativeKind, PlanStatus, Project, RegionTier,
    ResidentSupport, SectorFund, SupportMode, Village, VillageCategory, VillagePlan,
};
use crate::money::Wan;

/// A complete application of 平阴县 (济南市, a Yellow River county, not a key county, central tier): 12 villages,
/// two featured industries, eight projects covering the six content areas, 4000 万元 of linkage funds and
/// 2400 万元 of sector funds. [`crate::evaluate`] finds nothing that blocks and no warning.
pub fn complete() -> Application {
    Application {
        applicant: Applicant {
            city_code: "370100".into(),
            city_name: "济南市".into(),
            county_code: "370124".into(),
            county_name: "平阴县".into(),
            key_county: Some(false),
            city_has_key_county: Some(false),
            region_tier: Some(RegionTier::Central),
            region_tier_source: "示例：脱贫攻坚期间扶贫区域分类文件（请填写实际文件名称和文号）".into(),
            along_yellow_river: Some(true),
            contact_person: "王某某".into(),
            contact_phone: "0531-87000000".into(),
        },
        excluded_overlaps: ExcludedProgramme::ALL.into_iter().map(|programme| (programme, false)).collect(),
        villages: complete_villages(),
        industries: vec![
            industry("i1", "平阴玫瑰", "玫瑰花蕾、精油、花茶、食品深加工，延伸文旅融合"),
            industry("i2", "特色林果（大樱桃）", "鲜果分级、冷链销售，发展采摘观光"),
        ],
        linked_initiatives: vec![LinkedInitiative {
            kind: LinkedInitiativeKind::IndustryTown,
            name: "平阴县玫瑰农业产业强镇".into(),
        }],
        funds: Funds {
            provincial_linkage_funds: Some(wan(2500)),
            city_linkage_funds: Some(wan(500)),
            county_linkage_funds: Some(wan(1000)),
            sector_funds: vec![
                sector("s1", "县水务局", "农村供水保障资金", 1200),
                sector("s2", "县农业农村局", "高标准农田建设资金", 700),
                sector("s3", "县交通运输局", "农村公路建设资金", 500),
            ],
            cooperation_funds: None,
            social_capital: Some(wan(600)),
            loans: None,
        },
        plan: ImplementationPlan {
            start: YearMonth::new(2023, 1),
            end: YearMonth::new(2024, 12),
            narratives: ContentArea::ALL
                .into_iter()
                .map(|area| (area, format!("{}：围绕通知{}要求统筹推进。", area.label(), area.clause())))
                .collect(),
            targets: "到2024年底，玫瑰产业综合产值提高30%，12个村集体经营性收入均达到20万元以上。".into(),
        },
        projects: complete_projects(),
        governance: Governance {
            principal_leaders_deployed: Some(true),
            leader_in_charge: "李某某 副县长".into(),
            coordination_mechanism: Some(true),
            led_by_rural_revitalization_bureau: true,
            led_by_finance_bureau: true,
            task_force: Some(true),
            task_force_members:
                "县乡村振兴局、县财政局牵头，县农业农村局、县水务局、县交通运输局及孔村镇、洪范池镇参加".into(),
            executive_meeting_date: NaiveDate::from_ymd_opt(2022, 11, 28),
            executive_meeting_minutes: "示例：县政府常务会议纪要〔2022〕第30期".into(),
            land_quota_needed: Some(true),
            land_quota_arranged: Some(true),
        },
        attestations: Attestations {
            four_not_removed: true,
            asset_management: true,
            return_to_poverty_monitoring: true,
            funds_under_own_rules: true,
            submitted_by_county_government: true,
        },
    }
}

fn complete_villages() -> Vec<Village> {
    let names = [
        ("孔村镇", "胡庄村"),
        ("孔村镇", "李沟村"),
        ("孔村镇", "南毛铺村"),
        ("孔村镇", "北毛铺村"),
        ("孔村镇", "姜沟村"),
        ("孔村镇", "孔集村"),
        ("洪范池镇", "东峪南崖村"),
        ("洪范池镇", "纸坊村"),
        ("洪范池镇", "书院村"),
        ("洪范池镇", "龙柳村"),
        ("洪范池镇", "张海村"),
        ("洪范池镇", "王楼村"),
    ];
    names
        .iter()
        .enumerate()
        .map(|(index, (township, name))| {
            let number = u32::try_from(index).unwrap_or(0);
            Village {
                id: format!("v{}", index + 1),
                name: (*name).into(),
                code: String::new(),
                township: (*township).into(),
                category: Some(if index % 3 == 2 {
                    VillageCategory::CharacteristicProtection
                } else {
                    VillageCategory::Agglomeration
                }),
                plan: VillagePlan {
                    status: Some(PlanStatus::Approved),
                    approved_on: NaiveDate::from_ymd_opt(2022, 6, 1 + number),
                    expected_on: None,
                },
                population: Some(800 + 37 * number),
                lifted_population: Some(20 + number),
                monitored_population: Some(2 + number % 4),
                resident_support: Some(if index % 2 == 0 {
                    ResidentSupport::FirstSecretary
                } else {
                    ResidentSupport::Neither
                }),
            }
        })
        .collect()
}

/// One sample project: name, content area, village id, support mode, funding, and beneficiaries (all, lifted,
/// monitored).
type ProjectSpec<'a> = (&'a str, ContentArea, &'a str, SupportMode, &'a [(FundingSource, i64)], (u32, u32, u32));

fn complete_projects() -> Vec<Project> {
    use ContentArea::*;
    use FundingSource::*;
    let specs: [ProjectSpec<'_>; 8] = [
        (
            "玫瑰精深加工车间及冷链仓储",
            Industry,
            "v1",
            SupportMode::AwardInLieuOfSubsidy,
            &[(ProvincialLinkage, 1200), (Sector, 200), (SocialCapital, 600)],
            (1200, 160, 12),
        ),
        (
            "玫瑰标准化种植基地提升",
            Industry,
            "v3",
            SupportMode::LoanInterestSubsidy,
            &[(ProvincialLinkage, 600), (CountyLinkage, 200), (Sector, 500)],
            (900, 120, 9),
        ),
        (
            "农村供水管网改造提升",
            Construction,
            "v7",
            SupportMode::WorkRelief,
            &[(ProvincialLinkage, 400), (Sector, 1200)],
            (9800, 300, 30),
        ),
        (
            "村内道路及排水设施提升",
            Construction,
            "v8",
            SupportMode::WorkRelief,
            &[(CityLinkage, 300), (CountyLinkage, 300), (Sector, 500)],
            (5200, 210, 20),
        ),
        (
            "新时代文明实践站及文化广场",
            Governance,
            "v2",
            SupportMode::AwardInLieuOfSubsidy,
            &[(CountyLinkage, 200)],
            (3000, 80, 8),
        ),
        ("高素质青年农民培育", Talent, "", SupportMode::PurchasedServices, &[(CityLinkage, 100)], (150, 20, 3)),
        (
            "乡村公益岗位提质扩容",
            Employment,
            "",
            SupportMode::Other,
            &[(CityLinkage, 100), (CountyLinkage, 300)],
            (240, 150, 40),
        ),
        (
            "扶贫项目资产管护及防返贫监测",
            Consolidation,
            "",
            SupportMode::PurchasedServices,
            &[(ProvincialLinkage, 300)],
            (12000, 296, 30),
        ),
    ];
    specs
        .iter()
        .enumerate()
        .map(|(index, (name, area, village, mode, funding, (beneficiaries, lifted, monitored)))| Project {
            id: format!("p{}", index + 1),
            name: (*name).into(),
            content_area: Some(*area),
            village_id: (*village).into(),
            township: if village.is_empty() { "孔村镇".into() } else { String::new() },
            content_and_scale: format!("{name}，具体规模见可行性研究报告。"),
            support_mode: Some(*mode),
            support_mode_other: if *mode == SupportMode::Other { "直接投入".into() } else { String::new() },
            funding: funding.iter().map(|(source, amount)| (*source, wan(*amount))).collect(),
            responsible_department: "县乡村振兴局".into(),
            implementing_body: "平阴县孔村镇人民政府".into(),
            start: YearMonth::new(2023, 3),
            end: YearMonth::new(2024, 10),
            beneficiaries: Some(*beneficiaries),
            beneficiaries_lifted: Some(*lifted),
            beneficiaries_monitored: Some(*monitored),
            benefit_linkage: if *area == Industry {
                "吸纳脱贫人口务工、订单收购，村集体以资产入股按年分红。".into()
            } else {
                String::new()
            },
            dividend_only_purchase: false,
        })
        .collect()
}

/// A large valid-shaped application: `village_count` villages and `project_count` projects spread over the six
/// content areas, funds consistent with the projects. For benchmarks (60 villages, 200 projects) and properties.
pub fn large(village_count: usize, project_count: usize) -> Application {
    let mut application = complete();
    let template = application.villages[0].clone();
    application.villages = (0..village_count)
        .map(|index| Village {
            id: format!("v{}", index + 1),
            name: format!("示例{}村", index + 1),
            township: format!("示例{}镇", index % 6 + 1),
            ..template.clone()
        })
        .collect();
    let project_template = application.projects[0].clone();
    application.projects = (0..project_count)
        .map(|index| {
            let area = ContentArea::ALL[index % ContentArea::ALL.len()];
            let funding: BTreeMap<FundingSource, Wan> = [
                (FundingSource::ProvincialLinkage, Wan::new(rust_decimal::Decimal::new(125, 1))),
                (FundingSource::Sector, wan(7)),
            ]
            .into_iter()
            .collect();
            Project {
                id: format!("p{}", index + 1),
                name: format!("示例项目{}", index + 1),
                content_area: Some(area),
                village_id: format!("v{}", index % village_count.max(1) + 1),
                township: String::new(),
                funding,
                benefit_linkage: project_template.benefit_linkage.clone(),
                ..project_template.clone()
            }
        })
        .collect();
    let projects = project_count as i64;
    let provincial = Wan::new(rust_decimal::Decimal::new(125 * projects, 1));
    application.funds = Funds {
        provincial_linkage_funds: Some(provincial),
        city_linkage_funds: None,
        county_linkage_funds: None,
        sector_funds: vec![sector("s1", "县农业农村局", "行业资金", 7 * projects)],
        cooperation_funds: None,
        social_capital: None,
        loans: None,
    };
    application
}

fn industry(id: &str, name: &str, chain: &str) -> FeaturedIndustry {
    FeaturedIndustry {
        id: id.into(),
        name: name.into(),
        fits_county_plan: Some(true),
        county_plan: "示例：平阴县乡村产业振兴规划（2021—2025年）".into(),
        chain_potential: chain.into(),
        market_prospects: "省内外市场需求稳定增长，已有龙头企业带动。".into(),
    }
}

fn sector(id: &str, department: &str, fund_name: &str, amount: i64) -> SectorFund {
    SectorFund { id: id.into(), department: department.into(), fund_name: fund_name.into(), amount: Some(wan(amount)) }
}

fn wan(amount: i64) -> Wan {
    Wan::from_whole(amount)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evaluation::{Severity, Status};
    use crate::params::ParameterSet;

    #[test]
    fn the_complete_sample_is_ready_with_no_warning() {
        let evaluation = crate::evaluate(&complete(), &ParameterSet::second_batch_2022());
        let not_info: Vec<_> = evaluation.findings.iter().filter(|f| f.severity != Severity::Info).collect();
        assert!(not_info.is_empty(), "{not_info:#?}");
        assert_eq!(evaluation.status, Status::Ready);
        assert_eq!(evaluation.figures.linkage_total, wan(4000));
        assert_eq!(evaluation.figures.sector_share.map(|s| s.to_string()), Some("0.6".to_owned()));
    }

    #[test]
    fn the_large_sample_has_the_asked_size_and_consistent_funds() {
        let application = large(60, 200);
        assert_eq!((application.villages.len(), application.projects.len()), (60, 200));
        let evaluation = crate::evaluate(&application, &ParameterSet::second_batch_2022());
        assert!(evaluation.findings.iter().all(|f| f.rule != "funding_source_totals"), "{:#?}", evaluation.findings);
    }
}
