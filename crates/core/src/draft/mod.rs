//! Drafts (草稿): what the app saves in local storage as the user types, downloads as a file, and `shenbao check`
//! reads. Documented in `docs/draft-format.md`.
//!
//! A draft holds the [`Application`], the justifications the applicant wrote for warnings, and any text typed into
//! a field that could not yet be read as a number or date (so that nothing typed is ever lost). Reading a draft
//! checks its `format`, migrates older schema versions, and reports errors with a line and column (bad JSON) or a
//! field path (a wrong value).
//!
//! Split by job: this file holds the file format and its migration; `lists.rs` the editing of the application's
//! lists (ids, moving, removing); `entry.rs` what a user types into a field. Evaluating a draft is
//! [`crate::assessment`]'s job, merging two tabs' changes [`crate::merge`]'s, and following the saves of other tabs
//! [`crate::sync`]'s.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::model::{Application, SCHEMA_VERSION};

mod entry;
mod lists;

pub use crate::catalogue::ItemList;
use crate::params::ParameterSet;
use crate::reason::in_chinese;

pub use crate::file_format::DRAFT_FORMAT;

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
    pub attachments: Vec<crate::attachments::Attachment>,
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
            return Err(if format == crate::file_format::BUNDLE_FORMAT {
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
            draft.pending_inputs.keys().find(|path| !crate::catalogue::is_input_of(path, &draft.application))
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
}
