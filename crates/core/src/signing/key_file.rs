//! The key file: the county's private key encrypted with a passphrase the user chooses, as PKCS#8
//! `EncryptedPrivateKeyInfo` (RFC 5208 §6, RFC 5958) in PEM armour (RFC 7468), so that its first line reads
//! `-----BEGIN ENCRYPTED PRIVATE KEY-----`.
//!
//! Encryption is PBES2 (RFC 8018 §6.2): the key is derived from the passphrase with scrypt (RFC 7914; N = 2^17,
//! r = 8, p = 1, a 16-byte salt) and the PKCS#8 `OneAsymmetricKey` (RFC 8410 §7, with the public key, v2) is sealed
//! with AES-256-GCM (12-byte nonce, 16-byte tag): the strongest combination the RustCrypto `pkcs5` crate offers, and
//! authenticated, so a wrong passphrase or a changed byte is refused instead of yielding another key. The salt and
//! nonce are drawn by the caller (the app from `crypto.getRandomValues`): this crate has no randomness.
//!
//! After the armour come a few lines of plain Chinese that say what the file is, its public key fingerprint and when
//! the key was made. RFC 7468 parsers skip text outside the armour; this text is not protected, so only the time is
//! read back (to show 生成于), and the fingerprint shown after an import is always computed from the decrypted key.
//!
//! Key files exported by earlier versions (a JSON private JWK, `"format": "shenbao-key"`, unencrypted) are still
//! read by [`BundleKey::from_key_file`]. [`private_key_in`] recognises either kind anywhere a bundle is expected.

use chrono::{DateTime, Utc};
use ed25519_dalek::pkcs8::KeypairBytes;
use pkcs8::der::pem::{LineEnding, PemLabel};
use pkcs8::pkcs5::{self, EncryptionScheme, pbes2};
use pkcs8::{EncodePrivateKey, EncryptedPrivateKeyInfoOwned, EncryptedPrivateKeyInfoRef, PrivateKeyInfoRef};
use serde_json::Value;

use super::key::{BundleKey, KEY_FILE_FORMAT, KeyFileError, PublicJwk, decode_32};

/// The PEM label of the key file, on its first line: `-----BEGIN ENCRYPTED PRIVATE KEY-----`.
pub const KEY_FILE_PEM_LABEL: &str = EncryptedPrivateKeyInfoOwned::PEM_LABEL;

/// The fewest characters (Unicode scalar values: a Chinese character counts one) a new passphrase may have.
pub const MIN_PASSPHRASE_CHARS: usize = 10;

/// scrypt's cost, log₂ N, for the files this version writes: 2^17 × r 8 × 128 bytes = 128 MiB of memory. In the
/// release wasm it takes about 0.9 s of CPU in Chromium and 1.05 s in Firefox on the project's machine
/// (docs/key-storage.md).
pub const SCRYPT_LOG_N: u8 = 17;
/// scrypt's block size r.
pub const SCRYPT_R: u32 = 8;
/// scrypt's parallelism p.
pub const SCRYPT_P: u32 = 1;
/// The highest log₂ N a file may ask for (a later version may raise the cost; more than 256 MiB is refused, so a
/// changed file cannot make the page allocate gigabytes).
const MAX_SCRYPT_LOG_N: u8 = 18;
/// The largest r and p a file may ask for.
const MAX_SCRYPT_R: u16 = 8;
const MAX_SCRYPT_P: u16 = 4;

/// The line of the text after the armour that gives when the key was made, in RFC 3339.
const CREATED_LINE: &str = "生成时间：";

/// The random bytes one encryption takes, drawn by the caller from a cryptographic source. Never reuse them.
#[derive(Clone, Copy)]
pub struct KeyFileRandomness {
    /// The scrypt salt.
    pub salt: [u8; 16],
    /// The AES-256-GCM nonce.
    pub nonce: [u8; 12],
}

impl std::fmt::Debug for KeyFileRandomness {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("KeyFileRandomness")
    }
}

/// A passphrase for a new key file, typed twice and long enough ([`NewPassphrase::check`]).
pub struct NewPassphrase(String);

impl std::fmt::Debug for NewPassphrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassphrase")
    }
}

