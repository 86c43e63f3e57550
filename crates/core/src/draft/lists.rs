//! Editing the application's lists: ids for new items that are never reused, moving and removing items with
//! what refers to them (justifications, a project's village, text typed but not yet valid).

use super::{Draft, ItemList};

impl Draft {
    /// An id for a new item of a list: the prefix and one more than the highest number ever given in it (`v13`),
    /// so that justifications and project sites of a removed item never pass to a new one.
    pub fn next_id(&mut self, list: ItemList) -> String {
        let ids = self.item_ids(list);
        let prefix = list.id_prefix();
        let in_use = ids.iter().filter_map(|id| id.strip_prefix(prefix)?.parse::<u64>().ok()).max().unwrap_or(0);
        let given = self.last_ids.get(list.path()).copied().unwrap_or(0);
        let next = in_use.max(given).saturating_add(1);
        self.last_ids.insert(list.path().to_owned(), next);
        format!("{prefix}{next}")
    }

    /// The ids of a list's items, in order.
    pub fn item_ids(&self, list: ItemList) -> Vec<&str> {
        list.ids(&self.application)
    }

    /// Where the field `path` of a list item (`villages[1].township`) is in `other`, a later version of this
    /// draft in which items may have moved: the path naming the same field of the same item (by id), or `None`
    /// when the path is not an item's or the item is gone.
    pub fn item_path_in(&self, path: &str, other: &Draft) -> Option<String> {
        ItemList::ALL.into_iter().find_map(|list| {
            let (index, tail) = path.strip_prefix(list.path())?.strip_prefix('[')?.split_once(']')?;
            let id = *self.item_ids(list).get(index.parse::<usize>().ok()?)?;
            let moved = other.item_ids(list).iter().position(|other| *other == id)?;
            Some(format!("{}[{moved}]{tail}", list.path()))
        })
    }

    /// Gives the item `from` of a list the id `to`, and moves what refers to it along: a project's village (for a
    /// village) and the justifications written for it.
    pub fn rename_item(&mut self, list: ItemList, from: &str, to: &str) {
        let a = &mut self.application;
        let id = match list {
            ItemList::Villages => a.villages.iter_mut().find(|v| v.id == from).map(|v| &mut v.id),
            ItemList::Industries => a.industries.iter_mut().find(|i| i.id == from).map(|i| &mut i.id),
            ItemList::Projects => a.projects.iter_mut().find(|p| p.id == from).map(|p| &mut p.id),
            ItemList::SectorFunds => a.funds.sector_funds.iter_mut().find(|s| s.id == from).map(|s| &mut s.id),
        };
        let Some(id) = id else { return };
        to.clone_into(id);
        if list == ItemList::Villages {
            for project in a.projects.iter_mut().filter(|p| p.village_id == from) {
                to.clone_into(&mut project.village_id);
            }
        }
        let (old, new) = (format!("@{from}"), format!("@{to}"));
        let renamed: Vec<String> = self.justifications.keys().filter(|key| key.ends_with(&old)).cloned().collect();
        for key in renamed {
            if let Some(text) = self.justifications.remove(&key) {
                self.justifications.insert(format!("{}{new}", &key[..key.len() - old.len()]), text);
            }
        }
        if let Some(number) = to.strip_prefix(list.id_prefix()).and_then(|n| n.parse::<u64>().ok()) {
            let given = self.last_ids.entry(list.path().to_owned()).or_insert(0);
            *given = (*given).max(number);
        }
    }

    /// Removes the item at `index` (nothing when out of range), with the justifications written for it; keeps the
    /// typed-but-invalid text of the other items with their items. What refers to the removed item from elsewhere
    /// (a project's village) is left for the rules to report.
    pub fn remove_item(&mut self, list: ItemList, index: usize) {
        let length = self.list_len(list);
        if index >= length {
            return;
        }
        let removed_id = match list {
            ItemList::Villages => self.application.villages.remove(index).id,
            ItemList::Industries => self.application.industries.remove(index).id,
            ItemList::Projects => self.application.projects.remove(index).id,
            ItemList::SectorFunds => self.application.funds.sector_funds.remove(index).id,
        };
        // Its number is never given again, even when it was the highest in use.
        if let Some(number) = removed_id.strip_prefix(list.id_prefix()).and_then(|n| n.parse::<u64>().ok()) {
            let given = self.last_ids.entry(list.path().to_owned()).or_insert(0);
            *given = (*given).max(number);
        }
        let suffix = format!("@{removed_id}");
        self.justifications.retain(|key, _| !key.ends_with(&suffix));
        self.renumber_pending(list, |old| match old.cmp(&index) {
            std::cmp::Ordering::Less => Some(old),
            std::cmp::Ordering::Equal => None,
            std::cmp::Ordering::Greater => Some(old - 1),
        });
    }

