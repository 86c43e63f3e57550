//! The county's signing key treated like the office seal (issue 18): the key file is encrypted with a passphrase
//! typed twice, imports only with it, and a wrong one changes nothing; where WebCrypto signs with Ed25519 the key is
//! a non-extractable `CryptoKey` (not in local storage, `exportKey` refused) and still signs the same bundles; a key
//! of an earlier version moves there with its fingerprint; 密钥与存储 says which protection is in force; a key file
//! dropped on 核验申报包 is reported as a key that may be exposed.

use std::path::Path;
use std::process::Command;

use serde_json::Value;
use shenbao_core::signing::BundleKey;
use shenbao_e2e::{
    Browser, KEY_PASSPHRASE, Session, StaticServer, TestResult, browser_tests, copy_dir, dist_dir, shenbao_cli, vector,
};

browser_tests!(
    the_first_export_makes_the_key_and_asks_to_back_it_up,
    key_file_is_encrypted_and_the_key_cannot_be_read,
    key_file_imports_only_with_its_passphrase,
    a_key_in_local_storage_moves_into_the_browser_key_store,
    an_old_unencrypted_key_file_still_imports_with_a_note,
    a_key_file_on_the_verify_page_is_reported_as_exposed,
    a_browser_without_ed25519_keeps_the_key_as_before_and_says_so,
);

type Error = Box<dyn std::error::Error + Send + Sync>;

/// Decrypts a downloaded key file with the core, as the app would.
fn decrypt(file: &Path, passphrase: &str) -> Result<BundleKey, Error> {
    let text = std::fs::read_to_string(file)?;
    Ok(BundleKey::from_encrypted_key_file(&text, passphrase, chrono::DateTime::UNIX_EPOCH)?)
}

/// Exports the complete sample's bundle from 核对与导出 and returns the fingerprint shown and the file.
async fn export_bundle(s: &Session, origin: &str) -> Result<(String, std::path::PathBuf), Error> {
    let id = s.import_draft(origin, &vector("drafts/complete.json")).await?;
    s.client().goto(&format!("{origin}/#/drafts/{id}/review")).await?;
    s.click("#export-bundle").await?;
    let fingerprint = s.text("#export-fingerprint").await?;
    Ok((fingerprint, s.downloaded("-衔接推进区申报-").await?))
}

/// `shenbao verify` on a bundle: it verifies, with this fingerprint.
fn verifies_with(file: &Path, fingerprint: &str) -> TestResult {
    let output = Command::new(shenbao_cli()).arg("verify").arg(file).output()?;
    let out = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success() && out.contains(fingerprint) && out.contains("签名有效"), "{out}");
    Ok(())
}

async fn the_first_export_makes_the_key_and_asks_to_back_it_up(browser: Browser) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    let s = Session::start(browser).await?;
    let (fingerprint, bundle) = export_bundle(&s, &server.origin()).await?;
    s.wait_for_text("#export-new-key-note", "关闭或刷新本页后就不能再导出").await?;
    verifies_with(&bundle, &fingerprint)?;
    // In the same page, 密钥与存储 offers the key file of the key just made.
    s.click("a[href=\"#/settings\"]").await?;
    s.wait_for_text("#key-fingerprint", &fingerprint).await?;
    s.wait_for("#key-backup-now").await?;
    let file = s.export_key_file(KEY_PASSPHRASE).await?;
    assert_eq!(decrypt(&file, KEY_PASSPHRASE)?.fingerprint(), fingerprint);
    s.close().await
}

