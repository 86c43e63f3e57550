//! Every page of a complete draft renders, at desktop and phone width, without a horizontal scroll bar.

use shenbao_e2e::{Browser, Session, StaticServer, TestResult, browser_tests, dist_dir, workspace_dir};

browser_tests!(every_page_fits_desktop_and_phone_width);

/// The elements whose right edge is beyond the page's (tag, class, id, right edge, width, text), to say what overflows.
const WIDER_THAN_THE_PAGE: &str = "const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll('body *')]
        .filter((element) => element.getBoundingClientRect().right > width + 0.5)
        .slice(0, 10)
        .map((element) => {
            const box = element.getBoundingClientRect();
            return `${element.tagName}.${element.className}#${element.id} right ${box.right} width ${box.width}: `
                + (element.textContent || '').slice(0, 40);
        });";

async fn every_page_fits_desktop_and_phone_width(browser: Browser) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    let session = Session::start(browser).await?;
    let id =
        session.import_draft(&server.origin(), &workspace_dir().join("tests/vectors/drafts/complete.json")).await?;
    for (width, height) in [(1280, 900), (390, 844)] {
        session.client().set_window_size(width, height).await?;
        for step in ["applicant", "villages", "industries", "projects", "funds", "governance", "attestations", "review"]
        {
            session.go_to_step(&server.origin(), &id, step).await?;
            session.screenshot(&format!("{step}-{width}")).await?;
            let overflow = session
                .eval("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
                .await?;
            if overflow.as_i64().unwrap_or(1) > 0 {
                let wider = session.eval(WIDER_THAN_THE_PAGE).await?;
                return Err(format!("{step} at {width}px scrolls sideways by {overflow}: {wider}").into());
            }
        }
    }
    session.close().await
}
