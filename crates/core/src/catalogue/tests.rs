//! The catalogue's invariants: every answered member of the model has one field, paths go both ways, labels are
//! distinct, answers read and write back, and every text with a number of the notice follows the parameter set.

use std::collections::BTreeMap;

use serde_json::Value;

use super::*;
use crate::finding::Step;
use crate::model::{LinkedInitiative, LinkedInitiativeKind};
use crate::params::ParameterSet;

#[test]
fn paths_read_as_the_form_names_them() {
    for (path, expected) in [
        ("villages[3].population", "第4个村的户籍人口"),
        ("villages[3].monitored_population", "第4个村的监测帮扶对象"),
        ("villages[0].resident_support", "第1个村的第一书记、工作队驻村情况"),
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
        ("projects[2].village_id", "第3个项目的实施地点"),
        ("applicant.county_code", "申报县（市、区）"),
        ("attestations.submitted_by_county_government", "以县政府名义上报"),
        ("villages", "覆盖的行政村"),
        ("linked_initiatives.industry_town.name", "农业产业强镇名称"),
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
        "villages[-1].name",
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
fn every_model_path() -> Vec<String> {
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
    walk(&serde_json::to_value(&application).expect("json"), String::new(), &mut paths);
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
fn every_path_of_the_model_has_a_distinct_name() {
    let paths = every_model_path();
    assert!(paths.len() > 300, "{}", paths.len());
    let unnamed: Vec<&String> = paths.iter().filter(|path| describe(path).is_none()).collect();
    assert!(unnamed.is_empty(), "no Chinese name for {unnamed:?}");
    let mut by_name: BTreeMap<String, &String> = BTreeMap::new();
    for path in &paths {
        if let Some(other) = by_name.insert(describe(path).unwrap_or_default(), path) {
            panic!("{other} and {path} have the same name {:?}", describe(path));
        }
    }
}

/// The members of the model that are not questions: ids, the names filled in from the reference data, the
/// initiatives as a list (their fields are addressed by kind), the groups of fields.
fn is_not_a_question(path: &str) -> bool {
    path.ends_with(".id")
        || path.ends_with(']')
        || [
            "applicant",
            "applicant.city_name",
            "applicant.county_name",
            "excluded_overlaps",
            "villages",
            "industries",
            "linked_initiatives",
            "funds",
            "funds.sector_funds",
            "plan",
            "plan.narratives",
            "projects",
            "governance",
            "attestations",
        ]
        .contains(&path)
        || path.starts_with("linked_initiatives[")
        || (path.starts_with("villages[") && path.ends_with("].plan"))
        || (path.starts_with("projects[") && path.ends_with("].funding"))
}

#[test]
fn every_answered_member_of_the_model_has_one_field() {
    let mut fields_seen = std::collections::BTreeSet::new();
    for path in every_model_path() {
        if is_not_a_question(&path) {
            continue;
        }
        let (field, _) = parse_path(&path).unwrap_or_else(|| panic!("{path} has no catalogue entry"));
        fields_seen.insert(field);
    }
    // And the other way round: every field but the initiatives (addressed by kind, not by the list's path) is
    // a member of the model.
    for field in Field::all() {
        if matches!(field, Field::LinkedInitiative(_) | Field::LinkedInitiativeName(_)) {
            continue;
        }
        assert!(fields_seen.contains(&field), "{field:?} is not a member of the model");
    }
}

#[test]
fn every_field_path_parses_back_to_its_field() {
    for field in Field::all() {
        let index = field.list().map(|_| 7);
        let path = paths::path_of(field, index);
        assert_eq!(parse_path(&path), Some((field, index)), "{path}");
    }
    for path in paths::keyed_paths() {
        assert!(parse_path(&path).is_some(), "{path}");
    }
    assert_eq!(Field::all().len(), {
        let mut unique = Field::all();
        unique.sort();
        unique.dedup();
        unique.len()
    });
}

#[test]
fn labels_are_distinct_within_a_list_and_among_the_application_s_own_fields() {
    let mut seen: BTreeMap<(Option<ItemList>, String), Field> = BTreeMap::new();
    for field in Field::all() {
        if let Some(other) = seen.insert((field.list(), field.label().into_owned()), field) {
            panic!("{other:?} and {field:?} share the label {}", field.label());
        }
    }
}

#[test]
fn typed_fields_have_their_kind() {
    let kind = |path: &str| parse_path(path).map(|(field, _)| field.kind());
    assert_eq!(kind("funds.loans"), Some(Kind::Amount));
    assert_eq!(kind("application.funds.sector_funds[0].amount"), Some(Kind::Amount));
    assert_eq!(kind("projects[3].funding.social_capital"), Some(Kind::Amount));
    assert_eq!(kind("villages[1].plan.expected_on"), Some(Kind::Date));
    assert_eq!(kind("governance.executive_meeting_date"), Some(Kind::Date));
    assert_eq!(kind("plan.end"), Some(Kind::Month));
    assert_eq!(kind("projects[0].start"), Some(Kind::Month));
    assert_eq!(kind("villages[0].monitored_population"), Some(Kind::Count));
    assert_eq!(kind("projects[0].beneficiaries_lifted"), Some(Kind::Count));
    for path in ["villages[0].name", "plan.targets", "governance.task_force"] {
        assert!(kind(path).is_some_and(|kind| !kind.is_typed()), "{path}");
    }
}

#[test]
fn every_answer_reads_and_writes_back_unchanged() {
    let application = crate::sample::complete();
    for field in FieldRef::every(&application) {
        let answer = field.get(&application).unwrap_or_else(|| panic!("{field:?}"));
        let mut written = application.clone();
        field.put(&mut written, answer.clone());
        assert_eq!(written, application, "{field:?}");
        // Through the form's text as well.
        let reread = field.field.kind().parse(&answer.form_text());
        assert_eq!(reread.as_ref(), Ok(&answer), "{field:?}");
    }
}

#[test]
fn a_field_of_an_item_is_found_by_the_item_s_id() {
    let mut application = crate::sample::complete();
    let id = application.villages[4].id.clone();
    let field = Field::Village(VillageField::Population).of(&id);
    assert_eq!(field.path(&application).as_deref(), Some("villages[4].population"));
    application.villages.swap(0, 4);
    assert_eq!(field.path(&application).as_deref(), Some("villages[0].population"));
    assert!(field.name(&application).starts_with("第1个村「"), "{}", field.name(&application));
    application.villages.remove(0);
    assert_eq!(field.path(&application), None);
    assert_eq!(field.get(&application), None);
}

#[test]
fn choosing_a_county_fills_in_its_city_and_the_yellow_river_answer() {
    let mut application = Application::default();
    Field::Applicant(ApplicantField::County).at().put(&mut application, Answer::Choice(Some("370124".into())));
    let applicant = &application.applicant;
    assert_eq!((applicant.city_name.as_str(), applicant.county_name.as_str()), ("济南市", "平阴县"));
    assert_eq!(applicant.along_yellow_river, Some(true));
    assert_eq!(Field::Applicant(ApplicantField::County).at().display(&application), "平阴县");
    // Another city clears the county.
    Field::Applicant(ApplicantField::City).at().put(&mut application, Answer::Choice(Some("371300".into())));
    assert_eq!(application.applicant.county_code, "");
    assert_eq!(application.applicant.city_name, "临沂市");
}

#[test]
fn a_project_s_site_is_a_village_or_its_township() {
    let mut application = crate::sample::complete();
    let id = application.projects[0].id.clone();
    let site = Field::Project(ProjectField::Site).of(&id);
    let village = application.villages[2].clone();
    site.put(&mut application, Answer::Choice(Some(village.id.clone())));
    assert_eq!(site.display(&application), format!("{}{}", village.township, village.name));
    site.put(&mut application, Answer::Choice(Some(choices::TOWNSHIP_SITE.into())));
    Field::Project(ProjectField::Township).of(&id).put(&mut application, Answer::Text("孔村镇".into()));
    assert_eq!(site.get(&application), Some(Answer::Choice(Some(choices::TOWNSHIP_SITE.into()))));
    assert_eq!(application.projects[0].village_id, "");
    assert!(Field::Project(ProjectField::Township).of(&id).applies(&application));
}

/// Every text the catalogue gives people with a number of the notice in it (hints, options, step intros, rule
/// summaries and messages) follows the parameter set: with a set of other numbers, none of the notice's numbers is
/// left, and the new ones appear.
#[test]
fn every_number_of_the_notice_shown_comes_from_the_parameter_set() {
    let notice = ParameterSet::second_batch_2022();
    let mut other = notice.clone();
    other.batch_year.value = 2031;
    other.key_county_linkage_funds.value = Wan::from_whole(5111);
    other.non_key_min_linkage_total.value = Wan::from_whole(4111);
    other.fixed_subsidy_east.value = Wan::from_whole(2111);
    other.fixed_subsidy_central.value = Wan::from_whole(2611);
    other.fixed_subsidy_west.value = Wan::from_whole(3111);
    other.min_villages.value = 13;
    other.min_featured_industries.value = 3;
    other.max_featured_industries.value = 4;
    other.sector_funds_min_share.value = rust_decimal::Decimal::new(61, 2);
    other.plan_months.value = 36;
    other.city_submission_deadline.value = chrono::NaiveDate::from_ymd_opt(2030, 9, 9).expect("a date");
    other.issued_on = chrono::NaiveDate::from_ymd_opt(2030, 8, 8).expect("a date");

    let mut texts = Vec::new();
    let application = crate::sample::complete();
    for field in Field::all() {
        texts.extend(field.hint(&other));
        texts.extend(field.options(&application, &other).into_iter().map(|option| option.label));
    }
    for step in Step::ALL {
        texts.extend(intro(step, &other));
    }
    for rule in crate::rules::RULES {
        texts.push((rule.summary)(&other));
    }
    // Messages: an application that breaks the numeric rules under both sets.
    let mut breaking = crate::sample::complete();
    breaking.villages.truncate(2);
    breaking.industries.clear();
    breaking.plan.start = None;
    breaking.projects[0].start = None;
    breaking.funds.sector_funds.clear();
    // Amounts of its own that are not the notice's numbers.
    breaking.funds.city_linkage_funds = Some(Wan::from_whole(600));
    texts.extend(crate::evaluate(&breaking, &other).findings.into_iter().map(|finding| finding.message));
    let joined = texts.join("\n");
    for old in ["50%", "4000", "5000", "2000、2500、3000", "不低于10个", "1-2个", "2023", "12月10日", "24个月", "2年"]
    {
        assert!(!joined.contains(old), "{old:?} is still shown:\n{joined}");
    }
    for new in ["61%", "4111", "5111", "2111、2611、3111", "不低于13个", "3-4个", "2031", "9月9日", "36个月", "3年"]
    {
        assert!(joined.contains(new), "{new:?} is not shown:\n{joined}");
    }
}
