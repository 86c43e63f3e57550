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

/// Reads a picked or dropped draft or key file as UTF-8 text (a leading byte-order mark skipped). Not
/// `File.text()`, which would read a file saved as GBK with replacement characters and no error.
///
/// # Errors
/// A Chinese message, without the file's name, when the file is over the size limit, cannot be read or is not
/// UTF-8 (`shenbao_core::json::file_text`).
pub async fn read_text(file: &web_sys::File) -> Result<String, String> {
    let bytes = read_json_file(file).await.map_err(|error| error.to_string())?;
    shenbao_core::json::file_text(&bytes).map(str::to_owned).map_err(|error| error.to_string())
}

/// Why a draft, bundle or key file was not read.
#[derive(Debug, Clone)]
pub enum ReadError {
    /// Over `shenbao_core::limits::MAX_FILE_BYTES`: refused before a byte was read.
    TooLarge(shenbao_core::limits::FileTooLarge),
    /// The browser could not read it.
    Unreadable,
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::TooLarge(error) => error.fmt(f),
            ReadError::Unreadable => f.write_str(UNREADABLE),
        }
    }
}

const UNREADABLE: &str = "浏览器无法读取这个文件（可能已被移动、删除，或正被其他程序占用）。";

/// Reads a picked or dropped draft, bundle or key file's bytes. A file over the core's size limit is refused at
/// once, by the size the browser reports, before anything is read: a video picked by mistake would otherwise hold
/// the page for seconds and gigabytes before failing as JSON.
///
/// # Errors
/// [`ReadError`].
pub async fn read_json_file(file: &web_sys::File) -> Result<Vec<u8>, ReadError> {
    shenbao_core::limits::check_file_size(size_of(file)).map_err(ReadError::TooLarge)?;
    read_blob(file).await.ok_or(ReadError::Unreadable)
}

/// The manifest entry (name, size, SHA-256) of a picked attachment. Attachments are hashed, not parsed, and may be
/// hundreds of MB (scans): they have no size limit, and are read in pieces of [`PIECE`] bytes, so that memory
/// holds one piece at a time instead of the whole file twice (in JavaScript and in the wasm heap).
///
/// # Errors
/// A Chinese message, without the file's name, when the browser cannot read the file.
pub async fn hash_attachment(file: &web_sys::File) -> Result<shenbao_core::bundle::Attachment, String> {
    let size = size_of(file);
    let mut hasher = shenbao_core::attachments::AttachmentHasher::new();
    let mut start = 0;
    while start < size {
        let end = size.min(start + PIECE);
        // u64 → f64 is exact below 2⁵³ bytes (8 PiB).
        let piece = file.slice_with_f64_and_f64(start as f64, end as f64).map_err(|_| UNREADABLE.to_owned())?;
        hasher.update(&read_blob(&piece).await.ok_or_else(|| UNREADABLE.to_owned())?);
        start = end;
    }
    if hasher.size() != size {
        return Err(UNREADABLE.to_owned());
    }
    Ok(hasher.finish(&file.name()))
}

/// How much of an attachment is read at once: 8 MiB.
const PIECE: u64 = 8 * 1024 * 1024;

/// A file's size as the browser reports it, in bytes.
fn size_of(file: &web_sys::File) -> u64 {
    // `File.size` is a whole number of bytes, below 2⁵³.
    file.size() as u64
}

async fn read_blob(blob: &web_sys::Blob) -> Option<Vec<u8>> {
    let buffer = JsFuture::from(blob.array_buffer()).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The files of an `<input type=file>` change event, or of a drop event.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|index| list.get(index)).collect()
}
