//! The application (申报书) a county prepares: everything the notice asks for, as plain serde data.
//!
//! Every field may be empty: a draft is filled in over days, and [`crate::evaluate`] reports what is missing.
//! Amounts are [`Wan`] (万元, JSON strings); dates are ISO 8601 (`2022-11-25`); months `YYYY-MM`; list items carry
//! a stable `id` chosen by the caller (the app numbers them) so that justifications and links survive reordering.
//! Names follow `GLOSSARY.md`; each enum's `label()` is the notice's Chinese term.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::input::YearMonth;
use crate::money::Wan;

/// The schema version this crate writes. Older drafts are migrated by [`crate::draft::migrate`].
pub const SCHEMA_VERSION: u32 = 2;

/// An application for one promotion area (衔接推进区申报书).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Application {
    /// The county applying, and the facts about it that decide the funding rules (一.3).
    pub applicant: Applicant,
    /// The area's declared overlap with each programme excluded by 一.3; a missing key is "not yet answered".
    pub excluded_overlaps: BTreeMap<ExcludedProgramme, bool>,
    /// The administrative villages the area covers (三).
    pub villages: Vec<Village>,
    /// One or two featured agricultural industries (三.1).
    pub industries: Vec<FeaturedIndustry>,
    /// Initiatives the area is combined with (三.1, optional).
    pub linked_initiatives: Vec<LinkedInitiative>,
    /// Funds raised for the area (一.3, 三.4).
    pub funds: Funds,
    /// The two-year implementation plan (四.3).
    pub plan: ImplementationPlan,
    /// The project list (二, 四.3).
    pub projects: Vec<Project>,
    /// The county's organisation (三.3, 三.4, 四.3).
    pub governance: Governance,
    /// Commitments the notice implies (二.6, 三.4, 四.3).
    pub attestations: Attestations,
}

/// The county applying (申报县).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Applicant {
    /// 6-digit GB/T 2260 code of the prefecture-level city, e.g. `"371300"`.
    pub city_code: String,
    /// The city's name as in the reference data, e.g. `"临沂市"`.
    pub city_name: String,
    /// 6-digit GB/T 2260 code of the county-level unit, e.g. `"371321"`.
    pub county_code: String,
    /// The county's name as in the reference data, e.g. `"沂南县"`.
    pub county_name: String,
    /// Whether the county is a 省乡村振兴重点帮扶县 (key county).
    pub key_county: Option<bool>,
    /// Whether the county's city has any key county (then only key counties may apply from it, 一.3).
    pub city_has_key_county: Option<bool>,
    /// The county's 东/中/西 tier from the poverty-alleviation period; fixes the subsidy of a non-key county.
    pub region_tier: Option<RegionTier>,
    /// The document the tier is taken from (分类依据), e.g. a provincial notice number.
    pub region_tier_source: String,
    /// Whether the county lies along the Yellow River (沿黄县); defaulted from the reference data, editable.
    pub along_yellow_river: Option<bool>,
    /// Contact person at the county office.
    pub contact_person: String,
    /// Contact telephone.
    pub contact_phone: String,
}

/// Poverty-alleviation region tier (扶贫区域 东、中、西 分类).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegionTier {
    /// 东
    East,
    /// 中
    Central,
    /// 西
    West,
}

impl RegionTier {
    /// Every tier, in the notice's order.
    pub const ALL: [RegionTier; 3] = [RegionTier::East, RegionTier::Central, RegionTier::West];

    /// The notice's word: 东, 中 or 西.
    pub fn label(self) -> &'static str {
        match self {
            RegionTier::East => "东部",
            RegionTier::Central => "中部",
            RegionTier::West => "西部",
        }
    }
}

/// Programmes whose areas may not be recommended again (一.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExcludedProgramme {
    /// 省级首批衔接推进区
    FirstBatch,
    /// 农村综合性改革试点试验区
    RuralReformPilot,
    /// 田园综合体建设试点
    PastoralComplex,
    /// 中央专项彩票公益金支持欠发达革命老区乡村振兴示范区
    LotteryRevolutionaryArea,
    /// 乡村振兴齐鲁样板省级示范区
    QiluModelZone,
}

impl ExcludedProgramme {
    /// The five programmes, in the notice's order.
    pub const ALL: [ExcludedProgramme; 5] = [
        ExcludedProgramme::FirstBatch,
        ExcludedProgramme::RuralReformPilot,
        ExcludedProgramme::PastoralComplex,
        ExcludedProgramme::LotteryRevolutionaryArea,
        ExcludedProgramme::QiluModelZone,
    ];

