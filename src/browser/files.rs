//! Files: offering a download, and reading files the user picked or dropped.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

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
    // `hidden`, not a `style` attribute: the page's Content-Security-Policy refuses inline styles (docs/browsers.md).
    anchor.set_hidden(true);
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

/// Reads a picked or dropped file as UTF-8 text (a leading byte-order mark skipped). Not `File.text()`, which
/// would read a file saved as GBK with replacement characters and no error.
///
/// # Errors
/// A Chinese message, without the file's name, when the file cannot be read or is not UTF-8
/// (`shenbao_core::json::file_text`).
pub async fn read_text(file: &web_sys::File) -> Result<String, String> {
    let bytes = read_bytes(file).await?;
    shenbao_core::json::file_text(&bytes).map(str::to_owned).map_err(|error| error.to_string())
}

/// Reads a picked or dropped file's bytes.
///
/// # Errors
/// A Chinese message, without the file's name, when the file cannot be read.
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| String::from("浏览器无法读取这个文件（可能已被移动、删除，或正被其他程序占用）。"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The files of an `<input type=file>` change event, or of a drop event.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|index| list.get(index)).collect()
}
