//! Files from outside, in the browser: a file over the size limit is refused at once with a Chinese message
//! wherever a draft or a bundle is read (dropped or picked on 核验申报包, 导入 on the start page); an attachment,
//! which is hashed and not parsed, has no such limit; and 核验申报包 shows bidi and zero-width characters of a
//! bundle's text as `\u{…}`, so that `\u{202e}fdp.exe` cannot pass for `exe.pdf`.

use shenbao_core::bundle::{Attachment, Bundle};
use shenbao_core::limits::MAX_FILE_BYTES;
use shenbao_core::signing::{BundleKey, sign_bundle};
use shenbao_e2e::{Browser, Session, StaticServer, TestResult, browser_tests, dist_dir, vector};

browser_tests!(
    a_file_over_the_limit_is_refused_at_once_with_a_chinese_message,
    an_attachment_over_the_limit_is_hashed_not_refused,
    the_verify_page_shows_hidden_characters_of_the_bundle_as_text,
);

type Error = Box<dyn std::error::Error + Send + Sync>;

const TOO_LARGE: &str = "文件太大（20 MB），超过 20 MB 的上限，没有读取。";

/// Drops files made in the page (`[name, text]`, or `[name, size]` for that many zero bytes) on the drop zone.
async fn drop_files(s: &Session, files: serde_json::Value) -> TestResult {
    s.client()
        .execute(
            "const transfer = new DataTransfer();
             for (const [name, content] of arguments[0]) {
                 const bytes = typeof content === 'number' ? new Uint8Array(content) : content;
                 transfer.items.add(new File([bytes], name, { type: 'application/json' }));
             }
             const zone = document.getElementById('drop-zone');
             zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));",
            vec![files],
        )
        .await?;
    Ok(())
}

/// A sparse file one byte over the limit: no disk space, no time to make.
fn oversized(folder: &std::path::Path, name: &str) -> Result<std::path::PathBuf, Error> {
    let path = folder.join(name);
    std::fs::File::create(&path)?.set_len(MAX_FILE_BYTES + 1)?;
    Ok(path)
}

async fn a_file_over_the_limit_is_refused_at_once_with_a_chinese_message(browser: Browser) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    let s = Session::start(browser).await?;
    s.open(&format!("{}/#/verify", server.origin())).await?;
    s.wait_for("#bundle-file").await?;
    // Dropped: 20 MB and one byte of zeros, which the page would otherwise read and parse before failing.
    drop_files(&s, serde_json::json!([["大文件.json", MAX_FILE_BYTES + 1]])).await?;
    let result = s.wait_for_text("#verify-result", TOO_LARGE).await?;
    assert!(result.starts_with("核验未通过：文件太大"), "{result}");
    // Picked from the disk.
    let folder = tempfile::tempdir()?;
    let big = oversized(folder.path(), "申报包.json")?;
    s.upload("#bundle-file", &big).await?;
    s.wait_for_text("#verify-report h2", "申报包.json").await?;
    s.wait_for_text("#verify-result", TOO_LARGE).await?;
    // 导入 on the start page: refused, and nothing imported.
    s.open(&format!("{}/", server.origin())).await?;
    s.upload("#import-file", &big).await?;
    let message = s.wait_for_text("#import-error", TOO_LARGE).await?;
    assert!(message.contains("本机已有的草稿没有任何改动"), "{message}");
    assert_eq!(s.eval("return localStorage.getItem('shenbao.drafts')").await?, serde_json::Value::Null);
    s.close().await
}

async fn an_attachment_over_the_limit_is_hashed_not_refused(browser: Browser) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    let s = Session::start(browser).await?;
    let id = s.import_draft(&server.origin(), &vector("drafts/complete.json")).await?;
    s.client().goto(&format!("{}/#/drafts/{id}/review", server.origin())).await?;
    let folder = tempfile::tempdir()?;
    // A scan of 25 MB: over the limit for drafts and bundles, an ordinary size for an attachment.
    let size = 25 * 1024 * 1024;
    let scan = folder.path().join("实施方案扫描件.pdf");
    std::fs::File::create(&scan)?.set_len(size)?;
    s.upload("#attachment-files", &scan).await?;
    s.wait_for_text("#attachment-list", "实施方案扫描件.pdf").await?;
    let expected = Attachment::of("实施方案扫描件.pdf", &vec![0; usize::try_from(size)?]);
    let draft = s.stored_draft(&id).await?;
    assert_eq!(draft["attachments"][0]["size"], size);
    assert_eq!(draft["attachments"][0]["sha256"], expected.sha256.as_str());
    s.close().await
}

/// The golden bundle with an attachment named `\u{202e}fdp.exe` (shown as `exe.pdf` by a bidi-aware renderer) and
/// a zero-width space in the contact person's name, signed again by a test key: it verifies.
fn bundle_with_hidden_characters() -> Result<String, Error> {
    let mut bundle: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(vector("bundles/valid-pingyin.json"))?)?;
    bundle["application"]["applicant"]["contact_person"] = "王\u{200b}某某".into();
    let mut bundle: Bundle = serde_json::from_value(bundle)?;
    bundle.attachments.push(Attachment::of("\u{202e}fdp.exe", b"MZ"));
    let key = BundleKey::from_secret_bytes([7; 32], bundle.created_at);
    Ok(sign_bundle(bundle, &key)?.to_json())
}

async fn the_verify_page_shows_hidden_characters_of_the_bundle_as_text(browser: Browser) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    let s = Session::start(browser).await?;
    s.open(&format!("{}/#/verify", server.origin())).await?;
    s.wait_for("#bundle-file").await?;
    drop_files(&s, serde_json::json!([["\u{202e}nosj.申报包.json", bundle_with_hidden_characters()?]])).await?;
    s.wait_for_text("#verify-result", "签名有效").await?;
    assert_eq!(s.text("#verify-report h2").await?, "文件：\\u{202e}nosj.申报包.json");
    let cell = s.text("[data-attachment=\"\u{202e}fdp.exe\"] td:first-child").await?;
    assert_eq!(cell, "\\u{202e}fdp.exe");
    let application = s.text("#verify-application").await?;
    assert!(application.contains("王\\u{200b}某某"), "{application}");
    // No hidden character reaches the page's text at all.
    let hidden = s
        .eval(
            "return [...document.body.innerText].filter((c) => /[\\u202a-\\u202e\\u2066-\\u2069\\u200b-\\u200f\\ufeff]/.test(c)).length;",
        )
        .await?;
    assert_eq!(hidden, 0);
    s.close().await
}