    /// The notice's name of the programme.
    pub fn label(self) -> &'static str {
        match self {
            ExcludedProgramme::FirstBatch => "省级首批衔接推进区",
            ExcludedProgramme::RuralReformPilot => "农村综合性改革试点试验区",
            ExcludedProgramme::PastoralComplex => "田园综合体建设试点",
            ExcludedProgramme::LotteryRevolutionaryArea => "中央专项彩票公益金支持欠发达革命老区乡村振兴示范区",
            ExcludedProgramme::QiluModelZone => "乡村振兴齐鲁样板省级示范区",
        }
    }

    /// The identifier used in JSON and field paths.
    pub fn key(self) -> &'static str {
        match self {
            ExcludedProgramme::FirstBatch => "first_batch",
            ExcludedProgramme::RuralReformPilot => "rural_reform_pilot",
            ExcludedProgramme::PastoralComplex => "pastoral_complex",
            ExcludedProgramme::LotteryRevolutionaryArea => "lottery_revolutionary_area",
            ExcludedProgramme::QiluModelZone => "qilu_model_zone",
        }
    }
}

/// An administrative village (行政村) of the area.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Village {
    /// Stable identifier chosen by the caller, unique within the application.
    pub id: String,
    /// 村名.
    pub name: String,
    /// 12-digit 统计用区划代码; optional (empty when unknown).
    pub code: String,
    /// 所属乡镇（街道）.
    pub township: String,
    /// 村庄分类.
    pub category: Option<VillageCategory>,
    /// 多规合一的村庄规划.
    pub plan: VillagePlan,
    /// 户籍人口 (people).
    pub population: Option<u32>,
    /// 脱贫人口 (people).
    pub lifted_population: Option<u32>,
    /// 监测帮扶对象 (people).
    pub monitored_population: Option<u32>,
    /// 第一书记、工作队驻村情况.
    pub resident_support: Option<ResidentSupport>,
}

/// Village category (村庄分类) from the county's village layout plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VillageCategory {
    /// 集聚提升类
    Agglomeration,
    /// 特色保护类
    CharacteristicProtection,
    /// 城郊融合类
    SuburbanIntegration,
    /// 搬迁撤并类
    RelocationMerger,
    /// 城中村
    UrbanVillage,
    /// 未分类
    Unclassified,
}

impl VillageCategory {
    /// Every category, allowed ones first.
    pub const ALL: [VillageCategory; 6] = [
        VillageCategory::Agglomeration,
        VillageCategory::CharacteristicProtection,
        VillageCategory::SuburbanIntegration,
        VillageCategory::RelocationMerger,
        VillageCategory::UrbanVillage,
        VillageCategory::Unclassified,
    ];

    /// The notice's term.
    pub fn label(self) -> &'static str {
        match self {
            VillageCategory::Agglomeration => "集聚提升类",
            VillageCategory::CharacteristicProtection => "特色保护类",
            VillageCategory::SuburbanIntegration => "城郊融合类",
            VillageCategory::RelocationMerger => "搬迁撤并类",
            VillageCategory::UrbanVillage => "城中村",
            VillageCategory::Unclassified => "未分类",
        }
    }
}

/// Status of a village's integrated village plan (多规合一的村庄规划).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct VillagePlan {
    /// Approved, in preparation or none; `None` when not yet answered.
    pub status: Option<PlanStatus>,
    /// Date of approval (when approved).
    pub approved_on: Option<NaiveDate>,
    /// Expected date of approval (when in preparation).
    pub expected_on: Option<NaiveDate>,
}

/// Where a village's integrated plan stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlanStatus {
    /// 已批复
    Approved,
    /// 编制中
    InPreparation,
    /// 未编制
    None,
}

impl PlanStatus {
    /// Every status.
    pub const ALL: [PlanStatus; 3] = [PlanStatus::Approved, PlanStatus::InPreparation, PlanStatus::None];

    /// Chinese label.
    pub fn label(self) -> &'static str {
        match self {
            PlanStatus::Approved => "已批复",
            PlanStatus::InPreparation => "编制中",
            PlanStatus::None => "未编制",
        }
    }
}

/// Whether a first secretary (第一书记) or a work team (工作队) is stationed in the village (二.4, 四.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResidentSupport {
    /// 有第一书记
    FirstSecretary,
    /// 有工作队
    WorkTeam,
    /// 第一书记和工作队均有
    Both,
    /// 均无
    Neither,
}

