//! Two pages on one draft, as the browser tests (`tests/e2e/tests/two_tabs.rs`) drive them, played natively: each
//! page keeps its [`Lineage`] and its draft; "storage" is the one text both read and write; a page's own copy of
//! storage may lag (Chromium), which the tests play by handing a page an older text.

use super::*;
use crate::draft::ItemList;
use crate::params::ParameterSet;

/// A page with the draft open.
struct Page {
    name: &'static str,
    lineage: Lineage,
    draft: Draft,
    saves: u32,
}

impl Page {
    fn open(stored: &str, name: &'static str) -> Page {
        let draft = Draft::from_json(stored).expect("a draft");
        Page { name, lineage: Lineage::new(&draft), draft: draft.without_revision(), saves: 0 }
    }

    /// The page's save: take in what `storage` holds, then write this page's content (as `DraftCtx::save`).
    fn save(&mut self, storage: &mut String) {
        if let TakenIn::Changed(merged) = self.lineage.take_in(storage, &self.draft) {
            self.draft = *merged;
        }
        self.saves += 1;
        let revision = format!("{}-{}", self.name, self.saves);
        let text = self.lineage.save_text(&self.draft, &revision);
        self.lineage.wrote(self.draft.clone(), revision, text.clone());
        *storage = text;
    }

    /// The page hears of another tab's save (the `storage` event) and reads what `seen` holds.
    fn hear(&mut self, seen: &str) -> TakenIn {
        let outcome = self.lineage.take_in(seen, &self.draft);
        if let TakenIn::Changed(merged) = &outcome {
            self.draft = (**merged).clone();
        }
        outcome
    }
}

fn stored_sample() -> String {
    let mut draft = Draft::new("两个标签页", &ParameterSet::second_batch_2022(), chrono::DateTime::default());
    draft.application = crate::sample::complete();
    draft.revision = Some("r0".into());
    draft.to_compact_json()
}

fn stored(storage: &str) -> Draft {
    Draft::from_json(storage).expect("a draft").without_revision()
}

#[test]
fn a_save_not_yet_heard_of_is_merged_not_written_over() {
    let mut storage = stored_sample();
    let (mut a, mut b) = (Page::open(&storage, "a"), Page::open(&storage, "b"));
    b.draft.application.villages[0].name = "东村".into();
    b.save(&mut storage);
    a.draft.application.applicant.contact_person = "张三".into();
    a.save(&mut storage);
    let now = stored(&storage);
    assert_eq!(now.application.villages[0].name, "东村");
    assert_eq!(now.application.applicant.contact_person, "张三");
}

#[test]
fn a_late_event_does_not_undo_a_later_change() {
    let mut storage = stored_sample();
    let (mut a, mut b) = (Page::open(&storage, "a"), Page::open(&storage, "b"));
    b.draft.application.applicant.contact_person = "赵某".into();
    b.save(&mut storage);
    let event_copy = storage.clone();
    assert!(matches!(a.hear(&storage), TakenIn::Changed(_)));
    a.draft.application.applicant.contact_person = "张三".into();
    a.save(&mut storage);
    // The event's own copy arrives late: the page reads storage now, never that copy.
    assert_eq!(a.hear(&storage), TakenIn::Nothing);
    assert_eq!(a.draft.application.applicant.contact_person, "张三");
    assert_ne!(event_copy, storage);
    assert_eq!(stored(&storage).application.applicant.contact_person, "张三");
}

#[test]
fn a_change_waiting_for_its_frame_is_kept() {
    let mut storage = stored_sample();
    let (mut a, mut b) = (Page::open(&storage, "a"), Page::open(&storage, "b"));
    a.draft.application.plan.targets = "本页尚未保存的修改".into();
    b.draft.application.governance.leader_in_charge = "李某 副县长".into();
    b.save(&mut storage);
    assert!(matches!(a.hear(&storage), TakenIn::Changed(_)));
    assert_eq!(a.draft.application.plan.targets, "本页尚未保存的修改");
    assert_eq!(a.draft.application.governance.leader_in_charge, "李某 副县长");
    a.save(&mut storage);
    assert_eq!(stored(&storage).application.plan.targets, "本页尚未保存的修改");
}

