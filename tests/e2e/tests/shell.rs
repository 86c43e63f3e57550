//! The chain from build to browser: wasm loads, the reactive UI answers, local storage keeps what was typed.

use shenbao_e2e::{Browser, Session, StaticServer, TestResult, browser_tests, dist_dir};

browser_tests!(typed_value_survives_reload, start_page_lists_the_steps, a_new_page_takes_focus_on_its_heading);

async fn typed_value_survives_reload(browser: Browser) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    let session = Session::start(browser).await?;
    let id = session.create_draft(&server.origin(), "沂南县第二批申报").await?;
    session.fill("draft-name", "沂南县第二批衔接推进区申报").await?;
    session.reload().await?;
    assert_eq!(session.value("[id=\"draft-name\"]").await?, "沂南县第二批衔接推进区申报");
    // Written through gloo-storage as the draft's JSON.
    assert_eq!(session.stored_draft(&id).await?["name"], "沂南县第二批衔接推进区申报");
    session.close().await
}

async fn start_page_lists_the_steps(browser: Browser) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    let session = Session::start(browser).await?;
    session.open(&format!("{}/", server.origin())).await?;
    assert_eq!(session.client().title().await?, "衔接推进区申报助手");
    let steps = session.text("#steps").await?;
    for step in [
        "申报县基本情况",
        "覆盖村庄",
        "特色产业",
        "建设内容与项目清单",
        "资金筹措",
        "组织保障",
        "承诺事项",
        "核对与导出",
    ] {
        assert!(steps.contains(step), "{step} missing from {steps}");
    }
    let footer = session.text(".app-footer").await?;
    assert!(footer.contains("鲁乡振发〔2022〕26号"), "{footer}");
    assert!(footer.contains(env!("CARGO_PKG_VERSION")), "{footer}");
    session.close().await
}

/// Regression (found by QA): after a link to another page (新建草稿, a step, 保存并继续) focus stayed on the page
/// body, so the next Tab started again at 跳到正文 and screen readers did not announce the new page.
async fn a_new_page_takes_focus_on_its_heading(browser: Browser) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    let s = Session::start(browser).await?;
    s.create_draft(&server.origin(), "焦点测试").await?;
    s.wait_focus("main h1").await?;
    assert_eq!(s.eval("return document.activeElement.textContent").await?, "申报任务清单");
    s.click("a.app-task-list__link[href$='/villages']").await?;
    s.wait_for_text("main h1", "覆盖村庄").await?;
    s.wait_focus("main h1").await?;
    // Opening a field by its link still focuses the field, not the heading.
    let id = s.current_draft_id().await?;
    s.client().goto(&format!("{}/#/drafts/{id}/funds?focus=funds.loans", server.origin())).await?;
    s.wait_focus("[id='funds.loans']").await?;
    s.close().await
}