impl ResidentSupport {
    /// Every answer.
    pub const ALL: [ResidentSupport; 4] =
        [ResidentSupport::FirstSecretary, ResidentSupport::WorkTeam, ResidentSupport::Both, ResidentSupport::Neither];

    /// Chinese label.
    pub fn label(self) -> &'static str {
        match self {
            ResidentSupport::FirstSecretary => "有第一书记",
            ResidentSupport::WorkTeam => "有工作队",
            ResidentSupport::Both => "第一书记和工作队均有",
            ResidentSupport::Neither => "均无",
        }
    }

    /// True when someone is stationed in the village.
    pub fn is_present(self) -> bool {
        !matches!(self, ResidentSupport::Neither)
    }
}

/// A featured agricultural industry (特色优势农业产业, 三.1).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FeaturedIndustry {
    /// Stable identifier.
    pub id: String,
    /// 产业名称, e.g. "蜜桃".
    pub name: String,
    /// Whether it fits the county's industry revitalisation plan (符合县级产业振兴规划).
    pub fits_county_plan: Option<bool>,
    /// The plan's title and number.
    pub county_plan: String,
    /// 产业链条延伸潜力: how the chain can be extended.
    pub chain_potential: String,
    /// 市场前景.
    pub market_prospects: String,
}

/// An initiative the area is combined with (三.1: 可与……有机结合).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkedInitiative {
    /// Which of the four kinds.
    pub kind: LinkedInitiativeKind,
    /// Its name, e.g. "沂南县省级现代农业产业园".
    #[serde(default)]
    pub name: String,
}

/// The four kinds of initiative named in 三.1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkedInitiativeKind {
    /// 省级现代农业园区
    ModernAgriculturalPark,
    /// 农业产业强镇
    IndustryTown,
    /// 高标准农田
    HighStandardFarmland,
    /// 特色小镇
    CharacteristicTown,
}

impl LinkedInitiativeKind {
    /// The four kinds, in the notice's order.
    pub const ALL: [LinkedInitiativeKind; 4] = [
        LinkedInitiativeKind::ModernAgriculturalPark,
        LinkedInitiativeKind::IndustryTown,
        LinkedInitiativeKind::HighStandardFarmland,
        LinkedInitiativeKind::CharacteristicTown,
    ];

    /// The notice's term.
    pub fn label(self) -> &'static str {
        match self {
            LinkedInitiativeKind::ModernAgriculturalPark => "省级现代农业园区",
            LinkedInitiativeKind::IndustryTown => "农业产业强镇",
            LinkedInitiativeKind::HighStandardFarmland => "高标准农田",
            LinkedInitiativeKind::CharacteristicTown => "特色小镇",
        }
    }
}

/// The funds raised for the area, all in 万元.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Funds {
    /// 省级以上衔接资金.
    pub provincial_linkage_funds: Option<Wan>,
    /// 市级衔接资金 (part of the city and county linkage funds).
    pub city_linkage_funds: Option<Wan>,
    /// 县级衔接资金 (part of the city and county linkage funds).
    pub county_linkage_funds: Option<Wan>,
    /// 整合的行业资金, one line per department and fund.
    pub sector_funds: Vec<SectorFund>,
    /// 协作资金 (东西部协作、省内协作).
    pub cooperation_funds: Option<Wan>,
    /// 社会资本.
    pub social_capital: Option<Wan>,
    /// 金融信贷资金 (loans such as 齐鲁富民贷).
    pub loans: Option<Wan>,
}

/// One integrated sector fund (整合的行业资金) line.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SectorFund {
    /// Stable identifier.
    pub id: String,
    /// 主管部门, e.g. "县农业农村局".
    pub department: String,
    /// 资金名称, e.g. "高标准农田建设资金".
    pub fund_name: String,
    /// 金额（万元）.
    pub amount: Option<Wan>,
}

/// A funding source (资金来源) a project draws on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FundingSource {
    /// 省级以上衔接资金
    ProvincialLinkage,
    /// 市级衔接资金
    CityLinkage,
    /// 县级衔接资金
    CountyLinkage,
    /// 整合行业资金
    Sector,
    /// 协作资金
    Cooperation,
    /// 社会资本
    SocialCapital,
    /// 金融信贷资金
    Loans,
}

