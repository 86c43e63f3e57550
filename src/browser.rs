//! The one module that touches the browser: local storage (through gloo-storage), downloads, file reading, the
//! clock, the random source, focus and the storage manager. Pages and components call these functions and never
//! use `web_sys` themselves, so the rest of the UI stays plain Leptos over `shenbao-core`.

use chrono::{DateTime, Utc};
use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

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
        if name.contains("Quota") || message.to_lowercase().contains("quota") {
            SaveError::QuotaExceeded
        } else {
            SaveError::Unavailable(if message.is_empty() { name } else { message })
        }
    })
}

/// Reads and deserialises a JSON value written by [`save_json`].
pub fn load_json<T: serde::de::DeserializeOwned>(key: &str) -> Option<T> {
    LocalStorage::get(key).ok()
}

/// Serialises a value as JSON into local storage through gloo-storage.
///
/// # Errors
/// [`SaveError`] when the browser refuses.
pub fn save_json<T: serde::Serialize>(key: &str, value: &T) -> Result<(), SaveError> {
    LocalStorage::set(key, value).map_err(|error| match error {
        StorageError::JsError(js) if js.name.contains("Quota") || js.message.to_lowercase().contains("quota") => {
            SaveError::QuotaExceeded
        }
        other => SaveError::Unavailable(other.to_string()),
    })
}

/// Removes a key from local storage.
pub fn remove(key: &str) {
    LocalStorage::delete(key);
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

/// The current time, from the browser's clock.
pub fn now() -> DateTime<Utc> {
    let iso = String::from(js_sys::Date::new_0().to_iso_string());
    DateTime::parse_from_rfc3339(&iso).map(|time| time.with_timezone(&Utc)).unwrap_or_default()
}

/// Today's date as `YYYYMMDD` in the user's local time zone, for file names.
pub fn local_date_compact() -> String {
    let date = js_sys::Date::new_0();
    format!("{:04}{:02}{:02}", date.get_full_year(), date.get_month() + 1, date.get_date())
}

/// 32 bytes from the browser's cryptographic random source (`crypto.getRandomValues`).
///
/// # Errors
/// When the browser has no `crypto` object.
pub fn random_bytes() -> Result<[u8; 32], String> {
    let crypto = web_sys::window().and_then(|w| w.crypto().ok()).ok_or("浏览器不支持安全随机数")?;
    let mut bytes = [0u8; 32];
    crypto.get_random_values_with_u8_array(&mut bytes).map_err(|_| "浏览器无法生成安全随机数".to_owned())?;
    Ok(bytes)
}

/// Offers text as a file download with the given name and MIME type.
///
/// # Errors
/// When the browser refuses to create the file.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| "无法生成文件".to_owned())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "无法生成下载链接".to_owned())?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("页面不可用")?;
    let anchor: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(|_| "无法生成下载链接")?.dyn_into().map_err(|_| "无法生成下载链接")?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.style_set_display_none();
    if let Some(body) = document.body() {
        let _ = body.append_child(&anchor);
        anchor.click();
        let _ = body.remove_child(&anchor);
    }
    // Revoke later: Firefox needs the URL alive until the download has started.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
    }
    Ok(())
}

trait HideElement {
    fn style_set_display_none(&self);
}

impl HideElement for web_sys::HtmlAnchorElement {
    fn style_set_display_none(&self) {
        let _ = self.set_attribute("style", "display:none");
    }
}

/// Reads a picked or dropped file as text.
///
/// # Errors
/// A Chinese message when the file cannot be read.
pub async fn read_text(file: &web_sys::File) -> Result<String, String> {
    let text = JsFuture::from(file.text()).await.map_err(|_| format!("无法读取文件「{}」", file.name()))?;
    text.as_string().ok_or_else(|| format!("文件「{}」不是文本文件", file.name()))
}

/// Reads a picked or dropped file's bytes.
///
/// # Errors
/// A Chinese message when the file cannot be read.
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|_| format!("无法读取文件「{}」", file.name()))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The files of an `<input type=file>` change event, or of a drop event.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|index| list.get(index)).collect()
}

/// Moves keyboard focus to the element with this id, scrolling it into view.
pub fn focus_element(id: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(element) = document.get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        element.scroll_into_view();
        let _ = element.focus();
    }
}

/// Focuses an element after the current render has reached the page.
pub fn focus_soon(id: String) {
    let callback = wasm_bindgen::closure::Closure::once_into_js(move || focus_element(&id));
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 0);
    }
}

/// Scrolls to the top of the page (after navigating to another step).
pub fn scroll_to_top() {
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// The current location hash, without the leading `#`.
pub fn location_hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default().trim_start_matches('#').to_owned()
}

/// Navigates to a hash route (adds a history entry, so Back works).
pub fn go(hash: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash(hash);
    }
}

/// Whether the page was opened from a file (the single-file build): no service worker there.
pub fn is_file_page() -> bool {
    web_sys::window().and_then(|w| w.location().protocol().ok()).is_some_and(|p| p == "file:")
}

/// A UTC time shown in the user's local time zone as `YYYY-MM-DD HH:MM`.
pub fn local_time_text(time: DateTime<Utc>) -> String {
    let date = js_sys::Date::new(&JsValue::from_str(&time.to_rfc3339()));
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes()
    )
}

/// Sets the document title.
pub fn set_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}
