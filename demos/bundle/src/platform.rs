//! The two platforms a bundle is built for, and what differs between them.

/// How a platform's bundle is packed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Archive {
    /// A zip file: what Windows' File Explorer opens by itself.
    Zip,
    /// A gzipped tar file: what every Linux unpacks, and it keeps the
    /// programs' executable bit.
    TarGz,
}

impl Archive {
    /// The file name's extension.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Archive::Zip => "zip",
            Archive::TarGz => "tar.gz",
        }
    }
}

/// A platform the lab's programs are built for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Platform {
    /// The Rust target triple: `x86_64-pc-windows-gnu`.
    pub triple: &'static str,
    /// What the bundle's page calls it.
    pub name: &'static str,
    /// What a program's file name ends in: `.exe` on Windows.
    pub exe_suffix: &'static str,
    /// How a program in the current folder is started at a prompt:
    /// PowerShell wants `.\lab`, a Unix shell `./lab`.
    pub run: &'static str,
    /// How the bundle is packed.
    pub archive: Archive,
    /// The page's line endings: Notepad on older Windows shows a file with
    /// bare `\n` as one long line.
    pub newline: &'static str,
}

/// Windows on x86-64, built with the MinGW-w64 toolchain: no Visual Studio
/// needed to build it, and the programs need nothing beyond Windows' own
/// DLLs to run.
pub const WINDOWS: Platform = Platform {
    triple: "x86_64-pc-windows-gnu",
    name: "Windows 10/11 (x86-64)",
    exe_suffix: ".exe",
    run: ".\\",
    archive: Archive::Zip,
    newline: "\r\n",
};

/// Linux on x86-64, linked statically against musl: the same programs run
/// on any distribution, whatever its C library.
pub const LINUX: Platform = Platform {
    triple: "x86_64-unknown-linux-musl",
    name: "Linux (x86-64, any distribution)",
    exe_suffix: "",
    run: "./",
    archive: Archive::TarGz,
    newline: "\n",
};

/// Every platform a bundle is made for, in the order `just dist` builds them.
pub const ALL: [Platform; 2] = [WINDOWS, LINUX];

/// The platform of target `triple`, if the lab bundles for it.
#[must_use]
pub fn by_triple(triple: &str) -> Option<Platform> {
    ALL.into_iter().find(|p| p.triple == triple)
}