    /// Moves the item at `from` to position `to` (nothing when either is out of range).
    pub fn move_item(&mut self, list: ItemList, from: usize, to: usize) {
        let length = self.list_len(list);
        if from >= length || to >= length || from == to {
            return;
        }
        fn shift<T>(items: &mut Vec<T>, from: usize, to: usize) {
            let item = items.remove(from);
            items.insert(to, item);
        }
        match list {
            ItemList::Villages => shift(&mut self.application.villages, from, to),
            ItemList::Industries => shift(&mut self.application.industries, from, to),
            ItemList::Projects => shift(&mut self.application.projects, from, to),
            ItemList::SectorFunds => shift(&mut self.application.funds.sector_funds, from, to),
        }
        self.renumber_pending(list, |old| {
            Some(if old == from {
                to
            } else if from < to && old > from && old <= to {
                old - 1
            } else if to < from && old >= to && old < from {
                old + 1
            } else {
                old
            })
        });
    }

    fn list_len(&self, list: ItemList) -> usize {
        match list {
            ItemList::Villages => self.application.villages.len(),
            ItemList::Industries => self.application.industries.len(),
            ItemList::Projects => self.application.projects.len(),
            ItemList::SectorFunds => self.application.funds.sector_funds.len(),
        }
    }

    /// Re-keys pending inputs of a list's items after removal or reordering; `None` drops the entry.
    fn renumber_pending(&mut self, list: ItemList, new_index: impl Fn(usize) -> Option<usize>) {
        let prefix = format!("{}[", list.path());
        let pending = std::mem::take(&mut self.pending_inputs);
        for (path, text) in pending {
            let Some(rest) = path.strip_prefix(&prefix) else {
                self.pending_inputs.insert(path, text);
                continue;
            };
            let Some((number, tail)) = rest.split_once(']') else { continue };
            let Ok(old) = number.parse::<usize>() else { continue };
            if let Some(new) = new_index(old) {
                self.pending_inputs.insert(format!("{prefix}{new}]{tail}"), text);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Utc};

    use super::*;
    use crate::params::ParameterSet;

    fn draft_with_villages(count: usize) -> Draft {
        let mut draft = Draft::new("测试", &ParameterSet::second_batch_2022(), DateTime::<Utc>::default());
        for index in 0..count {
            let id = draft.next_id(ItemList::Villages);
            draft.application.villages.push(crate::model::Village {
                id,
                name: format!("村{index}"),
                ..Default::default()
            });
        }
        draft
    }

    #[test]
    fn item_ids_are_never_reused() {
        let mut draft = draft_with_villages(3);
        // The highest one removed: its id is not given again.
        draft.remove_item(ItemList::Villages, 2);
        let id = draft.next_id(ItemList::Villages);
        assert_eq!(id, "v4");
        draft.application.villages.push(crate::model::Village { id, ..Default::default() });
        draft.remove_item(ItemList::Villages, 2);
        assert_eq!(draft.next_id(ItemList::Villages), "v5");
        // The memory survives the draft file.
        let text = draft.to_json();
        assert_eq!(Draft::from_json(&text).map(|mut d| d.next_id(ItemList::Villages)), Ok("v6".to_owned()));
    }

    #[test]
    fn removing_an_item_drops_its_justifications_only() {
        let mut draft = draft_with_villages(2);
        draft.justifications.insert("village_plan_in_preparation@v1".into(), "理由一".into());
        draft.justifications.insert("village_plan_in_preparation@v2".into(), "理由二".into());
        draft.justifications.insert("village_count_minimum".into(), "总体理由".into());
        draft.remove_item(ItemList::Villages, 0);
        let keys: Vec<&str> = draft.justifications.keys().map(String::as_str).collect();
        assert_eq!(keys, ["village_count_minimum", "village_plan_in_preparation@v2"]);
    }

    #[test]
    fn pending_text_follows_its_item_when_the_list_changes() {
        let mut draft = draft_with_villages(4);
        draft.pending_inputs.insert("villages[1].population".into(), "12a".into());
        draft.pending_inputs.insert("villages[3].population".into(), "x".into());
        draft.pending_inputs.insert("funds.loans".into(), "1,0".into());
        draft.move_item(ItemList::Villages, 3, 0);
        assert_eq!(draft.pending_inputs.get("villages[0].population").map(String::as_str), Some("x"));
        assert_eq!(draft.pending_inputs.get("villages[2].population").map(String::as_str), Some("12a"));
        draft.remove_item(ItemList::Villages, 0);
        assert_eq!(draft.pending_inputs.get("villages[1].population").map(String::as_str), Some("12a"));
        assert_eq!(draft.pending_inputs.len(), 2);
        assert_eq!(
            draft.application.villages.iter().map(|v| v.name.as_str()).collect::<Vec<_>>(),
            ["村0", "村1", "村2"]
        );
    }
}