#[test]
fn an_edit_stays_with_its_village_when_the_other_tab_moves_or_removes_villages() {
    let mut storage = stored_sample();
    let (mut a, mut b) = (Page::open(&storage, "a"), Page::open(&storage, "b"));
    let edited = a.draft.application.villages[3].id.clone();
    a.draft.application.villages[3].township = "孔村镇（改）".into();
    b.draft.move_item(ItemList::Villages, 3, 0);
    b.draft.remove_item(ItemList::Villages, 5);
    b.save(&mut storage);
    assert!(matches!(a.hear(&storage), TakenIn::Changed(_)));
    let village = a.draft.application.villages.iter().position(|v| v.id == edited).expect("kept");
    assert_eq!(village, 0);
    assert_eq!(a.draft.application.villages[0].township, "孔村镇（改）");
    assert_eq!(a.draft.application.villages.len(), b.draft.application.villages.len());
    // Where the focused field now is.
    let before = Draft::from_json(&stored_sample()).expect("a draft");
    assert_eq!(before.item_path_in("villages[3].township", &a.draft).as_deref(), Some("villages[0].township"));
}

#[test]
fn a_save_made_from_an_older_version_does_not_undo_this_page_s_later_save() {
    let original = stored_sample();
    let mut storage = original.clone();
    let (mut a, mut b) = (Page::open(&storage, "a"), Page::open(&storage, "b"));
    a.draft.application.applicant.contact_person = "张三".into();
    a.save(&mut storage);
    // B's copy of storage lags: it has not seen A's save, and saves from the original.
    b.draft.application.applicant.contact_phone = "0531-1".into();
    let mut lagging = original;
    b.save(&mut lagging);
    storage = lagging;
    assert!(matches!(a.hear(&storage), TakenIn::Changed(_)));
    assert_eq!(a.draft.application.applicant.contact_person, "张三");
    assert_eq!(a.draft.application.applicant.contact_phone, "0531-1");
    a.save(&mut storage);
    let now = stored(&storage);
    assert_eq!(
        (now.application.applicant.contact_person.as_str(), now.application.applicant.contact_phone.as_str()),
        ("张三", "0531-1")
    );
}

#[test]
fn a_save_that_lacks_this_page_s_latest_change_and_adds_nothing_is_written_again() {
    let mut storage = stored_sample();
    let (mut a, mut b) = (Page::open(&storage, "a"), Page::open(&storage, "b"));
    a.draft.application.plan.targets = "第一次".into();
    a.save(&mut storage);
    let first = storage.clone();
    a.draft.application.plan.targets = "第二次".into();
    a.save(&mut storage);
    // B took in A's first save only and wrote it again (adding nothing).
    assert!(matches!(b.hear(&first), TakenIn::Changed(_)));
    let mut behind = first;
    b.save(&mut behind);
    assert_eq!(a.hear(&behind), TakenIn::Behind);
    assert_eq!(a.draft.application.plan.targets, "第二次");
}

#[test]
fn unreadable_storage_is_written_over() {
    let storage = stored_sample();
    let mut a = Page::open(&storage, "a");
    assert_eq!(a.hear("{not json"), TakenIn::Nothing);
    assert_eq!(a.hear(&storage), TakenIn::Nothing);
}

#[test]
fn a_page_names_at_most_kept_ancestors() {
    let mut storage = stored_sample();
    let mut a = Page::open(&storage, "a");
    for n in 0..(Lineage::KEPT + 10) {
        a.draft.application.plan.targets = format!("第{n}次");
        a.save(&mut storage);
    }
    let saved = Draft::from_json(&storage).expect("a draft");
    assert_eq!(saved.ancestors.len(), Lineage::KEPT);
    assert_eq!(saved.ancestors[0], format!("a-{}", Lineage::KEPT + 9));
}
