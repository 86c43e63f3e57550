//! Regression (found by QA): after an export, adding an attachment (or changing an answer) left the banner saying
//! the bundle was exported, though the file already downloaded lacks the change. The banner now says it is out of
//! date until the next export.

use shenbao_e2e::{Browser, Session, StaticServer, TestResult, browser_tests, dist_dir, vector};

browser_tests!(the_export_banner_says_when_the_download_is_out_of_date);

async fn the_export_banner_says_when_the_download_is_out_of_date(browser: Browser) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    let origin = server.origin();
    let s = Session::start(browser).await?;
    let id = s.import_draft(&origin, &vector("drafts/complete.json")).await?;
    s.go_to_step(&origin, &id, "review").await?;
    s.click("#export-bundle").await?;
    s.wait_for("#export-done").await?;
    s.downloaded("衔接推进区申报-").await?;
    assert!(s.eval("return document.getElementById('export-stale') === null").await? == true);

    let folder = tempfile::tempdir()?;
    let attachment = folder.path().join("实施规划.pdf");
    std::fs::write(&attachment, b"%PDF-1.4 scan")?;
    s.upload("#attachment-files", &attachment).await?;
    s.wait_for_text("#attachment-list", "实施规划.pdf").await?;
    s.wait_for_text("#export-stale", "请重新导出").await?;

    s.click("#export-bundle").await?;
    s.wait_gone("#export-stale").await?;
    s.wait_for("#export-done").await?;
    s.close().await
}
