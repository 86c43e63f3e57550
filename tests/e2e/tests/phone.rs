//! Regression (found by QA): at phone width (375 px) the per-source table of 资金筹措 fell apart into stacks like
//! "500 / 500 / 一致" without its column names (筹措, 项目合计, 差额), with an empty bordered line under each source.
//! It is four short columns, so it stays a table on phones, inside the width of the page.

use shenbao_e2e::{Browser, Session, StaticServer, TestResult, browser_tests, dist_dir, vector};

browser_tests!(funds_per_source_table_keeps_its_column_names_on_a_phone);

async fn funds_per_source_table_keeps_its_column_names_on_a_phone(browser: Browser) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    let s = Session::start(browser).await?;
    let id = s.import_draft(&server.origin(), &vector("drafts/complete.json")).await?;
    s.client().set_window_size(375, 800).await?;
    s.go_to_step(&server.origin(), &id, "funds").await?;
    s.wait_for("#per-source").await?;
    // Headless Firefox keeps windows at least 500 px wide: narrow enough for the phone layout (up to 48rem).
    let width = s.eval("return window.innerWidth").await?.as_u64().unwrap_or_default();
    assert!(width <= 500, "the window should be phone-sized, it is {width} px wide");
    assert_eq!(s.eval("return matchMedia('(max-width: 48rem)').matches").await?, true, "not the phone layout");
    s.eval("document.getElementById('per-source').scrollIntoView()").await?;
    s.screenshot("funds-per-source-phone").await?;
    // The column names are shown, above the values they name: each value sits under its own column heading.
    let layout = s
        .eval(
            "const table = document.getElementById('per-source');
             const headings = [...table.querySelectorAll('thead th')];
             const shown = headings.every(th => th.getBoundingClientRect().height > 0);
             const aligned = [...table.querySelectorAll('tbody tr')].every(row =>
                 [...row.children].every((cell, i) => Math.abs(cell.getBoundingClientRect().left - headings[i].getBoundingClientRect().left) < 1));
             const onOneLine = [...table.querySelectorAll('tbody tr')].every(row =>
                 new Set([...row.children].map(cell => Math.round(cell.getBoundingClientRect().top))).size === 1);
             const fits = table.getBoundingClientRect().right <= document.documentElement.clientWidth;
             return { headings: headings.map(th => th.textContent), shown, aligned, onOneLine, fits };",
        )
        .await?;
    assert_eq!(layout["headings"], serde_json::json!(["来源", "筹措", "项目合计", "差额"]), "{layout}");
    assert_eq!(layout["shown"], true, "the column names are hidden: {layout}");
    assert_eq!(layout["aligned"], true, "values are not under their column names: {layout}");
    assert_eq!(layout["onOneLine"], true, "a source's values are stacked: {layout}");
    assert_eq!(layout["fits"], true, "the table is wider than the phone: {layout}");
    s.close().await
}
