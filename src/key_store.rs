//! The county's signing key in this browser, kept as safely as the browser allows (docs/key-storage.md):
//!
//! - [`Protection::NonExtractable`] where WebCrypto signs with Ed25519 (current Chromium, Edge, Firefox): a
//!   non-extractable `CryptoKey` in IndexedDB (`browser::BrowserKey`). Pages sign with it; no script reads it.
//!   The key file can be exported only while this page still holds the key's bytes: right after the key was made,
//!   imported or moved here, until the page is closed or reloaded ([`exportable_copy`]).
//! - [`Protection::LocalStorage`] in older browsers: the key file of earlier versions (a private JWK) in local
//!   storage under `shenbao.signing-key`, as before.
//! - [`Protection::PageOnly`] in the single file opened from `file://`, whose local storage every local HTML file
//!   shares: no key is stored; it lives in this page's memory and is imported from the key file each time.
//!
//! A key left in local storage by an earlier version is moved into the non-extractable store on first use where
//! that store exists, and removed from local storage once the move is committed; its fingerprint is unchanged.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use chrono::{DateTime, Utc};
use shenbao_core::bundle::Bundle;
use shenbao_core::signing::{BundleKey, PublicJwk, SigningRequest, sign_bundle};

use crate::browser::{self, BrowserKey};

/// What a key new in the non-extractable store signs once, to check it is the key it should be.
const PROBE: &[u8] = b"shenbao: is this the county's key?";

/// The local-storage key of the key file in [`Protection::LocalStorage`] (and of earlier versions everywhere).
const SIGNING_KEY: &str = "shenbao.signing-key";

/// How the signing key is protected in this browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protection {
    /// A non-extractable WebCrypto key in IndexedDB.
    NonExtractable,
    /// The private key in the clear in local storage (browsers without WebCrypto Ed25519).
    LocalStorage,
    /// Not stored: the single file keeps the key in the page's memory only.
    PageOnly,
}

impl Protection {
    /// The value of `data-protection` on the settings page.
    pub fn code(self) -> &'static str {
        match self {
            Protection::NonExtractable => "non-extractable",
            Protection::LocalStorage => "local-storage",
            Protection::PageOnly => "page-only",
        }
    }
}

/// The signing key as this page holds it: its public key, and a way to sign.
#[derive(Debug, Clone)]
pub struct LoadedKey {
    /// The public key.
    pub public: PublicJwk,
    /// When the key was made.
    pub created_at: DateTime<Utc>,
    signer: Signer,
}

#[derive(Debug, Clone)]
enum Signer {
    /// The key's bytes (local storage, or the single file's page memory).
    Secret(Rc<BundleKey>),
    /// The browser's non-extractable key.
    Browser(web_sys::CryptoKey),
}

impl LoadedKey {
    /// The fingerprint to show and to write on the cover letter.
    pub fn fingerprint(&self) -> String {
        self.public.fingerprint()
    }

    fn of_secret(key: BundleKey) -> LoadedKey {
        LoadedKey { public: key.public_jwk(), created_at: key.created_at(), signer: Signer::Secret(Rc::new(key)) }
    }

    fn of_browser(key: BrowserKey) -> Result<LoadedKey, String> {
        let created_at = DateTime::parse_from_rfc3339(&key.created_at)
            .map(|time| time.with_timezone(&Utc))
            .map_err(|_| "浏览器安全存储中的签名密钥记录有误".to_owned())?;
        let public = PublicJwk { kty: "OKP".into(), crv: "Ed25519".into(), x: key.public_x };
        Ok(LoadedKey { public, created_at, signer: Signer::Browser(key.private) })
    }
}

/// What this browser holds.
#[derive(Debug, Clone)]
pub enum KeyState {
    /// No key yet: one is made on the first export.
    None,
    /// The key.
    Key(LoadedKey),
    /// Something is stored but unreadable; the message says why.
    Unreadable(String),
}

