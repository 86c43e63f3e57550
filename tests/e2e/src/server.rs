//! A static file server for the built app, on 127.0.0.1 and a free port, that a test can stop and start again
//! (to go offline and come back) and point at another folder (to deploy a new version).
//!
//! Plain HTTP/1.1 over `std::net`, one thread per connection, and every response closes its connection: a stopped
//! server must look like a network that is gone, and a browser would otherwise keep sending requests down an idle
//! keep-alive connection that nobody answers any more. `stop` closes the listening socket (new connections are
//! refused) and cuts every connection still open.
//!
//! The port is a [`ReservedPort`] kept for the server's whole life: the listener bound when the server starts is the
//! one that serves (no bind, drop and bind again), and while the server is stopped no other process is given the
//! port, so that `resume` listens on it again.

use std::io::{BufRead, BufReader, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use crate::port::ReservedPort;

/// Serves one folder over HTTP until stopped or dropped.
#[allow(missing_debug_implementations)]
pub struct StaticServer {
    port: ReservedPort,
    root: Arc<Mutex<PathBuf>>,
    delay: Arc<Mutex<Option<(String, Duration)>>>,
    wasm_as_octet_stream: Arc<AtomicBool>,
    scripts_as_text: Arc<AtomicBool>,
    running: Option<Running>,
}

struct Running {
    stopping: Arc<AtomicBool>,
    open: Arc<Mutex<Vec<(u64, TcpStream)>>>,
    thread: JoinHandle<()>,
}

impl StaticServer {
    /// Starts serving `root` on a free loopback port.
    ///
    /// # Errors
    /// When no port can be bound.
    pub fn start(root: &Path) -> std::io::Result<StaticServer> {
        let mut server = StaticServer {
            port: ReservedPort::new()?,
            root: Arc::new(Mutex::new(root.to_owned())),
            delay: Arc::default(),
            wasm_as_octet_stream: Arc::default(),
            scripts_as_text: Arc::default(),
            running: None,
        };
        server.resume()?;
        Ok(server)
    }

    /// The origin, e.g. `http://127.0.0.1:41234`.
    pub fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.port.port())
    }

    /// Serves another folder from now on (a new deployment).
    /// Answers requests whose path contains `fragment` only after `by` (a slow network for chosen files).
    pub fn delay(&self, fragment: &str, by: Duration) {
        if let Ok(mut delay) = self.delay.lock() {
            *delay = Some((fragment.to_owned(), by));
        }
    }

    /// Answers every request at once again (undoes [`StaticServer::delay`]).
    pub fn clear_delay(&self) {
        if let Ok(mut delay) = self.delay.lock() {
            *delay = None;
        }
    }

    /// Serves `.wasm` files as `application/octet-stream`, as a misconfigured web server does.
    pub fn serve_wasm_as_octet_stream(&self) {
        self.wasm_as_octet_stream.store(true, Ordering::SeqCst);
    }

    /// Serves `.js` files as `text/plain` (`on`), as a misconfigured web server does: browsers refuse them as module
    /// scripts. `false` serves them as JavaScript again.
    pub fn serve_scripts_as_text(&self, on: bool) {
        self.scripts_as_text.store(on, Ordering::SeqCst);
    }

    pub fn serve_from(&self, root: &Path) {
        if let Ok(mut current) = self.root.lock() {
            *current = root.to_owned();
        }
    }

    /// Stops answering: new connections are refused and open ones are cut, as when the network is gone.
    pub fn stop(&mut self) {
        let Some(running) = self.running.take() else { return };
        running.stopping.store(true, Ordering::SeqCst);
        // Wake the accept loop so that it sees the flag and drops the listening socket.
        drop(TcpStream::connect(("127.0.0.1", self.port.port())));
        let _ = running.thread.join();
        if let Ok(open) = running.open.lock() {
            for (_, stream) in open.iter() {
                let _ = stream.shutdown(Shutdown::Both);
            }
        }
    }

    /// Starts answering again on the same port (kept for this server while it was stopped).
    ///
    /// # Errors
    /// When the port cannot be bound again.
    pub fn resume(&mut self) -> std::io::Result<()> {
        if self.running.is_some() {
            return Ok(());
        }
        let listener = TcpListener::bind(("127.0.0.1", self.port.port()))?;
        let stopping = Arc::new(AtomicBool::new(false));
        let open: Arc<Mutex<Vec<(u64, TcpStream)>>> = Arc::default();
        let (root, flag, connections) = (Arc::clone(&self.root), Arc::clone(&stopping), Arc::clone(&open));
        let delay = Arc::clone(&self.delay);
        let octet = Arc::clone(&self.wasm_as_octet_stream);
        let text = Arc::clone(&self.scripts_as_text);
        let thread = std::thread::spawn(move || {
            let ids = AtomicU64::new(0);
            for stream in listener.incoming() {
                if flag.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let id = ids.fetch_add(1, Ordering::Relaxed);
                if let (Ok(mut list), Ok(copy)) = (connections.lock(), stream.try_clone()) {
                    list.push((id, copy));
                }
                let (root, connections, delay) = (Arc::clone(&root), Arc::clone(&connections), Arc::clone(&delay));
                let misconfigured = Misconfigured {
                    wasm_as_octet_stream: octet.load(Ordering::SeqCst),
                    scripts_as_text: text.load(Ordering::SeqCst),
                };
                std::thread::spawn(move || {
                    let root = root.lock().map(|r| r.clone()).unwrap_or_default();
                    let delay = delay.lock().map(|d| d.clone()).unwrap_or_default();
                    let _ = serve(&root, stream, delay, misconfigured);
                    if let Ok(mut list) = connections.lock() {
                        list.retain(|(other, _)| *other != id);
                    }
                });
            }
        });
        self.running = Some(Running { stopping, open, thread });
        Ok(())
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Content types a misconfigured server gets wrong.
#[derive(Clone, Copy)]
struct Misconfigured {
    wasm_as_octet_stream: bool,
    scripts_as_text: bool,
}

/// Answers one request on the connection, then closes it.
fn serve(
    root: &Path,
    stream: TcpStream,
    delay: Option<(String, Duration)>,
    misconfigured: Misconfigured,
) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
            break;
        }
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or_default(), parts.next().unwrap_or("/"));
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let relative = path.trim_start_matches('/');
    let relative = if relative.is_empty() || relative.ends_with('/') {
        format!("{relative}index.html")
    } else {
        relative.to_owned()
    };
    if let Some((fragment, by)) = delay
        && path.contains(&fragment)
    {
        std::thread::sleep(by);
    }
    let safe = !relative.split('/').any(|part| part == "..");
    let (status, kind, body) = match std::fs::read(root.join(&relative)) {
        Ok(bytes) if safe && (method == "GET" || method == "HEAD") => {
            let kind = if misconfigured.wasm_as_octet_stream && relative.ends_with(".wasm") {
                "application/octet-stream"
            } else if misconfigured.scripts_as_text && relative.ends_with(".js") {
                "text/plain; charset=utf-8"
            } else {
                content_type(&relative)
            };
            ("200 OK", kind, bytes)
        }
        _ => ("404 Not Found", "text/plain; charset=utf-8", b"not found".to_vec()),
    };
    let mut writer = stream;
    write!(
        writer,
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\n\
         Connection: close\r\n\r\n",
        body.len()
    )?;
    if method != "HEAD" {
        writer.write_all(&body)?;
    }
    writer.flush()?;
    writer.shutdown(Shutdown::Both)
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

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    fn get(origin: &str) -> std::io::Result<String> {
        let mut stream = TcpStream::connect(origin.trim_start_matches("http://"))?;
        stream.write_all(b"GET /hello.txt HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")?;
        let mut answer = String::new();
        stream.read_to_string(&mut answer)?;
        Ok(answer)
    }

    /// The offline tests stop the server (the network is gone) and resume it on the same origin. While it is stopped,
    /// connections are refused and the port stays bound (a plain bind of it fails; binds to port 0 skip it), so
    /// that it can resume there.
    #[test]
    fn a_stopped_server_keeps_its_port_and_resumes_on_it() -> std::io::Result<()> {
        let root = tempfile::tempdir()?;
        std::fs::write(root.path().join("hello.txt"), "你好")?;
        let mut server = StaticServer::start(root.path())?;
        let origin = server.origin();
        assert!(get(&origin)?.ends_with("\r\n\r\n你好"));
        server.stop();
        assert!(get(&origin).is_err(), "a stopped server refuses connections");
        let port = origin.rsplit(':').next().and_then(|port| port.parse::<u16>().ok()).unwrap_or_default();
        assert!(crate::port::tests::plain_bind(port).is_err(), "port {port} was let go while the server was stopped");
        server.resume()?;
        assert_eq!(server.origin(), origin);
        assert!(get(&origin)?.ends_with("\r\n\r\n你好"));
        Ok(())
    }
}
