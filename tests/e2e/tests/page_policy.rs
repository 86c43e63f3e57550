//! The page defends itself (docs/browsers.md): its Content-Security-Policy admits only the app's own files, its
//! inline scripts by hash and WebAssembly; a whole session (a draft created and typed in, a complete draft imported,
//! a signed bundle exported and verified, 密钥与存储) breaks none of it and sends no request off the app's origin.

use shenbao_e2e::{
    Browser, PROBE_RECORD, Session, StaticServer, TestResult, browser_tests, dist_dir, probed_app, vector,
};

browser_tests!(a_whole_session_breaks_no_policy_and_stays_on_its_origin);

async fn a_whole_session_breaks_no_policy_and_stays_on_its_origin(browser: Browser) -> TestResult {
    // The probe listens for `securitypolicyviolation` from the page's first script on.
    let copy = tempfile::Builder::new().prefix("shenbao-probed-").tempdir()?;
    probed_app(&dist_dir(), copy.path(), "")?;
    let server = StaticServer::start(copy.path())?;
    let origin = server.origin();
    let s = Session::start(browser).await?;

    s.create_draft(&origin, "平阴县第二批申报").await?;
    s.fill("draft-name", "平阴县第二批衔接推进区申报").await?;
    let id = s.import_draft(&origin, &vector("drafts/complete.json")).await?;
    s.client().goto(&format!("{origin}/#/drafts/{id}/review")).await?;
    let attachment = s.downloads.join("实施规划（盖章扫描件）.txt");
    std::fs::write(&attachment, "平阴县衔接推进区实施规划")?;
    s.upload("#attachment-files", &attachment).await?;
    s.wait_for_text("#attachment-list", "实施规划（盖章扫描件）.txt").await?;
    std::fs::remove_file(&attachment)?;
    s.click("#export-bundle").await?;
    s.wait_for("#export-fingerprint").await?;
    let bundle = s.downloaded("平阴县-衔接推进区申报-").await?;
    s.client().goto(&format!("{origin}/#/verify")).await?;
    s.upload("#bundle-file", &bundle).await?;
    s.wait_for_text("#verify-result", "签名有效").await?;
    s.client().goto(&format!("{origin}/#/settings")).await?;
    s.wait_for("#storage-status").await?;

    // One document all along (hash routes), so the probe saw the whole session.
    let record = s.eval(PROBE_RECORD).await?;
    assert_eq!(record["violations"], serde_json::json!([]), "the page broke its policy: {record}");
    assert_eq!(record["errors"], serde_json::json!([]), "an error escaped: {record}");
    let elsewhere = s
        .eval(
            "return performance.getEntriesByType('resource').map((entry) => entry.name)
               .filter((name) => !name.startsWith(location.origin + '/'))",
        )
        .await?;
    assert_eq!(elsewhere, serde_json::json!([]), "requests left the app's origin");

    // The policy is the strict one: nothing inline but the hashed scripts, no eval, nothing fetched elsewhere.
    let policy = s.eval("return document.querySelector('meta[http-equiv=Content-Security-Policy]').content").await?;
    let policy = policy.as_str().unwrap_or_default();
    for directive in ["default-src 'none'", "script-src 'self' 'sha256-", "'wasm-unsafe-eval'", "connect-src 'self'"] {
        assert!(policy.contains(directive), "{directive} missing from {policy}");
    }
    for directive in ["object-src 'none'", "base-uri 'none'", "style-src 'self'"] {
        assert!(policy.contains(directive), "{directive} missing from {policy}");
    }
    assert!(!policy.contains("unsafe-inline") && !policy.contains("'unsafe-eval'"), "{policy}");
    // And it is in force: a request to another origin is refused before it leaves.
    let refused = s
        .client()
        .execute_async(
            "const done = arguments[arguments.length - 1];
             document.addEventListener('securitypolicyviolation', (event) => done(event.effectiveDirective));
             fetch('http://127.0.0.1:9/').catch(() => {});
             setTimeout(() => done('not refused'), 5000);",
            vec![],
        )
        .await?;
    assert_eq!(refused, "connect-src");
    s.close().await
}
