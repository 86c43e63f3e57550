//! Merging two tabs' changes to one draft.
//!
//! The same draft may be open in two tabs or windows of one browser; each page keeps the draft in memory and writes
//! the whole of it to local storage after every change, and hears of the other's writes (the `storage` event) a
//! moment later. In that moment a page may write over a change it has not heard of yet, or take over the other
//! page's content while a change of its own is still waiting to be saved. Both pages therefore merge: from the
//! content storage held when they last read or wrote it (the base), their own (ours) and what storage holds now
//! (theirs), every change either side made since the base is kept.
//!
//! The merge works on the draft's JSON: objects member by member, lists of the same length in the three versions
//! item by item (an edit to one village in one tab and to another village in the other both stay). Where both
//! sides changed the same value, or a list's length, ours wins: it is the later change, made in the tab being
//! typed in. The result is read back like any draft; if that fails (the sides' changes do not fit together),
//! ours is kept whole.

use serde_json::{Map, Value};

use crate::draft::Draft;

impl Draft {
    /// Three-way merge of one draft changed in two places since `base`: `ours` (this page's) and `theirs` (what
    /// local storage now holds). Every value only one side changed takes that side's change; a value both
    /// changed takes ours. Answers the merged answers no longer allow are dropped
    /// ([`Draft::drop_inapplicable_answers`]).
    ///
    /// Never fails: when the merged JSON is not a readable draft, the result is `ours` unchanged.
    pub fn merge(base: &Draft, ours: &Draft, theirs: &Draft) -> Draft {
        if ours == base || ours == theirs {
            return theirs.clone();
        }
        if theirs == base {
            return ours.clone();
        }
        let (Ok(b), Ok(o), Ok(t)) =
            (serde_json::to_value(base), serde_json::to_value(ours), serde_json::to_value(theirs))
        else {
            return ours.clone();
        };
        let Some(merged) = merge_value(Some(&b), Some(&o), Some(&t)) else { return ours.clone() };
        match Draft::from_value(merged) {
            Ok(mut draft) => {
                draft.drop_inapplicable_answers();
                draft
            }
            Err(_) => ours.clone(),
        }
    }
}

/// Merges one JSON value; `None` is an absent object member. Returns `None` when the merged member is absent.
fn merge_value(base: Option<&Value>, ours: Option<&Value>, theirs: Option<&Value>) -> Option<Value> {
    if ours == base {
        return theirs.cloned();
    }
    if theirs == base || theirs == ours {
        return ours.cloned();
    }
    match (base, ours, theirs) {
        (Some(Value::Object(b)), Some(Value::Object(o)), Some(Value::Object(t))) => {
            let mut merged = Map::new();
            for key in o.keys().chain(t.keys().filter(|k| !o.contains_key(*k))) {
                if let Some(value) = merge_value(b.get(key), o.get(key), t.get(key)) {
                    merged.insert(key.clone(), value);
                }
            }
            Some(Value::Object(merged))
        }
        (Some(Value::Array(b)), Some(Value::Array(o)), Some(Value::Array(t)))
            if b.len() == o.len() && o.len() == t.len() =>
        {
            let items = b.iter().zip(o).zip(t).map(|((b, o), t)| merge_value(Some(b), Some(o), Some(t)));
            Some(Value::Array(items.map(|item| item.unwrap_or(Value::Null)).collect()))
        }
        _ => ours.cloned(),
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::ParameterSet;
    use crate::model::Village;
    use crate::money::Wan;

    fn base() -> Draft {
        let params = ParameterSet::builtin("lu-xiangzhenfa-2022-26").expect("built in");
        let mut draft = Draft::new("试点", &params, Utc.with_ymd_and_hms(2026, 11, 30, 8, 0, 0).unwrap());
        draft.application.applicant.contact_person = "王某某".to_owned();
        for n in 1..=2 {
            let id = draft.next_id(crate::draft::ItemList::Villages);
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

    #[test]
    fn a_list_whose_length_both_changed_takes_ours() {
        let base = base();
        let mut ours = base.clone();
        ours.remove_item(crate::draft::ItemList::Villages, 0);
        let mut theirs = base.clone();
        theirs.application.villages[1].name = "西村".to_owned();
        let merged = Draft::merge(&base, &ours, &theirs);
        assert_eq!(merged.application.villages, ours.application.villages);
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
    fn a_merge_that_is_not_a_readable_draft_keeps_ours() {
        // Ours typed unreadable text into the second village, which theirs removed: the village list takes
        // theirs (ours did not change it), the pending text ours, and it would point to no field.
        let base = base();
        let mut ours = base.clone();
        ours.pending_inputs.insert("villages.1.population".to_owned(), "abc".to_owned());
        let mut theirs = base.clone();
        theirs.application.villages.truncate(1);
        let merged = Draft::merge(&base, &ours, &theirs);
        assert_eq!(merged, ours);
    }
}
