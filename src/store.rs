//! Drafts in the browser's local storage: an index of ids, and one key per draft holding its JSON.
//!
//! Keys: `shenbao.drafts` (JSON array of draft ids, in creation order) and `shenbao.draft.<id>` (the draft,
//! compact JSON, the same format a downloaded draft file has). A draft that cannot be read is never deleted
//! silently: the app shows what is wrong and offers its raw text for download.

use shenbao_core::ParameterSet;
use shenbao_core::assessment::{Readiness, evaluate_draft};
use shenbao_core::draft::{Draft, DraftError};

use crate::browser::{self, SaveError};

/// Prefix of every key this app writes.
pub const KEY_PREFIX: &str = "shenbao.";
const INDEX_KEY: &str = "shenbao.drafts";

/// The prefix of the storage key of every draft.
const DRAFT_KEY_PREFIX: &str = "shenbao.draft.";

/// The storage key of one draft.
pub fn draft_key(id: &str) -> String {
    format!("{DRAFT_KEY_PREFIX}{id}")
}

/// Where the drafts index was not what the stored drafts are, and how it was made whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndexRepair {
    /// The index could not be read (not a JSON array of ids): it was rebuilt from the stored drafts, and its text
    /// kept under [`UNREADABLE_INDEX_KEY`].
    Unreadable,
    /// There was no index although drafts are stored.
    Missing,
    /// The index named drafts that are not stored, or missed drafts that are: `found` drafts were listed again,
    /// `gone` entries left out.
    Disagreed {
        /// Stored drafts the index did not list.
        found: usize,
        /// Listed ids with no stored draft.
        gone: usize,
    },
}

/// The drafts index as this app reads it: never hiding a stored draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftIndex {
    /// The ids of the stored drafts: the index's order, then drafts it did not list, oldest first.
    pub ids: Vec<String>,
    /// How the index had to be made whole, if it had to.
    pub repair: Option<IndexRepair>,
}

/// The key under which the text of an unreadable drafts index is kept when the index is rebuilt.
pub const UNREADABLE_INDEX_KEY: &str = "shenbao.drafts.unreadable";

/// Reads the drafts index and checks it against the drafts stored: a damaged or missing index, or one that
/// disagrees with them, never hides a draft (the stored drafts are the truth, the index their order).
///
/// The index is read with the browser's own JSON (`JSON.parse`): the start page reads it, and serde_json would put
/// its parser into the start page's module, which every first visit downloads (docs/performance.md).
pub fn draft_index() -> DraftIndex {
    let mut stored: Vec<String> = browser::keys_with_prefix(DRAFT_KEY_PREFIX)
        .into_iter()
        .filter_map(|key| key.strip_prefix(DRAFT_KEY_PREFIX).map(str::to_owned))
        .filter(|id| !id.is_empty())
        .collect();
    // Ids carry their creation time (`d<hex milliseconds>`): sorted, the oldest come first.
    stored.sort();
    let listed = match browser::load_text(INDEX_KEY) {
        None => None,
        Some(text) => match parse_ids(&text) {
            Some(ids) => Some(ids),
            None => return DraftIndex { ids: stored, repair: Some(IndexRepair::Unreadable) },
        },
    };
    let Some(listed) = listed else {
        let repair = (!stored.is_empty()).then_some(IndexRepair::Missing);
        return DraftIndex { ids: stored, repair };
    };
    let mut ids: Vec<String> = Vec::new();
    for id in &listed {
        if stored.contains(id) && !ids.contains(id) {
            ids.push(id.clone());
        }
    }
    let kept = ids.len();
    ids.extend(stored.iter().filter(|id| !listed.contains(id)).cloned());
    let (found, gone) = (ids.len() - kept, listed.len() - kept);
    let repair = (found > 0 || gone > 0).then_some(IndexRepair::Disagreed { found, gone });
    DraftIndex { ids, repair }
}

/// The ids of all drafts (see [`draft_index`]).
pub fn draft_ids() -> Vec<String> {
    draft_index().ids
}

/// The ids in an index's text, when it is a JSON array of strings.
fn parse_ids(text: &str) -> Option<Vec<String>> {
    let value = js_sys::JSON::parse(text).ok()?;
    if !js_sys::Array::is_array(&value) {
        return None;
    }
    js_sys::Array::from(&value).iter().map(|id| id.as_string()).collect()
}

/// Writes the index; an index that could not be read is first kept under [`UNREADABLE_INDEX_KEY`] (once), so
/// that nothing is ever written over text this app could not read.
fn save_ids(ids: &[String]) -> Result<(), SaveError> {
    if let Some(text) = browser::load_text(INDEX_KEY)
        && parse_ids(&text).is_none()
        && browser::load_text(UNREADABLE_INDEX_KEY).is_none()
    {
        browser::save_text(UNREADABLE_INDEX_KEY, &text)?;
    }
    let array: js_sys::Array = ids.iter().map(|id| wasm_bindgen::JsValue::from_str(id)).collect();
    let text = js_sys::JSON::stringify(&array).ok().and_then(|text| text.as_string());
    browser::save_text(INDEX_KEY, &text.ok_or_else(|| SaveError::Unavailable("JSON.stringify".to_owned()))?)
}

