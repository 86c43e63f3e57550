//! The browser's own key store: an Ed25519 private key as a non-extractable WebCrypto `CryptoKey`, kept in
//! IndexedDB (database `shenbao-keys`, object store `keys`, record `signing-key`). Pages can sign with it; no
//! script can read it (`crypto.subtle.exportKey` refuses). See docs/key-storage.md.

use std::cell::Cell;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The IndexedDB database that holds the signing key.
pub const KEY_DATABASE: &str = "shenbao-keys";
const KEY_STORE: &str = "keys";
const KEY_RECORD: &str = "signing-key";
const ED25519: &str = "Ed25519";

/// A private key the browser holds, with what the app needs to show and use it.
#[derive(Debug, Clone)]
pub struct BrowserKey {
    /// The non-extractable private key (usage `sign`).
    pub private: web_sys::CryptoKey,
    /// BASE64URL of the 32-byte public key (the JWK's `x`).
    pub public_x: String,
    /// When the key was made, RFC 3339.
    pub created_at: String,
}

thread_local! {
    static AVAILABLE: Cell<Option<bool>> = const { Cell::new(None) };
}

/// Whether this browser can keep the key non-extractable: WebCrypto signs with Ed25519 exactly as RFC 8032 (checked
/// on its test vector 1, so signing stays deterministic) and IndexedDB opens. Checked once per page.
pub async fn non_extractable_keys_available() -> bool {
    if let Some(known) = AVAILABLE.with(Cell::get) {
        return known;
    }
    let available = check_ed25519().await.unwrap_or(false) && open_database().await.is_ok();
    AVAILABLE.with(|cell| cell.set(Some(available)));
    available
}

async fn check_ed25519() -> Result<bool, JsValue> {
    // RFC 8032 §7.1 TEST 1: secret key 9d61…7f60 (as PKCS#8, RFC 8410 §7), empty message, signature e556…100b.
    const PKCS8: &str =
        "302e020100300506032b6570042204209d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    const SIGNATURE: &str = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";
    let der = hex_bytes(PKCS8);
    let key = import_non_extractable(&der).await.map_err(|e| JsValue::from_str(&e))?;
    let signature = sign(&key, &[]).await.map_err(|e| JsValue::from_str(&e))?;
    Ok(signature == hex_bytes(SIGNATURE))
}

fn hex_bytes(hex: &str) -> Vec<u8> {
    (0..hex.len()).step_by(2).filter_map(|i| u8::from_str_radix(&hex[i..i + 2], 16).ok()).collect()
}

fn subtle() -> Result<web_sys::SubtleCrypto, String> {
    let crypto = web_sys::window().and_then(|w| w.crypto().ok()).ok_or("浏览器不支持 WebCrypto")?;
    let subtle = js_sys::Reflect::get(&crypto, &JsValue::from_str("subtle")).map_err(|_| "浏览器不支持 WebCrypto")?;
    subtle.dyn_into().map_err(|_| "浏览器不支持 WebCrypto（页面不是安全来源）".to_owned())
}

/// Imports an Ed25519 private key (PKCS#8 DER) as a non-extractable `CryptoKey` that can only sign. The copy of
/// the bytes handed to the browser is overwritten with zeros as soon as the browser has taken its own.
///
/// # Errors
/// A Chinese message when the browser refuses.
pub async fn import_non_extractable(pkcs8_der: &[u8]) -> Result<web_sys::CryptoKey, String> {
    let subtle = subtle()?;
    let data = js_sys::Uint8Array::from(pkcs8_der);
    let usages = js_sys::Array::of1(&JsValue::from_str("sign"));
    let promise = subtle.import_key_with_str("pkcs8", &data, ED25519, false, &usages);
    // importKey copies the bytes before it returns its promise (WebCrypto §14.3.9 step 2).
    data.fill(0, 0, data.length());
    let key = JsFuture::from(promise.map_err(|_| "浏览器无法导入签名密钥".to_owned())?)
        .await
        .map_err(|_| "浏览器无法导入签名密钥".to_owned())?;
    key.dyn_into().map_err(|_| "浏览器无法导入签名密钥".to_owned())
}

/// The Ed25519 signature (64 bytes) of `message` by `key`.
///
/// # Errors
/// A Chinese message when the browser refuses.
pub async fn sign(key: &web_sys::CryptoKey, message: &[u8]) -> Result<Vec<u8>, String> {
    let promise =
        subtle()?.sign_with_str_and_u8_array(ED25519, key, message).map_err(|_| "浏览器无法签名".to_owned())?;
    let signature = JsFuture::from(promise).await.map_err(|_| "浏览器无法用签名密钥签名".to_owned())?;
    Ok(js_sys::Uint8Array::new(&signature).to_vec())
}

