//! 三 衔接推进区确定条件: "衔接推进区覆盖行政村原则上不低于10个" — each administrative village counts once.
//!
//! When two listed villages are the same village: the same 统计用区划代码 (read as the rules read codes: trimmed,
//! full-width digits as ASCII), or the same name in the same township (both trimmed). A listing is a repeat when it
//! matches a village listed before it that is itself not a repeat. The rule `village_duplicate` reports the repeats;
//! the village count of the figures (`Figures::village_count`, 覆盖行政村 N 个 in the app, `shenbao check` and the
//! answers) leaves them out, so that the count a user reads and the under-10 warning (`village_count_minimum`)
//! never count a village twice.

use std::collections::BTreeMap;

use crate::model::Village;

/// A village's code as the rules read it: trimmed, full-width digits as ASCII (the app stores what was typed, and
/// amounts and dates accept full-width digits too).
pub fn village_code(code: &str) -> String {
    crate::input::ascii_digits(code.trim())
}

/// For every listed village, in list order: `None` when it is a village not listed before, `Some(first)` when it
/// repeats the village listed at index `first` (0-based).
pub fn repeats(villages: &[Village]) -> Vec<Option<usize>> {
    let mut first_seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut repeats = Vec::with_capacity(villages.len());
    for (index, village) in villages.iter().enumerate() {
        let keys = identity_keys(village);
        let earlier = keys.iter().flatten().find_map(|key| first_seen.get(key).copied());
        if earlier.is_none() {
            for key in keys.into_iter().flatten() {
                first_seen.insert(key, index);
            }
        }
        repeats.push(earlier);
    }
    repeats
}

/// The number of different villages listed: a village listed twice counts once.
pub fn distinct_count(villages: &[Village]) -> usize {
    repeats(villages).iter().filter(|earlier| earlier.is_none()).count()
}

/// What identifies a village: its code, and its township with its name; either may be unknown (blank).
fn identity_keys(village: &Village) -> [Option<String>; 2] {
    let code = village_code(&village.code);
    [
        (!code.is_empty()).then(|| format!("code:{code}")),
        (!village.name.trim().is_empty()).then(|| format!("name:{}/{}", village.township.trim(), village.name.trim())),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn village(name: &str, code: &str, township: &str) -> Village {
        Village { name: name.into(), code: code.into(), township: township.into(), ..Village::default() }
    }

    #[test]
    fn a_village_listed_twice_counts_once() {
        let villages = [
            village("东村", "370124100201", "孔村镇"),
            village("西村", "370124100202", "孔村镇"),
            // The same code, typed in full-width digits and with another name: the same village.
            village("东村村", "３７０１２４１００２０１", "孔村镇"),
            // The same name in the same township, without a code.
            village(" 西村 ", "", "孔村镇"),
            // The same name in another township: another village.
            village("东村", "", "洪范池镇"),
            // Nothing to identify it by: never a repeat.
            village("", "", ""),
            village("", "", ""),
        ];
        assert_eq!(repeats(&villages), [None, None, Some(0), Some(1), None, None, None]);
        assert_eq!(distinct_count(&villages), 5);
        assert_eq!(distinct_count(&[]), 0);
    }

    #[test]
    fn a_repeat_is_matched_only_with_villages_that_are_not_repeats() {
        // The second listing repeats the first by name; its own code is not remembered, so the third, which shares
        // only that code, is a village of its own (as `village_duplicate` reports it).
        let villages = [
            village("东村", "370124100201", "孔村镇"),
            village("东村", "370124100299", "孔村镇"),
            village("南村", "370124100299", "孔村镇"),
        ];
        assert_eq!(repeats(&villages), [None, Some(0), None]);
        assert_eq!(distinct_count(&villages), 2);
    }
}
