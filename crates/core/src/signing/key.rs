//! The county's signing key: an Ed25519 key pair (RFC 8032), its public JWK (RFC 8037), its RFC 7638 thumbprint,
//! the fingerprint people compare by eye, and the key file it is exported to and imported from.
//!
//! The secret bytes come from the caller (the app draws them from `crypto.getRandomValues` on first export); this
//! module never draws randomness.

use std::fmt;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Utc};
use ed25519_dalek::Signer;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::json::canonical_json;
use crate::reason::in_chinese;

/// The `format` member of a key file.
pub const KEY_FILE_FORMAT: &str = "shenbao-key";

/// The key file version this crate writes and reads.
pub const KEY_FILE_VERSION: u32 = 1;

/// A county's bundle-signing key. `Debug` shows the key id only, never the secret.
#[derive(Clone)]
pub struct BundleKey {
    secret: ed25519_dalek::SigningKey,
    created_at: DateTime<Utc>,
}

impl BundleKey {
    /// The key with these 32 secret bytes (RFC 8032 private key), created at `created_at`.
    pub fn from_secret_bytes(secret: [u8; 32], created_at: DateTime<Utc>) -> BundleKey {
        BundleKey { secret: ed25519_dalek::SigningKey::from_bytes(&secret), created_at }
    }

    /// When the key was generated, as told by the caller then.
    pub fn created_at(&self) -> DateTime<Utc> {
        self.created_at
    }

    /// The public key as a JWK.
    pub fn public_jwk(&self) -> PublicJwk {
        PublicJwk::from_bytes(&self.secret.verifying_key().to_bytes())
    }

    /// The fingerprint to show and to write on the cover letter: see [`fingerprint_of`].
    pub fn fingerprint(&self) -> String {
        self.public_jwk().fingerprint()
    }

    /// The 64-byte Ed25519 signature of `message`.
    pub(crate) fn sign(&self, message: &[u8]) -> [u8; 64] {
        self.secret.sign(message).to_bytes()
    }

    /// The Ed25519 key itself, for the key file's PKCS#8 encoding.
    pub(crate) fn signing_key(&self) -> &ed25519_dalek::SigningKey {
        &self.secret
    }

    /// The 32 bytes of the public key.
    pub(crate) fn public_bytes(&self) -> [u8; 32] {
        self.secret.verifying_key().to_bytes()
    }

    /// The key file of earlier versions, unencrypted: pretty JSON, a private JWK with extra members (see
    /// `docs/bundle-format.md`). It holds the secret key in the clear: whoever has the text can sign as the county.
    /// The app keeps it in local storage where the browser cannot keep a non-extractable key
    /// (docs/key-storage.md), and never offers it for download: the key file a user saves is
    /// [`BundleKey::to_encrypted_key_file`].
    pub fn to_key_file(&self) -> String {
        let public = self.public_jwk();
        let file = KeyFile {
            format: KEY_FILE_FORMAT.to_owned(),
            version: KEY_FILE_VERSION,
            kty: public.kty.clone(),
            crv: public.crv.clone(),
            x: public.x.clone(),
            d: URL_SAFE_NO_PAD.encode(self.secret.to_bytes()),
            kid: Some(public.kid()),
            created_at: self.created_at,
        };
        let mut text = crate::json::to_pretty_string(&file);
        text.push('\n');
        text
    }

