//! The page itself: the clock, the random source, the location hash, the title and the meta data the build stamps.

use chrono::{DateTime, Utc};
use wasm_bindgen::{JsCast, JsValue};

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
    random_array()
}

/// `N` bytes from the browser's cryptographic random source (`crypto.getRandomValues`).
///
/// # Errors
/// When the browser has no `crypto` object.
pub fn random_array<const N: usize>() -> Result<[u8; N], String> {
    let crypto = web_sys::window().and_then(|w| w.crypto().ok()).ok_or("浏览器不支持安全随机数")?;
    let mut bytes = [0u8; N];
    crypto.get_random_values_with_u8_array(&mut bytes).map_err(|_| "浏览器无法生成安全随机数".to_owned())?;
    Ok(bytes)
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

/// Resolves once the next frame has been painted ([`after_next_paint`]): long work awaited after it (deriving a
/// key from a passphrase) runs after the page has shown that it is at work.
pub async fn painted() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        after_next_paint(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
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

/// Shows that the app has stopped on an internal error (a Rust panic: the wasm traps right after, so nothing
/// reactive runs any more): a banner at the top of the page, written with plain DOM calls, that tells the user
/// what was saved and what to do, with the panic message folded away for technical support. `#app-crash`
/// carries the message in `data-message` too (the browser tests fail on it).
pub fn show_crash_banner(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.get_element_by_id("app-crash").is_some() {
        return;
    }
    let (Ok(banner), Ok(text), Ok(details), Ok(summary), Ok(pre), Some(body)) = (
        document.create_element("div"),
        document.create_element("p"),
        document.create_element("details"),
        document.create_element("summary"),
        document.create_element("pre"),
        document.body(),
    ) else {
        return;
    };
    banner.set_id("app-crash");
    banner.set_class_name("app-banner app-banner--error app-crash");
    let _ = banner.set_attribute("role", "alert");
    let _ = banner.set_attribute("data-message", message);
    text.set_text_content(Some(
        "本工具遇到内部错误，已停止响应。出错前已自动保存的内容不受影响：请刷新页面（按 F5）后继续填写。\
         如果反复出现，请把出错前的操作和下面的技术信息告诉技术支持人员。",
    ));
    summary.set_text_content(Some("技术信息"));
    pre.set_text_content(Some(message));
    let _ = details.append_child(&summary);
    let _ = details.append_child(&pre);
    let _ = banner.append_child(&text);
    let _ = banner.append_child(&details);
    let _ = body.prepend_with_node_1(&banner);
}
