//! The options both half binaries share: give the server and the client the
//! same variant flags, so they agree on what is sent and how it is read.

use crate::{RECV_SIZE, SENTENCE, Scenario};
use clap::Args;

/// Which half-packet variant to run.
#[derive(Debug, Clone, Args)]
pub struct VariantArgs {
    /// Variant 1 (the default): the server reads with recv(N), N smaller
    /// than the message. 16 cuts the sentence inside 天.
    #[arg(long, value_name = "N", conflicts_with_all = ["rcvbuf", "staged"],
          value_parser = clap::value_parser!(u32).range(1..))]
    pub recv_size: Option<u32>,

    /// Variant 2: SO_RCVBUF of N bytes (4096 if N is left out) on the
    /// server's listener and a big message (--size); no recv can return
    /// more than the kernel queues.
    #[arg(long, value_name = "N", num_args = 0..=1, default_missing_value = "4096",
          conflicts_with = "staged", value_parser = clap::value_parser!(u32).range(1..))]
    pub rcvbuf: Option<u32>,

    /// Variant 3: the client writes the message in pieces (--pieces), each
    /// only after the server has read the one before.
    #[arg(long)]
    pub staged: bool,

    /// The message for variants 1 and 3 (the tutorial's sentence by default).
    #[arg(long, value_name = "TEXT", value_parser = kit::cli::message, conflicts_with = "rcvbuf")]
    pub message: Option<Vec<u8>>,

    /// The size of variant 2's message in bytes ("重要信息" repeated).
    #[arg(long, value_name = "BYTES", default_value_t = 256 * 1024,
          value_parser = clap::value_parser!(u32).range(1..=64 * 1024 * 1024))]
    pub size: u32,

    /// Variant 3's piece sizes, comma-separated; the rest of the message is
    /// one last piece.
    #[arg(
        long,
        value_name = "LIST",
        value_delimiter = ',',
        default_value = "2,5,13"
    )]
    pub pieces: Vec<usize>,
}

impl VariantArgs {
    /// The scenario these flags describe.
    pub fn scenario(&self) -> kit::Result<Scenario> {
        let message = self.message.clone().unwrap_or_else(|| SENTENCE.into());
        if self.staged {
            return Scenario::staged(message, &self.pieces);
        }
        if let Some(rcvbuf) = self.rcvbuf {
            return Ok(Scenario::small_queue(rcvbuf as usize, self.size as usize));
        }
        let recv_size = self.recv_size.map_or(RECV_SIZE, |n| n as usize);
        Ok(Scenario {
            message,
            ..Scenario::small_recv(recv_size)
        })
    }
}
