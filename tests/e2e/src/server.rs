//! A static file server for the built app, on 127.0.0.1 and a free port, that a test can stop and start again
//! (to go offline and come back) and point at another folder (to deploy a new version).

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

/// Serves one folder over HTTP until stopped or dropped.
#[allow(missing_debug_implementations)]
pub struct StaticServer {
    port: u16,
    root: Arc<Mutex<PathBuf>>,
    running: Option<(Arc<tiny_http::Server>, JoinHandle<()>)>,
}

impl StaticServer {
    /// Starts serving `root` on a free loopback port.
    ///
    /// # Errors
    /// When no port can be bound.
    pub fn start(root: &Path) -> std::io::Result<StaticServer> {
        let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        let mut server = StaticServer { port, root: Arc::new(Mutex::new(root.to_owned())), running: None };
        server.resume()?;
        Ok(server)
    }

    /// The origin, e.g. `http://127.0.0.1:41234`.
    pub fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Serves another folder from now on (a new deployment).
    pub fn serve_from(&self, root: &Path) {
        if let Ok(mut current) = self.root.lock() {
            *current = root.to_owned();
        }
    }

    /// Stops answering: connections are refused, as when the network is gone.
    pub fn stop(&mut self) {
        if let Some((server, thread)) = self.running.take() {
            server.unblock();
            let _ = thread.join();
        }
    }

    /// Starts answering again on the same port.
    ///
    /// # Errors
    /// When the port cannot be bound again.
    pub fn resume(&mut self) -> std::io::Result<()> {
        if self.running.is_some() {
            return Ok(());
        }
        let server = Arc::new(
            tiny_http::Server::http(("127.0.0.1", self.port)).map_err(|e| std::io::Error::other(e.to_string()))?,
        );
        let root = Arc::clone(&self.root);
        let serving = Arc::clone(&server);
        let thread = std::thread::spawn(move || {
            for request in serving.incoming_requests() {
                let root = root.lock().map(|r| r.clone()).unwrap_or_default();
                respond(&root, request);
            }
        });
        self.running = Some((server, thread));
        Ok(())
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stop();
    }
}

fn respond(root: &Path, request: tiny_http::Request) {
    let path = request.url().split(['?', '#']).next().unwrap_or("/").to_owned();
    let relative = path.trim_start_matches('/');
    let relative = if relative.is_empty() || relative.ends_with('/') {
        format!("{relative}index.html")
    } else {
        relative.to_owned()
    };
    let safe = !relative.split('/').any(|part| part == "..");
    let file = root.join(&relative);
    let result = match std::fs::read(&file) {
        Ok(bytes) if safe => {
            let response = tiny_http::Response::from_data(bytes)
                .with_header(header("Content-Type", content_type(&relative)))
                .with_header(header("Cache-Control", "no-cache"));
            request.respond(response)
        }
        _ => request.respond(tiny_http::Response::from_string("not found").with_status_code(404)),
    };
    drop(result);
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    #[allow(clippy::expect_used)]
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("static header names are valid")
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or_default() {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "png" => "image/png",
        "svg" => "image/svg+xml",
        _ => "application/octet-stream",
    }
}
