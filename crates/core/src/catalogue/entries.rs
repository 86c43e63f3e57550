//! The entries of the catalogue: every field's label, the question or statement the form shows, its hint and its
//! kind. The only place a field's Chinese words are written.
//!
//! A **label** names the field wherever it is listed or named: in messages ("尚未填写：户籍人口"), on 核对与导出, in
//! the printed application and spreadsheet headers. A **prompt** is what the form shows instead of the label when
//! a question or a statement reads better there ("本县是否为省乡村振兴重点帮扶县（重点县）？"). Hints that state a
//! number of the notice take it from the parameter set.

use std::borrow::Cow;

use chrono::Datelike;

use super::{
    ApplicantField, AttestationField, Field, FundsField, GovernanceField, IndustryField, Kind, Label, PlanField,
    ProjectField, SectorFundField, VillageField,
};
use crate::model::FundingSource;
use crate::params::ParameterSet;

impl Field {
    /// The field's name, e.g. `户籍人口`, `是否为省乡村振兴重点帮扶县`, `「产业发展」建设内容概述`.
    pub fn label(self) -> Label {
        use ApplicantField as A;
        use GovernanceField as G;
        use ProjectField as P;
        use VillageField as V;
        Cow::Borrowed(match self {
            Field::Applicant(field) => match field {
                A::City => "所在市",
                A::County => "申报县（市、区）",
                A::KeyCounty => "是否为省乡村振兴重点帮扶县",
                A::CityHasKeyCounty => "所在市是否有重点县",
                A::RegionTier => "扶贫区域分类",
                A::RegionTierSource => "扶贫区域分类依据文件",
                A::AlongYellowRiver => "是否为沿黄县",
                A::ContactPerson => "联系人",
                A::ContactPhone => "联系电话",
            },
            Field::ExcludedOverlap(programme) => return Cow::Owned(format!("是否与{}重叠", programme.label())),
            Field::Village(field) => match field {
                V::Name => "村名",
                V::Township => "所属乡镇（街道）",
                V::Code => "村级区划代码",
                V::Category => "村庄分类",
                V::PlanStatus => "村庄规划编制情况",
                V::PlanApprovedOn => "村庄规划批复日期",
                V::PlanExpectedOn => "村庄规划预计批复日期",
                V::Population => "户籍人口",
                V::LiftedPopulation => "脱贫人口",
                V::MonitoredPopulation => "监测帮扶对象",
                V::ResidentSupport => "第一书记、工作队驻村情况",
            },
            Field::Industry(field) => match field {
                IndustryField::Name => "产业名称",
                IndustryField::FitsCountyPlan => "是否符合县级产业振兴规划",
                IndustryField::CountyPlan => "县级产业振兴规划名称",
                IndustryField::ChainPotential => "产业链条延伸潜力",
                IndustryField::MarketProspects => "市场前景",
            },
            Field::LinkedInitiative(kind) => kind.label(),
            Field::LinkedInitiativeName(kind) => return Cow::Owned(format!("{}名称", kind.label())),
            Field::Plan(field) => match field {
                PlanField::Start => "实施规划开始年月",
                PlanField::End => "实施规划结束年月",
                PlanField::Targets => "建设目标",
            },
            Field::Narrative(area) => return Cow::Owned(format!("「{}」建设内容概述", area.label())),
            Field::Project(field) => match field {
                P::Name => "项目名称",
                P::ContentArea => "建设内容类别",
                P::Site => "实施地点",
                P::Township => "实施乡镇",
                P::ContentAndScale => "建设内容及规模",
                P::SupportMode => "支持方式",
                P::SupportModeOther => "其他支持方式",
                P::ResponsibleDepartment => "责任部门",
                P::ImplementingBody => "实施主体",
                P::Start => "实施期限开始年月",
                P::End => "实施期限结束年月",
                P::Beneficiaries => "受益人数",
                P::BeneficiariesLifted => "受益人数中的脱贫人口",
                P::BeneficiariesMonitored => "受益人数中的监测帮扶对象",
                P::BenefitLinkage => "联农带农富农利益联结机制",
                P::DividendOnlyPurchase => "是否为单纯追求收益分红的购买类项目",
            },
            Field::ProjectFunding(source) => source.label(),
            Field::Funds(field) => field.source().label(),
            Field::SectorFund(field) => match field {
                SectorFundField::Department => "主管部门",
                SectorFundField::FundName => "资金名称",
                SectorFundField::Amount => "金额",
            },
            Field::Governance(field) => match field {
                G::PrincipalLeadersDeployed => "主要负责同志是否亲自研究部署",
                G::LeaderInCharge => "挂帅的分管领导",
                G::CoordinationMechanism => "是否建立常态化工作协调机制",
                G::LedByRuralRevitalizationBureau => "县乡村振兴局牵头",
                G::LedByFinanceBureau => "县财政局牵头",
                G::TaskForce => "是否成立工作专班",
                G::TaskForceMembers => "工作专班组成",
                G::ExecutiveMeetingDate => "县政府常务会议日期",
                G::ExecutiveMeetingMinutes => "县政府常务会议纪要文号",
                G::LandQuotaNeeded => "项目建设是否需要土地指标",
                G::LandQuotaArranged => "土地指标是否已优先保障",
            },
            Field::Attestation(field) => match field {
                AttestationField::FourNotRemoved => "落实“四个不摘”要求",
                AttestationField::AssetManagement => "加强项目资产管理和监督",
                AttestationField::ReturnToPovertyMonitoring => "健全防返贫动态监测和帮扶机制",
                AttestationField::FundsUnderOwnRules => "各级财政资金按各自管理办法规范使用",
                AttestationField::SubmittedByCountyGovernment => "以县政府名义上报",
            },
        })
    }

