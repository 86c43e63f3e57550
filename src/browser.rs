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

/// Milliseconds since the page started (`performance.now()`), for the benchmark hooks. A timing, never money.
pub fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or_default()
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
///
/// The element may appear only after the page (or a folded card) has rendered, so this retries for up to a
/// second before giving up.
pub fn focus_soon(id: String) {
    focus_when_present(id, 40);
}

fn focus_when_present(id: String, attempts_left: u32) {
    let callback = wasm_bindgen::closure::Closure::once_into_js(move || {
        let present = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(&id)).is_some();
        if present {
            focus_element(&id);
        } else if attempts_left > 0 {
            focus_when_present(id, attempts_left - 1);
        }
    });
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 25);
    }
}

/// Runs `work` just after the next frame has been painted (a `requestAnimationFrame` callback that posts a
/// task), or after 100 ms when no frame comes (a hidden tab paints nothing). `work` must tolerate a second call:
/// both paths may fire.
pub fn after_next_paint(work: impl Fn() + Clone + 'static) {
    let Some(window) = web_sys::window() else {
        work();
        return;
    };
    let after_frame = work.clone();
    let on_frame = wasm_bindgen::closure::Closure::once_into_js(move || {
        let task = wasm_bindgen::closure::Closure::once_into_js(after_frame);
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(task.unchecked_ref(), 0);
        }
    });
    let _ = window.request_animation_frame(on_frame.unchecked_ref());
    let fallback = wasm_bindgen::closure::Closure::once_into_js(work);
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(fallback.unchecked_ref(), 100);
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

// Offline: the build id, the service worker and the storage manager (docs/offline.md).

/// The build id that `scripts/postbuild.mjs` stamps into the page (`<meta name="shenbao-build">`); `None` in a build
/// that was not stamped (`trunk serve`).
pub fn build_id() -> Option<String> {
    meta_content("shenbao-build").filter(|id| !id.is_empty())
}

/// Whether this is the single-file build (`<meta name="shenbao-variant" content="single-file">`), which has no
/// service worker wherever it is opened from.
pub fn is_single_file() -> bool {
    meta_content("shenbao-variant").as_deref() == Some("single-file")
}

fn meta_content(name: &str) -> Option<String> {
    let document = web_sys::window()?.document()?;
    document.query_selector(&format!("meta[name=\"{name}\"]")).ok()??.get_attribute("content")
}

/// The page's service worker container, when this page may have a worker: served over HTTP(S) (never from
/// `file://`), not the single file, and a browser that offers service workers here (not private mode).
fn service_worker_container() -> Option<web_sys::ServiceWorkerContainer> {
    if is_file_page() || is_single_file() {
        return None;
    }
    let navigator = web_sys::window()?.navigator();
    let present = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker")).ok()?;
    if present.is_undefined() || present.is_null() {
        return None;
    }
    Some(navigator.service_worker())
}

/// Registers the service worker (`./sw.js`, so the app also works under a sub-path) and calls `on_update_ready`
/// whenever a new version has been installed completely and is waiting for the user. Checks for a new version now,
/// when the browser comes back online, and every hour. Does nothing from `file://` or in the single file.
pub fn start_service_worker(on_update_ready: impl Fn() + 'static) {
    let Some(container) = service_worker_container() else { return };
    let on_update_ready: std::rc::Rc<dyn Fn()> = std::rc::Rc::new(on_update_ready);
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(registration) = JsFuture::from(container.register("./sw.js")).await else { return };
        let registration: web_sys::ServiceWorkerRegistration = registration.unchecked_into();
        // A version installed during an earlier visit may be waiting already, or one may be installing now.
        if registration.waiting().is_some() && container.controller().is_some() {
            on_update_ready();
        }
        if let Some(installing) = registration.installing() {
            notify_when_installed(&installing, &container, &on_update_ready);
        }
        let on_update_found = {
            let registration = registration.clone();
            wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
                if let Some(installing) = registration.installing() {
                    notify_when_installed(&installing, &container, &on_update_ready);
                }
            })
        };
        registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
        // The page lives as long as the registration: these handlers are never removed.
        on_update_found.forget();
        check_for_update(&registration);
        let Some(window) = web_sys::window() else { return };
        let on_online = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || check_for_update(&registration));
        let _ = window.add_event_listener_with_callback("online", on_online.as_ref().unchecked_ref());
        let _ = window
            .set_interval_with_callback_and_timeout_and_arguments_0(on_online.as_ref().unchecked_ref(), 3_600_000);
        on_online.forget();
    });
}

