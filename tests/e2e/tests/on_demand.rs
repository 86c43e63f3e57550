//! The first visit downloads only the start page's module; the other pages and the work on drafts are fetched on
//! first use (`src/split.rs`, docs/performance.md). When such a module cannot be fetched (the connection drops on a
//! first visit) the app says so in Chinese, keeps what was typed, and 重试 fetches it again.

use std::path::Path;
use std::time::Duration;

use shenbao_e2e::{Browser, Session, StaticServer, TestResult, browser_tests, copy_dir, dist_dir, field, vector};

browser_tests!(
    start_page_works_alone_and_a_missing_module_is_explained_and_retried,
    one_press_makes_one_draft_while_its_module_arrives,
    leaving_while_a_draft_is_made_does_not_pull_the_user_back,
    pages_load_from_a_server_without_the_wasm_type,
    a_second_file_during_an_import_is_refused_with_a_reason,
    the_drafts_list_explains_a_missing_module_and_retries,
    the_drafts_list_says_when_its_module_is_slow,
    the_drafts_list_follows_other_tabs,
    a_link_to_a_field_focuses_it_once_its_slow_page_arrives,
);

type Error = Box<dyn std::error::Error + Send + Sync>;

/// Puts the `complete` draft vector into local storage as draft `t1`, as the app would have stored it.
async fn store_complete_draft(s: &Session) -> TestResult {
    let text = std::fs::read_to_string(vector("drafts/complete.json"))?;
    s.client()
        .execute(
            "localStorage.setItem('shenbao.draft.t1', arguments[0]);
             localStorage.setItem('shenbao.drafts', JSON.stringify(['t1']));",
            vec![serde_json::Value::String(text)],
        )
        .await?;
    Ok(())
}

/// The build's modules fetched on demand: `pkg-<hash>/split_*.wasm` and `pkg-<hash>/chunk_*.wasm`.
fn on_demand_modules(dist: &Path) -> Result<Vec<std::path::PathBuf>, Error> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dist)? {
        let entry = entry?;
        if entry.file_name().to_string_lossy().starts_with("pkg-") {
            for module in std::fs::read_dir(entry.path())? {
                let path = module?.path();
                let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                if (name.starts_with("split_") || name.starts_with("chunk_")) && name.ends_with(".wasm") {
                    found.push(path);
                }
            }
        }
    }
    Ok(found)
}

/// A copy of the build served without its modules fetched on demand, as if the connection dropped after the
/// first page; [`WithoutModules::restore`] brings them back (the connection is back).
struct WithoutModules {
    site: tempfile::TempDir,
    hidden: tempfile::TempDir,
    modules: Vec<std::path::PathBuf>,
}

impl WithoutModules {
    fn new() -> Result<WithoutModules, Error> {
        let site = tempfile::Builder::new().prefix("shenbao-on-demand-").tempdir()?;
        copy_dir(&dist_dir(), site.path())?;
        let modules = on_demand_modules(site.path())?;
        assert!(modules.len() >= 3, "the build has modules fetched on demand: {modules:?}");
        let hidden = tempfile::Builder::new().prefix("shenbao-hidden-").tempdir()?;
        for module in &modules {
            std::fs::rename(module, hidden.path().join(module.file_name().ok_or("no file name")?))?;
        }
        Ok(WithoutModules { site, hidden, modules })
    }

    fn root(&self) -> &Path {
        self.site.path()
    }

    fn restore(&self) -> Result<(), Error> {
        for module in &self.modules {
            std::fs::rename(self.hidden.path().join(module.file_name().ok_or("no file name")?), module)?;
        }
        Ok(())
    }
}

/// A new draft named `name` requested on the start page while the module that makes drafts takes 3 s (the rest of
/// the app arrives as usual).
async fn create_on_a_slow_network(browser: Browser, name: &str) -> Result<(StaticServer, Session), Error> {
    let server = StaticServer::start(&dist_dir())?;
    server.delay("split_draft_files", Duration::from_millis(3000));
    let s = Session::start(browser).await?;
    s.open(&format!("{}/", server.origin())).await?;
    s.type_into("#new-draft-name", name).await?;
    s.click("#create-draft").await?;
    Ok((server, s))
}

