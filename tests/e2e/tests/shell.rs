//! The chain from build to browser: wasm loads, the reactive UI answers, local storage keeps what was typed.

use shenbao_e2e::{Browser, Session, StaticServer, TestResult, browser_tests, dist_dir};

browser_tests!(typed_value_survives_reload);

async fn typed_value_survives_reload(browser: Browser) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    let session = Session::start(browser).await?;
    session.open(&format!("{}/", server.origin())).await?;
    assert_eq!(session.client().title().await?, "衔接推进区申报助手");
    session.type_into("#draft-name", "沂南县第二批申报").await?;
    session.reload().await?;
    assert_eq!(session.value("#draft-name").await?, "沂南县第二批申报");
    session.close().await
}