/// Calls `on_update_ready` when an installing worker reaches "installed" while a page is controlled: an update.
/// (Without a controller it is the first install, which becomes active by itself.)
fn notify_when_installed(
    worker: &web_sys::ServiceWorker,
    container: &web_sys::ServiceWorkerContainer,
    on_update_ready: &std::rc::Rc<dyn Fn()>,
) {
    let (installing, container, on_update_ready) = (worker.clone(), container.clone(), on_update_ready.clone());
    let on_state_change = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        if installing.state() == web_sys::ServiceWorkerState::Installed && container.controller().is_some() {
            on_update_ready();
        }
    });
    worker.set_onstatechange(Some(on_state_change.as_ref().unchecked_ref()));
    on_state_change.forget();
}

/// Asks the server for a new version; offline, the check fails quietly and the installed version goes on working.
fn check_for_update(registration: &web_sys::ServiceWorkerRegistration) {
    if let Ok(promise) = registration.update() {
        wasm_bindgen_futures::spawn_local(async move {
            let _ = JsFuture::from(promise).await;
        });
    }
}

/// Lets the waiting version take over, then reloads the page once it has. Drafts are in local storage and are
/// not touched; an open draft has already been saved on every change.
pub fn apply_update() {
    let Some(container) = service_worker_container() else { return };
    wasm_bindgen_futures::spawn_local(async move {
        let waiting = JsFuture::from(container.get_registration())
            .await
            .ok()
            .and_then(|registration| registration.dyn_into::<web_sys::ServiceWorkerRegistration>().ok())
            .and_then(|registration| registration.waiting());
        let reload = || {
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
        };
        let Some(waiting) = waiting else {
            // Another tab has applied it already: this page only needs to load the new version.
            reload();
            return;
        };
        let on_controller_change = wasm_bindgen::closure::Closure::once_into_js(reload);
        container.set_oncontrollerchange(Some(on_controller_change.unchecked_ref()));
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &JsValue::from_str("type"), &JsValue::from_str("SKIP_WAITING"));
        let _ = waiting.post_message(&message);
        // Should the new version never take over (replaced meanwhile by a newer one), reload all the same: the
        // version in charge then loads, and a waiting one is announced again.
        if let Some(window) = web_sys::window() {
            let fallback = wasm_bindgen::closure::Closure::once_into_js(reload);
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(fallback.unchecked_ref(), 10_000);
        }
    });
}

/// Whether the app would open with no network: a service worker of this app is active. `None` where there is no
/// worker (`file://`, the single file, private mode).
pub async fn offline_ready() -> Option<bool> {
    let container = service_worker_container()?;
    let registration = JsFuture::from(container.get_registration()).await.ok()?;
    Some(registration.dyn_into::<web_sys::ServiceWorkerRegistration>().ok().and_then(|r| r.active()).is_some())
}

/// Resolves once a service worker of this app is active (at once if it is already); never where there is none.
pub async fn until_offline_ready() {
    if let Some(ready) = service_worker_container().and_then(|container| container.ready().ok()) {
        let _ = JsFuture::from(ready).await;
    }
}

/// What the browser says about this site's storage (`navigator.storage.estimate()`), in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StorageEstimate {
    /// Bytes used by this site in every kind of storage (caches included).
    pub usage: u64,
    /// Bytes the browser would let this site use in all, mostly a share of the free disk space.
    pub quota: u64,
}

fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    let present = js_sys::Reflect::get(&navigator, &JsValue::from_str("storage")).ok()?;
    if present.is_undefined() || present.is_null() {
        return None;
    }
    Some(navigator.storage())
}

/// `navigator.storage.estimate()`; `None` when the browser does not tell.
pub async fn storage_estimate() -> Option<StorageEstimate> {
    let estimate = JsFuture::from(storage_manager()?.estimate().ok()?).await.ok()?;
    let estimate: web_sys::StorageEstimate = estimate.unchecked_into();
    // Whole bytes, reported as JS numbers; the casts saturate and drop nothing that matters.
    Some(StorageEstimate { usage: estimate.get_usage()? as u64, quota: estimate.get_quota()? as u64 })
}

/// `navigator.storage.persisted()`: whether the browser has promised not to clear this site's data when the disk
/// runs low. `None` when the browser does not tell.
pub async fn storage_persisted() -> Option<bool> {
    JsFuture::from(storage_manager()?.persisted().ok()?).await.ok()?.as_bool()
}

/// `navigator.storage.persist()`: asks for that promise. Chromium decides by itself (a bookmarked or installed
/// app, a much-used site); Firefox asks the user. `None` when the browser refuses to answer.
pub async fn request_persistent_storage() -> Option<bool> {
    JsFuture::from(storage_manager()?.persist().ok()?).await.ok()?.as_bool()
}
