//! Opening UDP sockets: a receiver bound to an address, a sender on an
//! ephemeral port, and the buffer sizes the kernel gave them.
//!
//! UDP has no connection: no handshake, no listener, no accept. A receiver
//! binds a port and reads whatever datagrams arrive there, from anyone. A
//! sender needs no set-up at all: every datagram carries its destination
//! (`send_to`, like Python's `sock.sendto(data, addr)`).
//!
//! `connect` on a UDP socket exists, but it sends nothing: it records a
//! default destination and then *drops every datagram from anyone else*.
//! The senders here do not use it, because a server listening on 0.0.0.0
//! of a computer with two addresses may answer from the other one.

use kit::error::{Error, Result};
use kit::knobs::{Applied, Knobs};
use socket2::SockRef;
use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr, UdpSocket};

/// Binds a receiving socket to `addr` (port 0: one the kernel picks).
pub fn bind(addr: SocketAddr) -> Result<UdpSocket> {
    UdpSocket::bind(addr).map_err(|source| Error::Listen { addr, source })
}

/// A socket for sending to `peer`: an ephemeral port of the same address
/// family, on every address of this computer.
pub fn for_sending_to(peer: SocketAddr) -> Result<UdpSocket> {
    let any = match peer {
        SocketAddr::V4(_) => SocketAddr::from((Ipv4Addr::UNSPECIFIED, 0)),
        SocketAddr::V6(_) => SocketAddr::from((Ipv6Addr::UNSPECIFIED, 0)),
    };
    UdpSocket::bind(any).map_err(Error::io(kit::tr!(crate::TEXT, "during-creating")))
}

/// Both ends of an in-process run on 127.0.0.1 (ephemeral ports): the
/// sender, the receiver, and the receiver's address to send to.
pub fn loopback_pair() -> Result<(UdpSocket, UdpSocket, SocketAddr)> {
    let receiver = bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))?;
    let addr = receiver
        .local_addr()
        .map_err(Error::io(kit::tr!(crate::TEXT, "during-receiver-address")))?;
    let sender = for_sending_to(addr)?;
    Ok((sender, receiver, addr))
}

/// The socket's buffer sizes as the kernel applied them. `SO_RCVBUF` is the
/// one that matters for UDP: it is all the room a receiver has for
/// datagrams it has not read yet.
#[must_use]
pub fn applied(socket: &UdpSocket) -> Applied {
    Applied::read(SockRef::from(socket), &Knobs::default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_loopback_pair_talks_and_reports_its_buffers() {
        let (sender, receiver, to) = loopback_pair().unwrap();
        sender.send_to(b"hi", to).unwrap();
        let mut buffer = [0u8; 8];
        assert_eq!(receiver.recv(&mut buffer).unwrap(), 2);
        let knobs = applied(&receiver);
        assert!(knobs.recv_buffer.is_some_and(|n| n > 0));
        assert_eq!(knobs.nodelay, None, "no TCP options on a UDP socket");
    }

    #[test]
    fn a_taken_port_is_a_listen_error() {
        let taken = UdpSocket::bind("127.0.0.1:0").unwrap();
        let addr = taken.local_addr().unwrap();
        let error = bind(addr).unwrap_err();
        assert!(error.to_string().contains("already in use"), "{error}");
    }
}
