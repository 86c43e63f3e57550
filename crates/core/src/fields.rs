//! Field paths in words: `villages[3].population` → 第4个村的户籍人口.
//!
//! Findings, pending inputs and reading errors name a member of the application by its field path
//! (`docs/draft-format.md`, "Field paths"). People read the Chinese name of the field instead, as the form labels
//! it; [`describe`] gives it for every path the model has, and [`input_kind`] says which parser reads the text typed
//! into a field, for messages about text that is not yet a valid value.

use crate::model::{Application, ContentArea, ExcludedProgramme, FundingSource};

/// The Chinese name of the field at `path` (with or without a leading `application.`), e.g.
/// `projects[0].funding.sector` → 第1个项目的整合行业资金, `funds.loans` → 金融信贷资金; `None` for a path the model
/// does not have.
pub fn describe(path: &str) -> Option<String> {
    let path = path.strip_prefix("application.").unwrap_or(path);
    let segments = segments(path)?;
    use Segment::{Index, Name};
    let described = match segments.as_slice() {
        [Name(section)] => section_name(section)?.to_owned(),
        [Name("applicant"), Name(member)] => applicant_member(member)?.to_owned(),
        [Name("excluded_overlaps"), Name(key)] => {
            let programme = ExcludedProgramme::ALL.into_iter().find(|programme| programme.key() == *key)?;
            format!("是否与{}重叠", programme.label())
        }
        [Name("villages"), Index(index)] => village(*index),
        [Name("villages"), Index(index), Name(member)] => format!("{}的{}", village(*index), village_member(member)?),
        [Name("villages"), Index(index), Name("plan"), Name(member)] => {
            format!("{}的{}", village(*index), village_plan_member(member)?)
        }
        [Name("industries"), Index(index)] => industry(*index),
        [Name("industries"), Index(index), Name(member)] => {
            format!("{}的{}", industry(*index), industry_member(member)?)
        }
        [Name("linked_initiatives"), Index(index)] => initiative(*index),
        [Name("linked_initiatives"), Index(index), Name(member)] => {
            let member = match *member {
                "kind" => "类型",
                "name" => "名称",
                _ => return None,
            };
            format!("{}的{member}", initiative(*index))
        }
        [Name("funds"), Name(member)] => funds_member(member)?.to_owned(),
        [Name("funds"), Name("sector_funds"), Index(index)] => sector_fund(*index),
        [Name("funds"), Name("sector_funds"), Index(index), Name(member)] => {
            let member = match *member {
                "id" => "编号",
                "department" => "主管部门",
                "fund_name" => "资金名称",
                "amount" => "金额",
                _ => return None,
            };
            format!("{}的{member}", sector_fund(*index))
        }
        [Name("plan"), Name(member)] => plan_member(member)?.to_owned(),
        [Name("plan"), Name("narratives"), Name(key)] => {
            let area = ContentArea::ALL.into_iter().find(|area| area.key() == *key)?;
            format!("「{}」建设内容概述", area.label())
        }
        [Name("projects"), Index(index)] => project(*index),
        [Name("projects"), Index(index), Name(member)] => format!("{}的{}", project(*index), project_member(member)?),
        [Name("projects"), Index(index), Name("funding"), Name(key)] => {
            let source = FundingSource::ALL.into_iter().find(|source| source.key() == *key)?;
            format!("{}的{}", project(*index), source.label())
        }
        [Name("governance"), Name(member)] => governance_member(member)?.to_owned(),
        [Name("attestations"), Name(member)] => attestation(member)?.to_owned(),
        _ => return None,
    };
    Some(described)
}

/// The kind of value typed into a field, which decides how its text is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// An amount in 万元 ([`crate::money::Wan::parse_input`]).
    Amount,
    /// A date ([`crate::input::parse_date_input`]).
    Date,
    /// A month ([`crate::input::YearMonth::parse_input`]).
    Month,
    /// A count of people ([`crate::input::parse_count_input`]).
    Count,
}

