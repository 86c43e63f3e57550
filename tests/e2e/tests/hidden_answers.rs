//! Regression (found by QA): answers kept in fields the form no longer shows.
//! - A village's 批复日期 holding unreadable text (`2022-02-30`) stays in `pending_inputs` after the plan status is
//!   changed to 编制中 and the field disappears: the draft is blocked by an `input_format` finding whose field the
//!   user cannot see, and the finding's link focuses nothing.
//! - An industry project ticked 属于单纯追求收益分红的购买类项目 keeps the tick after its 建设内容类别 is changed to
//!   乡村建设 (the box is hidden): the `dividend_only_purchase` warning stays and asks for a reason about a box the
//!   user cannot see.
//! - A county that answers 否 (not a key county), 所在市有无重点县 否, and a tier, then changes to 是 (key county)
//!   keeps the hidden answers: 核对与导出 and the signed bundle say "key county in a city without key counties",
//!   with a tier, a contradiction no rule reports.
//!
//! Kept as a regression test now that it is fixed.

use shenbao_e2e::{Browser, Session, StaticServer, TestResult, browser_tests, dist_dir, field, finding, vector};

browser_tests!(
    unreadable_text_in_a_hidden_date_does_not_block,
    dividend_tick_of_a_project_that_is_no_longer_industry_does_not_warn,
    key_county_answer_does_not_keep_hidden_contradicting_answers,
);

async fn unreadable_text_in_a_hidden_date_does_not_block(browser: Browser) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    let s = Session::start(browser).await?;
    let id = s.import_draft(&server.origin(), &vector("drafts/complete.json")).await?;
    s.go_to_step(&server.origin(), &id, "villages").await?;
    s.fill("villages[0].plan.approved_on", "2022-02-30").await?;
    s.wait_for(finding("input_format").as_str()).await?;
    s.pick("villages[0].plan.status", "in_preparation").await?;
    s.fill("villages[0].plan.expected_on", "2023-03-31").await?;
    s.wait_gone(&field("villages[0].plan.approved_on")).await?;
    let pending = s.stored_draft(&id).await?["pending_inputs"].clone();
    assert!(
        s.eval(&format!("return document.querySelector({:?}) === null", finding("input_format"))).await? == true,
        "a hidden field still blocks the draft: pending_inputs = {pending}"
    );
    s.close().await
}

async fn dividend_tick_of_a_project_that_is_no_longer_industry_does_not_warn(browser: Browser) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    let s = Session::start(browser).await?;
    let id = s.import_draft(&server.origin(), &vector("drafts/complete.json")).await?;
    s.go_to_step(&server.origin(), &id, "projects").await?;
    s.click("[id=\"projects[0]-toggle\"]").await?;
    s.click(&field("projects[0].dividend_only_purchase")).await?;
    s.wait_for(finding("dividend_only_purchase").as_str()).await?;
    s.pick("projects[0].content_area", "construction").await?;
    s.wait_gone(&field("projects[0].dividend_only_purchase")).await?;
    assert!(
        s.eval(&format!("return document.querySelector({:?}) === null", finding("dividend_only_purchase"))).await?
            == true,
        "a 乡村建设 project is still reported as a dividend-only purchase, by a box that is no longer shown"
    );
    s.close().await
}

async fn key_county_answer_does_not_keep_hidden_contradicting_answers(browser: Browser) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    let s = Session::start(browser).await?;
    // complete.json: not a key county, city without key counties, central tier.
    let id = s.import_draft(&server.origin(), &vector("drafts/complete.json")).await?;
    s.go_to_step(&server.origin(), &id, "applicant").await?;
    s.choose("applicant.key_county", "yes").await?;
    s.wait_gone(&field("applicant.city_has_key_county")).await?;
    let applicant = s.stored_draft(&id).await?["application"]["applicant"].clone();
    let contradictory = applicant["key_county"] == true && applicant["city_has_key_county"] == false;
    assert!(!contradictory, "a key county is recorded in a city with no key county (hidden answer kept): {applicant}");
    assert!(applicant["region_tier"].is_null(), "a key county keeps a hidden poverty tier: {applicant}");
    s.close().await
}
