//! Drafts (草稿): what the app saves in local storage as the user types, downloads as a file, and `shenbao check`
//! reads. Documented in `docs/draft-format.md`.
//!
//! A draft holds the [`Application`], the justifications the applicant wrote for warnings, and any text typed into
//! a field that could not yet be read as a number or date (so that nothing typed is ever lost). Reading a draft
//! checks its `format`, migrates older schema versions, and reports errors with a line and column (bad JSON) or a
//! field path (a wrong value).

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::evaluation::{Evaluation, Finding, FindingKind, Severity, Status, evaluate};
use crate::model::{Application, SCHEMA_VERSION};
use crate::params::ParameterSet;
use crate::reason::in_chinese;
use crate::rules::input_format;

/// The `format` member of every draft file.
pub const DRAFT_FORMAT: &str = "shenbao-draft";

/// A draft application with everything the applicant typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// Always [`DRAFT_FORMAT`].
    pub format: String,
    /// The model's schema version; [`SCHEMA_VERSION`] once read.
    pub schema_version: u32,
    /// The id of the parameter set (notice) the draft is made under, e.g. `"lu-xiangzhenfa-2022-26"`.
    pub parameter_set: String,
    /// The name the user gave the draft.
    #[serde(default)]
    pub name: String,
    /// When the draft was created (UTC, RFC 3339), as told by the caller.
    #[serde(default)]
    pub created_at: Option<DateTime<Utc>>,
    /// When it last changed.
    #[serde(default)]
    pub updated_at: Option<DateTime<Utc>>,
    /// When it was last downloaded as a backup file.
    #[serde(default)]
    pub backed_up_at: Option<DateTime<Utc>>,
    /// The application.
    #[serde(default)]
    pub application: Application,
    /// Justifications for warnings, by [`Finding::key`].
    #[serde(default)]
    pub justifications: BTreeMap<String, String>,
    /// Text typed into a field that is not yet a valid value, by field path (e.g. `"funds.loans"`).
    #[serde(default)]
    pub pending_inputs: BTreeMap<String, String>,
    /// The highest item number ever given in each list (`"villages"` → 13), so that an id is never reused after
    /// its item is removed; see [`Draft::next_id`].
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub last_ids: BTreeMap<String, u64>,
    /// The attachment manifest being prepared for the signed bundle (names, sizes and digests of files picked
    /// on 核对与导出; the files themselves stay on the computer).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<crate::bundle::Attachment>,
    /// The id of this save of the draft in local storage, given by the app that wrote it: with `ancestors`, how
    /// two tabs editing one draft find the version both started from ([`Draft::merge`]). Not part of the
    /// application; `None` in a draft never saved by a page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<String>,
    /// The revisions this save descends from, newest first (a bounded number).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ancestors: Vec<String>,
}

impl Draft {
    /// An empty draft under a parameter set, created at `now`.
    pub fn new(name: &str, params: &ParameterSet, now: DateTime<Utc>) -> Draft {
        Draft {
            format: DRAFT_FORMAT.to_owned(),
            schema_version: SCHEMA_VERSION,
            parameter_set: params.id.clone(),
            name: name.to_owned(),
            created_at: Some(now),
            updated_at: Some(now),
            backed_up_at: None,
            application: Application::default(),
            justifications: BTreeMap::new(),
            pending_inputs: BTreeMap::new(),
            last_ids: BTreeMap::new(),
            attachments: Vec::new(),
            revision: None,
            ancestors: Vec::new(),
        }
    }

    /// The draft a signed bundle was made from, as far as the bundle carries it (application, justifications,
    /// name), for re-checking it.
    pub fn of_bundle(bundle: &crate::bundle::Bundle, params: &ParameterSet) -> Draft {
        Draft {
            name: bundle.draft_name.clone(),
            created_at: Some(bundle.created_at),
            updated_at: None,
            application: bundle.application.clone(),
            justifications: bundle.justifications.clone(),
            ..Draft::new("", params, bundle.created_at)
        }
    }

    /// Reads a draft file: checks the format, migrates an older schema, and deserialises. The text is read by
    /// [`crate::json::read_file`]: a leading byte-order mark is skipped and a repeated member name is refused.
    ///
    /// # Errors
    /// [`DraftError`], whose `Display` is a Chinese message saying where the problem is.
    pub fn from_json(text: &str) -> Result<Draft, DraftError> {
        Draft::from_value(crate::json::read_file(text.as_bytes())?)
    }

