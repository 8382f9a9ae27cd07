//! `fixed-client`: the sending side of the fix, for two terminals or
//! two computers.

fn main() -> std::process::ExitCode {
    kit::lesson::client_main::<fixed::replay::Fixed>()
}