impl FundingSource {
    /// Every source, linkage funds first.
    pub const ALL: [FundingSource; 7] = [
        FundingSource::ProvincialLinkage,
        FundingSource::CityLinkage,
        FundingSource::CountyLinkage,
        FundingSource::Sector,
        FundingSource::Cooperation,
        FundingSource::SocialCapital,
        FundingSource::Loans,
    ];

    /// Chinese label.
    pub fn label(self) -> &'static str {
        match self {
            FundingSource::ProvincialLinkage => "省级以上衔接资金",
            FundingSource::CityLinkage => "市级衔接资金",
            FundingSource::CountyLinkage => "县级衔接资金",
            FundingSource::Sector => "整合行业资金",
            FundingSource::Cooperation => "协作资金",
            FundingSource::SocialCapital => "社会资本",
            FundingSource::Loans => "金融信贷资金",
        }
    }

    /// The identifier used in JSON and field paths.
    pub fn key(self) -> &'static str {
        match self {
            FundingSource::ProvincialLinkage => "provincial_linkage",
            FundingSource::CityLinkage => "city_linkage",
            FundingSource::CountyLinkage => "county_linkage",
            FundingSource::Sector => "sector",
            FundingSource::Cooperation => "cooperation",
            FundingSource::SocialCapital => "social_capital",
            FundingSource::Loans => "loans",
        }
    }

    /// The field path of the area-level amount this source is declared in.
    pub fn declared_field(self) -> &'static str {
        match self {
            FundingSource::ProvincialLinkage => "funds.provincial_linkage_funds",
            FundingSource::CityLinkage => "funds.city_linkage_funds",
            FundingSource::CountyLinkage => "funds.county_linkage_funds",
            FundingSource::Sector => "funds.sector_funds",
            FundingSource::Cooperation => "funds.cooperation_funds",
            FundingSource::SocialCapital => "funds.social_capital",
            FundingSource::Loans => "funds.loans",
        }
    }

    /// True for the three linkage-fund sources.
    pub fn is_linkage(self) -> bool {
        matches!(self, FundingSource::ProvincialLinkage | FundingSource::CityLinkage | FundingSource::CountyLinkage)
    }
}

/// The implementation plan (实施规划), in principle two years (四.3).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ImplementationPlan {
    /// First month of the plan.
    pub start: Option<YearMonth>,
    /// Last month of the plan (included).
    pub end: Option<YearMonth>,
    /// A narrative per content area (建设内容概述).
    pub narratives: BTreeMap<ContentArea, String>,
    /// 建设目标: what the area will have achieved.
    pub targets: String,
}

/// The six content areas of section 二 (建设内容).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContentArea {
    /// 产业发展 (二.1)
    Industry,
    /// 乡村建设 (二.2)
    Construction,
    /// 乡村治理 (二.3)
    Governance,
    /// 人才培养 (二.4)
    Talent,
    /// 就业带动 (二.5)
    Employment,
    /// 巩固成果 (二.6)
    Consolidation,
}

impl ContentArea {
    /// The six areas, in the notice's order.
    pub const ALL: [ContentArea; 6] = [
        ContentArea::Industry,
        ContentArea::Construction,
        ContentArea::Governance,
        ContentArea::Talent,
        ContentArea::Employment,
        ContentArea::Consolidation,
    ];

    /// The notice's term.
    pub fn label(self) -> &'static str {
        match self {
            ContentArea::Industry => "产业发展",
            ContentArea::Construction => "乡村建设",
            ContentArea::Governance => "乡村治理",
            ContentArea::Talent => "人才培养",
            ContentArea::Employment => "就业带动",
            ContentArea::Consolidation => "巩固成果",
        }
    }

    /// The clause of section 二 that describes the area, e.g. `"二.1"`.
    pub fn clause(self) -> &'static str {
        match self {
            ContentArea::Industry => "二.1",
            ContentArea::Construction => "二.2",
            ContentArea::Governance => "二.3",
            ContentArea::Talent => "二.4",
            ContentArea::Employment => "二.5",
            ContentArea::Consolidation => "二.6",
        }
    }

    /// The identifier used in JSON and field paths.
    pub fn key(self) -> &'static str {
        match self {
            ContentArea::Industry => "industry",
            ContentArea::Construction => "construction",
            ContentArea::Governance => "governance",
            ContentArea::Talent => "talent",
            ContentArea::Employment => "employment",
            ContentArea::Consolidation => "consolidation",
        }
    }
}