    /// Reads a key file written by [`BundleKey::to_key_file`], as earlier versions exported it (a leading
    /// byte-order mark is skipped, a repeated member name refused: see [`crate::json::read_file`]).
    ///
    /// # Errors
    /// [`KeyFileError`], whose `Display` is a Chinese sentence.
    pub fn from_key_file(text: &str) -> Result<BundleKey, KeyFileError> {
        let value = crate::json::read_file(text.as_bytes()).map_err(KeyFileError::Json)?;
        if value.get("format").and_then(Value::as_str) != Some(KEY_FILE_FORMAT) {
            return Err(KeyFileError::NotAKeyFile);
        }
        match value.get("version") {
            Some(version) if version.as_u64() == Some(u64::from(KEY_FILE_VERSION)) => {}
            Some(version) => return Err(KeyFileError::UnsupportedVersion(version.to_string())),
            None => return Err(KeyFileError::UnsupportedVersion("（缺失）".into())),
        }
        let file: KeyFile = serde_path_to_error::deserialize(value).map_err(|e| KeyFileError::Field {
            path: e.path().to_string(),
            reason: in_chinese(&e.inner().to_string()),
        })?;
        if file.kty != "OKP" || file.crv != "Ed25519" {
            return Err(KeyFileError::WrongKeyType { kty: file.kty, crv: file.crv });
        }
        let secret = decode_32(&file.d).ok_or(KeyFileError::Encoding("d"))?;
        decode_32(&file.x).ok_or(KeyFileError::Encoding("x"))?;
        let key = BundleKey::from_secret_bytes(secret, file.created_at);
        let public = key.public_jwk();
        if public.x != file.x || file.kid.is_some_and(|kid| kid != public.kid()) {
            return Err(KeyFileError::Mismatch);
        }
        Ok(key)
    }
}

impl fmt::Debug for BundleKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BundleKey").field("kid", &self.public_jwk().kid()).finish_non_exhaustive()
    }
}

/// An Ed25519 public key as a JSON Web Key (RFC 8037 §2): `{"crv":"Ed25519","kty":"OKP","x":…}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicJwk {
    /// Always `"OKP"`.
    pub kty: String,
    /// Always `"Ed25519"`.
    pub crv: String,
    /// BASE64URL (no padding) of the 32-byte public key.
    pub x: String,
}

impl PublicJwk {
    /// The JWK of 32 public key bytes.
    pub fn from_bytes(public_key: &[u8; 32]) -> PublicJwk {
        PublicJwk { kty: "OKP".into(), crv: "Ed25519".into(), x: URL_SAFE_NO_PAD.encode(public_key) }
    }

    /// The JWK as a JSON value, for a JWS protected header.
    pub fn to_value(&self) -> Value {
        json!({ "kty": self.kty, "crv": self.crv, "x": self.x })
    }

    /// The RFC 7638 thumbprint: SHA-256 of the canonical JSON of the required members `crv`, `kty`, `x`.
    pub fn thumbprint(&self) -> [u8; 32] {
        Sha256::digest(canonical_json(&self.to_value()).as_bytes()).into()
    }

    /// The key id written in the protected header: BASE64URL of the thumbprint.
    pub fn kid(&self) -> String {
        URL_SAFE_NO_PAD.encode(self.thumbprint())
    }

    /// The fingerprint people compare by eye: see [`fingerprint_of`].
    pub fn fingerprint(&self) -> String {
        fingerprint_of(&self.thumbprint())
    }

    /// Whether `signature` is a valid Ed25519 signature of `message` by this key (RFC 8032, strict: small-order
    /// keys and non-canonical signatures refused). False for a key or signature that cannot be decoded.
    pub fn verifies(&self, message: &[u8], signature: &[u8]) -> bool {
        decode_32(&self.x)
            .and_then(|bytes| ed25519_dalek::VerifyingKey::from_bytes(&bytes).ok())
            .zip(ed25519_dalek::Signature::from_slice(signature).ok())
            .is_some_and(|(key, signature)| key.verify_strict(message, &signature).is_ok())
    }
}

/// The thumbprint in upper-case hex in 16 groups of 4, e.g. `3F2A 9C01 … 7B4E`: what the county writes on its
/// stamped cover letter and the reviewer compares with what the app or `shenbao verify` shows.
pub fn fingerprint_of(thumbprint: &[u8; 32]) -> String {
    let hex = hex::encode_upper(thumbprint);
    let groups: Vec<&str> = (0..hex.len()).step_by(4).map(|start| &hex[start..start + 4]).collect();
    groups.join(" ")
}

