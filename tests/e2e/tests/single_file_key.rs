//! Regression (found by QA): the single-file build opened from `file://` keeps the county's private signing key (and every draft) in
//! local storage, and every `file://` page shares that storage (seen in Chromium and in Firefox ESR with the
//! harness's profile; Chrome, Edge, 360 and QQ behave as Chromium). Any other local HTML file the user opens, such
//! as an attachment saved from an e-mail or a page saved from the web, can read the key ("whoever holds this file
//! can sign as the county", docs/bundle-format.md) and change or delete drafts, without any warning.
//!
//! Kept as a regression test now that it is fixed.

use shenbao_e2e::{Browser, Session, TestResult, browser_tests, dist_dir, file_url};

browser_tests!(another_local_page_cannot_read_the_signing_key);

const NAME: &str = "衔接推进区申报助手.html";

async fn another_local_page_cannot_read_the_signing_key(browser: Browser) -> TestResult {
    let app_folder = tempfile::Builder::new().prefix("shenbao-usb-").tempdir()?;
    let app = app_folder.path().join(NAME);
    std::fs::copy(dist_dir().join("single").join(NAME), &app)?;
    let other_folder = tempfile::Builder::new().prefix("mail-attachments-").tempdir()?;
    let other = other_folder.path().join("通知附件.html");
    std::fs::write(&other, "<!doctype html><meta charset=utf-8><title>附件</title><p>附件</p>")?;

    let s = Session::start(browser).await?;
    s.open(&format!("{}#/settings", file_url(&app))).await?;
    s.click("#generate-key").await?;
    s.wait_for("#key-fingerprint").await?;

    s.client().goto(&file_url(&other)).await?;
    let seen = s.eval("try { return localStorage.getItem('shenbao.signing-key'); } catch (e) { return null; }").await?;
    assert!(
        seen.is_null(),
        "an unrelated local HTML file read the county's private signing key: {}",
        seen.as_str().unwrap_or_default().chars().take(120).collect::<String>()
    );
    s.close().await
}
