//! Every flag of `cargo demo`, alone and together: no panic, and the exit
//! code the README promises (0 shown, 2 a command line that cannot work).

use testkit::flags::{Case, check};

const TOUR: &str = env!("CARGO_BIN_EXE_tour");

/// Where the table's `--html` pages go: Cargo's scratch folder for tests.
const PAGE: &str = concat!(env!("CARGO_TARGET_TMPDIR"), "/flags-page.html");

/// A page in a folder that does not exist: nothing can write it.
const NOWHERE: &str = concat!(env!("CARGO_TARGET_TMPDIR"), "/no/such/folder/page.html");

/// One run of the tour with `args`, ending with `code`.
const fn tour<'a>(args: &'a [&'a str], code: i32) -> Case<'a> {
    Case::Alone {
        program: TOUR,
        args,
        code,
    }
}

#[test]
fn every_documented_flag_ends_with_the_promised_exit_code() {
    // The tour is one program: it stands on both sides of the table.
    check(
        TOUR,
        TOUR,
        &[
            tour(&["sticky", "--color", "never"], 0),
            tour(&["sticky", "--run", "2", "--color", "always"], 0),
            tour(&["half", "--run", "3", "--json"], 0),
            tour(&["sticky", "--step", "--color", "auto"], 0),
            tour(&["transfer", "--run", "1", "--step"], 0),
            tour(&["sticky", "--html", PAGE], 0),
            tour(&["udp", "--run", "2", "--html", PAGE, "--json"], 0),
            tour(&["sticky", "--run", "1", "--lang", "zh"], 0),
            tour(&["half", "--run", "1", "--lang", "en", "--json"], 0),
            tour(&["--list"], 0),
            tour(&["--help"], 0),
            tour(&["--version"], 0),
            // A command line that cannot work.
            tour(&["--run", "1"], 2),
            tour(&["all", "--run", "1"], 2),
            tour(&["sticky", "--run", "4"], 2),
            tour(&["sticky", "--run", "0"], 2),
            tour(&["sticky", "--run", "two"], 2),
            tour(&["--list", "--run", "1"], 2),
            tour(&["--list", "--step"], 2),
            tour(&["sticky", "--color", "sometimes"], 2),
            tour(&["nosuch"], 2),
            tour(&["sticky", "--lang", "fr"], 2),
            tour(&["sticky", "--html", NOWHERE], 2),
            tour(&["sticky", "--html"], 2),
        ],
    );
}
