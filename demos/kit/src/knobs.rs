//! The socket options a demo turns, and the values the kernel really applied.
//!
//! Knobs are set with socket2 *before* `connect` or `listen`, because two of
//! them are read by the kernel at the start of the connection: the receive
//! buffer size decides the window advertised in the SYN (and a listener's
//! `SO_RCVBUF` is inherited by every socket it accepts), and the send buffer
//! size bounds how much the sender may queue from the first write on.
//!
//! What the kernel applies is not what was asked: Linux doubles `SO_RCVBUF` and
//! `SO_SNDBUF` to leave room for its own bookkeeping and clamps tiny values
//! (asking for 1 gives 2304 and 4608 on kernel 6.x). So a demo prints the
//! [`Applied`] values, read back with `getsockopt`, never its own wishes.

use serde::{Deserialize, Serialize};
use socket2::SockRef;
use std::io;

/// Socket options to set before the connection starts. `None` leaves the
/// operating system's default alone.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Knobs {
    /// `TCP_NODELAY`: send small writes at once instead of waiting, as Nagle's
    /// algorithm does, for the ACK of data already in flight.
    pub nodelay: Option<bool>,
    /// `SO_RCVBUF` in bytes: how much the kernel will queue for a reader that
    /// has not called `recv` yet (and so the window the peer may fill).
    pub recv_buffer: Option<usize>,
    /// `SO_SNDBUF` in bytes: how much the kernel will queue before `send` blocks.
    pub send_buffer: Option<usize>,
    /// `TCP_QUICKACK` (Linux): ACK at once instead of delaying the ACK. The
    /// kernel clears it again on its own, so it has to be re-armed.
    pub quickack: Option<bool>,
    /// `TCP_CORK` (Linux): hold partial segments until the cork is removed.
    pub cork: Option<bool>,
    /// `TCP_MAXSEG` (Unix): the largest segment this side announces in its
    /// SYN, so the connection's full-sized segment is small enough to write
    /// in one go. Set before `connect`, because the MSS is agreed in the
    /// handshake.
    pub mss: Option<u32>,
}

/// The options as the kernel reports them after it applied them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Applied {
    /// `TCP_NODELAY` as read back.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nodelay: Option<bool>,
    /// `SO_RCVBUF` as read back, in bytes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recv_buffer: Option<usize>,
    /// `SO_SNDBUF` as read back, in bytes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub send_buffer: Option<usize>,
    /// `TCP_QUICKACK` as read back (Linux only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quickack: Option<bool>,
    /// `TCP_CORK` as read back (Linux only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cork: Option<bool>,
    /// The MSS the connection really uses, in bytes, when one was asked
    /// for: less than asked, because TCP options (timestamps) take room in
    /// every segment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mss: Option<u32>,
}

impl Knobs {
    /// Sets every knob that is `Some` on `socket`.
    ///
    /// A knob this platform lacks (QUICKACK or CORK off Linux) is an
    /// [`io::ErrorKind::Unsupported`] error, so a demo can say so plainly.
    pub fn apply(&self, socket: SockRef<'_>) -> io::Result<()> {
        if let Some(on) = self.nodelay {
            socket.set_tcp_nodelay(on)?;
        }
        if let Some(bytes) = self.recv_buffer {
            socket.set_recv_buffer_size(bytes)?;
        }
        if let Some(bytes) = self.send_buffer {
            socket.set_send_buffer_size(bytes)?;
        }
        if let Some(on) = self.quickack {
            set_quickack(&socket, on)?;
        }
        if let Some(on) = self.cork {
            set_cork(&socket, on)?;
        }
        if let Some(bytes) = self.mss {
            set_mss(&socket, bytes)?;
        }
        Ok(())
    }
}

impl Applied {
    /// Reads back the options of a socket: the buffers and `TCP_NODELAY`
    /// always, QUICKACK and CORK when they were `asked` for (and exist here).
    #[must_use]
    pub fn read(socket: SockRef<'_>, asked: &Knobs) -> Applied {
        Applied {
            nodelay: socket.tcp_nodelay().ok(),
            recv_buffer: socket.recv_buffer_size().ok(),
            send_buffer: socket.send_buffer_size().ok(),
            quickack: asked.quickack.and_then(|_| quickack(&socket)),
            cork: asked.cork.and_then(|_| cork(&socket)),
            mss: asked.mss.and_then(|_| mss(&socket)),
        }
    }