/// Makes the stored index whole when it is damaged, missing or disagrees with the stored drafts (see
/// [`draft_index`]), and says what was done; `None` when it was whole.
pub fn repair_index() -> Option<IndexRepair> {
    let index = draft_index();
    let repair = index.repair?;
    // Written when it can be; when storage is full the index is still read whole every time.
    let _ = save_ids(&index.ids);
    Some(repair)
}

/// Why a stored draft could not be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// No draft with this id (deleted, or a stale link).
    Missing,
    /// The stored text is not a readable draft; `raw` is kept so the user can download it.
    Corrupt {
        /// What the core said is wrong.
        message: String,
        /// The stored text as it is.
        raw: String,
    },
}

/// Opens a stored draft.
///
/// # Errors
/// [`LoadError`] when it is missing or unreadable.
pub fn load(id: &str) -> Result<Draft, LoadError> {
    let raw = browser::load_text(&draft_key(id)).ok_or(LoadError::Missing)?;
    Draft::from_json(&raw).map_err(|error: DraftError| LoadError::Corrupt { message: error.to_string(), raw })
}

/// Writes a draft.
///
/// # Errors
/// [`SaveError`], typically a full quota.
pub fn save(id: &str, draft: &Draft) -> Result<(), SaveError> {
    save_text(id, &draft.to_compact_json())
}

/// The stored text of a draft as it is, unread (`None` when there is none).
pub fn load_text(id: &str) -> Option<String> {
    browser::load_text(&draft_key(id))
}

/// Writes a draft's text, made by [`Draft::to_compact_json`].
///
/// # Errors
/// [`SaveError`], typically a full quota.
pub fn save_text(id: &str, text: &str) -> Result<(), SaveError> {
    browser::save_text(&draft_key(id), text)
}

/// Stores a new draft under a fresh id and returns the id.
///
/// # Errors
/// [`SaveError`] when nothing could be written; nothing is left half-written.
pub fn insert(draft: &Draft) -> Result<String, SaveError> {
    let mut ids = draft_ids();
    let stamp = draft.created_at.map(|t| t.timestamp_millis()).unwrap_or_default().unsigned_abs();
    let mut id = format!("d{stamp:x}");
    let mut counter = 1;
    while ids.contains(&id) || browser::load_text(&draft_key(&id)).is_some() {
        counter += 1;
        id = format!("d{stamp:x}-{counter}");
    }
    save(&id, draft)?;
    ids.push(id.clone());
    if let Err(error) = save_ids(&ids) {
        browser::remove(&draft_key(&id));
        return Err(error);
    }
    Ok(id)
}

/// Saves a draft under its id and lists it again (a draft deleted in another tab, restored from this one).
///
/// # Errors
/// [`SaveError`] when storage refuses.
pub fn relist(id: &str, draft: &Draft) -> Result<(), SaveError> {
    save(id, draft)?;
    let mut ids = draft_ids();
    if !ids.iter().any(|other| other == id) {
        ids.push(id.to_owned());
        save_ids(&ids)?;
    }
    Ok(())
}

/// Deletes a draft and its index entry.
pub fn delete(id: &str) {
    let ids: Vec<String> = draft_ids().into_iter().filter(|other| other != id).collect();
    let _ = save_ids(&ids);
    browser::remove(&draft_key(id));
}

/// One line of the drafts list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftSummary {
    /// Storage id.
    pub id: String,
    /// The draft's name, or its county, or "未命名草稿".
    pub name: String,
    /// 市 县, when chosen.
    pub county: String,
    /// Last change, local `YYYY-MM-DD HH:MM`.
    pub updated: String,
    /// 可以提交 / 尚不能提交 / 数据损坏.
    pub status: String,
    /// True when it can be exported (ready and justified).
    pub ready: bool,
    /// Set when the stored text is unreadable.
    pub corrupt: bool,
    /// Set when it changed since the last backup download.
    pub needs_backup: bool,
}

/// Summaries of every stored draft, for the drafts list.
pub fn summaries(params: &ParameterSet) -> Vec<DraftSummary> {
    draft_ids()
        .into_iter()
        .map(|id| match load(&id) {
            Ok(draft) => {
                let evaluation = evaluate_draft(&draft, params);
                let readiness = Readiness::of(&draft.justifications, &evaluation);
                let ready = readiness.is_ready();
                let applicant = &draft.application.applicant;
                DraftSummary {
                    name: if draft.name.trim().is_empty() { "未命名草稿".into() } else { draft.name.clone() },
                    county: format!("{}{}", applicant.city_name, applicant.county_name),
                    updated: draft.updated_at.map(browser::local_time_text).unwrap_or_default(),
                    status: readiness.label().into(),
                    ready,
                    corrupt: false,
                    needs_backup: draft
                        .backed_up_at
                        .is_none_or(|backup| draft.updated_at.is_some_and(|updated| updated > backup)),
                    id,
                }
            }
            Err(_) => DraftSummary {
                id,
                name: "无法读取的草稿".into(),
                county: String::new(),
                updated: String::new(),
                status: "数据损坏".into(),
                ready: false,
                corrupt: true,
                needs_backup: false,
            },
        })
        .collect()
}