/// Decodes BASE64URL without padding into exactly 32 bytes.
pub(crate) fn decode_32(text: &str) -> Option<[u8; 32]> {
    URL_SAFE_NO_PAD.decode(text).ok()?.try_into().ok()
}

/// The key file's members, in the order written.
#[derive(Serialize, Deserialize)]
struct KeyFile {
    format: String,
    version: u32,
    kty: String,
    crv: String,
    x: String,
    d: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    kid: Option<String>,
    created_at: DateTime<Utc>,
}

/// Why a file could not be imported as a key. `Display` is a Chinese message for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyFileError {
    /// Not JSON, cut short, empty, not UTF-8, or with a repeated member name.
    #[error("无法读取密钥文件：{0}")]
    Json(crate::json::JsonError),
    /// Not a key file of this app.
    #[error(
        "这不是本工具的密钥文件。请选择从本工具「密钥与存储」导出的密钥文件：它的第一行是 -----BEGIN ENCRYPTED PRIVATE KEY-----（旧版本导出的是含有 \"format\": \"shenbao-key\" 的 .json 文件）。"
    )]
    NotAKeyFile,
    /// The passphrase does not open the encrypted key file, or the file was changed.
    #[error("口令不正确，或密钥文件被改动过，无法解密。请检查口令（区分大小写，注意输入法的全角、半角状态）后重试。")]
    WrongPassphrase,
    /// The encrypted key file is cut short or its encoding is broken.
    #[error("密钥文件不完整或已损坏：{0}。请使用导出时保存的原文件。")]
    Damaged(String),
    /// Encrypted with another scheme than this tool's, or with too high a cost.
    #[error("密钥文件的加密方式本工具不支持：{0}。请选择从本工具导出的密钥文件。")]
    UnsupportedEncryption(String),
    /// The cryptographic libraries refused to encrypt (not expected).
    #[error("无法生成加密的密钥文件，请重试。")]
    Encryption,
    /// A key file version this app does not know.
    #[error("不支持的密钥文件版本 {0}（本工具支持版本 1）。")]
    UnsupportedVersion(String),
    /// Not an Ed25519 key.
    #[error("密钥类型为 {kty}/{crv}，本工具只支持 OKP/Ed25519。")]
    WrongKeyType {
        /// The file's `kty`.
        kty: String,
        /// The file's `crv`.
        crv: String,
    },
    /// `d` or `x` is not BASE64URL of 32 bytes.
    #[error("密钥文件已损坏：成员 \"{0}\" 不是 32 字节的 BASE64URL 编码。")]
    Encoding(&'static str),
    /// The public key or key id does not belong to the secret key.
    #[error("密钥文件已损坏：公钥与私钥不匹配。")]
    Mismatch,
    /// A member has the wrong type.
    #[error("密钥文件的字段 {path} 有误：{reason}")]
    Field {
        /// Path of the member.
        path: String,
        /// What is wrong.
        reason: String,
    },
}

impl KeyFileError {
    /// A stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            KeyFileError::Json(error) => error.code(),
            KeyFileError::NotAKeyFile => "not_a_key_file",
            KeyFileError::WrongPassphrase => "wrong_passphrase",
            KeyFileError::Damaged(_) => "damaged",
            KeyFileError::UnsupportedEncryption(_) => "unsupported_encryption",
            KeyFileError::Encryption => "encryption_failed",
            KeyFileError::UnsupportedVersion(_) => "unsupported_version",
            KeyFileError::WrongKeyType { .. } => "wrong_key_type",
            KeyFileError::Encoding(_) => "invalid_encoding",
            KeyFileError::Mismatch => "key_mismatch",
            KeyFileError::Field { .. } => "invalid_field",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> BundleKey {
        BundleKey::from_secret_bytes([7; 32], "2022-12-01T08:00:00Z".parse().unwrap())
    }

