//! The implementation plan, the six content areas and the project list (二, 四.3).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::FundingSource;
use crate::input::YearMonth;
use crate::money::Wan;

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