async fn key_file_is_encrypted_and_the_key_cannot_be_read(browser: Browser) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    let s = Session::start(browser).await?;
    s.open(&format!("{}/#/settings", server.origin())).await?;
    s.click("#generate-key").await?;
    let fingerprint = s.text("#key-fingerprint").await?;
    let protection = s.text("#key-protection").await?;
    assert!(protection.contains("浏览器的安全存储") && protection.contains("无法读出私钥"), "{protection}");
    assert_eq!(s.eval("return document.getElementById('key-protection').dataset.protection").await?, "non-extractable");
    s.wait_for_text("#key-backup-now", "关闭或刷新本页后就不能再导出").await?;

    // The export says what the file is and asks for the passphrase twice, at least ten characters.
    s.click("#export-key").await?;
    let form = s.text("#export-key-form").await?;
    assert!(form.contains("电子公章") && form.contains("不要随邮件发送") && form.contains("U盘"), "{form}");
    s.type_into("#key-passphrase", "县乡村振兴局abc").await?;
    s.type_into("#key-passphrase-again", "县乡村振兴局abc").await?;
    s.click("#confirm-export-key").await?;
    s.wait_for_text("#key-passphrase-error", "至少需要 10 个字符，现在只有 9 个").await?;
    s.type_into("#key-passphrase", KEY_PASSPHRASE).await?;
    s.type_into("#key-passphrase-again", "平阴县乡村振兴局2023年").await?;
    s.click("#confirm-export-key").await?;
    s.wait_for_text("#key-passphrase-error", "两次输入的口令不一致").await?;
    assert!(std::fs::read_dir(&s.downloads)?.next().is_none(), "a key file was downloaded without a good passphrase");
    s.type_into("#key-passphrase", KEY_PASSPHRASE).await?;
    s.type_into("#key-passphrase-again", KEY_PASSPHRASE).await?;
    s.click("#confirm-export-key").await?;
    s.wait_for_text("#key-message", "不要随邮件发送").await?;
    let file = s.downloaded(".key").await?;

    // The file's name and first line say it is a key; its text holds no private key: decrypted by the core, it is
    // the key whose fingerprint the page shows.
    let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let short: String = fingerprint.chars().filter(|c| *c != ' ').take(8).collect();
    assert_eq!(name, format!("签名密钥-请勿外发-{short}.key"));
    let text = std::fs::read_to_string(&file)?;
    assert_eq!(text.lines().next(), Some("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
    let key = decrypt(&file, KEY_PASSPHRASE)?;
    assert_eq!(key.fingerprint(), fingerprint);
    let plain: Value = serde_json::from_str(&key.to_key_file())?;
    let secret = plain["d"].as_str().unwrap_or("none");
    assert!(!text.contains(secret), "the private key is in the file in the clear");
    assert!(decrypt(&file, "平阴县乡村振兴局2023年").is_err());

    // The key is not in local storage, and no script can export it from the browser's key store.
    assert!(s.eval("return localStorage.getItem('shenbao.signing-key')").await?.is_null());
    let stored = s.stored_crypto_key().await?;
    assert_eq!(stored["found"], true, "{stored}");
    assert_eq!(stored["extractable"], false, "{stored}");
    assert_eq!(stored["exported"], Value::Null, "{stored}");
    assert_eq!(stored["error"], "InvalidAccessError", "{stored}");
    assert_eq!(stored["usages"], serde_json::json!(["sign"]), "{stored}");

    // After a reload the key file can no longer be exported, and the page says why.
    s.reload().await?;
    s.wait_for_text("#key-fingerprint", &fingerprint).await?;
    s.wait_for_text("#key-not-exportable", "不能再导出").await?;
    assert!(s.eval("return document.getElementById('export-key') === null").await? == true);

    // A bundle signed with it verifies with the same fingerprint.
    let (signed_by, bundle) = export_bundle(&s, &server.origin()).await?;
    assert_eq!(signed_by, fingerprint);
    assert!(s.eval("return document.getElementById('export-new-key-note') === null").await? == true);
    verifies_with(&bundle, &fingerprint)?;
    s.close().await
}

async fn key_file_imports_only_with_its_passphrase(browser: Browser) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    let s = Session::start(browser).await?;
    s.open(&format!("{}/#/settings", server.origin())).await?;
    s.click("#generate-key").await?;
    let first = s.text("#key-fingerprint").await?;
    let file = s.export_key_file(KEY_PASSPHRASE).await?;

    // Another key (生成新的签名密钥 asks first), then the first one back from its file.
    s.click("#regenerate-key").await?;
    s.wait_for_text("#replace-key-warning", "替换").await?;
    s.click("#confirm-replace-key").await?;
    s.wait_until(
        &format!("const f = document.getElementById('key-fingerprint'); return !!f && f.textContent !== {first:?}"),
        "a new fingerprint",
    )
    .await?;
    let second = s.text("#key-fingerprint").await?;

    // A wrong passphrase says so and changes nothing; the question stays for another try.
    s.import_key_file(&file, "平阴县乡村振兴局2023年").await?;
    let message = s.wait_for_text("#key-message", "口令不正确").await?;
    assert!(message.contains("本机现有密钥没有改动"), "{message}");
    assert_eq!(s.text("#key-fingerprint").await?, second);
    assert!(s.eval("return document.getElementById('replace-key-warning') === null").await? == true);
    s.wait_focus("#import-passphrase").await?;

    // The right one: the usual question before replacing, then the first fingerprint.
    s.type_into("#import-passphrase", KEY_PASSPHRASE).await?;
    s.click("#confirm-import-key").await?;
    let warning = s.wait_for_text("#replace-key-warning", &first).await?;
    assert!(warning.contains("替换"), "{warning}");
    s.click("#confirm-replace-key").await?;
    s.wait_for_text("#key-fingerprint", &first).await?;
    s.wait_for_text("#key-message", "已导入签名密钥").await?;
    // Imported in this page: its key file can be exported again until the page closes.
    s.wait_for("#export-key").await?;

    // A file that is not a key is refused and changes nothing.
    s.upload("#import-key", &vector("drafts/complete.json")).await?;
    s.wait_for_text("#key-message", "这不是本工具的密钥文件").await?;
    assert_eq!(s.text("#key-fingerprint").await?, first);
    let (signed_by, _) = export_bundle(&s, &server.origin()).await?;
    assert_eq!(signed_by, first);
    s.close().await
}

