//! Regression (found by QA): a finding's link must take the user to its field. Projects are folded to a summary line
//! (`src/pages/project_card.rs`), and their fields exist only while the card is open; a link such as
//! `#/drafts/<id>/projects?focus=projects[2].beneficiaries_lifted` (from the step's findings panel or from
//! 核对与导出) leaves the card folded and focus nowhere (on the link itself or `<body>`).
//!
//! Kept as a regression test now that it is fixed.
//!
//! Regression (found by QA): links whose target is a whole list (`villages`, `industries`, `projects`: 尚未添加覆盖村庄,
//! 尚未添加项目, and the 修改 of 有机结合的项目) focused nothing; they now focus the list's add button (or the list's
//! first control). And a link scrolled its field to the very top of the window, so a radio question's legend was
//! off screen: the field is now shown with its label or legend.

use shenbao_e2e::{Browser, Session, StaticServer, TestResult, browser_tests, dist_dir, field, workspace_dir};

browser_tests!(
    finding_link_opens_the_folded_project_and_focuses_the_field,
    links_to_a_whole_list_focus_its_add_button,
    link_to_a_question_shows_its_legend,
);

/// Clicks a link and waits until focus is on the element matching `css`.
async fn follow(s: &Session, link: &str, css: &str) -> TestResult {
    s.click(link).await?;
    s.wait_until(
        &format!(
            "const target = document.querySelector({css:?});
             return target !== null && document.activeElement === target"
        ),
        &format!("{link} to focus {css}"),
    )
    .await
}

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

async fn links_to_a_whole_list_focus_its_add_button(browser: Browser) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    let s = Session::start(browser).await?;
    let id = s.create_draft(&server.origin(), "空白草稿").await?;
    let origin = server.origin();

    // From the steps' findings panels (尚未添加…).
    s.go_to_step(&origin, &id, "villages").await?;
    follow(&s, "#findings a[href$='focus=villages']", "#add-village").await?;
    s.go_to_step(&origin, &id, "industries").await?;
    follow(&s, "#findings a[href$='focus=industries']", "#add-industry").await?;
    s.go_to_step(&origin, &id, "projects").await?;
    follow(&s, "#findings a[href$='focus=projects']", "[data-add-project]").await?;

    // From 核对与导出: the error summary and the 修改 links.
    s.go_to_step(&origin, &id, "review").await?;
    follow(&s, "#review-findings a[href$='focus=villages']", "#add-village").await?;
    s.go_to_step(&origin, &id, "review").await?;
    follow(&s, ".app-summary a[href$='focus=villages']", "#add-village").await?;
    s.go_to_step(&origin, &id, "review").await?;
    follow(&s, "#review-findings a[href$='focus=projects']", "[data-add-project]").await?;
    // 有机结合的项目 is the tick boxes of the industries step, not its list of industries.
    s.go_to_step(&origin, &id, "review").await?;
    follow(&s, ".app-summary a[href*='focus=linked_initiatives']", "input[id^='linked_initiatives.']").await?;
    s.close().await
}

async fn link_to_a_question_shows_its_legend(browser: Browser) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    let s = Session::start(browser).await?;
    let id = s.create_draft(&server.origin(), "空白草稿").await?;
    // A radio question (its first radio is the target; the legend above it), from 核对与导出 and from the step's own findings.
    for link in [
        "#review-findings a[href$='focus=governance.principal_leaders_deployed']",
        "#findings a[href$='focus=governance.principal_leaders_deployed']",
    ] {
        let page = if link.starts_with("#review") { "review" } else { "governance" };
        s.go_to_step(&server.origin(), &id, page).await?;
        s.eval("window.scrollTo(0, 0)").await?;
        follow(&s, link, &field("governance.principal_leaders_deployed")).await?;
        s.wait_until(
            "const legend = document.getElementById('governance.principal_leaders_deployed').closest('fieldset').querySelector('legend');
             const box = legend.getBoundingClientRect();
             return box.top >= 0 && box.bottom <= window.innerHeight",
            &format!("the question's legend to be in the window after {link}"),
        )
        .await?;
    }
    s.close().await
}