    #[test]
    fn rfc_8037_appendix_a_thumbprint() {
        // RFC 8037 A.1–A.3: the example Ed25519 key and its RFC 7638 thumbprint.
        let secret = URL_SAFE_NO_PAD.decode("nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A").unwrap();
        let key = BundleKey::from_secret_bytes(secret.try_into().unwrap(), DateTime::UNIX_EPOCH);
        let jwk = key.public_jwk();
        assert_eq!(jwk.x, "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo");
        assert_eq!(hex::encode(jwk.thumbprint()), "90facafea9b1556698540f70c0117a22ea37bd5cf3ed3c47093c1707282b4b89");
        assert_eq!(jwk.kid(), "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k");
    }

    #[test]
    fn the_fingerprint_is_sixteen_groups_of_upper_hex() {
        let fingerprint = key().fingerprint();
        let groups: Vec<&str> = fingerprint.split(' ').collect();
        assert_eq!(groups.len(), 16);
        assert!(groups.iter().all(|g| g.len() == 4 && g.chars().all(|c| c.is_ascii_hexdigit() && !c.is_lowercase())));
        assert_eq!(fingerprint.replace(' ', "").to_lowercase(), hex::encode(key().public_jwk().thumbprint()));
    }

    #[test]
    fn the_key_file_round_trips_and_hides_nothing_it_should_not() {
        let text = key().to_key_file();
        let again = BundleKey::from_key_file(&text).unwrap();
        assert_eq!(again.public_jwk(), key().public_jwk());
        assert_eq!(again.created_at(), key().created_at());
        assert!(!format!("{:?}", key()).contains(&URL_SAFE_NO_PAD.encode([7u8; 32])));
    }

    fn import_error(edit: impl FnOnce(&mut Value)) -> String {
        let mut value: Value = serde_json::from_str(&key().to_key_file()).unwrap();
        edit(&mut value);
        BundleKey::from_key_file(&value.to_string()).unwrap_err().code().to_owned()
    }

    #[test]
    fn refuses_broken_key_files_with_reasons() {
        assert_eq!(BundleKey::from_key_file("{\"format\":").unwrap_err().code(), "invalid_json");
        assert_eq!(import_error(|v| v["format"] = json!("shenbao-draft")), "not_a_key_file");
        assert_eq!(import_error(|v| v["version"] = json!(2)), "unsupported_version");
        assert_eq!(import_error(|v| v["crv"] = json!("X25519")), "wrong_key_type");
        assert_eq!(import_error(|v| v["d"] = json!("AAAA")), "invalid_encoding");
        assert_eq!(import_error(|v| v["x"] = json!(URL_SAFE_NO_PAD.encode([1u8; 32]))), "key_mismatch");
        assert_eq!(import_error(|v| v["created_at"] = json!("gestern")), "invalid_field");
        let mut value: Value = serde_json::from_str(&key().to_key_file()).unwrap();
        value["created_at"] = json!("gestern");
        let message = BundleKey::from_key_file(&value.to_string()).unwrap_err().to_string();
        assert!(message.starts_with("密钥文件的字段 created_at 有误：日期或时间无效"), "{message}");
        let message = BundleKey::from_key_file("[").unwrap_err().to_string();
        assert!(message.starts_with("无法读取密钥文件：文件不完整（在第 1 行"), "{message}");
        let doubled = key().to_key_file().replacen("\"d\":", "\"d\": \"AAAA\",\n  \"d\":", 1);
        assert_eq!(BundleKey::from_key_file(&doubled).unwrap_err().code(), "duplicate_member");
    }

    #[test]
    fn a_key_file_saved_with_a_byte_order_mark_imports() {
        let text = format!("\u{feff}{}", key().to_key_file());
        assert_eq!(BundleKey::from_key_file(&text).map(|k| k.public_jwk()), Ok(key().public_jwk()));
    }
}
