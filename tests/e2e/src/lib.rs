//! The browser test harness: serves the built app (`dist/`) on a free loopback port, starts chromedriver or
//! geckodriver with a fresh profile, and drives headless Chromium or Firefox ESR over WebDriver.
//!
//! Every test runs in both browsers through [`browser_tests!`]; `cargo test -p shenbao-e2e -- firefox` runs one
//! browser's half. Everything a test starts (server, driver, browser, temporary profile and download folders)
//! is stopped and removed when its [`Session`] and [`StaticServer`] are dropped, even when the test fails.

mod app;
mod driver;
mod port;
mod probe;
mod server;
mod session;

pub use app::{KEY_PASSPHRASE, field, finding, radio};
pub use probe::{PROBE_RECORD, probed_app, probed_single_file};
pub use server::StaticServer;
pub use session::{Browser, Session};

/// Runs each listed async test function once per browser, as `<name>::chromium` and `<name>::firefox`.
///
/// Each function takes a [`Browser`] and returns `Result<(), Box<dyn std::error::Error>>`.
#[macro_export]
macro_rules! browser_tests {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn chromium() {
                    if let Err(error) = super::$name($crate::Browser::Chromium).await {
                        panic!("{error}");
                    }
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn firefox() {
                    if let Err(error) = super::$name($crate::Browser::Firefox).await {
                        panic!("{error}");
                    }
                }
            }
        )*
    };
}

/// The result type of a browser test.
pub type TestResult = Result<(), Box<dyn std::error::Error + Send + Sync>>;

/// The folder of the built app: `$SHENBAO_DIST`, or `dist/` at the workspace root.
pub fn dist_dir() -> std::path::PathBuf {
    match std::env::var_os("SHENBAO_DIST") {
        Some(dir) => dir.into(),
        None => workspace_dir().join("dist"),
    }
}

/// Copies the folder `from` into `to` (created), e.g. a build to change before serving it.
///
/// # Errors
/// When a file cannot be read or written.
pub fn copy_dir(from: &std::path::Path, to: &std::path::Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

/// The workspace root, for test vectors.
///
/// Read at run time (cargo sets `CARGO_MANIFEST_DIR` for the tests it runs): a compiled-in path would point at
/// whichever checkout first built this crate when several checkouts share one target folder.
pub fn workspace_dir() -> std::path::PathBuf {
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR")
        .map_or_else(|| env!("CARGO_MANIFEST_DIR").into(), std::path::PathBuf::from);
    let dir = manifest.join("../..");
    dir.canonicalize().unwrap_or(dir)
}

/// The `shenbao` command-line tool, built once per test run (`cargo build -p shenbao-cli`).
///
/// # Panics
/// When it cannot be built: the browser tests that hand files to it cannot run without it.
pub fn shenbao_cli() -> std::path::PathBuf {
    static BUILT: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();
    BUILT
        .get_or_init(|| {
            let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
            let status = std::process::Command::new(cargo)
                .args(["build", "-q", "-p", "shenbao-cli"])
                .current_dir(workspace_dir())
                .status();
            assert!(status.is_ok_and(|s| s.success()), "could not build the shenbao CLI");
            let target =
                std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| workspace_dir().join("target"), Into::into);
            target.join("debug/shenbao")
        })
        .clone()
}

/// A file of the golden vectors, e.g. `drafts/complete.json`.
pub fn vector(path: &str) -> std::path::PathBuf {
    workspace_dir().join("tests/vectors").join(path)
}

/// The `file://` URL of a local file (percent-encoded: the single file's name is Chinese), as a user opening it from
/// a folder gets.
///
/// # Panics
/// If `path` is not absolute.
pub fn file_url(path: &std::path::Path) -> String {
    url::Url::from_file_path(path)
        .map(String::from)
        .unwrap_or_else(|()| panic!("not an absolute path: {}", path.display()))
}
