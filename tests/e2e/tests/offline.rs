//! Installable and offline after one visit (docs/offline.md): the service worker keeps the whole app shell of one
//! build; with the server gone the app starts and drafts are read, edited and saved; a new version deployed while
//! offline waits until it is fully cached and the user accepts it, and drafts survive; an incomplete version is
//! never installed; the storage panel reports persistence, usage and low space.

use std::path::Path;

use shenbao_e2e::{Browser, Session, StaticServer, TestResult, browser_tests, copy_dir, dist_dir, field};

browser_tests!(
    app_starts_and_saves_offline_after_one_visit,
    new_version_deployed_while_offline_arrives_when_back_and_keeps_drafts,
    incomplete_new_version_is_never_installed,
    storage_panel_reports_persistence_usage_and_low_space,
);

type Error = Box<dyn std::error::Error + Send + Sync>;

async fn app_starts_and_saves_offline_after_one_visit(browser: Browser) -> TestResult {
    let mut server = StaticServer::start(&dist_dir())?;
    let s = Session::start(browser).await?;
    let id = s.create_draft(&server.origin(), "平邑县第二批申报").await?;
    s.fill("draft-name", "平邑县第二批衔接推进区申报").await?;
    wait_until_offline_ready(&s).await?;
    let build = s.text("#app-build").await?;

    server.stop();
    reload(&s).await?;
    assert_eq!(s.value(&field("draft-name")).await?, "平邑县第二批衔接推进区申报");
    assert_eq!(s.text("#app-build").await?, build);
    s.fill("draft-name", "平邑县申报（断网时修改）").await?;
    // A fresh navigation to the start page, not only a reload, is served too.
    s.open(&format!("{}/", server.origin())).await?;
    s.wait_for_text("#drafts", "平邑县申报（断网时修改）").await?;
    s.go_to_step(&server.origin(), &id, "applicant").await?;
    s.fill("applicant.contact_person", "王红").await?;
    reload(&s).await?;
    assert_eq!(s.value(&field("applicant.contact_person")).await?, "王红");
    let stored = s.stored_draft(&id).await?;
    assert_eq!(stored["name"], "平邑县申报（断网时修改）");
    assert_eq!(stored["application"]["applicant"]["contact_person"], "王红");
    s.open(&format!("{}/#/settings", server.origin())).await?;
    s.wait_for("#storage-offline[data-offline=ready]").await?;
    s.close().await
}

async fn new_version_deployed_while_offline_arrives_when_back_and_keeps_drafts(browser: Browser) -> TestResult {
    let mut server = StaticServer::start(&dist_dir())?;
    let s = Session::start(browser).await?;
    let id = s.create_draft(&server.origin(), "费县第二批申报").await?;
    s.fill("draft-name", "费县第二批衔接推进区申报").await?;
    wait_until_offline_ready(&s).await?;
    let old_build = s.text("#app-build").await?;

    // The network goes; meanwhile a new version is deployed.
    server.stop();
    let next = tempfile::Builder::new().prefix("shenbao-next-").tempdir()?;
    let new_build = deploy_new_version(&dist_dir(), next.path(), &old_build)?;
    server.serve_from(next.path());
    reload(&s).await?;
    assert_eq!(s.text("#app-build").await?, old_build, "offline, the installed version runs");
    s.fill("draft-name", "费县申报（断网时修改）").await?;
    assert!(s.eval("return document.getElementById('update-banner') === null").await? == true);

    // Back online: the new version is installed in the background and announced; the old one keeps working.
    server.resume()?;
    reload(&s).await?;
    s.wait_for_text("#update-banner", "新版本已就绪").await?;
    s.screenshot("update-banner").await?;
    // Regression (found by QA): the banner stood 16px wider than the content column on each side. Its edges are
    // those of the page's content (`main` less its padding).
    let gaps = s
        .eval(
            "const banner = document.getElementById('update-banner').getBoundingClientRect();
             const main = document.getElementById('main');
             const box = main.getBoundingClientRect();
             const style = getComputedStyle(main);
             return [banner.left - box.left - parseFloat(style.paddingLeft),
                     box.right - parseFloat(style.paddingRight) - banner.right];",
        )
        .await?;
    let gaps: Vec<f64> = serde_json::from_value(gaps)?;
    assert!(gaps.iter().all(|gap| gap.abs() < 0.5), "the banner's edges are off the content column's by {gaps:?} px");
    assert_eq!(s.text("#app-build").await?, old_build);
    s.fill("draft-name", "费县申报（更新前修改）").await?;
    assert_eq!(cache_names(&s).await?, vec![format!("shenbao-{old_build}"), format!("shenbao-{new_build}")]);

    s.click("#apply-update").await?;
    s.wait_for_text("#app-build", &new_build).await?;
    s.wait_for("[data-app-ready]").await?;
    assert_eq!(s.value(&field("draft-name")).await?, "费县申报（更新前修改）");
    assert_eq!(s.stored_draft(&id).await?["name"], "费县申报（更新前修改）");
    assert!(s.eval("return document.getElementById('update-banner') === null").await? == true);
    // Only now is the old version's cache gone.
    assert_eq!(cache_names(&s).await?, vec![format!("shenbao-{new_build}")]);
    // And the new version works offline too.
    server.stop();
    reload(&s).await?;
    assert_eq!(s.text("#app-build").await?, new_build);
    assert_eq!(s.value(&field("draft-name")).await?, "费县申报（更新前修改）");
    s.close().await
}

