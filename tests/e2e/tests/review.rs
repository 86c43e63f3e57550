//! 核对与导出: how the page states what is left before the application can be submitted.

use shenbao_e2e::{Browser, Session, StaticServer, TestResult, browser_tests, dist_dir, finding, vector};

browser_tests!(
    open_problems_look_like_problems_and_zero_counts_are_left_out,
    a_warning_link_goes_to_its_justification,
    a_village_listed_twice_is_counted_once,
);

/// Regression (found by QA): the box 需要处理的问题 had the green border of "nothing to do" while it listed
/// problems; the answers' step titles were headings of the same level as 核对填写内容 above them; and the status
/// line named zero counts (尚不能提交：0 个问题必须修改，1 个事项需要填写理由。).
async fn open_problems_look_like_problems_and_zero_counts_are_left_out(browser: Browser) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    let s = Session::start(browser).await?;
    let border = "return getComputedStyle(document.getElementById('review-findings')).borderTopColor";
    let ok_colour = "rgb(0, 112, 60)";

    // Something must be corrected: the error colour.
    let id = s.import_draft(&server.origin(), &vector("drafts/blocked-sector-share.json")).await?;
    s.go_to_step(&server.origin(), &id, "review").await?;
    s.wait_for("#review-findings.app-findings--problems").await?;
    assert_eq!(s.eval(border).await?, "rgb(196, 38, 46)");
    let status = s.text("#review-status").await?;
    assert!(status.starts_with("尚不能提交：") && status.contains("个问题必须修改"), "{status}");
    assert!(!status.contains(" 0 个"), "{status}");

    // Only a warning without its reason: the warning colour, and no 0 个问题必须修改.
    let id = s.import_draft(&server.origin(), &vector("drafts/complete.json")).await?;
    s.go_to_step(&server.origin(), &id, "villages").await?;
    s.fill("villages[0].code", "371300000000").await?;
    s.go_to_step(&server.origin(), &id, "review").await?;
    s.wait_for_text("#review-status", "尚不能提交").await?;
    assert_eq!(s.text("#review-status").await?, "尚不能提交：1 个事项需要填写理由。");
    s.wait_for("#review-findings.app-findings--warnings").await?;
    let colour = s.eval(border).await?;
    assert_ne!(colour, ok_colour);
    assert_eq!(colour, "rgb(138, 83, 0)");
    s.screenshot("review-warning").await?;

    // The steps are sections under 核对填写内容 (h2): h3, looking as before.
    let headings = s
        .eval(
            "return [...document.querySelectorAll('.app-review__section')].map((section) => {
                 const heading = section.querySelector('h2, h3');
                 return [heading.tagName, getComputedStyle(heading).fontSize];
             });",
        )
        .await?;
    let headings = headings.as_array().cloned().unwrap_or_default();
    assert_eq!(headings.len(), 7, "{headings:?}");
    let h2_size = s.eval("return getComputedStyle(document.querySelector('#review-findings h2')).fontSize").await?;
    for heading in &headings {
        assert_eq!(heading[0], "H3", "{headings:?}");
        assert_eq!(heading[1], h2_size, "{headings:?}");
    }
    s.close().await
}

/// Regression (found by QA): a warning's link on 核对与导出 opened its step at the fields (覆盖村庄: the 添加村庄
/// button at the bottom), far from the box where the reason is written. It now focuses that box.
async fn a_warning_link_goes_to_its_justification(browser: Browser) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    let s = Session::start(browser).await?;
    let id = s.import_draft(&server.origin(), &vector("drafts/complete.json")).await?;
    s.go_to_step(&server.origin(), &id, "villages").await?;
    s.fill("villages[0].code", "371300000000").await?;
    s.go_to_step(&server.origin(), &id, "review").await?;
    s.click("#review-findings a[href*='justification-village_code_county']").await?;
    s.wait_until(
        "return document.activeElement && document.activeElement.id.startsWith('justification-village_code_county')",
        "the justification box of the warning to take focus",
    )
    .await?;
    assert_eq!(s.eval("return document.activeElement.tagName").await?, "TEXTAREA");
    s.close().await
}

/// Issue 12: a village listed twice was counted twice in 覆盖行政村 N 个 (and in the count the under-10 warning
/// reads). Naming the second village like the first (same township) makes it a repeat: 12 rows, 11 villages.
async fn a_village_listed_twice_is_counted_once(browser: Browser) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    let s = Session::start(browser).await?;
    let id = s.import_draft(&server.origin(), &vector("drafts/complete.json")).await?;
    let count = ".app-review__section[data-step=villages] .app-summary__row:first-child";
    s.go_to_step(&server.origin(), &id, "review").await?;
    assert_eq!(s.text(count).await?.split_whitespace().collect::<Vec<_>>()[..3], ["覆盖行政村", "12", "个"]);
    s.go_to_step(&server.origin(), &id, "villages").await?;
    s.fill("villages[1].name", "胡庄村").await?;
    s.wait_for(&finding("village_duplicate")).await?;
    s.go_to_step(&server.origin(), &id, "review").await?;
    s.wait_for_text(count, "11 个").await?;
    assert_eq!(s.text(count).await?.split_whitespace().collect::<Vec<_>>()[..3], ["覆盖行政村", "11", "个"]);
    s.close().await
}