thread_local! {
    static PROTECTION: Cell<Option<Protection>> = const { Cell::new(None) };
    /// The single file's key, for as long as the page lives.
    static PAGE_KEY: RefCell<Option<BundleKey>> = const { RefCell::new(None) };
    /// The bytes of a key made, imported or moved into the non-extractable store by this page: the only way to
    /// export its key file. Gone with the page.
    static EXPORTABLE: RefCell<Option<BundleKey>> = const { RefCell::new(None) };
    /// Set when this page moved a key from local storage into the non-extractable store.
    static MOVED: Cell<bool> = const { Cell::new(false) };
}

/// Whether the key is kept beyond this page (not in the single file opened from `file://`: every page opened from
/// a file shares one local storage, so any other HTML file on the computer could read it).
pub fn keeps_key_in_storage() -> bool {
    !browser::is_file_page()
}

/// How the key is protected here (checked once per page).
pub async fn protection() -> Protection {
    if let Some(known) = PROTECTION.with(Cell::get) {
        return known;
    }
    let protection = if !keeps_key_in_storage() {
        Protection::PageOnly
    } else if browser::non_extractable_keys_available().await {
        Protection::NonExtractable
    } else {
        Protection::LocalStorage
    };
    PROTECTION.with(|cell| cell.set(Some(protection)));
    protection
}

/// The protection in force, if this page has checked it already.
pub fn cached_protection() -> Option<Protection> {
    PROTECTION.with(Cell::get)
}

/// Whether the single file has a key loaded in this page (always true elsewhere: there the key is looked up).
pub fn page_key_loaded() -> bool {
    keeps_key_in_storage() || PAGE_KEY.with(|key| key.borrow().is_some())
}

/// Whether this page moved a key of an earlier version out of local storage (the settings page then asks to
/// export the key file while it still can).
pub fn moved_this_page() -> bool {
    MOVED.with(Cell::get)
}

/// The key kept in this browser, moving one left in local storage into the non-extractable store first.
pub async fn load() -> KeyState {
    match protection().await {
        Protection::PageOnly => PAGE_KEY
            .with(|key| key.borrow().clone())
            .map_or(KeyState::None, |key| KeyState::Key(LoadedKey::of_secret(key))),
        Protection::LocalStorage => match local_key() {
            None => KeyState::None,
            Some(Ok(key)) => KeyState::Key(LoadedKey::of_secret(key)),
            Some(Err(message)) => KeyState::Unreadable(message),
        },
        Protection::NonExtractable => {
            let stored = match browser::load_browser_key().await {
                Ok(stored) => stored,
                Err(message) => return KeyState::Unreadable(message),
            };
            match (stored, local_key()) {
                (Some(stored), local) => {
                    // Another tab may have moved the same key already: the copy in local storage goes. A different
                    // key left there (by an earlier version in another tab) is not destroyed: docs/key-storage.md.
                    let loaded = LoadedKey::of_browser(stored);
                    if let (Ok(loaded), Some(Ok(local))) = (&loaded, local)
                        && local.public_jwk() == loaded.public
                    {
                        browser::remove(SIGNING_KEY);
                    }
                    loaded.map_or_else(KeyState::Unreadable, KeyState::Key)
                }
                (None, None) => KeyState::None,
                (None, Some(Err(message))) => KeyState::Unreadable(message),
                (None, Some(Ok(local))) => match keep(local).await {
                    Ok(loaded) => {
                        MOVED.with(|moved| moved.set(true));
                        KeyState::Key(loaded)
                    }
                    Err(message) => KeyState::Unreadable(message),
                },
            }
        }
    }
}

fn local_key() -> Option<Result<BundleKey, String>> {
    let text = browser::load_text(SIGNING_KEY)?;
    Some(BundleKey::from_key_file(&text).map_err(|error| error.to_string()))
}