impl NewPassphrase {
    /// The passphrase, when both entries are the same and it has at least [`MIN_PASSPHRASE_CHARS`] characters. It
    /// is used exactly as typed (spaces, case and full-width characters count).
    ///
    /// # Errors
    /// [`PassphraseError`], whose `Display` is a Chinese sentence.
    pub fn check(first: &str, again: &str) -> Result<NewPassphrase, PassphraseError> {
        let count = first.chars().count();
        if count == 0 {
            return Err(PassphraseError::Empty);
        }
        if count < MIN_PASSPHRASE_CHARS {
            return Err(PassphraseError::TooShort(count));
        }
        if first != again {
            return Err(PassphraseError::Different);
        }
        Ok(NewPassphrase(first.to_owned()))
    }
}

/// Why a new passphrase is refused. `Display` is a Chinese message for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PassphraseError {
    /// Nothing typed.
    #[error("请设定口令：导出的密钥文件用这个口令加密，导入时要输入它。")]
    Empty,
    /// Fewer than [`MIN_PASSPHRASE_CHARS`] characters.
    #[error(
        "口令至少需要 {MIN_PASSPHRASE_CHARS} 个字符，现在只有 {0} 个。可以用一句好记、别人猜不到的话，汉字、字母、数字都可以。"
    )]
    TooShort(usize),
    /// The second entry differs from the first.
    #[error("两次输入的口令不一致，请重新输入。")]
    Different,
}

impl BundleKey {
    /// The key file, encrypted with `passphrase`: PEM of a PKCS#8 `EncryptedPrivateKeyInfo` (scrypt, AES-256-GCM),
    /// then lines of Chinese saying what it is. Deterministic for given randomness.
    ///
    /// # Errors
    /// [`KeyFileError::Encryption`] if the cryptographic libraries refuse (not expected with these parameters).
    pub fn to_encrypted_key_file(
        &self,
        passphrase: &NewPassphrase,
        randomness: KeyFileRandomness,
    ) -> Result<String, KeyFileError> {
        self.encrypted_key_file(passphrase, randomness, SCRYPT_LOG_N)
    }

    /// [`BundleKey::to_encrypted_key_file`] with scrypt's cost given (the tests use a low one to run fast).
    fn encrypted_key_file(
        &self,
        passphrase: &NewPassphrase,
        randomness: KeyFileRandomness,
        log_n: u8,
    ) -> Result<String, KeyFileError> {
        let failed = |_| KeyFileError::Encryption;
        let params = pkcs5::scrypt::Params::new(log_n, SCRYPT_R, SCRYPT_P).map_err(|_| KeyFileError::Encryption)?;
        let pbes2 = pbes2::Parameters::scrypt_aes256gcm(params, &randomness.salt, randomness.nonce).map_err(failed)?;
        let plain = self.signing_key().to_pkcs8_der().map_err(|_| KeyFileError::Encryption)?;
        let info = PrivateKeyInfoRef::try_from(plain.as_bytes()).map_err(|_| KeyFileError::Encryption)?;
        let encrypted =
            info.encrypt_with_params(pbes2, passphrase.0.as_bytes()).map_err(|_| KeyFileError::Encryption)?;
        let pem = encrypted.to_pem(KEY_FILE_PEM_LABEL, LineEnding::LF).map_err(|_| KeyFileError::Encryption)?;
        Ok(format!(
            "{}\n衔接推进区申报助手 签名密钥文件（私钥，已用口令加密）\n\
             公钥指纹：{}\n\
             {CREATED_LINE}{}\n\
             此文件能以本县名义为申报包签名，请像单位公章一样保管：存放在单位的U盘等处，口令另行保管；\
             不要随邮件发送，不要与申报包放在一起。\n\
             导入：在申报助手的「密钥与存储」中选择此文件，输入导出时设定的口令。\n",
            pem.as_str(),
            self.fingerprint(),
            self.created_at().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        ))
    }

