//! Regression (found by QA): amounts typed key by key must be stored as typed. Today a field is re-written with the parsed value after
//! every keystroke, so a decimal with a zero after the point loses it: typing `0.05` stores 5 万元 and `2500.05`
//! stores 25005 万元 (the `.0` parses, is normalised to `0` / `2500` and written back into the input before the next
//! key arrives). Also `100万元` typed key by key ends as the invalid `100元`.
//!
//! Kept as a regression test now that it is fixed.

use fantoccini::Locator;
use shenbao_e2e::{Browser, Session, StaticServer, TestResult, browser_tests, dist_dir, field};

browser_tests!(amounts_typed_key_by_key_are_stored_as_typed, project_amount_with_zero_decimal_is_kept);

async fn amounts_typed_key_by_key_are_stored_as_typed(browser: Browser) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    let s = Session::start(browser).await?;
    let id = s.create_draft(&server.origin(), "QA 金额输入").await?;
    s.go_to_step(&server.origin(), &id, "funds").await?;
    type_slowly(&s, "funds.loans", "0.05").await?;
    type_slowly(&s, "funds.social_capital", "2500.05").await?;
    type_slowly(&s, "funds.cooperation_funds", "100万元").await?;
    let shown = (
        s.value(&field("funds.loans")).await?,
        s.value(&field("funds.social_capital")).await?,
        s.value(&field("funds.cooperation_funds")).await?,
    );
    let stored = s.stored_draft(&id).await?;
    let funds = &stored["application"]["funds"];
    assert_eq!(funds["loans"], "0.05", "typed 0.05, stored {} (field shows {:?})", funds["loans"], shown.0);
    assert_eq!(
        funds["social_capital"], "2500.05",
        "typed 2500.05, stored {} (field shows {:?})",
        funds["social_capital"], shown.1
    );
    assert_eq!(
        funds["cooperation_funds"], "100",
        "typed 100万元, stored {} (field shows {:?}, pending {})",
        funds["cooperation_funds"], shown.2, stored["pending_inputs"]
    );
    s.close().await
}

async fn project_amount_with_zero_decimal_is_kept(browser: Browser) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    let s = Session::start(browser).await?;
    let id = s.create_draft(&server.origin(), "QA 项目金额").await?;
    s.go_to_step(&server.origin(), &id, "projects").await?;
    s.click("[data-add-project=industry]").await?;
    s.wait_for(&field("projects[0].funding.provincial_linkage")).await?;
    type_slowly(&s, "projects[0].funding.provincial_linkage", "120.08").await?;
    let stored = s.stored_draft(&id).await?;
    assert_eq!(
        stored["application"]["projects"][0]["funding"]["provincial_linkage"],
        "120.08",
        "field shows {:?}",
        s.value(&field("projects[0].funding.provincial_linkage")).await?
    );
    s.close().await
}

/// Types one key at a time with a short pause, as a person does (one WebDriver call per key, so the app reacts
/// between keys in both browsers).
async fn type_slowly(s: &Session, path: &str, text: &str) -> TestResult {
    let input = s.wait_for(&field(path)).await?;
    input.clear().await?;
    for key in text.chars() {
        let input = s.client().find(Locator::Css(&field(path))).await?;
        input.send_keys(&key.to_string()).await?;
        tokio::time::sleep(std::time::Duration::from_millis(60)).await;
    }
    Ok(())
}
