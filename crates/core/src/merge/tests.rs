//! The merge of two tabs' changes, case by case.

use chrono::{TimeZone, Utc};

use super::*;
use crate::ParameterSet;
use crate::draft::ItemList;
use crate::model::Village;
use crate::money::Wan;

fn base() -> Draft {
    let params = ParameterSet::builtin("lu-xiangzhenfa-2022-26").expect("built in");
    let mut draft = Draft::new("试点", &params, Utc.with_ymd_and_hms(2026, 11, 30, 8, 0, 0).unwrap());
    draft.application.applicant.contact_person = "王某某".to_owned();
    for n in 1..=2 {
        let id = draft.next_id(ItemList::Villages);
        draft.application.villages.push(Village { id, name: format!("村{n}"), ..Village::default() });
    }
    draft
}

#[test]
fn changes_to_different_fields_are_both_kept() {
    let base = base();
    let mut ours = base.clone();
    ours.application.applicant.contact_person = "张三".to_owned();
    let mut theirs = base.clone();
    theirs.application.funds.loans = Some(Wan::parse_plain("100").unwrap());
    let merged = Draft::merge(&base, &ours, &theirs);
    assert_eq!(merged.application.applicant.contact_person, "张三");
    assert_eq!(merged.application.funds.loans, Some(Wan::parse_plain("100").unwrap()));
}

#[test]
fn a_value_both_changed_takes_ours() {
    let base = base();
    let mut ours = base.clone();
    ours.application.applicant.contact_person = "张三".to_owned();
    let mut theirs = base.clone();
    theirs.application.applicant.contact_person = "李四".to_owned();
    assert_eq!(Draft::merge(&base, &ours, &theirs).application.applicant.contact_person, "张三");
}

#[test]
fn a_side_that_changed_nothing_takes_the_others_content() {
    let base = base();
    let mut changed = base.clone();
    changed.name = "改名".to_owned();
    assert_eq!(Draft::merge(&base, &base, &changed), changed);
    assert_eq!(Draft::merge(&base, &changed, &base), changed);
}

#[test]
fn edits_to_different_items_of_a_list_are_both_kept() {
    let base = base();
    let mut ours = base.clone();
    ours.application.villages[0].name = "东村".to_owned();
    let mut theirs = base.clone();
    theirs.application.villages[1].name = "西村".to_owned();
    let merged = Draft::merge(&base, &ours, &theirs);
    let names: Vec<_> = merged.application.villages.iter().map(|v| v.name.as_str()).collect();
    assert_eq!(names, ["东村", "西村"]);
}

fn names(draft: &Draft) -> Vec<String> {
    draft.application.villages.iter().map(|v| format!("{}:{}{}", v.id, v.name, v.township)).collect()
}

/// 甲村 v1, 乙村 v2, 丙村 v3.
fn three() -> Draft {
    let mut draft = base();
    draft.application.villages.clear();
    draft.last_ids.clear();
    for name in ["甲村", "乙村", "丙村"] {
        let id = draft.next_id(ItemList::Villages);
        draft.application.villages.push(Village { id, name: name.to_owned(), ..Village::default() });
    }
    draft
}

/// The villages after merging `one`'s and `other`'s changes to [`three`], the same whichever side merges.
fn both_ways(one: impl Fn(&mut Draft), other: impl Fn(&mut Draft)) -> Vec<String> {
    let base = three();
    let (mut first, mut second) = (base.clone(), base.clone());
    one(&mut first);
    other(&mut second);
    let merged = names(&Draft::merge(&base, &first, &second));
    assert_eq!(merged, names(&Draft::merge(&base, &second, &first)), "the merge depends on which side merges");
    merged
}

fn add_village(draft: &mut Draft, name: &str) {
    let id = draft.next_id(ItemList::Villages);
    draft.application.villages.push(Village { id, name: name.to_owned(), ..Village::default() });
}

#[test]
fn an_edit_follows_its_item_when_the_other_side_reorders() {
    let merged = both_ways(
        |d| d.move_item(ItemList::Villages, 2, 1),
        |d| d.application.villages[1].township = "乙镇".to_owned(),
    );
    assert_eq!(merged, ["v1:甲村", "v3:丙村", "v2:乙村乙镇"]);
}

#[test]
fn an_item_removed_on_one_side_stays_removed_while_the_other_edits_another() {
    let merged =
        both_ways(|d| d.remove_item(ItemList::Villages, 0), |d| d.application.villages[2].township = "丙镇".to_owned());
    assert_eq!(merged, ["v2:乙村", "v3:丙村丙镇"]);
}

#[test]
fn an_item_added_on_one_side_and_one_removed_on_the_other_are_both_kept() {
    let merged = both_ways(|d| add_village(d, "丁村"), |d| d.remove_item(ItemList::Villages, 0));
    assert_eq!(merged, ["v2:乙村", "v3:丙村", "v4:丁村"]);
}

#[test]
fn removals_on_both_sides_are_both_kept() {
    let merged = both_ways(|d| d.remove_item(ItemList::Villages, 0), |d| d.remove_item(ItemList::Villages, 2));
    assert_eq!(merged, ["v2:乙村"]);
}