/// The kind of value of the field at `path` when it is typed as text that must be read (amounts, dates, months,
/// counts); `None` for text, choices, yes/no answers and unknown paths.
pub fn input_kind(path: &str) -> Option<InputKind> {
    let path = path.strip_prefix("application.").unwrap_or(path);
    let segments = segments(path)?;
    use Segment::{Index, Name};
    Some(match segments.as_slice() {
        [Name("funds"), Name(member)] if *member != "sector_funds" => {
            funds_member(member)?;
            InputKind::Amount
        }
        [Name("funds"), Name("sector_funds"), Index(_), Name("amount")] => InputKind::Amount,
        [Name("projects"), Index(_), Name("funding"), Name(source)] => {
            FundingSource::ALL.into_iter().find(|s| s.key() == *source)?;
            InputKind::Amount
        }
        [Name("villages"), Index(_), Name("plan"), Name("approved_on" | "expected_on")]
        | [Name("governance"), Name("executive_meeting_date")] => InputKind::Date,
        [Name("plan"), Name("start" | "end")] | [Name("projects"), Index(_), Name("start" | "end")] => InputKind::Month,
        [Name("villages"), Index(_), Name("population" | "lifted_population" | "monitored_population")]
        | [Name("projects"), Index(_), Name("beneficiaries" | "beneficiaries_lifted" | "beneficiaries_monitored")] => {
            InputKind::Count
        }
        _ => return None,
    })
}

/// Whether `path` names a field of `application` that typed text can be pending for: an amount, date, month or
/// count field ([`input_kind`]) and, within a list, an item the list has. A draft whose pending text points anywhere
/// else was edited by hand, and is refused ([`crate::draft::DraftError::PendingInputNowhere`]).
pub fn is_input_of(path: &str, application: &Application) -> bool {
    if input_kind(path).is_none() {
        return false;
    }
    let path = path.strip_prefix("application.").unwrap_or(path);
    use Segment::{Index, Name};
    match segments(path).as_deref() {
        Some([Name("villages"), Index(index), ..]) => *index < application.villages.len(),
        Some([Name("projects"), Index(index), ..]) => *index < application.projects.len(),
        Some([Name("funds"), Name("sector_funds"), Index(index), ..]) => *index < application.funds.sector_funds.len(),
        Some(_) => true,
        None => false,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Segment<'a> {
    Name(&'a str),
    Index(usize),
}

/// `villages[3].plan.status` → `villages`, `3`, `plan`, `status`; `None` when malformed.
fn segments(path: &str) -> Option<Vec<Segment<'_>>> {
    let mut segments = Vec::new();
    for part in path.split('.') {
        let (name, mut rest) = part.split_once('[').map_or((part, ""), |(name, rest)| (name, rest));
        if name.is_empty() {
            return None;
        }
        segments.push(Segment::Name(name));
        if !rest.is_empty() {
            rest = rest.strip_suffix(']')?;
            for index in rest.split("][") {
                segments.push(Segment::Index(index.parse().ok()?));
            }
        }
    }
    Some(segments)
}

fn village(index: usize) -> String {
    format!("第{}个村", index + 1)
}

fn industry(index: usize) -> String {
    format!("第{}个特色产业", index + 1)
}

fn initiative(index: usize) -> String {
    format!("第{}个有机结合的项目", index + 1)
}

fn sector_fund(index: usize) -> String {
    format!("第{}项整合的行业资金", index + 1)
}

fn project(index: usize) -> String {
    format!("第{}个项目", index + 1)
}

fn section_name(section: &str) -> Option<&'static str> {
    Some(match section {
        "applicant" => "申报县基本情况",
        "excluded_overlaps" => "与已安排区域的重叠情况",
        "villages" => "覆盖的行政村",
        "industries" => "特色产业",
        "linked_initiatives" => "有机结合的项目",
        "funds" => "资金筹措",
        "plan" => "实施规划",
        "projects" => "项目清单",
        "governance" => "组织保障",
        "attestations" => "承诺事项",
        _ => return None,
    })
}

fn applicant_member(member: &str) -> Option<&'static str> {
    Some(match member {
        "city_code" => "所在市",
        "city_name" => "所在市名称",
        "county_code" => "申报县（市、区）",
        "county_name" => "申报县（市、区）名称",
        "key_county" => "是否为省乡村振兴重点帮扶县",
        "city_has_key_county" => "所在市是否有重点县",
        "region_tier" => "扶贫区域分类",
        "region_tier_source" => "扶贫区域分类依据文件",
        "along_yellow_river" => "是否为沿黄县",
        "contact_person" => "联系人",
        "contact_phone" => "联系电话",
        _ => return None,
    })
}