    /// What the form shows instead of the label, when a question or a statement reads better there; `None` when
    /// the form shows the label.
    pub fn prompt(self) -> Option<Label> {
        use ApplicantField as A;
        use GovernanceField as G;
        Some(Cow::Borrowed(match self {
            Field::Applicant(A::KeyCounty) => "本县是否为省乡村振兴重点帮扶县（重点县）？",
            Field::Applicant(A::CityHasKeyCounty) => "所在市是否有省乡村振兴重点帮扶县？",
            Field::Applicant(A::RegionTier) => "脱贫攻坚期间扶贫区域分类",
            Field::Applicant(A::AlongYellowRiver) => "本县是否为沿黄县（市、区）？",
            Field::ExcludedOverlap(programme) => {
                return Some(Cow::Owned(format!("是否与已安排的「{}」区域重叠？", programme.label())));
            }
            Field::Industry(IndustryField::FitsCountyPlan) => "是否符合县级产业振兴规划？",
            Field::Project(ProjectField::DividendOnlyPurchase) => "属于单纯追求收益分红的购买类项目",
            Field::Governance(G::PrincipalLeadersDeployed) => "县级党委、政府主要负责同志是否已亲自研究部署？",
            Field::Governance(G::CoordinationMechanism) => "是否已建立常态化工作协调机制？",
            Field::Governance(G::TaskForce) => "是否已成立工作专班？",
            Field::Governance(G::LandQuotaNeeded) => "项目建设是否需要土地指标？",
            Field::Governance(G::LandQuotaArranged) => "县级是否已优先保障所需土地指标？",
            Field::Attestation(field) => match field {
                AttestationField::FourNotRemoved => "严格落实“四个不摘”要求，保持帮扶政策总体稳定",
                AttestationField::AssetManagement => {
                    "加强原有扶贫项目、衔接资金项目资产管理和监督，促进项目资产长期良性运营"
                }
                AttestationField::ReturnToPovertyMonitoring => {
                    "健全防返贫动态监测和帮扶机制，坚决守住不发生规模性返贫的底线"
                }
                AttestationField::FundsUnderOwnRules => "各级财政资金按照各自管理办法规范使用",
                AttestationField::SubmittedByCountyGovernment => {
                    "实施规划经县政府常务会议研究同意后，以县政府名义上报市乡村振兴局、市财政局"
                }
            },
            _ => return None,
        }))
    }

    /// The text the form shows for the field: its prompt, else its label.
    pub fn form_label(self) -> Label {
        self.prompt().unwrap_or_else(|| self.label())
    }