async fn incomplete_new_version_is_never_installed(browser: Browser) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    let s = Session::start(browser).await?;
    s.create_draft(&server.origin(), "蒙阴县第二批申报").await?;
    wait_until_offline_ready(&s).await?;
    let old_build = s.text("#app-build").await?;

    // A deployment caught half-way: the new worker is there, one of its files is not.
    let next = tempfile::Builder::new().prefix("shenbao-broken-").tempdir()?;
    deploy_new_version(&dist_dir(), next.path(), &old_build)?;
    let css = std::fs::read_dir(next.path())?
        .flatten()
        .find(|entry| entry.file_name().to_string_lossy().ends_with(".css"))
        .ok_or("no stylesheet in dist/")?;
    std::fs::remove_file(css.path())?;
    server.serve_from(next.path());

    let outcome = s
        .client()
        .execute_async(
            "const done = arguments[arguments.length - 1];
             (async () => {
               const registration = await navigator.serviceWorker.getRegistration();
               await registration.update();
               const worker = registration.installing;
               if (worker && worker.state !== 'redundant') {
                 await new Promise((resolve) => worker.addEventListener('statechange', () => {
                   if (worker.state === 'redundant' || worker.state === 'installed') resolve();
                 }));
               }
               return { installing: !!registration.installing, waiting: !!registration.waiting,
                        caches: (await caches.keys()).filter((name) => name.startsWith('shenbao-')).sort() };
             })().then(done, (error) => done({ error: String(error) }));",
            vec![],
        )
        .await?;
    assert_eq!(outcome["waiting"], false, "{outcome}");
    assert_eq!(outcome["installing"], false, "{outcome}");
    assert_eq!(outcome["caches"], serde_json::json!([format!("shenbao-{old_build}")]), "{outcome}");
    reload(&s).await?;
    assert_eq!(s.text("#app-build").await?, old_build);
    assert!(s.eval("return document.getElementById('update-banner') === null").await? == true);
    s.close().await
}

async fn storage_panel_reports_persistence_usage_and_low_space(browser: Browser) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    let s = Session::start(browser).await?;
    s.create_draft(&server.origin(), "沂水县第二批申报").await?;
    s.open(&format!("{}/#/settings", server.origin())).await?;
    s.wait_until(
        "return ['true', 'false', 'unknown'].includes(document.getElementById('storage-persisted')?.dataset.persisted)",
        "the persistence state",
    )
    .await?;
    s.wait_for_text("#storage-app-bytes", "KB").await?;
    s.wait_for_text("#storage-app-bytes", "约 5 MB").await?;
    s.wait_for_text("#storage-estimate", "还可使用").await?;
    s.wait_for_text("#storage-backup-reminder", "下载").await?;
    // First visit: the panel says so once the worker has cached the app.
    s.wait_for("#storage-offline[data-offline=ready]").await?;
    assert!(s.eval("return document.getElementById('storage-low') === null").await? == true);

    // Local storage four fifths full: its cap is 5 Mi UTF-16 code units in both browsers.
    s.eval("localStorage.setItem('filler', 'x'.repeat(4300000)); return true").await?;
    s.open(&format!("{}/#/", server.origin())).await?;
    s.wait_for_text("#storage-low", "存储空间即将用完").await?;
    s.open(&format!("{}/#/settings", server.origin())).await?;
    let warning = s.wait_for_text("#storage-low", "下载草稿备份").await?;
    assert!(warning.contains("约 5 MB"), "{warning}");
    s.eval("localStorage.removeItem('filler'); return true").await?;
    s.open(&format!("{}/#/", server.origin())).await?;
    s.wait_for("#new-draft").await?;
    s.wait_gone("#storage-low").await?;
    s.close().await
}

/// Reloads as a user does (F5, or the page's own `location.reload()`), and waits for the app. WebDriver's own
/// refresh is not used: geckodriver's skips the service worker, which a user's reload never does.
async fn reload(s: &Session) -> TestResult {
    s.eval("window.shenbaoBeforeReload = true; setTimeout(() => location.reload(), 0); return true").await?;
    s.wait_until("return !window.shenbaoBeforeReload && !!document.querySelector('[data-app-ready]')", "the reload")
        .await
}

/// Waits until a service worker controls the page: the whole app shell is then cached.
async fn wait_until_offline_ready(s: &Session) -> TestResult {
    s.wait_until("return !!navigator.serviceWorker && navigator.serviceWorker.controller !== null", "a service worker")
        .await
}

/// The names of the app's caches, sorted (an old build's `shenbao-<hex>` before a `shenbao-next<hex>`).
async fn cache_names(s: &Session) -> Result<Vec<String>, Error> {
    let names = s
        .client()
        .execute_async(
            "const done = arguments[arguments.length - 1];
             caches.keys().then((names) => done(names.filter((name) => name.startsWith('shenbao-')).sort()));",
            vec![],
        )
        .await?;
    Ok(serde_json::from_value(names)?)
}

/// Copies the build to `to` as another version: the same files with another build id in index.html and sw.js
/// (which is all a new build changes for the browser). Returns the new id.
fn deploy_new_version(from: &Path, to: &Path, old_build: &str) -> Result<String, Error> {
    let new_build = format!("next{old_build}");
    copy_dir(from, to)?;
    for file in ["index.html", "sw.js"] {
        let path = to.join(file);
        let text = std::fs::read_to_string(&path)?;
        let stamped = match file {
            "index.html" => text.replace(&format!("content=\"{old_build}\""), &format!("content=\"{new_build}\"")),
            _ => text
                .replace(&format!("const BUILD_ID = \"{old_build}\";"), &format!("const BUILD_ID = \"{new_build}\";")),
        };
        if stamped == text {
            return Err(format!("{file} does not carry build {old_build}").into());
        }
        std::fs::write(&path, stamped)?;
    }
    Ok(new_build)
}