async fn a_key_in_local_storage_moves_into_the_browser_key_store(browser: Browser) -> TestResult {
    // The key of an earlier version, in the clear in local storage.
    let key = BundleKey::from_secret_bytes([11; 32], chrono::DateTime::UNIX_EPOCH);
    let server = StaticServer::start(&dist_dir())?;
    let s = Session::start(browser).await?;
    s.open(&format!("{}/#/", server.origin())).await?;
    s.client()
        .execute(
            "localStorage.setItem('shenbao.signing-key', arguments[0]); return true",
            vec![Value::String(key.to_key_file())],
        )
        .await?;
    s.open(&format!("{}/#/settings", server.origin())).await?;
    s.wait_for_text("#key-fingerprint", &key.fingerprint()).await?;
    s.wait_for_text("#key-backup-now", "已转入浏览器的安全存储").await?;
    s.wait_until("return localStorage.getItem('shenbao.signing-key') === null", "the key to leave local storage")
        .await?;
    let stored = s.stored_crypto_key().await?;
    assert_eq!((stored["found"].clone(), stored["error"].clone()), (Value::Bool(true), "InvalidAccessError".into()));
    // The moved key can be exported once, in this page, and is the same key.
    let file = s.export_key_file(KEY_PASSPHRASE).await?;
    assert_eq!(decrypt(&file, KEY_PASSPHRASE)?.fingerprint(), key.fingerprint());
    let (signed_by, bundle) = export_bundle(&s, &server.origin()).await?;
    assert_eq!(signed_by, key.fingerprint());
    verifies_with(&bundle, &key.fingerprint())?;
    s.close().await
}

async fn an_old_unencrypted_key_file_still_imports_with_a_note(browser: Browser) -> TestResult {
    let key = BundleKey::from_secret_bytes([12; 32], chrono::DateTime::UNIX_EPOCH);
    let folder = tempfile::tempdir()?;
    let old = folder.path().join("衔接推进区申报助手-签名密钥-OLD.json");
    std::fs::write(&old, key.to_key_file())?;
    let server = StaticServer::start(&dist_dir())?;
    let s = Session::start(browser).await?;
    s.open(&format!("{}/#/settings", server.origin())).await?;
    s.wait_for("#no-key").await?;
    s.upload("#import-key", &old).await?;
    s.wait_for_text("#key-fingerprint", &key.fingerprint()).await?;
    let note = s.wait_for_text("#key-message", "未加密").await?;
    assert!(note.contains("导出密钥文件") && note.contains("删除旧文件"), "{note}");
    assert!(s.eval("return localStorage.getItem('shenbao.signing-key')").await?.is_null());
    let file = s.export_key_file(KEY_PASSPHRASE).await?;
    assert_eq!(decrypt(&file, KEY_PASSPHRASE)?.fingerprint(), key.fingerprint());
    s.close().await
}