async fn start_page_works_alone_and_a_missing_module_is_explained_and_retried(browser: Browser) -> TestResult {
    // A copy of the build without the modules fetched on demand, as if the connection dropped after the first page.
    let site = WithoutModules::new()?;
    let server = StaticServer::start(site.root())?;
    let s = Session::start(browser).await?;

    // The start page is complete without them.
    s.open(&format!("{}/", server.origin())).await?;
    s.wait_for("#import-file").await?;
    s.wait_for_text("#no-drafts", "本机还没有草稿").await?;

    // Creating a draft needs a module: the reason is shown and the typed name stays.
    s.type_into("#new-draft-name", "兰陵县第二批申报").await?;
    s.click("#create-draft").await?;
    s.wait_for_text("#new-draft [role=alert]", "未能加载这部分程序（网络连接中断）。请检查网络后再试一次。").await?;
    assert_eq!(s.value("#new-draft-name").await?, "兰陵县第二批申报");

    // A page behind a module: the reason and 重试, and nothing else breaks.
    s.open(&format!("{}/#/verify", server.origin())).await?;
    s.wait_for_text("#load-error", "请检查网络后点“重试”").await?;
    assert_eq!(s.eval("return document.title").await?, "未能加载 - 衔接推进区申报助手");
    s.click("#load-retry").await?;
    s.wait_for_text("#load-error", "未能加载这一页的程序").await?;

    // The connection is back: 重试 shows the page, and creating the draft works.
    site.restore()?;
    s.click("#load-retry").await?;
    s.wait_for("#bundle-file").await?;
    s.wait_until(
        "return document.activeElement.tagName === 'H1' && document.activeElement.textContent.includes('核验申报包')",
        "after 重试 the page's heading takes the focus 重试 had",
    )
    .await?;
    s.open(&format!("{}/", server.origin())).await?;
    s.type_into("#new-draft-name", "兰陵县第二批申报").await?;
    s.click("#create-draft").await?;
    s.wait_for_text("h1", "申报任务清单").await?;
    let id = s.current_draft_id().await?;
    let stored = s.stored_draft(&id).await?;
    assert_eq!(stored["name"], "兰陵县第二批申报");
    s.close().await
}

/// On a slow network, 新建草稿 says it is at work and ignores further presses; the new draft's page, fetched
/// meanwhile, takes the focus on its heading.
async fn one_press_makes_one_draft_while_its_module_arrives(browser: Browser) -> TestResult {
    let (_server, s) = create_on_a_slow_network(browser, "郯城县第二批申报").await?;
    s.wait_for_text("#create-draft[aria-busy=true]", "正在新建…").await?;
    s.click("#create-draft").await?;
    s.client().find(fantoccini::Locator::Css("#new-draft-name")).await?.send_keys("\u{E007}").await?;
    s.wait_for_text("h1", "申报任务清单").await?;
    let ids = s.eval("return JSON.parse(localStorage.getItem('shenbao.drafts'))").await?;
    assert_eq!(ids.as_array().map(Vec::len), Some(1), "one draft for several presses: {ids}");
    s.wait_until(
        "return document.activeElement.tagName === 'H1' && document.activeElement.textContent.includes('申报任务清单')",
        "the draft's heading takes the focus once its page is there",
    )
    .await?;
    s.close().await
}

/// A draft that is still being made when the user goes elsewhere is saved, and the user stays where they went.
async fn leaving_while_a_draft_is_made_does_not_pull_the_user_back(browser: Browser) -> TestResult {
    let (_server, s) = create_on_a_slow_network(browser, "沂水县第二批申报").await?;
    s.click("a.app-header__link[href='#/verify']").await?;
    s.wait_for("#bundle-file").await?;
    tokio::time::sleep(Duration::from_millis(3000)).await;
    assert_eq!(s.eval("return location.hash").await?, "#/verify");
    s.click("a.app-header__link[href='#/']").await?;
    s.wait_for_text("#drafts", "沂水县第二批申报").await?;
    s.close().await
}