    /// Help shown under the label; numbers of the notice come from `params`.
    pub fn hint(self, params: &ParameterSet) -> Option<String> {
        use ApplicantField as A;
        use GovernanceField as G;
        use ProjectField as P;
        use VillageField as V;
        Some(
            match self {
                Field::Applicant(A::County) => "行政区划代码依据 GB/T 2260。",
                Field::Applicant(A::KeyCounty) => {
                    return Some(format!(
                        "重点县衔接资金投入规模{}万元，从省级以上衔接资金中专门安排。",
                        params.key_county_linkage_funds.value
                    ));
                }
                Field::Applicant(A::CityHasKeyCounty) => "有重点县的市，只能由重点县推荐衔接推进区。",
                Field::Applicant(A::RegionTier) => "决定省级以上衔接资金一次性定额补助的档次（通知一.3）。",
                Field::Applicant(A::RegionTierSource) => "填写文件名称和文号，供审核时核对。",
                Field::Applicant(A::AlongYellowRiver) => "已按参考数据（黄河干流沿线县）预先填写，如不符请更正。",
                Field::Village(V::Code) => "12位统计用区划代码",
                Field::Village(V::PlanStatus) => "多规合一的村庄规划",
                Field::Village(V::PlanApprovedOn | V::PlanExpectedOn)
                | Field::Plan(PlanField::Start | PlanField::End)
                | Field::Project(P::Start | P::End) => {
                    return self.example(params).map(|example| format!("如 {example}"));
                }
                Field::Industry(IndustryField::Name) => "如“平阴玫瑰”",
                Field::Project(P::Township) => "须为推进区覆盖村庄所在的乡镇",
                Field::Project(P::BenefitLinkage) => {
                    "产业发展项目必填：与农户特别是脱贫人口和监测帮扶对象的直接利益联结（二.1）"
                }
                Field::Project(P::DividendOnlyPurchase) => "通知二.1：原则上不再实施此类项目。",
                Field::Funds(FundsField::Cooperation) => "东西部协作、省内协作资金",
                Field::Funds(FundsField::Loans) => "如“齐鲁富民贷”“富农产业贷”",
                Field::SectorFund(SectorFundField::Department) => "如“县水务局”",
                Field::Governance(G::LeaderInCharge) => "姓名和职务，如“张某某 副县长”",
                Field::Governance(G::TaskForceMembers) => "牵头单位和成员单位",
                Field::Governance(G::ExecutiveMeetingDate) => {
                    return Some(format!("研究同意实施规划的会议日期，如 {}", self.example(params)?));
                }
                Field::Governance(G::LandQuotaArranged) => "通知三.4：项目建设所需土地指标，县级应优先给予保障。",
                Field::Attestation(field) => match field {
                    AttestationField::FourNotRemoved
                    | AttestationField::AssetManagement
                    | AttestationField::ReturnToPovertyMonitoring => "通知二.6",
                    AttestationField::FundsUnderOwnRules => "通知三.4",
                    AttestationField::SubmittedByCountyGovernment => "通知四.3",
                },
                _ => return None,
            }
            .to_owned(),
        )
    }

    /// An example answer for a date or month field, in the years of `params`' batch: the example plan runs the
    /// notice's length from January of the batch year; a project within its first year; an executive meeting on
    /// the day the notice was issued. `None` for other fields.
    pub fn example(self, params: &ParameterSet) -> Option<String> {
        let batch = params.batch_year.value;
        Some(match self {
            Field::Village(VillageField::PlanApprovedOn) => format!("{}-06-01", params.issued_on.year()),
            Field::Village(VillageField::PlanExpectedOn) => format!("{batch}-03-31"),
            Field::Plan(PlanField::Start) => format!("{batch}-01"),
            Field::Plan(PlanField::End) => {
                let months = i32::try_from(params.plan_months.value).unwrap_or(i32::MAX);
                format!("{}-12", batch.saturating_add(months.saturating_sub(1) / 12))
            }
            Field::Project(ProjectField::Start) => format!("{batch}-03"),
            Field::Project(ProjectField::End) => format!("{batch}-10"),
            Field::Governance(GovernanceField::ExecutiveMeetingDate) => params.issued_on.to_string(),
            _ => return None,
        })
    }