#[test]
fn an_item_removed_on_one_side_but_edited_on_the_other_stays_with_the_edit() {
    let merged =
        both_ways(|d| d.remove_item(ItemList::Villages, 1), |d| d.application.villages[1].township = "乙镇".to_owned());
    assert_eq!(merged, ["v1:甲村", "v2:乙村乙镇", "v3:丙村"]);
}

#[test]
fn items_both_sides_added_under_the_same_id_are_both_kept_and_ids_stay_unique() {
    let base = three();
    let mut ours = base.clone();
    add_village(&mut ours, "丁村");
    let mut theirs = base.clone();
    add_village(&mut theirs, "戊村");
    let mut merged = Draft::merge(&base, &ours, &theirs);
    assert_eq!(names(&merged), ["v1:甲村", "v2:乙村", "v3:丙村", "v4:丁村", "v5:戊村"]);
    assert_eq!(merged.next_id(ItemList::Villages), "v6");
}

#[test]
fn a_project_keeps_its_village_when_that_village_takes_a_fresh_id() {
    let base = three();
    let mut ours = base.clone();
    add_village(&mut ours, "丁村");
    let mut theirs = base.clone();
    add_village(&mut theirs, "戊村");
    let project = theirs.next_id(ItemList::Projects);
    let village_id = "v4".to_owned();
    theirs.application.projects.push(crate::model::Project { id: project, village_id, ..Default::default() });
    theirs.justifications.insert("village_plan@v4".to_owned(), "理由".to_owned());
    let merged = Draft::merge(&base, &ours, &theirs);
    assert_eq!(names(&merged), ["v1:甲村", "v2:乙村", "v3:丙村", "v4:丁村", "v5:戊村"]);
    assert_eq!(merged.application.projects[0].village_id, "v5", "the project now names the other tab's village");
    assert_eq!(merged.justifications.keys().collect::<Vec<_>>(), ["village_plan@v5"]);
}

#[test]
fn revisions_are_not_merged() {
    let base = three();
    let mut ours = base.clone();
    ours.revision = Some("a-2".to_owned());
    let mut theirs = base.clone();
    theirs.revision = Some("b-7".to_owned());
    theirs.ancestors = vec!["a-1".to_owned()];
    assert_eq!(Draft::merge(&base, &ours, &theirs), base);
}

#[test]
fn a_field_path_follows_its_item() {
    let base = three();
    let mut moved = base.clone();
    moved.move_item(ItemList::Villages, 2, 0);
    assert_eq!(base.item_path_in("villages[1].township", &moved).as_deref(), Some("villages[2].township"));
    assert_eq!(base.item_path_in("villages[2].plan.status", &moved).as_deref(), Some("villages[0].plan.status"));
    moved.remove_item(ItemList::Villages, 2);
    assert_eq!(base.item_path_in("villages[1].township", &moved), None);
    assert_eq!(base.item_path_in("applicant.contact_person", &moved), None);
}

#[test]
fn text_not_yet_valid_moves_with_its_item() {
    let base = three();
    let mut ours = base.clone();
    ours.pending_inputs.insert("villages[2].population".to_owned(), "三百".to_owned());
    let mut theirs = base.clone();
    theirs.remove_item(ItemList::Villages, 0);
    let merged = Draft::merge(&base, &ours, &theirs);
    assert_eq!(names(&merged), ["v2:乙村", "v3:丙村"]);
    assert_eq!(merged.pending_inputs.get("villages[1].population").map(String::as_str), Some("三百"));
    assert_eq!(merged.pending_inputs.len(), 1);
}

#[test]
fn text_pending_in_one_side_and_a_value_in_the_other_are_both_kept() {
    let base = base();
    let mut ours = base.clone();
    ours.pending_inputs.insert("funds.loans".to_owned(), "1O0".to_owned());
    let mut theirs = base.clone();
    theirs.application.applicant.contact_person = "李四".to_owned();
    let merged = Draft::merge(&base, &ours, &theirs);
    assert_eq!(merged.pending_inputs.get("funds.loans").map(String::as_str), Some("1O0"));
    assert_eq!(merged.application.applicant.contact_person, "李四");
}

#[test]
fn a_removed_member_on_one_side_stays_removed() {
    let mut base = base();
    base.justifications.insert("k".to_owned(), "理由".to_owned());
    let mut ours = base.clone();
    ours.justifications.clear();
    let mut theirs = base.clone();
    theirs.name = "改名".to_owned();
    let merged = Draft::merge(&base, &ours, &theirs);
    assert!(merged.justifications.is_empty());
    assert_eq!(merged.name, "改名");
}

#[test]
fn an_item_removed_on_one_side_stays_when_the_other_typed_into_it() {
    // Text not yet valid, typed into the second village, which theirs removed: nothing typed is lost.
    let base = base();
    let mut ours = base.clone();
    ours.pending_inputs.insert("villages[1].population".to_owned(), "abc".to_owned());
    let mut theirs = base.clone();
    theirs.application.villages.truncate(1);
    let merged = Draft::merge(&base, &ours, &theirs);
    assert_eq!(merged, ours);
}