/// While a draft file is being imported (its module is slow), another file chosen is refused with the reason.
async fn a_second_file_during_an_import_is_refused_with_a_reason(browser: Browser) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    server.delay("split_draft_files", Duration::from_millis(3000));
    let s = Session::start(browser).await?;
    s.open(&format!("{}/", server.origin())).await?;
    s.upload("#import-file", &vector("drafts/complete.json")).await?;
    s.wait_for_text("#import-busy", "正在导入「complete.json」…").await?;
    s.upload("#import-file", &vector("drafts/complete.json")).await?;
    s.wait_for_text("#import-error", "正在导入「complete.json」，请等它导入完成。").await?;
    let other = tempfile::Builder::new().prefix("shenbao-other-").tempdir()?;
    let other_file = other.path().join("other.json");
    std::fs::copy(vector("drafts/complete.json"), &other_file)?;
    s.upload("#import-file", &other_file).await?;
    s.wait_for_text("#import-error", "正在导入「complete.json」，「other.json」没有导入：请等这一份导入完成后再选择。")
        .await?;
    s.wait_for_text("h1", "申报任务清单").await?;
    let ids = s.eval("return JSON.parse(localStorage.getItem('shenbao.drafts'))").await?;
    assert_eq!(ids.as_array().map(Vec::len), Some(1), "only the first file was imported: {ids}");
    s.close().await
}

/// The drafts list needs a module: when it cannot be fetched the list says so with 重试, which hands focus to the
/// list's heading.
async fn the_drafts_list_explains_a_missing_module_and_retries(browser: Browser) -> TestResult {
    let site = WithoutModules::new()?;
    let server = StaticServer::start(site.root())?;
    let s = Session::start(browser).await?;
    s.open(&format!("{}/", server.origin())).await?;
    s.wait_for("#import-file").await?;
    store_complete_draft(&s).await?;
    s.reload().await?;
    s.wait_for_text("#load-error", "未能加载这部分程序（网络连接中断）。请检查网络后点“重试”。").await?;
    site.restore()?;
    s.click("#load-retry").await?;
    s.wait_for_text("#drafts", "平阴县").await?;
    s.wait_until("return document.activeElement.id === 'my-drafts'", "after 重试 focus is on 我的草稿").await?;
    s.close().await
}

/// A slow module for the drafts list: 正在读取草稿…, and after ten seconds the hint that a reload helps.
async fn the_drafts_list_says_when_its_module_is_slow(browser: Browser) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    server.delay("split_draft_files", Duration::from_secs(14));
    let s = Session::start(browser).await?;
    s.open(&format!("{}/", server.origin())).await?;
    s.wait_for("#import-file").await?;
    store_complete_draft(&s).await?;
    s.reload().await?;
    s.wait_for_text("#drafts-loading", "正在读取草稿…").await?;
    s.wait_for_text("#drafts-loading-slow", "网络较慢，仍在加载。如长时间没有反应，请检查网络后刷新本页").await?;
    s.wait_for_text("#drafts", "平阴县").await?;
    s.close().await
}

