//! The county applying (申报县) and the programmes whose areas are excluded (一.3).

use serde::{Deserialize, Serialize};

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
