//! The floor (docs/browsers.md): the page's first script checks what the app needs and, in a browser that lacks it,
//! says which browser and mode to use; a first load that fails or stalls ends in a message with 重试. Each case runs
//! the real page with a probe as its first script (`shenbao_e2e::probed_app`): it takes away what an old browser
//! lacks and records every uncaught error, `console.error` and policy violation, none of which may escape.

use std::time::{Duration, Instant};

use serde_json::Value;
use shenbao_e2e::{
    Browser, PROBE_RECORD, Session, StaticServer, TestResult, browser_tests, dist_dir, file_url, probed_app,
    probed_single_file,
};

browser_tests!(
    a_working_browser_starts_without_any_message,
    without_webassembly_the_page_says_which_browser_to_use,
    without_module_scripts_the_page_says_which_browser_to_use,
    scripts_refused_by_the_browser_end_in_a_message_with_retry,
    a_module_that_never_arrives_ends_in_a_message_with_retry,
    the_single_file_has_the_same_floor,
);

/// What an old browser lacks, taken away before the page's own scripts run.
const NO_WEBASSEMBLY: &str = "delete window.WebAssembly;";
const NO_MODULE_SCRIPTS: &str = "delete HTMLScriptElement.prototype.noModule;";
/// How soon a message must be there: the floor's stall time (8 s without a file arriving) and a margin.
const PROMPTLY: Duration = Duration::from_secs(15);
const SINGLE_FILE: &str = "衔接推进区申报助手.html";

/// Waits for the floor's message of this kind and returns its text, failing if it took longer than [`PROMPTLY`].
async fn floor_message(
    s: &Session,
    kind: &str,
    since: Instant,
) -> Result<String, Box<dyn std::error::Error + Send + Sync>> {
    let message = s.wait_for(&format!("#app-floor[data-floor={kind}]")).await?;
    assert!(since.elapsed() < PROMPTLY, "the {kind} message took {:?}", since.elapsed());
    Ok(message.text().await?)
}

/// The probe's record, once the page's module scripts have run (they run before `load`).
async fn loaded_record(s: &Session) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
    s.wait_until("return document.readyState === 'complete'", "the page to load").await?;
    s.eval(PROBE_RECORD).await
}

fn assert_quiet(record: &Value) {
    assert_eq!(record["errors"], serde_json::json!([]), "an error escaped: {record}");
    assert_eq!(record["violations"], serde_json::json!([]), "the page broke its policy: {record}");
}

/// The messages the floor showed, in order.
fn messages(record: &Value) -> Vec<String> {
    record["floor"]
        .as_array()
        .map(|kinds| kinds.iter().filter_map(Value::as_str).map(str::to_owned).collect())
        .unwrap_or_default()
}

async fn a_working_browser_starts_without_any_message(browser: Browser) -> TestResult {
    let copy = tempfile::Builder::new().prefix("shenbao-probed-").tempdir()?;
    probed_app(&dist_dir(), copy.path(), "")?;
    let server = StaticServer::start(copy.path())?;
    let s = Session::start(browser).await?;
    s.open(&format!("{}/", server.origin())).await?;
    let record = loaded_record(&s).await?;
    assert_quiet(&record);
    assert_eq!(messages(&record), Vec::<String>::new(), "a working browser saw the floor: {record}");
    assert!(s.eval("return document.getElementById('app-floor') === null").await? == true);
    // Dual-core browsers are asked for their Chromium kernel, IE for its newest mode.
    let metas = s
        .eval(
            "return ['renderer', 'force-rendering'].map((n) => document.querySelector(`meta[name=${n}]`)?.content)
               .concat(document.querySelector('meta[http-equiv=X-UA-Compatible]')?.content)",
        )
        .await?;
    assert_eq!(metas, serde_json::json!(["webkit", "webkit", "IE=edge"]));
    s.close().await
}

async fn without_webassembly_the_page_says_which_browser_to_use(browser: Browser) -> TestResult {
    let copy = tempfile::Builder::new().prefix("shenbao-probed-").tempdir()?;
    probed_app(&dist_dir(), copy.path(), NO_WEBASSEMBLY)?;
    let server = StaticServer::start(copy.path())?;
    let s = Session::start(browser).await?;
    let since = Instant::now();
    s.client().goto(&format!("{}/", server.origin())).await?;
    let message = floor_message(&s, "unsupported", since).await?;
    for expected in [
        "当前浏览器无法运行本工具",
        "切换到“极速模式”",
        "Chrome 或 Edge（版本号至少为 97）",
        "chrome://version",
        "缺少：WebAssembly",
    ] {
        assert!(message.contains(expected), "{expected} missing from {message}");
    }
    let record = loaded_record(&s).await?;
    assert_quiet(&record);
    assert_eq!(messages(&record), ["unsupported"], "{record}");
    assert!(s.eval("return document.querySelector('[data-app-ready]') === null").await? == true);
    s.close().await
}

