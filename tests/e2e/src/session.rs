//! One browser under WebDriver: a driver process of its own, a fresh profile, a download folder, and helpers
//! that wait for the app instead of sleeping.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{Value, json};

use crate::TestResult;
use crate::driver::DriverProcess;

/// The browsers every test runs in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Browser {
    /// Debian's chromium with chromium-driver.
    Chromium,
    /// Debian's firefox-esr with geckodriver from crates.io.
    Firefox,
}

/// How long a wait for the app lasts before the test fails.
pub(crate) const WAIT: Duration = Duration::from_secs(20);

/// A browser session against the app.
#[derive(Debug)]
pub struct Session {
    client: Client,
    driver: DriverProcess,
    /// The browser this session drives.
    pub browser: Browser,
    /// Where downloads land.
    pub downloads: PathBuf,
    _profile: tempfile::TempDir,
    _downloads: tempfile::TempDir,
}

impl Session {
    /// Starts a driver and a headless browser with a fresh profile.
    ///
    /// # Errors
    /// When the driver or the browser does not start.
    pub async fn start(browser: Browser) -> Result<Session, Box<dyn std::error::Error + Send + Sync>> {
        Session::start_with(browser, "normal").await
    }

    /// As [`Session::start`], but navigations return at once instead of waiting for the page's `load` (WebDriver's
    /// page load strategy `none`): for pages whose files never arrive, which a test waits for by other means.
    ///
    /// # Errors
    /// As [`Session::start`].
    pub async fn start_without_waiting_for_loads(
        browser: Browser,
    ) -> Result<Session, Box<dyn std::error::Error + Send + Sync>> {
        Session::start_with(browser, "none").await
    }

    async fn start_with(
        browser: Browser,
        page_load_strategy: &str,
    ) -> Result<Session, Box<dyn std::error::Error + Send + Sync>> {
        let profile = tempfile::Builder::new().prefix("shenbao-profile-").tempdir()?;
        let downloads = tempfile::Builder::new().prefix("shenbao-downloads-").tempdir()?;
        let driver = DriverProcess::start(browser).await?;
        let mut capabilities = capabilities(browser, profile.path(), downloads.path());
        capabilities.insert("pageLoadStrategy".into(), page_load_strategy.into());
        let mut builder = ClientBuilder::new(HttpConnector::new());
        builder.capabilities(capabilities);
        let client = connect_with_retry(&builder, &driver.url()).await?;
        client.set_window_size(1280, 900).await?;
        Ok(Session {
            client,
            driver,
            browser,
            downloads: downloads.path().to_owned(),
            _profile: profile,
            _downloads: downloads,
        })
    }

    /// The WebDriver client, for anything the helpers do not cover.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// Ends the WebDriver session (the driver process is killed on drop either way).
    ///
    /// Fails when the app showed its crash banner (`#app-crash`, a Rust panic) on the page it ended on: every
    /// test is also a test that the app never stops on an internal error.
    ///
    /// # Errors
    /// When the driver does not answer, or the app panicked.
    pub async fn close(self) -> TestResult {
        let crash = self
            .client
            .execute("const b = document.getElementById('app-crash'); return b ? b.dataset.message : null;", vec![])
            .await;
        let Session { client, driver, .. } = self;
        let closed = client.close().await;
        drop(driver);
        if let Ok(serde_json::Value::String(message)) = crash {
            return Err(format!("the app panicked: {message}").into());
        }
        closed.map_err(Into::into)
    }

    /// Opens a URL and waits until the app has rendered (its `<main>` carries `data-app-ready`).
    ///
    /// # Errors
    /// When the page does not load or the app does not start.
    pub async fn open(&self, url: &str) -> TestResult {
        self.client.goto(url).await?;
        self.wait_for("[data-app-ready]").await?;
        Ok(())
    }

