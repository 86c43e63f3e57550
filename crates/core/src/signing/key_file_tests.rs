//! Tests of the encrypted key file (`key_file.rs`): round trip, wrong passphrase, damaged and changed files, the
//! passphrase rules at their threshold, and key files recognised where a bundle is expected.

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use pkcs8::der::EncodePem;

use super::*;
use crate::signing::{VerifyFailure, verify_bundle_bytes};

const PASSPHRASE: &str = "平阴县乡村振兴局2022";

fn at(text: &str) -> DateTime<Utc> {
    text.parse().expect("a timestamp")
}

fn key() -> BundleKey {
    BundleKey::from_secret_bytes([7; 32], at("2022-12-01T08:00:00Z"))
}

fn randomness() -> KeyFileRandomness {
    KeyFileRandomness { salt: [0x5a; 16], nonce: [0xa5; 12] }
}

fn passphrase(text: &str) -> NewPassphrase {
    NewPassphrase::check(text, text).expect("a good passphrase")
}

/// The key file at a low scrypt cost (2^10), so that the many tests below run in milliseconds; reading it takes
/// the cost from the file. One test uses the real cost.
fn cheap_file() -> String {
    key().encrypted_key_file(&passphrase(PASSPHRASE), randomness(), 10).expect("encrypted")
}

fn import(text: &str, passphrase: &str) -> Result<BundleKey, KeyFileError> {
    BundleKey::from_encrypted_key_file(text, passphrase, at("2030-01-01T00:00:00Z"))
}

/// The encrypted structure of a key file.
fn structure(text: &str) -> EncryptedPrivateKeyInfoOwned {
    let (_, document) = pkcs8::Document::from_pem(armoured_block(text).expect("armour")).expect("pem");
    let info = EncryptedPrivateKeyInfoRef::try_from(document.as_bytes()).expect("der");
    EncryptedPrivateKeyInfoOwned {
        encryption_algorithm: info.encryption_algorithm.clone(),
        encrypted_data: pkcs8::der::asn1::OctetString::new(info.encrypted_data.as_bytes()).expect("octets"),
    }
}

/// The file with its encrypted structure changed by `edit`, armoured again (the text after the armour dropped).
fn edited(edit: impl FnOnce(&mut EncryptedPrivateKeyInfoOwned)) -> String {
    let mut info = structure(&cheap_file());
    edit(&mut info);
    info.to_pem(LineEnding::LF).expect("pem")
}

#[test]
fn the_key_file_round_trips_at_the_real_cost() {
    let text = key().to_encrypted_key_file(&passphrase(PASSPHRASE), randomness()).expect("encrypted");
    assert!(text.starts_with("-----BEGIN ENCRYPTED PRIVATE KEY-----\n"), "{text}");
    let again = import(&text, PASSPHRASE).expect("decrypted");
    assert_eq!(again.public_jwk(), key().public_jwk());
    assert_eq!(again.created_at(), key().created_at());
    // The cost written is the one documented.
    let info = structure(&text);
    let EncryptionScheme::Pbes2(params) = &info.encryption_algorithm else { panic!("not PBES2") };
    let scrypt = params.kdf.scrypt().expect("scrypt");
    assert_eq!((scrypt.cost_parameter, scrypt.block_size, scrypt.parallelization), (1 << 17, 8, 1));
    assert!(matches!(params.encryption, pbes2::EncryptionScheme::Aes256Gcm { nonce } if nonce == [0xa5; 12]));
}

