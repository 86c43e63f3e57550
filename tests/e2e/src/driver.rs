//! A WebDriver driver (chromedriver or geckodriver) of one session: started on a reserved loopback port, waited for
//! until it listens there, started again on another port if it cannot bind its own, and killed with its browser on
//! drop.
//!
//! A driver whose port is taken exits at once ("Address already in use"). A port that answers is not proof that our
//! driver listens (the process that took the port answers too), so the driver counts as started when the kernel's
//! socket table shows a listening socket on its port held by the driver's own process (Linux `/proc`; the harness
//! already runs on Linux only: process groups, `kill`).

use std::os::unix::process::CommandExt;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use crate::port::ReservedPort;
use crate::session::{Browser, WAIT};

/// A chromedriver or geckodriver process in its own process group, killed with its browsers on drop.
#[derive(Debug)]
pub(crate) struct DriverProcess {
    child: Child,
    port: u16,
    /// Keeps the port from being given to anyone else while the driver runs.
    _reservation: Option<ReservedPort>,
}

/// How many ports a driver is started on before giving up. Ports are reserved, so a second attempt is for a process
/// that took the port regardless (one that binds it by number); more than two would mean something else is wrong.
const DRIVER_ATTEMPTS: usize = 5;

impl DriverProcess {
    /// Starts the driver on a reserved port and waits until it listens there; on another port when it cannot bind.
    ///
    /// # Errors
    /// When the driver cannot be run, or does not start on any of [`DRIVER_ATTEMPTS`] ports.
    pub(crate) async fn start(browser: Browser) -> std::io::Result<DriverProcess> {
        DriverProcess::start_trying(browser, []).await
    }

    /// As [`DriverProcess::start`], trying the `given` ports first (a test gives a taken one), then reserved ones.
    async fn start_trying(browser: Browser, given: impl IntoIterator<Item = u16>) -> std::io::Result<DriverProcess> {
        let mut given = given.into_iter();
        let mut failures = Vec::new();
        for _ in 0..DRIVER_ATTEMPTS {
            let (port, reservation) = match given.next() {
                Some(port) => (port, None),
                None => {
                    let reservation = ReservedPort::new()?;
                    (reservation.port(), Some(reservation))
                }
            };
            let mut child = spawn(browser, port)?;
            match wait_listening(&mut child, port).await? {
                Ok(()) => return Ok(DriverProcess { child, port, _reservation: reservation }),
                Err(status) => failures.push(format!("port {port}: exited with {status}")),
            }
        }
        Err(std::io::Error::other(format!(
            "the {browser:?} driver did not start ({}); run with SHENBAO_E2E_VERBOSE=1 for its output",
            failures.join("; ")
        )))
    }

    /// The driver's address, e.g. `http://127.0.0.1:41235`.
    pub(crate) fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

fn spawn(browser: Browser, port: u16) -> std::io::Result<Child> {
    let mut command = match browser {
        Browser::Chromium => {
            let mut command = Command::new("chromedriver");
            command.arg(format!("--port={port}"));
            command
        }
        Browser::Firefox => {
            let mut command = Command::new("geckodriver");
            command.args(["--host", "127.0.0.1", "--port", &port.to_string(), "--log", "error"]);
            command
        }
    };
    if std::env::var_os("SHENBAO_E2E_VERBOSE").is_none() {
        command.stdout(Stdio::null()).stderr(Stdio::null());
    }
    command.process_group(0).spawn()
}

/// Waits until the driver listens on `port` (`Ok(Ok(()))`), or exits, as a driver does when its port is taken
/// (`Ok(Err(status))`).
///
/// # Errors
/// When the driver does neither within [`WAIT`] (it is then killed), or its state cannot be read.
async fn wait_listening(child: &mut Child, port: u16) -> std::io::Result<Result<(), ExitStatus>> {
    let deadline = Instant::now() + WAIT;
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(Err(status));
        }
        if listens(child.id(), port) {
            return Ok(Ok(()));
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            return Err(std::io::Error::other(format!("the driver did not listen on port {port} within {WAIT:?}")));
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// True when process `pid` holds a socket listening on TCP port `port` of 127.0.0.1: a socket of `/proc/net/tcp` in
/// state `0A` (LISTEN) on `0100007F:<port in hex>` whose inode is one of the process's open files.
fn listens(pid: u32, port: u16) -> bool {
    let Ok(table) = std::fs::read_to_string("/proc/net/tcp") else { return false };
    let address = format!("0100007F:{port:04X}");
    let inodes: Vec<String> = table
        .lines()
        .skip(1)
        .map(|line| line.split_whitespace().collect::<Vec<_>>())
        .filter(|fields| fields.len() > 9 && fields[1] == address && fields[3] == "0A")
        .map(|fields| format!("socket:[{}]", fields[9]))
        .collect();
    if inodes.is_empty() {
        return false;
    }
    let Ok(files) = std::fs::read_dir(format!("/proc/{pid}/fd")) else { return false };
    files.flatten().filter_map(|file| std::fs::read_link(file.path()).ok()).any(|target| {
        let target = target.to_string_lossy();
        inodes.iter().any(|inode| *inode == target)
    })
}

impl Drop for DriverProcess {
    fn drop(&mut self) {
        // The driver leads its own process group: signalling the group also ends the browser it started.
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
        std::thread::sleep(Duration::from_millis(200));
        let _ = Command::new("kill").args(["-KILL", "--", &group]).stderr(Stdio::null()).status();
        let _ = self.child.wait();
    }
}

#[cfg(test)]
mod tests {
    use std::io::{Read, Write};
    use std::net::{TcpListener, TcpStream};

    use super::*;

    /// What answers `GET /status` on a port, read until it says whether the driver is ready (a driver may keep the
    /// connection open after its answer).
    fn status(port: u16) -> std::io::Result<String> {
        let mut stream = TcpStream::connect(("127.0.0.1", port))?;
        stream.set_read_timeout(Some(Duration::from_secs(10)))?;
        write!(stream, "GET /status HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n")?;
        let mut answer = Vec::new();
        let mut buffer = [0u8; 4096];
        while !String::from_utf8_lossy(&answer).contains("\"ready\"") {
            match stream.read(&mut buffer)? {
                0 => break,
                read => answer.extend_from_slice(&buffer[..read]),
            }
        }
        Ok(String::from_utf8_lossy(&answer).into_owned())
    }

    /// A clean `make test` failed with "Address already in use (os error 98)": the port picked for a driver was
    /// taken before the driver bound it. Such a driver is now started again on another port.
    #[tokio::test]
    async fn a_driver_whose_port_is_taken_starts_again_on_another() -> std::io::Result<()> {
        // Another process's server on the port: it accepts connections, but it is not our driver.
        let taken = TcpListener::bind("127.0.0.1:0")?;
        let port = taken.local_addr()?.port();
        for browser in [Browser::Chromium, Browser::Firefox] {
            let driver = DriverProcess::start_trying(browser, [port]).await?;
            assert_ne!(driver.port, port, "{browser:?}");
            let answer = status(driver.port)?;
            assert!(answer.starts_with("HTTP/1.1 200") && answer.contains("\"ready\""), "{browser:?}: {answer}");
        }
        drop(taken);
        Ok(())
    }
}