/// A draft created, changed or deleted in another tab appears in, changes in, or leaves this tab's list; a row
/// that changes keeps its open delete question and the focus; when the focused row's draft is deleted there, a
/// message says so and takes the focus (it fell to <body> before), and goes when the draft is restored there.
async fn the_drafts_list_follows_other_tabs(browser: Browser) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    let s = Session::start(browser).await?;
    s.open(&format!("{}/", server.origin())).await?;
    s.wait_for("#no-drafts").await?;
    let a = s.client().window().await?;
    let b = s.client().new_window(true).await?.handle;
    s.client().switch_to_window(b.clone()).await?;
    let id = s.create_draft(&server.origin(), "临沭县第二批申报").await?;
    s.client().switch_to_window(a.clone()).await?;
    s.wait_for_text("#drafts", "临沭县第二批申报").await?;
    s.click(&format!("#delete-{id}")).await?;
    s.wait_focus(&format!("#confirm-delete-{id}")).await?;

    s.client().switch_to_window(b.clone()).await?;
    s.fill("draft-name", "临沭县申报（改名）").await?;
    s.go_to_step(&server.origin(), &id, "applicant").await?;
    s.pick("applicant.city_code", "370100").await?;
    s.pick("applicant.county_code", "370124").await?;
    s.client().switch_to_window(a.clone()).await?;
    s.wait_for_text("#drafts", "济南市平阴县").await?;
    s.wait_for_text("#drafts", "临沭县申报（改名）").await?;
    s.wait_for_text(".app-confirm", "确定删除草稿「临沭县申报（改名）」？").await?;
    s.wait_focus(&format!("#confirm-delete-{id}")).await?;
    s.click(&format!("[data-draft-id='{id}'] [data-action=cancel-delete]")).await?;
    s.wait_focus(&format!("#delete-{id}")).await?;

    s.client().switch_to_window(b.clone()).await?;
    s.open(&format!("{}/", server.origin())).await?;
    let text = s.eval(&format!("return localStorage.getItem('shenbao.draft.{id}')")).await?;
    s.click(&format!("#delete-{id}")).await?;
    s.click(&format!("#confirm-delete-{id}")).await?;
    s.wait_for("#draft-deleted").await?;
    s.client().switch_to_window(a.clone()).await?;
    s.wait_for("#no-drafts").await?;
    s.wait_for_text("#draft-deleted", "草稿「临沭县申报（改名）」已在另一个窗口或标签页中删除。").await?;
    s.wait_focus("#draft-deleted").await?;

    // Restored there (as 恢复这份草稿 on a page of the draft does): the message here goes, the row comes back.
    s.client().switch_to_window(b).await?;
    s.eval(&format!(
        "localStorage.setItem('shenbao.draft.{id}', {text}); localStorage.setItem('shenbao.drafts', JSON.stringify(['{id}']));"
    ))
    .await?;
    s.client().switch_to_window(a).await?;
    s.wait_for(&format!("tr[data-draft-id='{id}']")).await?;
    s.wait_gone("#draft-deleted").await?;
    s.close().await
}

/// A link to a field (`?focus=`) opened as a new page whose module takes a few seconds: the field takes the focus
/// once the page is there.
async fn a_link_to_a_field_focuses_it_once_its_slow_page_arrives(browser: Browser) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    server.delay("split_draft_pages", Duration::from_millis(3000));
    let s = Session::start(browser).await?;
    s.open(&format!("{}/", server.origin())).await?;
    s.wait_for("#import-file").await?;
    store_complete_draft(&s).await?;
    s.open(&format!("{}/index.html#/drafts/t1/applicant?focus=applicant.contact_person", server.origin())).await?;
    s.wait_for("#page-loading").await?;
    s.wait_focus(&field("applicant.contact_person")).await?;
    // A link to a field this page does not have: the page's heading takes the focus.
    s.open(&format!("{}/index.html#/drafts/t1/funds?focus=no.such.field", server.origin())).await?;
    s.wait_until(
        "return document.activeElement.tagName === 'H1' && document.activeElement.textContent.includes('资金筹措')",
        "the heading takes the focus when the linked field does not exist",
    )
    .await?;
    s.close().await
}

/// A web server that does not know `.wasm` (it sends `application/octet-stream`): every page still loads.
async fn pages_load_from_a_server_without_the_wasm_type(browser: Browser) -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    server.serve_wasm_as_octet_stream();
    let s = Session::start(browser).await?;
    s.open(&format!("{}/#/verify", server.origin())).await?;
    s.wait_for("#bundle-file").await?;
    s.open(&format!("{}/#/settings", server.origin())).await?;
    s.wait_for_text("h1", "密钥与存储").await?;
    s.close().await
}