    /// As [`Draft::from_json`], from parsed JSON.
    ///
    /// # Errors
    /// [`DraftError`].
    pub fn from_value(mut value: Value) -> Result<Draft, DraftError> {
        let format = value.get("format").and_then(Value::as_str).unwrap_or_default();
        if format != DRAFT_FORMAT {
            return Err(if format == crate::bundle::BUNDLE_FORMAT {
                DraftError::IsBundle
            } else {
                DraftError::NotADraft
            });
        }
        let version = value.get("schema_version").and_then(Value::as_u64).ok_or(DraftError::NotADraft)?;
        let version = u32::try_from(version).unwrap_or(u32::MAX);
        if version > SCHEMA_VERSION {
            return Err(DraftError::NewerSchema(version));
        }
        if version < SCHEMA_VERSION {
            migrate(&mut value, version)?;
        }
        let draft: Draft = serde_path_to_error::deserialize(value).map_err(|e| DraftError::Field {
            path: e.path().to_string(),
            reason: in_chinese(&e.inner().to_string()),
        })?;
        if ParameterSet::builtin(&draft.parameter_set).is_none() {
            return Err(DraftError::UnknownParameterSet(draft.parameter_set));
        }
        if let Some(path) =
            draft.pending_inputs.keys().find(|path| !crate::fields::is_input_of(path, &draft.application))
        {
            return Err(DraftError::PendingInputNowhere(path.clone()));
        }
        Ok(draft)
    }

    /// The draft as pretty JSON, the form it is saved and downloaded in.
    pub fn to_json(&self) -> String {
        crate::json::to_pretty_string(self)
    }

    /// The draft as compact JSON, the form local storage keeps (smaller, faster).
    pub fn to_compact_json(&self) -> String {
        crate::json::to_compact_string(self)
    }
}

/// The lists of an application whose items the user adds, removes and reorders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemList {
    /// `application.villages`
    Villages,
    /// `application.industries`
    Industries,
    /// `application.projects`
    Projects,
    /// `application.funds.sector_funds`
    SectorFunds,
}

impl ItemList {
    /// Every list whose items have ids.
    pub const ALL: [ItemList; 4] =
        [ItemList::Villages, ItemList::Industries, ItemList::Projects, ItemList::SectorFunds];

    /// The field path of the list, e.g. `"funds.sector_funds"`.
    pub fn path(self) -> &'static str {
        match self {
            ItemList::Villages => "villages",
            ItemList::Industries => "industries",
            ItemList::Projects => "projects",
            ItemList::SectorFunds => "funds.sector_funds",
        }
    }

    /// The prefix of item ids, e.g. `v` for `v12`.
    pub fn id_prefix(self) -> &'static str {
        match self {
            ItemList::Villages => "v",
            ItemList::Industries => "i",
            ItemList::Projects => "p",
            ItemList::SectorFunds => "s",
        }
    }
}

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
        let a = &self.application;
        match list {
            ItemList::Villages => a.villages.iter().map(|v| v.id.as_str()).collect(),
            ItemList::Industries => a.industries.iter().map(|i| i.id.as_str()).collect(),
            ItemList::Projects => a.projects.iter().map(|p| p.id.as_str()).collect(),
            ItemList::SectorFunds => a.funds.sector_funds.iter().map(|s| s.id.as_str()).collect(),
        }
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

/// Evaluates a draft: the application's findings, preceded by one blocking finding per field whose text could not
/// be read (`input_format`).
pub fn evaluate_draft(draft: &Draft, params: &ParameterSet) -> Evaluation {
    let mut evaluation = evaluate(&draft.application, params);
    let pending = input_format::findings(&draft.pending_inputs);
    if !pending.is_empty() {
        // A field holding text that is not yet valid is malformed, not missing: report it once.
        evaluation.findings.retain(|finding| {
            finding.kind != FindingKind::Missing
                || !finding.fields.iter().all(|field| draft.pending_inputs.contains_key(field))
        });
        evaluation.status = Status::Blocked;
        evaluation.findings.splice(0..0, pending);
    }
    evaluation
}

/// Whether a draft may be exported as a signed bundle: nothing blocks and every warning has a justification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Readiness {
    /// Blocking findings.
    pub blocking: usize,
    /// Warnings without a justification.
    pub unjustified: Vec<Finding>,
}

impl Readiness {
    /// Judges a draft against its evaluation.
    pub fn of(draft: &Draft, evaluation: &Evaluation) -> Readiness {
        Readiness {
            blocking: evaluation.with_severity(Severity::Blocking).count(),
            unjustified: evaluation
                .with_severity(Severity::Warning)
                .filter(|finding| !is_justified(draft, finding))
                .cloned()
                .collect(),
        }
    }

    /// True when the application can be submitted (可以提交).
    pub fn is_ready(&self) -> bool {
        self.blocking == 0 && self.unjustified.is_empty()
    }
}

/// True when the draft holds a non-blank justification for this finding.
pub fn is_justified(draft: &Draft, finding: &Finding) -> bool {
    draft.justifications.get(&finding.key()).is_some_and(|text| !text.trim().is_empty())
}