/// Keeps `key` as this browser's signing key, replacing any other, and keeps its bytes in this page for export.
/// In the non-extractable store the key is checked by signing once before the local-storage copy (if any) goes.
///
/// # Errors
/// A Chinese message when the browser refuses; nothing is changed then.
pub async fn keep(key: BundleKey) -> Result<LoadedKey, String> {
    match protection().await {
        Protection::PageOnly => {
            PAGE_KEY.with(|stored| *stored.borrow_mut() = Some(key.clone()));
            Ok(LoadedKey::of_secret(key))
        }
        Protection::LocalStorage => {
            browser::save_text(SIGNING_KEY, &key.to_key_file()).map_err(|error| error.message())?;
            Ok(LoadedKey::of_secret(key))
        }
        Protection::NonExtractable => {
            let der = key.to_pkcs8_v1_der().map_err(|error| error.to_string())?;
            let private = browser::import_non_extractable(der.as_bytes()).await?;
            let public = key.public_jwk();
            let loaded = LoadedKey {
                public: public.clone(),
                created_at: key.created_at(),
                signer: Signer::Browser(private.clone()),
            };
            // The browser's key must be this key (its signature verifies with the public key): checked before it is
            // kept, so that the fingerprint stays what it was.
            let probe = sign_bytes(&loaded, PROBE).await?;
            if !public.verifies(PROBE, &probe) {
                return Err("浏览器导入的签名密钥与原密钥不一致，没有保存。".into());
            }
            let created_at = key.created_at().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
            browser::save_browser_key(&BrowserKey { private, public_x: public.x, created_at }).await?;
            browser::remove(SIGNING_KEY);
            EXPORTABLE.with(|copy| *copy.borrow_mut() = Some(key));
            Ok(loaded)
        }
    }
}

/// Makes a new key from the browser's random source and keeps it ([`keep`]).
///
/// # Errors
/// A Chinese message when there is no random source or the key cannot be kept.
pub async fn generate() -> Result<LoadedKey, String> {
    keep(new_key()?).await
}

/// A new key from the browser's random source, not kept yet.
///
/// # Errors
/// When the browser has no random source.
pub fn new_key() -> Result<BundleKey, String> {
    Ok(BundleKey::from_secret_bytes(browser::random_bytes()?, browser::now()))
}

/// The key's bytes, when this page can still export its key file: always in local storage and in the single file;
/// in the non-extractable store only when this page made, imported or moved the key with this fingerprint.
pub fn exportable_copy(fingerprint: &str) -> Option<BundleKey> {
    let matching = |key: &BundleKey| key.fingerprint() == fingerprint;
    match PROTECTION.with(Cell::get)? {
        Protection::PageOnly => PAGE_KEY.with(|key| key.borrow().clone()).filter(matching),
        Protection::LocalStorage => local_key().and_then(Result::ok).filter(matching),
        Protection::NonExtractable => EXPORTABLE.with(|key| key.borrow().clone()).filter(matching),
    }
}

/// The key to sign an export with: the stored one, or a new one when there is none yet (the first export). The
/// flag says the key was made just now.
///
/// # Errors
/// A Chinese message when the stored key is unreadable (it is never replaced silently) or a new one cannot be kept.
pub async fn key_for_export() -> Result<(LoadedKey, bool), String> {
    match load().await {
        KeyState::Key(key) => Ok((key, false)),
        KeyState::None => Ok((generate().await?, true)),
        KeyState::Unreadable(message) => {
            Err(format!("本机保存的签名密钥无法读取（{message}）。请在「密钥与存储」中导入密钥文件或重新生成密钥。"))
        }
    }
}

/// Signs a bundle with the key (deterministic Ed25519: the browser's key gives the bytes the core would).
///
/// # Errors
/// A Chinese message when the bundle cannot be signed or the browser's signature does not verify.
pub async fn sign(key: &LoadedKey, bundle: Bundle) -> Result<Bundle, String> {
    match &key.signer {
        Signer::Secret(secret) => sign_bundle(bundle, secret).map_err(|error| error.to_string()),
        Signer::Browser(private) => {
            let request = SigningRequest::new(bundle, &key.public).map_err(|error| error.to_string())?;
            let signature = browser::sign(private, request.message()).await?;
            request.finish(&signature).map_err(|error| error.to_string())
        }
    }
}

async fn sign_bytes(key: &LoadedKey, message: &[u8]) -> Result<Vec<u8>, String> {
    match &key.signer {
        Signer::Secret(_) => Err("只用于浏览器安全存储中的密钥".into()),
        Signer::Browser(private) => browser::sign(private, message).await,
    }
}