    /// The kind of answer: it decides the widget, how typed text is read and the unit.
    pub fn kind(self) -> Kind {
        use ApplicantField as A;
        use GovernanceField as G;
        use ProjectField as P;
        use VillageField as V;
        match self {
            Field::Applicant(field) => match field {
                A::City | A::County => Kind::Select,
                A::KeyCounty | A::CityHasKeyCounty | A::AlongYellowRiver => Kind::YesNo,
                A::RegionTier => Kind::Radios,
                A::RegionTierSource | A::ContactPerson => Kind::Text,
                A::ContactPhone => Kind::Phone,
            },
            Field::ExcludedOverlap(_) => Kind::YesNo,
            Field::Village(field) => match field {
                V::Name | V::Township => Kind::Text,
                V::Code => Kind::Code,
                V::Category | V::PlanStatus => Kind::Select,
                V::PlanApprovedOn | V::PlanExpectedOn => Kind::Date,
                V::Population | V::LiftedPopulation | V::MonitoredPopulation => Kind::Count,
                V::ResidentSupport => Kind::Radios,
            },
            Field::Industry(field) => match field {
                IndustryField::Name | IndustryField::CountyPlan => Kind::Text,
                IndustryField::FitsCountyPlan => Kind::YesNo,
                IndustryField::ChainPotential | IndustryField::MarketProspects => Kind::LongText,
            },
            Field::LinkedInitiative(_) => Kind::Flag,
            Field::LinkedInitiativeName(_) => Kind::Text,
            Field::Plan(field) => match field {
                PlanField::Start | PlanField::End => Kind::Month,
                PlanField::Targets => Kind::LongText,
            },
            Field::Narrative(_) => Kind::LongText,
            Field::Project(field) => match field {
                P::Name | P::Township | P::SupportModeOther | P::ResponsibleDepartment | P::ImplementingBody => {
                    Kind::Text
                }
                P::ContentArea | P::Site => Kind::Select,
                P::ContentAndScale | P::BenefitLinkage => Kind::LongText,
                P::SupportMode => Kind::Radios,
                P::Start | P::End => Kind::Month,
                P::Beneficiaries | P::BeneficiariesLifted | P::BeneficiariesMonitored => Kind::Count,
                P::DividendOnlyPurchase => Kind::Flag,
            },
            Field::ProjectFunding(_) | Field::Funds(_) => Kind::Amount,
            Field::SectorFund(field) => match field {
                SectorFundField::Department | SectorFundField::FundName => Kind::Text,
                SectorFundField::Amount => Kind::Amount,
            },
            Field::Governance(field) => match field {
                G::PrincipalLeadersDeployed
                | G::CoordinationMechanism
                | G::TaskForce
                | G::LandQuotaNeeded
                | G::LandQuotaArranged => Kind::YesNo,
                G::LeaderInCharge | G::ExecutiveMeetingMinutes => Kind::Text,
                G::LedByRuralRevitalizationBureau | G::LedByFinanceBureau => Kind::Flag,
                G::TaskForceMembers => Kind::LongText,
                G::ExecutiveMeetingDate => Kind::Date,
            },
            Field::Attestation(_) => Kind::Flag,
        }
    }

    /// True for a field the notice does not require (the form says 选填).
    pub fn optional(self) -> bool {
        matches!(
            self,
            Field::Village(VillageField::Code)
                | Field::LinkedInitiative(_)
                | Field::LinkedInitiativeName(_)
                | Field::ProjectFunding(_)
                | Field::Funds(FundsField::Cooperation | FundsField::SocialCapital | FundsField::Loans)
        )
    }
}

impl FundsField {
    /// The funding source whose area-level amount this is.
    pub fn source(self) -> FundingSource {
        match self {
            FundsField::ProvincialLinkage => FundingSource::ProvincialLinkage,
            FundsField::CityLinkage => FundingSource::CityLinkage,
            FundsField::CountyLinkage => FundingSource::CountyLinkage,
            FundsField::Cooperation => FundingSource::Cooperation,
            FundsField::SocialCapital => FundingSource::SocialCapital,
            FundsField::Loans => FundingSource::Loans,
        }
    }
}
