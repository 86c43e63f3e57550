//! The funds raised for the area and the funding sources projects draw on (一.3, 三.4), all in 万元.

use serde::{Deserialize, Serialize};

use crate::money::Wan;

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
