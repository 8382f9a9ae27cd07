//! The options both half binaries share: give the server and the client the
//! same variant flags, so they agree on what is sent and how it is read.

use crate::{BIG, PIECES, RECV_SIZE, SENTENCE, Scenario};
use clap::Args;
use kit::cli::flag;

/// One `--message`, as its UTF-8 bytes.
///
/// A type of its own because clap reads an `Option<Vec<u8>>` field as
/// "any number of bytes", not as "one optional message".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message(pub Vec<u8>);

/// Parses a `--message` (a clap value parser): any text but the empty one.
fn message(text: &str) -> Result<Message, String> {
    kit::cli::message(text).map(Message)
}

/// Which half-packet variant to run.
#[derive(Debug, Clone, Args)]
pub struct VariantArgs {
    /// Variant 1 (the default): the server reads with recv(N), N smaller
    /// than the message. 16 cuts the sentence inside 天.
    #[arg(long, value_name = "N", conflicts_with_all = ["rcvbuf", "staged"],
          value_parser = clap::value_parser!(u32).range(1..))]
    pub recv_size: Option<u32>,

    /// Variant 2: `SO_RCVBUF` of N bytes (4096 if N is left out) on the
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
    #[arg(long, value_name = "TEXT", value_parser = message, conflicts_with = "rcvbuf")]
    pub message: Option<Message>,

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
        let message = self
            .message
            .clone()
            .map_or_else(|| SENTENCE.into(), |m| m.0);
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

    /// These flags as typed on a command line, defaults left out: what the
    /// other side must be given to agree.
    pub fn flags(&self) -> String {
        let mut flags = String::new();
        if let Some(n) = self.recv_size {
            flags += &flag("recv-size", &n.to_string());
        }
        if let Some(n) = self.rcvbuf {
            flags += &flag("rcvbuf", &n.to_string());
            if self.size as usize != BIG {
                flags += &flag("size", &self.size.to_string());
            }
        }
        if self.staged {
            flags += " --staged";
            if self.pieces != PIECES {
                let list: Vec<String> = self.pieces.iter().map(usize::to_string).collect();
                flags += &flag("pieces", &list.join(","));
            }
        }
        if let Some(Message(bytes)) = &self.message {
            flags += &flag("message", &String::from_utf8_lossy(bytes));
        }
        flags
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Debug, Parser)]
    struct Both {
        #[command(flatten)]
        variant: VariantArgs,
    }

    fn parse(line: &[&str]) -> VariantArgs {
        let mut args = vec!["half"];
        args.extend_from_slice(line);
        Both::try_parse_from(args).unwrap().variant
    }

    #[test]
    fn a_message_is_one_text_and_the_flags_repeat_what_was_given() {
        let given = parse(&["--message", "你好", "--recv-size", "4"]);
        assert_eq!(given.message, Some(Message("你好".as_bytes().to_vec())));
        assert_eq!(given.flags(), " --recv-size 4 --message 你好");
        assert_eq!(parse(&[]).flags(), "");
        assert_eq!(parse(&["--rcvbuf"]).flags(), " --rcvbuf 4096");
        assert_eq!(
            parse(&["--staged", "--pieces", "1,1"]).flags(),
            " --staged --pieces 1,1"
        );
        assert_eq!(
            parse(&["--staged", "--pieces", "2,5,13"]).flags(),
            " --staged"
        );
    }
}