async fn without_module_scripts_the_page_says_which_browser_to_use(browser: Browser) -> TestResult {
    let copy = tempfile::Builder::new().prefix("shenbao-probed-").tempdir()?;
    probed_app(&dist_dir(), copy.path(), NO_MODULE_SCRIPTS)?;
    let server = StaticServer::start(copy.path())?;
    let s = Session::start(browser).await?;
    let since = Instant::now();
    s.client().goto(&format!("{}/", server.origin())).await?;
    let message = floor_message(&s, "unsupported", since).await?;
    assert!(message.contains("缺少：模块脚本"), "{message}");
    assert!(message.contains("切换到“极速模式”"), "{message}");
    // The module script this browser does run anyway does not start the app behind the message.
    let record = loaded_record(&s).await?;
    assert_quiet(&record);
    assert!(s.eval("return document.querySelector('[data-app-ready]') === null").await? == true);
    s.close().await
}

/// A server that sends the app's JavaScript as text/plain: the browser refuses the module scripts.
async fn scripts_refused_by_the_browser_end_in_a_message_with_retry(browser: Browser) -> TestResult {
    let copy = tempfile::Builder::new().prefix("shenbao-probed-").tempdir()?;
    probed_app(&dist_dir(), copy.path(), "")?;
    let server = StaticServer::start(copy.path())?;
    server.serve_scripts_as_text(true);
    let s = Session::start(browser).await?;
    let since = Instant::now();
    s.client().goto(&format!("{}/", server.origin())).await?;
    let message = floor_message(&s, "failed", since).await?;
    assert!(message.contains("本工具未能加载完成"), "{message}");
    assert!(message.contains("重试"), "{message}");
    let record = loaded_record(&s).await?;
    assert_quiet(&record);
    // Once the server is right, 重试 starts the app.
    server.serve_scripts_as_text(false);
    s.click("#app-floor button").await?;
    s.wait_for("[data-app-ready]").await?;
    s.wait_gone("#app-floor").await?;
    s.close().await
}

/// The start module, then the wasm, never answered: each first load ends in the stalled message; 重试 loads again.
async fn a_module_that_never_arrives_ends_in_a_message_with_retry(browser: Browser) -> TestResult {
    let copy = tempfile::Builder::new().prefix("shenbao-probed-").tempdir()?;
    probed_app(&dist_dir(), copy.path(), "")?;
    let server = StaticServer::start(copy.path())?;
    // A file that never arrives holds the page's `load` back: navigate without waiting for it.
    let s = Session::start_without_waiting_for_loads(browser).await?;
    server.delay("/shenbao.js", Duration::from_secs(120));
    let since = Instant::now();
    s.client().goto(&format!("{}/", server.origin())).await?;
    let message = floor_message(&s, "stalled", since).await?;
    assert!(message.contains("加载时间过长"), "{message}");
    assert_quiet(&s.eval(PROBE_RECORD).await?);

    server.delay("/shenbao_bg.wasm", Duration::from_secs(120));
    s.click("#app-floor button").await?;
    let since = Instant::now();
    s.wait_gone("#app-floor").await?;
    let message = floor_message(&s, "stalled", since).await?;
    assert!(message.contains("重试"), "{message}");
    assert_quiet(&s.eval(PROBE_RECORD).await?);

    server.clear_delay();
    s.click("#app-floor button").await?;
    s.wait_for("[data-app-ready]").await?;
    let record = loaded_record(&s).await?;
    assert_quiet(&record);
    assert!(s.eval("return document.getElementById('app-floor') === null").await? == true);
    s.close().await
}

/// The single file asks for the Chromium kernel too, starts without a message, and without WebAssembly says which
/// browser to use, with its own (lower) oldest version.
async fn the_single_file_has_the_same_floor(browser: Browser) -> TestResult {
    let html = std::fs::read_to_string(dist_dir().join("single").join(SINGLE_FILE))?;
    for meta in [
        r#"<meta name="renderer" content="webkit" />"#,
        r#"<meta name="force-rendering" content="webkit" />"#,
        r#"<meta http-equiv="X-UA-Compatible" content="IE=edge" />"#,
    ] {
        assert!(html.contains(meta), "the single file lacks {meta}");
    }
    let folder = tempfile::Builder::new().prefix("shenbao-usb-").tempdir()?;
    let working = folder.path().join(SINGLE_FILE);
    std::fs::write(&working, probed_single_file(&html, "")?)?;
    let old = folder.path().join("旧浏览器.html");
    std::fs::write(&old, probed_single_file(&html, NO_WEBASSEMBLY)?)?;

    let s = Session::start(browser).await?;
    s.open(&format!("{}#/", file_url(&working))).await?;
    let record = loaded_record(&s).await?;
    assert_quiet(&record);
    assert_eq!(messages(&record), Vec::<String>::new(), "{record}");

    let since = Instant::now();
    s.client().goto(&format!("{}#/", file_url(&old))).await?;
    let message = floor_message(&s, "unsupported", since).await?;
    assert!(message.contains("Chrome 或 Edge（版本号至少为 80）"), "{message}");
    assert!(message.contains("缺少：WebAssembly"), "{message}");
    assert_quiet(&loaded_record(&s).await?);
    s.close().await
}