/// A project (项目) of the project list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Project {
    /// Stable identifier.
    pub id: String,
    /// 项目名称.
    pub name: String,
    /// 建设内容类别: one of the six content areas.
    pub content_area: Option<ContentArea>,
    /// The village it is built in: a [`Village::id`], or empty for a township-level project.
    pub village_id: String,
    /// The township, for projects that serve a whole township (公共服务) rather than one village.
    pub township: String,
    /// 建设内容及规模.
    pub content_and_scale: String,
    /// 支持方式.
    pub support_mode: Option<SupportMode>,
    /// The support mode in words, when `support_mode` is [`SupportMode::Other`].
    pub support_mode_other: String,
    /// Amount per funding source (资金来源), 万元.
    pub funding: BTreeMap<FundingSource, Wan>,
    /// 责任部门.
    pub responsible_department: String,
    /// 实施主体.
    pub implementing_body: String,
    /// First month of the implementation period (实施期限).
    pub start: Option<YearMonth>,
    /// Last month of the implementation period.
    pub end: Option<YearMonth>,
    /// 受益人数.
    pub beneficiaries: Option<u32>,
    /// 其中脱贫人口.
    pub beneficiaries_lifted: Option<u32>,
    /// 其中监测帮扶对象.
    pub beneficiaries_monitored: Option<u32>,
    /// 联农带农富农利益联结机制 (二.1).
    pub benefit_linkage: String,
    /// Whether it is a purchase project that only seeks dividends (单纯追求收益分红的购买类项目, 二.1).
    pub dividend_only_purchase: bool,
}

impl Project {
    /// The sum of the project's funding over all sources.
    pub fn total(&self) -> Wan {
        self.funding.values().sum()
    }
}

/// How a project is supported (支持方式).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SupportMode {
    /// 以奖代补
    AwardInLieuOfSubsidy,
    /// 贷款贴息
    LoanInterestSubsidy,
    /// 购买服务
    PurchasedServices,
    /// 以工代赈
    WorkRelief,
    /// 直接投入 or another mode, described in words
    Other,
}

impl SupportMode {
    /// Every mode.
    pub const ALL: [SupportMode; 5] = [
        SupportMode::AwardInLieuOfSubsidy,
        SupportMode::LoanInterestSubsidy,
        SupportMode::PurchasedServices,
        SupportMode::WorkRelief,
        SupportMode::Other,
    ];

    /// The notice's term.
    pub fn label(self) -> &'static str {
        match self {
            SupportMode::AwardInLieuOfSubsidy => "以奖代补",
            SupportMode::LoanInterestSubsidy => "贷款贴息",
            SupportMode::PurchasedServices => "购买服务",
            SupportMode::WorkRelief => "以工代赈",
            SupportMode::Other => "其他方式",
        }
    }
}

/// The county's organisation of the work (三.3, 三.4, 四.3).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Governance {
    /// Whether the county's principal leaders studied and deployed the work in person (主要负责同志亲自研究部署).
    pub principal_leaders_deployed: Option<bool>,
    /// 挂帅的分管领导 (name and post).
    pub leader_in_charge: String,
    /// Whether a standing coordination mechanism (常态化工作协调机制) exists.
    pub coordination_mechanism: Option<bool>,
    /// Whether the 乡村振兴局 leads it.
    pub led_by_rural_revitalization_bureau: bool,
    /// Whether the 财政局 leads it.
    pub led_by_finance_bureau: bool,
    /// Whether a task force (工作专班) is set up.
    pub task_force: Option<bool>,
    /// Its members or composition.
    pub task_force_members: String,
    /// Date of the county government executive meeting (县政府常务会议) that approved the plan.
    pub executive_meeting_date: Option<NaiveDate>,
    /// Reference of its minutes (会议纪要文号).
    pub executive_meeting_minutes: String,
    /// Whether the projects need construction land quota (项目建设所需土地指标).
    pub land_quota_needed: Option<bool>,
    /// Whether the county has arranged it with priority (三.4).
    pub land_quota_arranged: Option<bool>,
}

/// Commitments the notice implies, each answered by ticking it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Attestations {
    /// 严格落实"四个不摘"要求 (二.6).
    pub four_not_removed: bool,
    /// 加强项目资产管理和监督 (二.6).
    pub asset_management: bool,
    /// 健全防返贫动态监测和帮扶机制 (二.6).
    pub return_to_poverty_monitoring: bool,
    /// 各级财政资金按照各自管理办法规范使用 (三.4).
    pub funds_under_own_rules: bool,
    /// 以县政府名义上报市乡村振兴局、市财政局 (四.3).
    pub submitted_by_county_government: bool,
}