    /// The knobs that shape sending: `TCP_NODELAY`, `SO_SNDBUF`, `TCP_CORK`.
    #[must_use]
    pub fn sending(&self) -> Applied {
        Applied {
            nodelay: self.nodelay,
            send_buffer: self.send_buffer,
            cork: self.cork,
            mss: self.mss,
            ..Applied::default()
        }
    }

    /// The knobs that shape receiving: `SO_RCVBUF`, `TCP_QUICKACK`.
    #[must_use]
    pub fn receiving(&self) -> Applied {
        Applied {
            recv_buffer: self.recv_buffer,
            quickack: self.quickack,
            ..Applied::default()
        }
    }

    /// The knobs of a whole connection, as a report shows them: how the
    /// sender sends and how the receiver queues.
    #[must_use]
    pub fn of_connection(sender: &Applied, receiver: &Applied) -> Applied {
        Applied {
            recv_buffer: receiver.recv_buffer,
            quickack: receiver.quickack,
            ..sender.sending()
        }
    }
}

#[cfg(target_os = "linux")]
fn set_quickack(socket: &SockRef<'_>, on: bool) -> io::Result<()> {
    socket.set_tcp_quickack(on)
}

#[cfg(not(target_os = "linux"))]
fn set_quickack(_: &SockRef<'_>, _: bool) -> io::Result<()> {
    Err(io::Error::new(
        io::ErrorKind::Unsupported,
        crate::tr!(crate::TEXT, "knobs-quickack-linux-only"),
    ))
}

#[cfg(target_os = "linux")]
fn quickack(socket: &SockRef<'_>) -> Option<bool> {
    socket.tcp_quickack().ok()
}

#[cfg(not(target_os = "linux"))]
fn quickack(_: &SockRef<'_>) -> Option<bool> {
    None
}

#[cfg(target_os = "linux")]
fn set_cork(socket: &SockRef<'_>, on: bool) -> io::Result<()> {
    socket.set_tcp_cork(on)
}

#[cfg(not(target_os = "linux"))]
fn set_cork(_: &SockRef<'_>, _: bool) -> io::Result<()> {
    Err(io::Error::new(
        io::ErrorKind::Unsupported,
        crate::tr!(crate::TEXT, "knobs-cork-linux-only"),
    ))
}

#[cfg(target_os = "linux")]
fn cork(socket: &SockRef<'_>) -> Option<bool> {
    socket.tcp_cork().ok()
}

#[cfg(not(target_os = "linux"))]
fn cork(_: &SockRef<'_>) -> Option<bool> {
    None
}

#[cfg(unix)]
fn set_mss(socket: &SockRef<'_>, bytes: u32) -> io::Result<()> {
    socket.set_tcp_mss(bytes)
}

#[cfg(not(unix))]
fn set_mss(_: &SockRef<'_>, _: u32) -> io::Result<()> {
    Err(io::Error::new(
        io::ErrorKind::Unsupported,
        crate::tr!(crate::TEXT, "knobs-maxseg-unsupported"),
    ))
}

#[cfg(unix)]
fn mss(socket: &SockRef<'_>) -> Option<u32> {
    socket.tcp_mss().ok()
}

#[cfg(not(unix))]
fn mss(_: &SockRef<'_>) -> Option<u32> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::TcpListener;

    #[test]
    fn applied_values_are_read_back_from_the_kernel() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let asked = Knobs {
            recv_buffer: Some(4096),
            ..Knobs::default()
        };
        asked.apply(SockRef::from(&listener)).unwrap();
        let applied = Applied::read(SockRef::from(&listener), &asked);
        let got = applied.recv_buffer.unwrap();
        // Every kernel applies at least what was asked (Linux doubles it);
        // the point of reading back is that it need not be equal.
        assert!(got >= 4096 || cfg!(not(target_os = "linux")), "got {got}");
        if cfg!(target_os = "linux") {
            assert_eq!(got, 8192, "Linux doubles SO_RCVBUF");
        }
    }
}