fn village_member(member: &str) -> Option<&'static str> {
    Some(match member {
        "id" => "编号",
        "name" => "村名",
        "code" => "村级区划代码",
        "township" => "所属乡镇（街道）",
        "category" => "村庄分类",
        "plan" => "多规合一村庄规划",
        "population" => "户籍人口",
        "lifted_population" => "脱贫人口",
        "monitored_population" => "监测帮扶对象人数",
        "resident_support" => "第一书记、工作队驻村情况",
        _ => return None,
    })
}

fn village_plan_member(member: &str) -> Option<&'static str> {
    Some(match member {
        "status" => "村庄规划编制情况",
        "approved_on" => "村庄规划批复日期",
        "expected_on" => "村庄规划预计批复日期",
        _ => return None,
    })
}

fn industry_member(member: &str) -> Option<&'static str> {
    Some(match member {
        "id" => "编号",
        "name" => "产业名称",
        "fits_county_plan" => "是否符合县级产业振兴规划",
        "county_plan" => "县级产业振兴规划名称",
        "chain_potential" => "产业链条延伸潜力",
        "market_prospects" => "市场前景",
        _ => return None,
    })
}

fn funds_member(member: &str) -> Option<&'static str> {
    Some(match member {
        "provincial_linkage_funds" => "省级以上衔接资金",
        "city_linkage_funds" => "市级衔接资金",
        "county_linkage_funds" => "县级衔接资金",
        "sector_funds" => "整合的行业资金",
        "cooperation_funds" => "协作资金",
        "social_capital" => "社会资本",
        "loans" => "金融信贷资金",
        _ => return None,
    })
}

fn plan_member(member: &str) -> Option<&'static str> {
    Some(match member {
        "start" => "实施规划开始年月",
        "end" => "实施规划结束年月",
        "narratives" => "建设内容概述",
        "targets" => "建设目标",
        _ => return None,
    })
}

fn project_member(member: &str) -> Option<&'static str> {
    Some(match member {
        "id" => "编号",
        "name" => "项目名称",
        "content_area" => "建设内容类别",
        "village_id" => "实施地点（村）",
        "township" => "实施乡镇",
        "content_and_scale" => "建设内容及规模",
        "support_mode" => "支持方式",
        "support_mode_other" => "其他支持方式",
        "funding" => "资金来源",
        "responsible_department" => "责任部门",
        "implementing_body" => "实施主体",
        "start" => "实施期限开始年月",
        "end" => "实施期限结束年月",
        "beneficiaries" => "受益人数",
        "beneficiaries_lifted" => "受益人数中的脱贫人口",
        "beneficiaries_monitored" => "受益人数中的监测帮扶对象",
        "benefit_linkage" => "联农带农富农利益联结机制",
        "dividend_only_purchase" => "是否为单纯追求收益分红的购买类项目",
        _ => return None,
    })
}

fn governance_member(member: &str) -> Option<&'static str> {
    Some(match member {
        "principal_leaders_deployed" => "主要负责同志是否亲自研究部署",
        "leader_in_charge" => "挂帅的分管领导",
        "coordination_mechanism" => "是否建立常态化工作协调机制",
        "led_by_rural_revitalization_bureau" => "是否由县乡村振兴局牵头",
        "led_by_finance_bureau" => "是否由县财政局牵头",
        "task_force" => "是否成立工作专班",
        "task_force_members" => "工作专班组成",
        "executive_meeting_date" => "县政府常务会议日期",
        "executive_meeting_minutes" => "县政府常务会议纪要文号",
        "land_quota_needed" => "项目建设是否需要土地指标",
        "land_quota_arranged" => "土地指标是否已优先保障",
        _ => return None,
    })
}