/// Resolves an IndexedDB request (or an open request) with its result.
async fn request(request: &web_sys::IdbRequest) -> Result<JsValue, JsValue> {
    let request = request.clone();
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let done = request.clone();
        let on_success = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::NULL, &done.result().unwrap_or(JsValue::UNDEFINED));
        });
        let failed = request.clone();
        let on_error = wasm_bindgen::closure::Closure::once_into_js(move || {
            let error = failed.error().ok().flatten().map_or(JsValue::NULL, JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise).await
}

/// Resolves when a read-write transaction has been committed.
async fn committed(transaction: &web_sys::IdbTransaction) -> Result<(), JsValue> {
    let transaction = transaction.clone();
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let on_complete = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let on_fail = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = reject.call0(&JsValue::NULL);
        });
        transaction.set_oncomplete(Some(on_complete.unchecked_ref()));
        transaction.set_onerror(Some(on_fail.unchecked_ref()));
        transaction.set_onabort(Some(on_fail.unchecked_ref()));
    });
    JsFuture::from(promise).await.map(|_| ())
}

async fn open_database() -> Result<web_sys::IdbDatabase, JsValue> {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or_else(|| JsValue::from_str("no IndexedDB"))?;
    let open = factory.open_with_u32(KEY_DATABASE, 1)?;
    let upgrading = open.clone();
    let on_upgrade = wasm_bindgen::closure::Closure::once_into_js(move || {
        if let Ok(database) = upgrading.result().and_then(|r| r.dyn_into::<web_sys::IdbDatabase>())
            && !database.object_store_names().contains(KEY_STORE)
        {
            let _ = database.create_object_store(KEY_STORE);
        }
    });
    open.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
    request(&open).await?.dyn_into()
}

fn store(
    database: &web_sys::IdbDatabase,
    mode: web_sys::IdbTransactionMode,
) -> Result<(web_sys::IdbTransaction, web_sys::IdbObjectStore), JsValue> {
    let transaction = database.transaction_with_str_and_mode(KEY_STORE, mode)?;
    let store = transaction.object_store(KEY_STORE)?;
    Ok((transaction, store))
}

/// The key kept in IndexedDB, if any.
///
/// # Errors
/// A Chinese message when IndexedDB cannot be read or holds something else.
pub async fn load_browser_key() -> Result<Option<BrowserKey>, String> {
    let unreadable = |_| "浏览器安全存储中的签名密钥无法读取".to_owned();
    let database = open_database().await.map_err(unreadable)?;
    let (_, store) = store(&database, web_sys::IdbTransactionMode::Readonly).map_err(unreadable)?;
    let record = request(&store.get(&JsValue::from_str(KEY_RECORD)).map_err(unreadable)?).await.map_err(unreadable)?;
    database.close();
    if record.is_undefined() || record.is_null() {
        return Ok(None);
    }
    let member = |name: &str| js_sys::Reflect::get(&record, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
    let broken = || "浏览器安全存储中的签名密钥记录不完整".to_owned();
    Ok(Some(BrowserKey {
        private: member("private").dyn_into().map_err(|_| broken())?,
        public_x: member("x").as_string().ok_or_else(broken)?,
        created_at: member("created_at").as_string().ok_or_else(broken)?,
    }))
}

/// Keeps `key` in IndexedDB, replacing any other; resolves once it is committed.
///
/// # Errors
/// A Chinese message when IndexedDB refuses (storage full, disabled).
pub async fn save_browser_key(key: &BrowserKey) -> Result<(), String> {
    let refused = |_| "无法把签名密钥写入浏览器的安全存储（存储空间已满，或浏览器禁止网站存储数据）".to_owned();
    let database = open_database().await.map_err(refused)?;
    let record = js_sys::Object::new();
    for (name, value) in [
        ("private", JsValue::from(key.private.clone())),
        ("x", JsValue::from_str(&key.public_x)),
        ("created_at", JsValue::from_str(&key.created_at)),
    ] {
        js_sys::Reflect::set(&record, &JsValue::from_str(name), &value).map_err(refused)?;
    }
    let (transaction, store) = store(&database, web_sys::IdbTransactionMode::Readwrite).map_err(refused)?;
    store.put_with_key(&record, &JsValue::from_str(KEY_RECORD)).map_err(refused)?;
    let outcome = committed(&transaction).await.map_err(refused);
    database.close();
    outcome
}
