//! Regression (found by QA): a finding's link must take the user to its field. Projects are folded to a summary line
//! (`src/pages/project_card.rs`), and their fields exist only while the card is open; a link such as
//! `#/drafts/<id>/projects?focus=projects[2].beneficiaries_lifted` (from the step's findings panel or from
//! 核对与导出) leaves the card folded and focus nowhere (on the link itself or `<body>`).
//!
//! Kept as a regression test now that it is fixed.

use shenbao_e2e::{Browser, Session, StaticServer, TestResult, browser_tests, dist_dir, field, workspace_dir};

browser_tests!(finding_link_opens_the_folded_project_and_focuses_the_field);

async fn finding_link_opens_the_folded_project_and_focuses_the_field(browser: Browser) -> TestResult {
    // complete.json with project 3's lifted beneficiaries above its total: one blocking finding on a project field.
    let mut draft: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(workspace_dir().join("tests/vectors/drafts/complete.json"))?)?;
    draft["application"]["projects"][2]["beneficiaries_lifted"] = serde_json::json!(99999);
    let folder = tempfile::tempdir()?;
    let file = folder.path().join("project-finding.json");
    std::fs::write(&file, serde_json::to_string_pretty(&draft)?)?;

    let server = StaticServer::start(&dist_dir())?;
    let s = Session::start(browser).await?;
    let id = s.import_draft(&server.origin(), &file).await?;

    // From 核对与导出.
    s.go_to_step(&server.origin(), &id, "review").await?;
    s.click("#review-findings a[href*='projects%5B2%5D.beneficiaries_lifted']").await?;
    s.wait_until(
        "return document.activeElement && document.activeElement.id === 'projects[2].beneficiaries_lifted'",
        "the folded project's field to open and take focus (from 核对与导出)",
    )
    .await?;

    // From the step's own findings panel, after folding the card again.
    s.click("[id=\"projects[2]-toggle\"]").await?;
    s.wait_gone(&field("projects[2].beneficiaries_lifted")).await?;
    s.click("#findings a[href*='projects%5B2%5D.beneficiaries_lifted']").await?;
    s.wait_until(
        "return document.activeElement && document.activeElement.id === 'projects[2].beneficiaries_lifted'",
        "the folded project's field to open and take focus (from the findings panel)",
    )
    .await?;
    s.close().await
}