    /// Reads a key file written by [`BundleKey::to_encrypted_key_file`] with its passphrase. The time the key was
    /// made is read from the text after the armour; when it is missing, `imported_at` is used.
    ///
    /// # Errors
    /// [`KeyFileError::WrongPassphrase`] when the passphrase is wrong or the encrypted part was changed (the two
    /// cannot be told apart: that is what authenticated encryption is for), [`KeyFileError::Damaged`] when the file
    /// is cut short or not PEM/DER, [`KeyFileError::UnsupportedEncryption`] for another scheme or too high a cost,
    /// [`KeyFileError::WrongKeyType`] / [`KeyFileError::Mismatch`] for another key type or a public key that does
    /// not belong to the private one.
    pub fn from_encrypted_key_file(
        text: &str,
        passphrase: &str,
        imported_at: DateTime<Utc>,
    ) -> Result<BundleKey, KeyFileError> {
        let block = armoured_block(text)?;
        let damaged = || KeyFileError::Damaged("加密内容的编码有误（可能被截断或改动过）".into());
        let (_, document) = pkcs8::Document::from_pem(block).map_err(|_| damaged())?;
        let info = EncryptedPrivateKeyInfoRef::try_from(document.as_bytes()).map_err(|_| damaged())?;
        check_scheme(&info.encryption_algorithm)?;
        let plain = info.decrypt(passphrase.as_bytes()).map_err(|error| match error {
            pkcs8::Error::EncryptedPrivateKey(pkcs5::Error::DecryptFailed) => KeyFileError::WrongPassphrase,
            pkcs8::Error::EncryptedPrivateKey(_) => KeyFileError::UnsupportedEncryption("加密参数无效".into()),
            _ => KeyFileError::Damaged("解密后的内容不是私钥".into()),
        })?;
        let info = PrivateKeyInfoRef::try_from(plain.as_bytes())
            .map_err(|_| KeyFileError::Damaged("解密后的内容不是私钥".into()))?;
        if info.algorithm.oid != ed25519_dalek::pkcs8::ALGORITHM_OID {
            return Err(KeyFileError::WrongKeyType { kty: info.algorithm.oid.to_string(), crv: String::new() });
        }
        let pair = KeypairBytes::try_from(info).map_err(|_| KeyFileError::Damaged("私钥的编码有误".into()))?;
        let key = BundleKey::from_secret_bytes(pair.secret_key, created_at(text).unwrap_or(imported_at));
        if pair.public_key.is_some_and(|public| public.to_bytes() != key.public_bytes()) {
            return Err(KeyFileError::Mismatch);
        }
        Ok(key)
    }

    /// The private key as an unencrypted PKCS#8 v1 `PrivateKeyInfo` (RFC 8410 §7, no public key): the form
    /// `crypto.subtle.importKey("pkcs8", …)` takes in every browser. Handle with care: it is the secret itself.
    ///
    /// # Errors
    /// [`KeyFileError::Encryption`] if the DER encoder refuses (not expected).
    pub fn to_pkcs8_v1_der(&self) -> Result<pkcs8::SecretDocument, KeyFileError> {
        let pair = KeypairBytes { secret_key: self.signing_key().to_bytes(), public_key: None };
        pair.to_pkcs8_der().map_err(|_| KeyFileError::Encryption)
    }
}

/// The PEM block of `ENCRYPTED PRIVATE KEY`, from its BEGIN line to its END line (text before and after skipped).
fn armoured_block(text: &str) -> Result<&str, KeyFileError> {
    let begin = format!("-----BEGIN {KEY_FILE_PEM_LABEL}-----");
    let end = format!("-----END {KEY_FILE_PEM_LABEL}-----");
    let start = text.find(&begin).ok_or(KeyFileError::NotAKeyFile)?;
    let length = text[start..].find(&end).ok_or_else(|| KeyFileError::Damaged(format!("缺少结尾行 {end}")))?;
    Ok(&text[start..start + length + end.len()])
}

/// Only what this tool writes is decrypted: PBES2 with scrypt (bounded cost) and AES-256-GCM.
fn check_scheme(scheme: &EncryptionScheme) -> Result<(), KeyFileError> {
    let unsupported = |what: &str| Err(KeyFileError::UnsupportedEncryption(what.to_owned()));
    let EncryptionScheme::Pbes2(params) = scheme else { return unsupported("PBES1") };
    let Some(scrypt) = params.kdf.scrypt() else { return unsupported("密钥派生函数不是 scrypt") };
    if !matches!(params.encryption, pbes2::EncryptionScheme::Aes256Gcm { .. }) {
        return unsupported("加密算法不是 AES-256-GCM");
    }
    let too_costly = scrypt.cost_parameter > 1 << MAX_SCRYPT_LOG_N
        || scrypt.block_size > MAX_SCRYPT_R
        || scrypt.parallelization > MAX_SCRYPT_P;
    if too_costly {
        return unsupported("scrypt 参数超出本工具允许的范围");
    }
    Ok(())
}

/// The time on the [`CREATED_LINE`] after the armour, if there is one and it reads.
fn created_at(text: &str) -> Option<DateTime<Utc>> {
    let line = text.lines().find_map(|line| line.trim().strip_prefix(CREATED_LINE))?;
    DateTime::parse_from_rfc3339(line.trim()).ok().map(|time| time.with_timezone(&Utc))
}