async fn a_key_file_on_the_verify_page_is_reported_as_exposed(browser: Browser) -> TestResult {
    let key = BundleKey::from_secret_bytes([13; 32], chrono::DateTime::UNIX_EPOCH);
    let folder = tempfile::tempdir()?;
    let old = folder.path().join("衔接推进区申报助手-签名密钥-OLD.json");
    std::fs::write(&old, key.to_key_file())?;
    let server = StaticServer::start(&dist_dir())?;
    let s = Session::start(browser).await?;
    // A key file exported by the app, as a county would mail it.
    s.open(&format!("{}/#/settings", server.origin())).await?;
    s.click("#generate-key").await?;
    let fingerprint = s.text("#key-fingerprint").await?;
    let new = s.export_key_file(KEY_PASSPHRASE).await?;

    s.open(&format!("{}/#/verify", server.origin())).await?;
    for (file, fingerprint, exposure) in [(&new, fingerprint, "可能泄露"), (&old, key.fingerprint(), "已经泄露")]
    {
        s.upload("#bundle-file", file).await?;
        let result = s.wait_for_text("#verify-result", "签名密钥文件").await?;
        assert_eq!(s.eval("return document.getElementById('verify-result').dataset.ok").await?, "false");
        assert!(result.contains(exposure) && result.contains(&fingerprint), "{result}");
        assert!(result.contains("生成新的签名密钥") && result.contains("通知该县"), "{result}");
        assert!(!result.contains("这不是申报包"), "{result}");
    }
    s.close().await
}

/// An older browser (Chromium before 137, Firefox before 129): WebCrypto knows no Ed25519. The browsers installed
/// here all do, so the built app is served with one script added before it that makes `importKey` refuse Ed25519
/// as those browsers do (`NotSupportedError`); nothing else changes. The key is then kept as before (local
/// storage), the page says so, and the key file is still encrypted and can be exported at any time.
async fn a_browser_without_ed25519_keeps_the_key_as_before_and_says_so(browser: Browser) -> TestResult {
    let site = tempfile::tempdir()?;
    copy_dir(&dist_dir(), site.path())?;
    std::fs::write(
        site.path().join("no-ed25519.js"),
        "const importKey = SubtleCrypto.prototype.importKey;
         SubtleCrypto.prototype.importKey = function (format, data, algorithm, ...rest) {
           const name = typeof algorithm === 'string' ? algorithm : algorithm && algorithm.name;
           if (String(name).toLowerCase() === 'ed25519') {
             return Promise.reject(new DOMException('Algorithm: Unrecognized name', 'NotSupportedError'));
           }
           return importKey.call(this, format, data, algorithm, ...rest);
         };",
    )?;
    let index = site.path().join("index.html");
    let html = std::fs::read_to_string(&index)?;
    std::fs::write(&index, html.replacen("<head>", "<head><script src=\"no-ed25519.js\"></script>", 1))?;
    let server = StaticServer::start(site.path())?;
    let s = Session::start(browser).await?;
    s.open(&format!("{}/#/settings", server.origin())).await?;
    s.click("#generate-key").await?;
    let fingerprint = s.text("#key-fingerprint").await?;
    assert_eq!(s.eval("return document.getElementById('key-protection').dataset.protection").await?, "local-storage");
    assert!(s.text("#key-protection").await?.contains("未加密地保存在浏览器的本地存储中"));
    let stored = s.eval("return localStorage.getItem('shenbao.signing-key')").await?;
    let stored = BundleKey::from_key_file(stored.as_str().unwrap_or_default())?;
    assert_eq!(stored.fingerprint(), fingerprint);
    assert_eq!(s.stored_crypto_key().await?["found"], false);
    // The key file is encrypted all the same, and can be exported after a reload too.
    s.reload().await?;
    s.wait_for_text("#key-fingerprint", &fingerprint).await?;
    assert!(s.eval("return document.getElementById('key-not-exportable') === null").await? == true);
    let file = s.export_key_file(KEY_PASSPHRASE).await?;
    assert_eq!(decrypt(&file, KEY_PASSPHRASE)?.fingerprint(), fingerprint);
    let (signed_by, bundle) = export_bundle(&s, &server.origin()).await?;
    assert_eq!(signed_by, fingerprint);
    verifies_with(&bundle, &fingerprint)?;
    s.close().await
}
