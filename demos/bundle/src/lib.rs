//! # The classroom bundle
//!
//! Most students run Windows, many have never installed a compiler, and
//! the lab's exercise runs across two computers. `just dist` (this crate's
//! `bundle` program) builds every program of the lab for the students'
//! laptops and packs each platform's set into one archive with a
//! START-HERE page, so that a student downloads, unpacks and types
//! `.\lab.exe` — no Rust toolchain, no 300 crates to build first:
//!
//! ```text
//! dist/sticky-packet-lab-0.1.0-x86_64-pc-windows-gnu.zip
//! dist/sticky-packet-lab-0.1.0-x86_64-unknown-linux-musl.tar.gz
//! ```
//!
//! - [`platform`]: the two targets, and what differs between them;
//! - [`workspace`]: the lab's version and programs, from `cargo metadata`;
//! - [`contents`]: what goes into a bundle, the tour renamed `lab` among it;
//! - [`archive`]: writing a zip (Windows) or a gzipped tar (Linux).
//!
//! Why a Rust program rather than a shell script: it runs wherever Cargo
//! does — a teacher on Windows can build the bundle too — and it needs no
//! `zip` or `tar` command.

pub mod archive;
pub mod contents;
pub mod platform;
pub mod workspace;

pub use platform::Platform;

/// The archive's file name (and, without its extension, the name of the
/// folder inside it): `sticky-packet-lab-0.1.0-x86_64-pc-windows-gnu.zip`.
#[must_use]
pub fn archive_name(version: &str, platform: &Platform) -> String {
    format!(
        "{}.{}",
        folder_name(version, platform),
        platform.archive.extension()
    )
}

/// The folder every file of the bundle sits in, so that unpacking it never
/// scatters programs over a student's Downloads folder.
#[must_use]
pub fn folder_name(version: &str, platform: &Platform) -> String {
    format!("sticky-packet-lab-{version}-{}", platform.triple)
}
