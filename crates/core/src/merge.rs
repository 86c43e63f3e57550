//! Merging two tabs' changes to one draft.
//!
//! The same draft may be open in two tabs or windows of one browser; each page keeps the draft in memory and writes
//! the whole of it to local storage after every change, and hears of the other's writes (the `storage` event) a
//! moment later. In that moment a page may write over a change it has not heard of yet, or take over the other
//! page's content while a change of its own is still waiting to be saved. Both pages therefore merge: from the
//! content storage held when they last read or wrote it (the base), their own (ours) and what storage holds now
//! (theirs), every change either side made since the base is kept.
//!
//! The merge works on the draft's JSON: objects member by member; the lists whose items have ids (villages,
//! industries, projects, sector fund lines) item by item, matched by id, so that an edit follows its item when the
//! other side moves, adds or removes items: an item removed on one side is removed unless the other side edited
//! it (then it stays, nothing typed is lost); items added on both sides are all kept (one given a fresh id if both
//! sides gave the same one); the order is the side's that reordered. Text typed into an item's field that is not
//! yet valid (`pending_inputs`, whose paths name the item's position) is part of its item in the merge: it moves
//! with the item and counts as a change to it. Other lists of the
//! same length are merged item by item. Where both sides changed the same value, ours wins: the page that merges
//! is the one saving. If the merged JSON is not a readable draft, ours is kept whole.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use crate::draft::{Draft, ItemList};

impl Draft {
    /// Three-way merge of one draft changed in two places since `base`: `ours` (this page's) and `theirs` (what
    /// local storage now holds). Every value only one side changed takes that side's change; a value both
    /// changed takes ours; list items are matched by id (see the module's documentation). Answers the merged
    /// answers no longer allow are dropped ([`Draft::drop_inapplicable_answers`]).
    ///
    /// Never fails: when the merged JSON is not a readable draft, the result is `ours` unchanged.
    pub fn merge(base: &Draft, ours: &Draft, theirs: &Draft) -> Draft {
        let (base, ours, mut theirs) = (base.without_revision(), ours.without_revision(), theirs.without_revision());
        if ours == base || ours == theirs {
            return theirs;
        }
        if theirs == base {
            return ours;
        }
        // Items both sides added under the same id (both pages gave the next number): theirs takes a fresh one,
        // with what refers to it.
        for list in ItemList::ALL {
            for (from, to) in colliding_additions(&base, &ours, &theirs, list) {
                theirs.rename_item(list, &from, &to);
            }
        }
        let (Some(b), Some(o), Some(t)) = (to_merge_json(&base), to_merge_json(&ours), to_merge_json(&theirs)) else {
            return ours;
        };
        let Some(mut merged) = merge_value(Some(&b), Some(&o), Some(&t)) else { return ours };
        from_merge_json(&mut merged);
        match Draft::from_value(merged) {
            Ok(mut draft) => {
                draft.drop_inapplicable_answers();
                for list in ItemList::ALL {
                    draft.keep_ids_unique_from(list);
                }
                draft
            }
            Err(_) => ours,
        }
    }

    /// The draft without its [`Draft::revision`] and [`Draft::ancestors`] (which say where a save comes from,
    /// not what it holds).
    pub fn without_revision(&self) -> Draft {
        Draft { revision: None, ancestors: Vec::new(), ..self.clone() }
    }

    /// Raises the highest number given in `list` (`last_ids`) to the highest in use, after a merge gave an item a
    /// fresh id.
    fn keep_ids_unique_from(&mut self, list: ItemList) {
        let in_use = self
            .item_ids(list)
            .iter()
            .filter_map(|id| id.strip_prefix(list.id_prefix())?.parse::<u64>().ok())
            .max()
            .unwrap_or(0);
        if in_use > 0 {
            let given = self.last_ids.entry(list.path().to_owned()).or_insert(0);
            *given = (*given).max(in_use);
        }
    }
}

/// The member of an item's JSON that carries, during a merge, the pending inputs of the item's fields (by the
/// rest of their path, e.g. `.population`). Not a field name of any item.
const PENDING: &str = "#pending";

/// The draft's JSON with the pending inputs of list items moved into their items ([`PENDING`]): their paths name
/// the item's position, which a merge may change, and text typed into an item counts as a change to it.
fn to_merge_json(draft: &Draft) -> Option<Value> {
    let mut value = serde_json::to_value(draft).ok()?;
    let pending = std::mem::take(value.get_mut("pending_inputs")?.as_object_mut()?);
    let mut rest = Map::new();
    for (path, text) in pending {
        let item = ItemList::ALL.iter().find_map(|list| {
            let (index, tail) = path.strip_prefix(list.path())?.strip_prefix('[')?.split_once(']')?;
            Some((*list, index.parse::<usize>().ok()?, tail.to_owned()))
        });
        match item
            .and_then(|(list, index, tail)| Some((list_mut(&mut value, list)?.get_mut(index)?.as_object_mut()?, tail)))
        {
            Some((item, tail)) => {
                let pending = item.entry(PENDING).or_insert_with(|| Value::Object(Map::new()));
                pending.as_object_mut()?.insert(tail, text);
            }
            None => {
                rest.insert(path, text);
            }
        }
    }
    *value.get_mut("pending_inputs")? = Value::Object(rest);
    Some(value)
}

