//! Regression (found by QA): the 下移 (move down) button of every list item (villages, industries, projects, sector fund lines) is
//! broken. In `src/pages/list_controls.rs` the attribute `disabled=move || index.get() + 1 >= length.get()` is
//! cut at `>` by the `view!` macro: the button gets `disabled` from `index + 1` (always set), no click handler,
//! and the rest of the Rust source, `= length.get() on : click = move | _ | move_by(1) >`, is shown as its label.
//!
//! Kept as a regression test now that it is fixed.

use shenbao_e2e::{Browser, Session, StaticServer, TestResult, browser_tests, dist_dir, vector};

browser_tests!(move_down_is_labelled_enabled_and_moves_the_item);

async fn move_down_is_labelled_enabled_and_moves_the_item(browser: Browser) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    let s = Session::start(browser).await?;
    let id = s.import_draft(&server.origin(), &vector("drafts/complete.json")).await?;
    s.go_to_step(&server.origin(), &id, "villages").await?;
    let button = "[data-village-id=v1] [data-action=move-down]";
    let label = s.text(button).await?;
    assert_eq!(label.trim(), "下移", "the 下移 button shows source code as its label");
    assert_eq!(
        s.eval(&format!("return document.querySelector({button:?}).disabled")).await?,
        false,
        "the first of 12 villages cannot be moved down"
    );
    s.click(button).await?;
    s.wait_until("return document.getElementById('villages[1].name').value === '胡庄村'", "胡庄村 to move down")
        .await?;
    s.close().await
}
