//! The administrative villages (行政村) of the area: category, integrated village plan, population, resident support (三, 三.2).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

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
