//! Local storage, through gloo-storage, with failures (a full quota) as typed errors.

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;

/// Why a value could not be written to local storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// The browser refused: almost always the storage quota is full.
    QuotaExceeded,
    /// Storage is unavailable (private mode, disabled by policy).
    Unavailable(String),
}

impl SaveError {
    /// The Chinese message shown to the user.
    pub fn message(&self) -> String {
        match self {
            SaveError::QuotaExceeded => "浏览器存储空间已满，最近的修改没有保存到本机。请立即下载草稿备份，然后删除不需要的草稿以腾出空间。您填写的内容仍在本页面中，请不要关闭页面。".into(),
            SaveError::Unavailable(reason) => format!("无法写入浏览器本地存储（{reason}），修改没有保存。请下载草稿备份，并检查浏览器是否禁用了本地存储或处于隐私模式。"),
        }
    }
}

/// Reads a raw string from local storage.
pub fn load_text(key: &str) -> Option<String> {
    LocalStorage::raw().get_item(key).ok().flatten()
}

/// Writes a raw string to local storage.
///
/// # Errors
/// [`SaveError`] when the browser refuses, typically a full quota.
pub fn save_text(key: &str, text: &str) -> Result<(), SaveError> {
    LocalStorage::raw().set_item(key, text).map_err(|error| {
        let name = error.dyn_ref::<js_sys::Error>().map(|e| String::from(e.name())).unwrap_or_default();
        let message = error.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default();
        if name.contains("Quota") || message.to_ascii_lowercase().contains("quota") {
            SaveError::QuotaExceeded
        } else {
            SaveError::Unavailable(if message.is_empty() { name } else { message })
        }
    })
}

/// Removes a key from local storage.
pub fn remove(key: &str) {
    LocalStorage::delete(key);
}

/// Every key of local storage that starts with `prefix`, in storage order.
pub fn keys_with_prefix(prefix: &str) -> Vec<String> {
    let storage = LocalStorage::raw();
    let length = storage.length().unwrap_or(0);
    (0..length).filter_map(|index| storage.key(index).ok().flatten()).filter(|key| key.starts_with(prefix)).collect()
}

/// Bytes (UTF-16 code units × 2) that this app's keys take in local storage.
pub fn local_storage_bytes(prefix: &str) -> u64 {
    let storage = LocalStorage::raw();
    let length = storage.length().unwrap_or(0);
    (0..length)
        .filter_map(|index| storage.key(index).ok().flatten())
        .filter(|key| key.starts_with(prefix))
        .map(|key| {
            let value = storage.get_item(&key).ok().flatten().unwrap_or_default();
            ((key.encode_utf16().count() + value.encode_utf16().count()) * 2) as u64
        })
        .sum()
}
