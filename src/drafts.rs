//! The drafts service: creating, copying, importing and downloading drafts, for the start page (through the split
//! points of `crate::split`) and for the pages of an open draft. Pages do not write drafts to storage themselves:
//! the open draft is saved by its context (`crate::draft_context`), every other draft here.

use leptos::prelude::*;
use shenbao_core::draft::Draft;

use crate::browser;
use crate::state::AppState;
use crate::store;

/// A copy of the stored draft `id`, saved as a new draft. Called by [`crate::split::duplicate_draft`].
///
/// # Errors
/// A Chinese message when the draft cannot be read or the copy cannot be saved.
pub fn duplicate_draft(id: &str) -> Result<(), String> {
    let mut draft = store::load(id).map_err(|error| match error {
        store::LoadError::Missing => "这份草稿已不在本机（可能已在另一个窗口或标签页中删除），不能复制。".to_owned(),
        store::LoadError::Corrupt { .. } => "这份草稿无法读取，不能复制。".to_owned(),
    })?;
    let now = browser::now();
    draft.name = format!("{}（副本）", draft.name);
    draft.created_at = Some(now);
    draft.updated_at = Some(now);
    draft.backed_up_at = None;
    store::insert(&draft).map(|_| ()).map_err(|error| error.message())
}

/// Downloads the stored draft `id` as a file. Called by [`crate::split::download_stored_draft`].
///
/// # Errors
/// A Chinese message when the draft cannot be read or the browser refuses the download.
pub fn download_stored_draft(app: AppState, id: &str) -> Result<(), String> {
    // What was typed while storage was full is newer than what storage holds: that is what is downloaded.
    let unsaved = app.unsaved.with_untracked(|unsaved| unsaved.get(id).and_then(|text| Draft::from_json(text).ok()));
    let draft = match unsaved {
        Some(draft) => draft,
        None => store::load(id).map_err(|error| match error {
            store::LoadError::Missing => {
                "这份草稿已不在本机（可能已在另一个窗口或标签页中删除），不能下载。".to_owned()
            }
            store::LoadError::Corrupt { .. } => "这份草稿无法读取，请打开它下载原始数据。".to_owned(),
        })?,
    };
    download_draft(&draft)?;
    let draft = Draft { backed_up_at: Some(browser::now()), ..draft };
    match store::save(id, &draft) {
        Ok(()) => app.unsaved.update(|unsaved| drop(unsaved.remove(id))),
        Err(error) => {
            app.save_error.set(Some(error.message()));
            app.unsaved.update(|unsaved| drop(unsaved.insert(id.to_owned(), draft.to_compact_json())));
        }
    }
    Ok(())
}

/// A new draft named `title`, saved: its storage id. Called by [`crate::split::create_draft`].
///
/// # Errors
/// A Chinese message when it cannot be saved.
pub fn create_draft(title: &str) -> Result<String, String> {
    let draft = Draft::new(title.trim(), crate::state::params(), browser::now());
    store::insert(&draft).map_err(|error| error.message())
}

/// Saves the draft file `file_name` (its bytes) as a new draft: its storage id. Called by [`crate::split::import_draft`].
///
/// # Errors
/// The Chinese reason it was refused, ending with the reassurance that no stored draft changed.
pub fn import_draft(file_name: &str, bytes: &[u8]) -> Result<String, String> {
    let mut draft = shenbao_core::json::file_text(bytes)
        .map_err(|e| e.to_string())
        .and_then(|text| Draft::from_json(text).map_err(|e| e.to_string()))
        .map_err(|e| format!("无法导入「{file_name}」：{e} 本机已有的草稿没有任何改动。"))?;
    draft.backed_up_at = draft.updated_at;
    store::insert(&draft).map_err(|error| match error {
        crate::browser::SaveError::QuotaExceeded => {
            "浏览器存储空间不足，无法导入这份草稿。请先下载并删除不需要的草稿，再重新导入。本机已有的草稿没有任何改动。"
                .into()
        }
        e => format!("无法导入：{} 本机已有的草稿没有任何改动。", e.message()),
    })
}

/// Downloads a draft as a file (the format `shenbao check` reads). The caller records the backup time: the open
/// draft's context for the open draft, [`download_stored_draft`] for a stored one.
///
/// # Errors
/// A Chinese message when the browser refuses.
pub fn download_draft(draft: &Draft) -> Result<(), String> {
    let applicant = &draft.application.applicant;
    let who = if applicant.county_name.is_empty() { draft.name.clone() } else { applicant.county_name.clone() };
    let file_name = format!("{}-衔接推进区申报草稿-{}.json", sanitise(&who), browser::local_date_compact());
    // The file has no revision: that says which saves in this browser the draft descends from (`Lineage`).
    browser::download(&file_name, "application/json", &draft.without_revision().to_json())
}

/// A name usable as a file name on Windows and Linux.
pub fn sanitise(name: &str) -> String {
    let cleaned: String =
        name.chars().filter(|c| !matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|')).collect();
    if cleaned.trim().is_empty() { "草稿".into() } else { cleaned.trim().to_owned() }
}
