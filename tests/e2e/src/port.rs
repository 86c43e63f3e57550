//! A loopback port kept for one user (the static server, or one WebDriver driver) for as long as it is needed.
//!
//! Picking a port by binding port 0 and dropping the socket leaves a gap before the port is bound again, in which
//! another process (a test in another thread, a driver of another test) can take it: a clean `make test` failed so
//! with "Address already in use (os error 98)". A [`ReservedPort`] closes the gap: it holds a socket bound to the
//! port with `SO_REUSEADDR` but not listening. On Linux, a bind to port 0 never hands out a port that has a bound
//! socket, so no other process is given it; while our socket is not listening, our own listener (std's and tokio's
//! listeners, chromedriver and geckodriver all set `SO_REUSEADDR`) can still bind the port and listen, and when
//! that listener closes (the server stopped, to go offline) a connection is refused, as when the network is gone.

use std::net::{Ipv4Addr, SocketAddr};

use socket2::{Domain, Socket, Type};

/// A port on 127.0.0.1 that no other bind to port 0 is given while this value lives.
#[derive(Debug)]
pub struct ReservedPort {
    _socket: Socket,
    port: u16,
}

impl ReservedPort {
    /// Reserves a free loopback port.
    ///
    /// # Errors
    /// When no socket can be made or bound.
    pub fn new() -> std::io::Result<ReservedPort> {
        let socket = Socket::new(Domain::IPV4, Type::STREAM, None)?;
        socket.set_reuse_address(true)?;
        socket.bind(&SocketAddr::from((Ipv4Addr::LOCALHOST, 0)).into())?;
        let port = socket
            .local_addr()?
            .as_socket()
            .map(|address| address.port())
            .ok_or_else(|| std::io::Error::other("the reserved socket has no port"))?;
        Ok(ReservedPort { _socket: socket, port })
    }

    /// The port number.
    pub fn port(&self) -> u16 {
        self.port
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use std::net::{TcpListener, TcpStream};

    use super::*;

    /// Binds `port` without `SO_REUSEADDR`: refused while any socket is bound to the port, listening or not.
    pub(crate) fn plain_bind(port: u16) -> std::io::Result<Socket> {
        let socket = Socket::new(Domain::IPV4, Type::STREAM, None)?;
        socket.bind(&SocketAddr::from((Ipv4Addr::LOCALHOST, port)).into())?;
        Ok(socket)
    }

    #[test]
    fn our_listener_binds_a_reserved_port_and_nobody_else_is_given_it() -> std::io::Result<()> {
        let reserved = ReservedPort::new()?;
        let port = reserved.port();
        assert!(plain_bind(port).is_err(), "the port is bound");
        // Binds to port 0 elsewhere never get it (about as many tries as there are ephemeral ports).
        for _ in 0..30_000 {
            assert_ne!(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port(), port);
        }
        // Our own listener can take it, and while it listens nobody else can bind it.
        let listener = TcpListener::bind(("127.0.0.1", port))?;
        assert!(TcpListener::bind(("127.0.0.1", port)).is_err());
        assert!(TcpStream::connect(("127.0.0.1", port)).is_ok());
        // Once it closes, connections are refused, the port is still held, and it can listen again on it.
        drop(listener);
        assert!(TcpStream::connect(("127.0.0.1", port)).is_err());
        assert!(plain_bind(port).is_err(), "the port is still bound");
        let again = TcpListener::bind(("127.0.0.1", port))?;
        assert!(TcpStream::connect(("127.0.0.1", port)).is_ok());
        drop(again);
        // Let go, the port is free.
        drop(reserved);
        assert!(plain_bind(port).is_ok());
        Ok(())
    }
}