/// Puts the pending inputs [`to_merge_json`] moved into items back under their paths, at the items' new positions.
fn from_merge_json(value: &mut Value) {
    let mut moved = Vec::new();
    for list in ItemList::ALL {
        let Some(items) = list_mut(value, list) else { continue };
        for (index, item) in items.iter_mut().enumerate() {
            let Some(Value::Object(pending)) = item.as_object_mut().and_then(|item| item.remove(PENDING)) else {
                continue;
            };
            for (tail, text) in pending {
                moved.push((format!("{}[{index}]{tail}", list.path()), text));
            }
        }
    }
    if let Some(Value::Object(pending)) = value.get_mut("pending_inputs") {
        pending.extend(moved);
    }
}

/// The items of a list in a draft's JSON.
fn list_mut(value: &mut Value, list: ItemList) -> Option<&mut Vec<Value>> {
    let mut items = value.get_mut("application")?;
    for name in list.path().split('.') {
        items = items.get_mut(name)?;
    }
    items.as_array_mut()
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
        (Some(Value::Array(b)), Some(Value::Array(o)), Some(Value::Array(t))) => {
            if let Some(items) = merge_keyed(b, o, t) {
                Some(Value::Array(items))
            } else if b.len() == o.len() && o.len() == t.len() {
                let items = b.iter().zip(o).zip(t).map(|((b, o), t)| merge_value(Some(b), Some(o), Some(t)));
                Some(Value::Array(items.map(|item| item.unwrap_or(Value::Null)).collect()))
            } else {
                ours.cloned()
            }
        }
        _ => ours.cloned(),
    }
}

/// The ids of a list's items: `None` unless every item is an object with a string `id`, each id once.
fn ids(items: &[Value]) -> Option<Vec<&str>> {
    let ids: Vec<&str> = items.iter().map(|item| item.get("id")?.as_str()).collect::<Option<_>>()?;
    let unique: HashSet<&str> = ids.iter().copied().collect();
    (unique.len() == ids.len()).then_some(ids)
}

/// Merges lists of items with ids, matched by id; `None` when the lists are not such lists (and one of them has
/// items: empty lists are lists of anything).
fn merge_keyed(b: &[Value], o: &[Value], t: &[Value]) -> Option<Vec<Value>> {
    let (kb, ko, kt) = (ids(b)?, ids(o)?, ids(t)?);
    let find = |items: &[Value], keys: &[&str], id: &str| keys.iter().position(|k| *k == id).map(|i| items[i].clone());
    // The merged content of each item present on either side, or none when it is removed.
    let mut content: HashMap<String, Value> = HashMap::new();
    for id in ko.iter().chain(kt.iter()).copied() {
        if content.contains_key(id) {
            continue;
        }
        let (ib, io, it) = (find(b, &kb, id), find(o, &ko, id), find(t, &kt, id));
        let merged = match (&ib, &io, &it) {
            // Removed on one side: gone, unless the other side changed it meanwhile.
            (Some(bi), Some(oi), None) => (oi != bi).then(|| oi.clone()),
            (Some(bi), None, Some(ti)) => (ti != bi).then(|| ti.clone()),
            _ => merge_value(ib.as_ref(), io.as_ref(), it.as_ref()),
        };
        if let Some(value) = merged {
            content.insert(id.to_owned(), value);
        }
    }
    // The order: the side that reordered the items it shares with the base (theirs when neither did); the other
    // side's items missing from it go in after the item they follow there.
    let reordered = |side: &[&str]| {
        let in_base: Vec<&str> = side.iter().copied().filter(|id| kb.contains(id)).collect();
        let base_order: Vec<&str> = kb.iter().copied().filter(|id| side.contains(id)).collect();
        in_base != base_order
    };
    let (first, second) = if reordered(&ko) { (&ko, &kt) } else { (&kt, &ko) };
    let mut order: Vec<&str> = first.iter().copied().filter(|id| content.contains_key(*id)).collect();
    for (i, id) in second.iter().enumerate() {
        if content.contains_key(*id) && !order.contains(id) {
            let after = second[..i].iter().rev().find_map(|prev| order.iter().position(|o| o == prev));
            order.insert(after.map_or(0, |p| p + 1), id);
        }
    }
    Some(order.iter().filter_map(|id| content.remove(*id)).collect())
}

/// The ids both `ours` and `theirs` added to a list since `base` for different items, each with a fresh id for
/// theirs: one more than the highest number given on any side.
fn colliding_additions(base: &Draft, ours: &Draft, theirs: &Draft, list: ItemList) -> Vec<(String, String)> {
    let item = |draft: &Draft, id: &str| {
        let value = serde_json::to_value(&draft.application).ok()?;
        let mut items = &value;
        for name in list.path().split('.') {
            items = items.get(name)?;
        }
        items.as_array()?.iter().find(|item| item.get("id").and_then(Value::as_str) == Some(id)).cloned()
    };
    let in_base = base.item_ids(list);
    let theirs_ids = theirs.item_ids(list);
    let colliding: Vec<String> = ours
        .item_ids(list)
        .into_iter()
        .filter(|id| !in_base.contains(id) && theirs_ids.contains(id) && item(ours, id) != item(theirs, id))
        .map(str::to_owned)
        .collect();
    let number = |id: &str| id.strip_prefix(list.id_prefix())?.parse::<u64>().ok();
    let mut highest = [base, ours, theirs]
        .iter()
        .flat_map(|d| d.item_ids(list).into_iter().filter_map(number).chain(d.last_ids.get(list.path()).copied()))
        .max()
        .unwrap_or(0);
    colliding
        .into_iter()
        .map(|id| {
            highest += 1;
            (id, format!("{}{highest}", list.id_prefix()))
        })
        .collect()
}

#[cfg(test)]
mod tests;