    /// Reloads the page and waits for the app.
    ///
    /// # Errors
    /// As [`Session::open`].
    pub async fn reload(&self) -> TestResult {
        self.client.refresh().await?;
        self.wait_for("[data-app-ready]").await?;
        Ok(())
    }

    /// Waits until an element matching `css` exists, and returns it.
    ///
    /// # Errors
    /// When none appears within the wait.
    pub async fn wait_for(&self, css: &str) -> Result<Element, Box<dyn std::error::Error + Send + Sync>> {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Ok(element) = self.client.find(Locator::Css(css)).await {
                return Ok(element);
            }
            if Instant::now() > deadline {
                return Err(format!("no element matches {css:?} after {WAIT:?}").into());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until no element matches `css`.
    ///
    /// # Errors
    /// When one is still there at the end of the wait.
    pub async fn wait_gone(&self, css: &str) -> TestResult {
        self.wait_until(&format!("return document.querySelector({css:?}) === null"), &format!("{css} to disappear"))
            .await
    }

    /// Waits until keyboard focus is on the element `css` selects.
    ///
    /// # Errors
    /// When it never is within the wait.
    pub async fn wait_focus(&self, css: &str) -> TestResult {
        self.wait_until(
            &format!("return document.activeElement === document.querySelector({css:?})"),
            &format!("focus on {css}"),
        )
        .await
    }

    /// Waits until a script (a function body returning a boolean) returns true.
    ///
    /// # Errors
    /// When it never does within the wait.
    pub async fn wait_until(&self, script: &str, what: &str) -> TestResult {
        let deadline = Instant::now() + WAIT;
        loop {
            if self.client.execute(script, vec![]).await.ok() == Some(Value::Bool(true)) {
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err(format!("waited {WAIT:?} for {what}").into());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until the element's text contains `expected`, and returns the whole text.
    ///
    /// # Errors
    /// When it does not within the wait.
    pub async fn wait_for_text(
        &self,
        css: &str,
        expected: &str,
    ) -> Result<String, Box<dyn std::error::Error + Send + Sync>> {
        let deadline = Instant::now() + WAIT;
        let mut last = String::new();
        loop {
            if let Ok(element) = self.client.find(Locator::Css(css)).await {
                last = element.text().await.unwrap_or_default();
                if last.contains(expected) {
                    return Ok(last);
                }
            }
            if Instant::now() > deadline {
                return Err(format!("{css:?} should contain {expected:?}; it says {last:?}").into());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The visible text of the first element matching `css`.
    ///
    /// # Errors
    /// When there is none.
    pub async fn text(&self, css: &str) -> Result<String, Box<dyn std::error::Error + Send + Sync>> {
        Ok(self.wait_for(css).await?.text().await?)
    }

    /// Clears a text field and types into it, key by key, as a person would.
    ///
    /// # Errors
    /// When the field is missing.
    pub async fn type_into(&self, css: &str, text: &str) -> TestResult {
        let field = self.wait_for(css).await?;
        field.clear().await?;
        field.send_keys(text).await?;
        Ok(())
    }

    /// Clicks the first element matching `css`, after scrolling it into view.
    ///
    /// # Errors
    /// When it is missing.
    pub async fn click(&self, css: &str) -> TestResult {
        let element = self.wait_for(css).await?;
        self.client
            .execute("arguments[0].scrollIntoView({block: 'center'})", vec![serde_json::to_value(&element)?])
            .await?;
        element.click().await?;
        Ok(())
    }

    /// Chooses an option of a `<select>` by its value.
    ///
    /// # Errors
    /// When the select or the option is missing.
    pub async fn select(&self, css: &str, value: &str) -> TestResult {
        let select = self.wait_for(css).await?;
        select.select_by_value(value).await?;
        Ok(())
    }

    /// The `value` property of a form field.
    ///
    /// # Errors
    /// When it is missing.
    pub async fn value(&self, css: &str) -> Result<String, Box<dyn std::error::Error + Send + Sync>> {
        let element = self.wait_for(css).await?;
        Ok(element.prop("value").await?.unwrap_or_default())
    }

    /// Runs a script in the page and returns its result.
    ///
    /// # Errors
    /// When the script throws.
    pub async fn eval(&self, script: &str) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        Ok(self.client.execute(script, vec![]).await?)
    }

    /// Waits for a downloaded file whose name contains `fragment` to be complete, and returns its path.
    ///
    /// # Errors
    /// When none arrives within the wait.
    pub async fn downloaded(&self, fragment: &str) -> Result<PathBuf, Box<dyn std::error::Error + Send + Sync>> {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Ok(entries) = std::fs::read_dir(&self.downloads) {
                for entry in entries.flatten() {
                    let name = entry.file_name().to_string_lossy().into_owned();
                    let partial = name.ends_with(".crdownload") || name.ends_with(".part");
                    if name.contains(fragment) && !partial && entry.metadata().map(|m| m.len() > 0).unwrap_or(false) {
                        return Ok(entry.path());
                    }
                }
            }
            if Instant::now() > deadline {
                return Err(
                    format!("no download named like {fragment:?} arrived in {}", self.downloads.display()).into()
                );
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Gives files to an `<input type=file>`, once it is on the page (a page fetched on demand appears a moment
    /// after its route).
    ///
    /// # Errors
    /// When the input does not appear.
    pub async fn upload(&self, css: &str, file: &Path) -> TestResult {
        let input = self.wait_for(css).await?;
        input.send_keys(&file.to_string_lossy()).await?;
        Ok(())
    }
}

async fn connect_with_retry(
    builder: &ClientBuilder<HttpConnector>,
    url: &str,
) -> Result<Client, Box<dyn std::error::Error + Send + Sync>> {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        match builder.connect(url).await {
            Ok(client) => return Ok(client),
            Err(error) if Instant::now() > deadline => {
                return Err(format!("could not start a WebDriver session at {url}: {error}").into());
            }
            Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
        }
    }
}

fn capabilities(browser: Browser, profile: &Path, downloads: &Path) -> serde_json::Map<String, Value> {
    let downloads = downloads.to_string_lossy();
    let value = match browser {
        Browser::Chromium => json!({
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": "/usr/bin/chromium",
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                    "--disable-background-networking", "--disable-component-update", "--no-first-run",
                    "--disable-sync", "--disable-quic", "--disable-default-apps", "--lang=zh-CN",
                    format!("--user-data-dir={}", profile.display()),
                ],
                "prefs": {
                    "download.default_directory": downloads,
                    "download.prompt_for_download": false,
                    "download.directory_upgrade": true,
                    "safebrowsing.enabled": false
                }
            }
        }),
        Browser::Firefox => json!({
            "browserName": "firefox",
            "moz:firefoxOptions": {
                "binary": "/usr/bin/firefox-esr",
                "args": ["-headless"],
                "prefs": {
                    "browser.download.folderList": 2,
                    "browser.download.dir": downloads,
                    "browser.download.useDownloadDir": true,
                    "browser.download.always_ask_before_handling_new_types": false,
                    "browser.helperApps.neverAsk.saveToDisk": "application/json,application/octet-stream,text/csv,text/plain",
                    "browser.download.manager.showWhenStarting": false,
                    "intl.accept_languages": "zh-CN",
                    "app.update.enabled": false,
                    "browser.safebrowsing.malware.enabled": false,
                    "browser.safebrowsing.phishing.enabled": false,
                    "network.captive-portal-service.enabled": false,
                    "network.connectivity-service.enabled": false,
                    "datareporting.policy.dataSubmissionEnabled": false,
                    "toolkit.telemetry.enabled": false,
                    "dom.serviceWorkers.testing.enabled": true
                }
            }
        }),
    };
    match value {
        Value::Object(map) => map,
        _ => serde_json::Map::new(),
    }
}
