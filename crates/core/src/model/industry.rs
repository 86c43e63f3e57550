//! Featured agricultural industries and the initiatives the area is combined with (三.1).

use serde::{Deserialize, Serialize};

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
