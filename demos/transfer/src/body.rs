//! Streaming a file body onto a socket without holding it in memory.
//!
//! On Linux the kernel copies straight from the page cache to the socket
//! with `sendfile(2)`: the bytes never enter this program. (`std::io::copy`
//! moves a file to a socket through an 8 KiB buffer, one `send` per 8 KiB.)
//! Elsewhere a 256 KiB buffer is refilled and sent, which is all the
//! tutorial's `fp.read()` of a whole film needed to be.

use std::fs::File;
use std::io::{self, BufReader, Read};
use std::net::TcpStream;

/// Bytes asked of each read on systems without `sendfile`.
pub const CHUNK: usize = 256 * 1024;

/// Bytes asked of each `sendfile`. The call returns when the send buffer
/// is full anyway; a large request means fewer calls, and with
/// `TCP_NODELAY` fewer part-filled segments pushed at the end of each.
pub const SENDFILE_CHUNK: usize = 64 * 1024 * 1024;

/// Sends `len` bytes of `file` from its current position onto `stream`;
/// returns how many went (fewer only if the file shrank).
pub fn send(file: File, len: u64, stream: &mut TcpStream) -> io::Result<u64> {
    #[cfg(target_os = "linux")]
    {
        linux::sendfile(&file, len, stream)
    }
    #[cfg(not(target_os = "linux"))]
    {
        send_buffered(file, len, stream)
    }
}

/// The portable way: a 256 KiB buffer refilled from the file and sent.
pub fn send_buffered(file: File, len: u64, stream: &mut TcpStream) -> io::Result<u64> {
    let mut reader = BufReader::with_capacity(CHUNK, file.take(len));
    io::copy(&mut reader, stream)
}

#[cfg(target_os = "linux")]
mod linux {
    use super::SENDFILE_CHUNK;
    use std::fs::File;
    use std::io;
    use std::net::TcpStream;
    use std::os::fd::AsRawFd;

    // The one unsafe call of the crate: sendfile(2) has no safe wrapper in
    // std, and it is what keeps the body out of this program's memory.
    #[allow(unsafe_code)]
    pub fn sendfile(file: &File, len: u64, stream: &mut TcpStream) -> io::Result<u64> {
        let mut sent = 0u64;
        while sent < len {
            let want = (len - sent).min(SENDFILE_CHUNK as u64) as usize;
            // SAFETY: both descriptors are open for the whole call (borrowed
            // above), and a null offset means "the file's own position".
            let n = unsafe {
                libc::sendfile(
                    stream.as_raw_fd(),
                    file.as_raw_fd(),
                    std::ptr::null_mut(),
                    want,
                )
            };
            match n {
                0 => break, // the file ended early: it shrank
                n if n > 0 => sent += n as u64,
                _ => {
                    let error = io::Error::last_os_error();
                    match error.kind() {
                        io::ErrorKind::Interrupted => {}
                        // SO_SNDTIMEO expired: the client stopped reading.
                        io::ErrorKind::WouldBlock => {
                            return Err(io::Error::new(io::ErrorKind::TimedOut, error));
                        }
                        _ => return Err(error),
                    }
                }
            }
        }
        Ok(sent)
    }
}