fn attestation(member: &str) -> Option<&'static str> {
    Some(match member {
        "four_not_removed" => "落实“四个不摘”要求的承诺",
        "asset_management" => "加强项目资产管理和监督的承诺",
        "return_to_poverty_monitoring" => "健全防返贫动态监测和帮扶机制的承诺",
        "funds_under_own_rules" => "各级财政资金按各自管理办法规范使用的承诺",
        "submitted_by_county_government" => "以县政府名义上报的确认",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde_json::Value;

    use super::*;
    use crate::model::{LinkedInitiative, LinkedInitiativeKind};
    use crate::money::Wan;

    #[test]
    fn paths_read_as_the_form_names_them() {
        for (path, expected) in [
            ("villages[3].population", "第4个村的户籍人口"),
            ("projects[0].funding.sector", "第1个项目的整合行业资金"),
            ("funds.loans", "金融信贷资金"),
            ("application.funds.loans", "金融信贷资金"),
            ("governance.executive_meeting_date", "县政府常务会议日期"),
            ("villages[0].plan.approved_on", "第1个村的村庄规划批复日期"),
            ("funds.sector_funds[1].amount", "第2项整合的行业资金的金额"),
            ("funds.sector_funds", "整合的行业资金"),
            ("plan.narratives.industry", "「产业发展」建设内容概述"),
            ("excluded_overlaps.first_batch", "是否与省级首批衔接推进区重叠"),
            ("projects[2].funding", "第3个项目的资金来源"),
            ("applicant.county_code", "申报县（市、区）"),
            ("attestations.submitted_by_county_government", "以县政府名义上报的确认"),
            ("villages", "覆盖的行政村"),
        ] {
            assert_eq!(describe(path).as_deref(), Some(expected), "{path}");
        }
    }

    #[test]
    fn unknown_or_malformed_paths_have_no_name() {
        for path in [
            "",
            "funds.nothing",
            "villages.population",
            "villages[x].name",
            "villages[1",
            "projects[0].funding.gold",
            "plan.narratives.sport",
            "excluded_overlaps.moon",
            "villages[0].name.first",
            "application.",
        ] {
            assert_eq!(describe(path), None, "{path}");
        }
    }

    /// Every field path of an application with every list, map key and member present.
    fn every_path() -> Vec<String> {
        let mut application = crate::sample::complete();
        for programme in ExcludedProgramme::ALL {
            application.excluded_overlaps.insert(programme, false);
        }
        for area in ContentArea::ALL {
            application.plan.narratives.insert(area, "概述".into());
        }
        application.projects[0].funding = FundingSource::ALL.into_iter().map(|s| (s, Wan::from_whole(1))).collect();
        application.linked_initiatives =
            vec![LinkedInitiative { kind: LinkedInitiativeKind::IndustryTown, name: "某镇".into() }];
        let mut paths = Vec::new();
        walk(&serde_json::to_value(&application).unwrap(), String::new(), &mut paths);
        paths
    }

    fn walk(value: &Value, path: String, paths: &mut Vec<String>) {
        match value {
            Value::Object(members) => {
                for (name, member) in members {
                    let inner = if path.is_empty() { name.clone() } else { format!("{path}.{name}") };
                    paths.push(inner.clone());
                    walk(member, inner, paths);
                }
            }
            Value::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    let inner = format!("{path}[{index}]");
                    paths.push(inner.clone());
                    walk(item, inner, paths);
                }
            }
            _ => {}
        }
    }

    #[test]
    fn every_path_of_the_model_has_a_name() {
        let paths = every_path();
        assert!(paths.len() > 300, "{}", paths.len());
        let unnamed: Vec<&String> = paths.iter().filter(|path| describe(path).is_none()).collect();
        assert!(unnamed.is_empty(), "no Chinese name for {unnamed:?}");
        // Names are distinct: two fields never read the same.
        let mut by_name: BTreeMap<String, &String> = BTreeMap::new();
        for path in &paths {
            if let Some(other) = by_name.insert(describe(path).unwrap(), path) {
                panic!("{other} and {path} have the same name {:?}", describe(path));
            }
        }
    }

    #[test]
    fn typed_fields_have_their_kind() {
        assert_eq!(input_kind("funds.loans"), Some(InputKind::Amount));
        assert_eq!(input_kind("application.funds.sector_funds[0].amount"), Some(InputKind::Amount));
        assert_eq!(input_kind("projects[3].funding.social_capital"), Some(InputKind::Amount));
        assert_eq!(input_kind("villages[1].plan.expected_on"), Some(InputKind::Date));
        assert_eq!(input_kind("governance.executive_meeting_date"), Some(InputKind::Date));
        assert_eq!(input_kind("plan.end"), Some(InputKind::Month));
        assert_eq!(input_kind("projects[0].start"), Some(InputKind::Month));
        assert_eq!(input_kind("villages[0].monitored_population"), Some(InputKind::Count));
        assert_eq!(input_kind("projects[0].beneficiaries_lifted"), Some(InputKind::Count));
        for path in [
            "funds.sector_funds",
            "funds.gold",
            "villages[0].name",
            "plan.targets",
            "governance.task_force",
            "projects[0].funding.lottery",
        ] {
            assert_eq!(input_kind(path), None, "{path}");
        }
    }
}
