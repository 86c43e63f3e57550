//! The county's organisation of the work and its commitments (二.6, 三.3, 三.4, 四.3).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

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