/// What kind of key file a text is, when it is one: what [`private_key_in`] recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyFileKind {
    /// A passphrase-encrypted key file (PEM `ENCRYPTED PRIVATE KEY`): import asks for the passphrase.
    Encrypted,
    /// A key file of an earlier version: the private key in the clear (JSON private JWK, or PEM `PRIVATE KEY`).
    Unencrypted,
}

/// A private key found where a bundle was expected (a county mailing its key file by mistake).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExposedKey {
    /// Whether it is passphrase-encrypted.
    pub kind: KeyFileKind,
    /// The fingerprint of its public key, when the file shows it (an unencrypted file always does; an encrypted one
    /// in the text after its armour, which is not protected).
    pub fingerprint: Option<String>,
}

/// The private key a file holds, if it is a key file: this tool's encrypted key file (or any PEM private key), a
/// key file of an earlier version (`"format": "shenbao-key"`), or any private JWK (a `"d"` member). `None` for
/// anything else, bundles and drafts included.
pub fn private_key_in(bytes: &[u8]) -> Option<ExposedKey> {
    let text = crate::json::file_text(bytes).ok()?;
    let trimmed = text.trim_start();
    if trimmed.starts_with("-----BEGIN ") {
        let first = trimmed.lines().next().unwrap_or_default();
        if !first.contains("PRIVATE KEY-----") {
            return None;
        }
        let encrypted = first.contains(KEY_FILE_PEM_LABEL);
        let fingerprint = text.lines().find_map(|line| line.trim().strip_prefix("公钥指纹：")).map(str::trim);
        return Some(ExposedKey {
            kind: if encrypted { KeyFileKind::Encrypted } else { KeyFileKind::Unencrypted },
            fingerprint: fingerprint.filter(|f| is_fingerprint(f)).map(str::to_owned),
        });
    }
    if !trimmed.starts_with('{') {
        return None;
    }
    let value: Value = serde_json::from_str(trimmed).ok()?;
    let is_key = value.get("format").and_then(Value::as_str) == Some(KEY_FILE_FORMAT)
        || (value.get("d").is_some() && value.get("kty").is_some());
    if !is_key {
        return None;
    }
    let public = value.get("x").and_then(Value::as_str).and_then(decode_32).map(|x| PublicJwk::from_bytes(&x));
    Some(ExposedKey { kind: KeyFileKind::Unencrypted, fingerprint: public.map(|jwk| jwk.fingerprint()) })
}

/// The kind of key file a text is, for the import: `None` when it is none of the kinds [`private_key_in`] knows.
pub fn key_file_kind(text: &str) -> Option<KeyFileKind> {
    private_key_in(text.as_bytes()).map(|found| found.kind)
}

/// What a reviewer is told about a key file found among bundles: the key may be exposed, and what the county does.
pub(crate) fn exposed_key_message(encrypted: bool, fingerprint: Option<&str>) -> String {
    let which = fingerprint.map(|f| format!("（公钥指纹 {f}）")).unwrap_or_default();
    let exposure = if encrypted {
        format!(
            "这是一个县的签名密钥文件{which}，不是申报包。文件虽已用口令加密，但已离开该县，口令如果较弱或也一同外传，\
             别人就能以该县名义签名：应按私钥可能泄露处理。"
        )
    } else {
        format!(
            "这是一个县的签名密钥文件{which}，不是申报包，而且私钥没有加密：拿到此文件的人都能以该县名义签名，\
             应按私钥已经泄露处理。"
        )
    };
    format!(
        "{exposure}请通知该县：在申报助手「密钥与存储」生成新的签名密钥，用新密钥重新导出申报包报送，\
         并在加盖公章的报送函上写明新的公钥指纹；今后不再接受旧指纹签名的申报包。请删除收到的密钥文件（包括邮件中的）。"
    )
}

/// Sixteen groups of four upper-case hex digits, as [`super::fingerprint_of`] writes.
fn is_fingerprint(text: &str) -> bool {
    let groups: Vec<&str> = text.split(' ').collect();
    groups.len() == 16 && groups.iter().all(|g| g.len() == 4 && g.chars().all(|c| c.is_ascii_hexdigit()))
}

#[cfg(test)]
#[path = "key_file_tests.rs"]
mod tests;