#[test]
fn the_file_says_what_it_is_and_holds_no_key_in_the_clear() {
    let text = cheap_file();
    assert_eq!(text, cheap_file(), "deterministic for given randomness");
    assert_eq!(text.lines().next(), Some("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
    assert!(text.contains("签名密钥文件（私钥，已用口令加密）"), "{text}");
    assert!(text.contains(&format!("公钥指纹：{}", key().fingerprint())), "{text}");
    assert!(text.contains("生成时间：2022-12-01T08:00:00Z"), "{text}");
    assert!(text.contains("不要随邮件发送"), "{text}");
    let secret = [7u8; 32];
    let plain_der = key().to_pkcs8_v1_der().expect("der");
    for form in [
        URL_SAFE_NO_PAD.encode(secret),
        STANDARD.encode(secret),
        hex::encode(secret),
        STANDARD.encode(plain_der.as_bytes()),
    ] {
        assert!(!text.contains(&form[..24]), "the secret key is readable in the file: {form}");
    }
    // Nor is it hidden in the DER: the encrypted data does not contain the 32 secret bytes.
    let info = structure(&text);
    assert!(!info.encrypted_data.as_bytes().windows(32).any(|w| w == secret));
}

#[test]
fn a_wrong_passphrase_is_refused_in_chinese() {
    let error = import(&cheap_file(), "平阴县乡村振兴局2023").unwrap_err();
    assert_eq!(error, KeyFileError::WrongPassphrase);
    assert!(error.to_string().starts_with("口令不正确"), "{error}");
    // Full-width digits are other characters: the passphrase is used exactly as typed.
    assert_eq!(import(&cheap_file(), "平阴县乡村振兴局２０２２").unwrap_err().code(), "wrong_passphrase");
    assert_eq!(import(&cheap_file(), "").unwrap_err().code(), "wrong_passphrase");
}

#[test]
fn a_cut_or_changed_file_is_refused_in_chinese() {
    let text = cheap_file();
    // Cut short in the middle of the armour.
    let cut = &text[..text.len() / 3];
    let error = import(cut, PASSPHRASE).unwrap_err();
    assert_eq!(error.code(), "damaged", "{error}");
    assert!(error.to_string().starts_with("密钥文件不完整或已损坏：缺少结尾行"), "{error}");
    // A line of the armour lost.
    let mut lines: Vec<&str> = text.lines().collect();
    lines.remove(2);
    assert_eq!(import(&lines.join("\n"), PASSPHRASE).unwrap_err().code(), "damaged");
    // One byte of the ciphertext, the salt or the nonce changed: authenticated encryption refuses.
    let flipped = edited(|info| {
        let mut data = info.encrypted_data.as_bytes().to_vec();
        data[5] ^= 1;
        info.encrypted_data = pkcs8::der::asn1::OctetString::new(data).expect("octets");
    });
    assert_eq!(import(&flipped, PASSPHRASE).unwrap_err(), KeyFileError::WrongPassphrase);
    let other_nonce = edited(|info| {
        if let EncryptionScheme::Pbes2(params) = &mut info.encryption_algorithm {
            params.encryption = pbes2::EncryptionScheme::Aes256Gcm { nonce: [0xa4; 12] };
        }
    });
    assert_eq!(import(&other_nonce, PASSPHRASE).unwrap_err(), KeyFileError::WrongPassphrase);
    // The untouched file still opens (the edits above did not go through the same path by accident).
    assert!(import(&edited(|_| {}), PASSPHRASE).is_ok());
    // Not a key file at all.
    assert_eq!(import("{\"format\": \"shenbao-bundle\"}", PASSPHRASE).unwrap_err(), KeyFileError::NotAKeyFile);
}

#[test]
fn a_costly_or_foreign_scheme_is_refused_before_deriving() {
    // A cost of 2^20 would take a gigabyte: refused at once, before scrypt runs.
    let costly = edited(|info| {
        if let EncryptionScheme::Pbes2(params) = &mut info.encryption_algorithm
            && let pbes2::Kdf::Scrypt(scrypt) = &mut params.kdf
        {
            scrypt.cost_parameter = 1 << 20;
        }
    });
    let error = import(&costly, PASSPHRASE).unwrap_err();
    assert_eq!(error.code(), "unsupported_encryption", "{error}");
    assert!(error.to_string().contains("scrypt 参数超出"), "{error}");
    // At the highest cost allowed, the file is read (and fails only on its wrong key).
    let highest = edited(|info| {
        if let EncryptionScheme::Pbes2(params) = &mut info.encryption_algorithm
            && let pbes2::Kdf::Scrypt(scrypt) = &mut params.kdf
        {
            scrypt.cost_parameter = 1 << 11;
        }
    });
    assert_eq!(import(&highest, PASSPHRASE).unwrap_err(), KeyFileError::WrongPassphrase);
    // PBKDF2 with AES-256-CBC, as other tools write: not this tool's scheme.
    let pbkdf2 = pbes2::Parameters::generate_pbkdf2_sha256_aes256cbc(1000, &[1; 16], [2; 16]).expect("params");
    let plain = key().signing_key().to_pkcs8_der().expect("der");
    let info = PrivateKeyInfoRef::try_from(plain.as_bytes()).expect("info");
    let document = info.encrypt_with_params(pbkdf2, PASSPHRASE).expect("encrypted");
    let foreign = document.to_pem(KEY_FILE_PEM_LABEL, LineEnding::LF).expect("pem");
    assert!(import(&foreign, PASSPHRASE).unwrap_err().to_string().contains("不是 scrypt"));
}

#[test]
fn the_time_comes_from_the_file_or_else_the_import() {
    let armour_only = armoured_block(&cheap_file()).expect("armour").to_owned();
    assert_eq!(import(&armour_only, PASSPHRASE).expect("key").created_at(), at("2030-01-01T00:00:00Z"));
    let with_bom = format!("\u{feff}{}", cheap_file());
    assert_eq!(import(&with_bom, PASSPHRASE).expect("key").created_at(), key().created_at());
    let windows = cheap_file().replace('\n', "\r\n");
    assert_eq!(import(&windows, PASSPHRASE).expect("key").public_jwk(), key().public_jwk());
}

#[test]
fn a_new_passphrase_needs_ten_characters_typed_twice() {
    assert_eq!(NewPassphrase::check("", "").unwrap_err(), PassphraseError::Empty);
    let nine = "县乡村振兴局abc";
    assert_eq!(nine.chars().count(), 9);
    let error = NewPassphrase::check(nine, nine).unwrap_err();
    assert_eq!(error, PassphraseError::TooShort(9));
    assert!(error.to_string().starts_with("口令至少需要 10 个字符，现在只有 9 个"), "{error}");
    assert!(NewPassphrase::check("县乡村振兴局abcd", "县乡村振兴局abcd").is_ok(), "ten");
    assert!(NewPassphrase::check("县乡村振兴局abcde", "县乡村振兴局abcde").is_ok(), "eleven");
    assert_eq!(NewPassphrase::check("县乡村振兴局abcd", "县乡村振兴局abce").unwrap_err(), PassphraseError::Different);
    assert!(!format!("{:?}", passphrase(PASSPHRASE)).contains("平阴"), "Debug hides the passphrase");
}

#[test]
fn the_webcrypto_form_is_rfc_8410() {
    let der = key().to_pkcs8_v1_der().expect("der");
    assert_eq!(hex::encode(der.as_bytes()), format!("302e020100300506032b657004220420{}", hex::encode([7u8; 32])));
}

#[test]
fn key_files_are_recognised_where_a_bundle_is_expected() {
    let fingerprint = key().fingerprint();
    let encrypted = private_key_in(cheap_file().as_bytes()).expect("a key");
    assert_eq!(encrypted, ExposedKey { kind: KeyFileKind::Encrypted, fingerprint: Some(fingerprint.clone()) });
    let legacy = private_key_in(key().to_key_file().as_bytes()).expect("a key");
    assert_eq!(legacy, ExposedKey { kind: KeyFileKind::Unencrypted, fingerprint: Some(fingerprint.clone()) });
    let jwk = format!("{{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"d\":\"{}\"}}", URL_SAFE_NO_PAD.encode([7u8; 32]));
    assert_eq!(private_key_in(jwk.as_bytes()).map(|k| k.kind), Some(KeyFileKind::Unencrypted));
    let pem = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIAcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcH\n-----END PRIVATE KEY-----\n";
    assert_eq!(private_key_in(pem.as_bytes()).map(|k| k.kind), Some(KeyFileKind::Unencrypted));
    let vectors = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/vectors");
    for file in ["bundles/valid-pingyin.json", "drafts/complete.json"] {
        let bytes = std::fs::read(vectors.join(file)).expect("a golden file");
        assert_eq!(private_key_in(&bytes), None, "{file}");
    }
    assert_eq!(private_key_in(b"-----BEGIN CERTIFICATE-----\n"), None);
    assert_eq!(key_file_kind(&cheap_file()), Some(KeyFileKind::Encrypted));

    for (bytes, encrypted) in [(cheap_file(), true), (key().to_key_file(), false)] {
        let report = verify_bundle_bytes(bytes.as_bytes());
        let Some(VerifyFailure::PrivateKeyFile { encrypted: found, fingerprint: shown }) = &report.failure else {
            panic!("{:?}", report.failure)
        };
        assert_eq!((*found, shown.as_deref()), (encrypted, Some(fingerprint.as_str())));
        let message = report.failure.as_ref().map(ToString::to_string).unwrap_or_default();
        assert!(message.contains("签名密钥文件") && message.contains(&fingerprint), "{message}");
        assert!(message.contains("生成新的签名密钥") && message.contains("新的公钥指纹"), "{message}");
        assert!(message.contains(if encrypted { "可能泄露" } else { "已经泄露" }), "{message}");
        assert_eq!(report.failure.as_ref().map(VerifyFailure::code), Some("private_key_file"));
    }
}