/// Upgrades an older draft, in place, to [`SCHEMA_VERSION`].
///
/// Version 1 was the pre-release format of the app shell: one `city_county_linkage_funds` amount instead of city
/// and county amounts, and a `first_secretary` yes/no per village instead of `resident_support`.
///
/// # Errors
/// [`DraftError::Field`] when a v1 member does not have the v1 shape.
pub fn migrate(value: &mut Value, from_version: u32) -> Result<(), DraftError> {
    if from_version < 2 {
        if let Some(funds) = value.pointer_mut("/application/funds").and_then(Value::as_object_mut)
            && let Some(combined) = funds.remove("city_county_linkage_funds")
        {
            funds.insert("county_linkage_funds".into(), combined);
        }
        if let Some(villages) = value.pointer_mut("/application/villages").and_then(Value::as_array_mut) {
            for (index, village) in villages.iter_mut().enumerate() {
                let Some(village) = village.as_object_mut() else { continue };
                match village.remove("first_secretary") {
                    None | Some(Value::Null) => {}
                    Some(Value::Bool(present)) => {
                        let support = if present { "first_secretary" } else { "neither" };
                        village.insert("resident_support".into(), Value::from(support));
                    }
                    Some(_) => {
                        return Err(DraftError::Field {
                            path: format!("application.villages[{index}].first_secretary"),
                            reason: "应为 true 或 false".into(),
                        });
                    }
                }
            }
        }
    }
    if let Some(object) = value.as_object_mut() {
        object.insert("schema_version".into(), Value::from(SCHEMA_VERSION));
    }
    Ok(())
}

/// Why a file could not be read as a draft. `Display` is a Chinese message for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DraftError {
    /// Not JSON, cut short, empty, not UTF-8, or with a repeated member name; the message says which and where.
    #[error(transparent)]
    Json(#[from] crate::json::JsonError),
    /// JSON, but not a draft of this app.
    #[error("这不是本工具的草稿文件（缺少 \"format\": \"shenbao-draft\"）。请选择从本工具下载的草稿文件。")]
    NotADraft,
    /// A signed bundle was given where a draft was expected.
    #[error("这是签名的申报包，不是草稿。请在「核验申报包」中打开它。")]
    IsBundle,
    /// Written by a newer version of the app.
    #[error("草稿的数据版本为 {0}，比本工具支持的版本新。请使用新版本的申报助手打开。")]
    NewerSchema(u32),
    /// Made under a notice this app does not know.
    #[error("草稿使用的参数集「{0}」本工具不认识。")]
    UnknownParameterSet(String),
    /// A pending input (typed text not yet valid) for a field the application does not have: the file was edited
    /// by hand. Refused rather than shown as a problem no page can fix.
    #[error(
        "草稿的 pending_inputs 中有「{0}」，但申报书中没有这一输入项（文件可能被手工修改过）。请删除该项后重新导入，或导入从本工具下载的原始草稿文件。"
    )]
    PendingInputNowhere(String),
    /// A member has the wrong type or value.
    #[error("字段 {path} 的值有误：{reason}")]
    Field {
        /// Path of the member, e.g. `application.funds.loans`.
        path: String,
        /// What is wrong.
        reason: String,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn pending_text_for_a_field_the_application_lacks_is_refused() {
        let read_with = |path: &str| {
            let mut draft = draft_with_villages(2);
            draft.pending_inputs.insert(path.into(), "12a".into());
            Draft::from_json(&draft.to_json())
        };
        assert!(read_with("villages[1].population").is_ok());
        assert!(read_with("funds.loans").is_ok());
        for nowhere in [
            "villages[2].population",
            "villages[500].population",
            "projects[0].start",
            "funds.sector_funds[0].amount",
            "villages[0].name",
            "nonsense.path[99]",
            "projects[0].funding.lottery",
        ] {
            match read_with(nowhere) {
                Err(error @ DraftError::PendingInputNowhere(_)) => {
                    assert!(error.to_string().contains(nowhere), "{error}");
                }
                other => panic!("{nowhere}: expected PendingInputNowhere, got {other:?}"),
            }
        }
    }

    #[test]
    fn a_malformed_field_is_reported_once_not_also_as_missing() {
        let mut draft = draft_with_villages(0);
        draft.application = crate::sample::complete();
        draft.application.funds.provincial_linkage_funds = None;
        draft.pending_inputs.insert("funds.provincial_linkage_funds".into(), "25OO".into());
        let evaluation = evaluate_draft(&draft, &ParameterSet::second_batch_2022());
        let rules: Vec<&str> = evaluation.findings.iter().map(|f| f.rule.as_str()).collect();
        assert!(rules.contains(&"input_format"));
        assert!(!rules.contains(&"provincial_linkage_declared"), "{rules:?}");
        assert_eq!(evaluation.status, Status::Blocked);
    }
}
