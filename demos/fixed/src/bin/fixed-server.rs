//! `fixed-server`: the receiving side of the fix, for two terminals or
//! two computers.

fn main() -> std::process::ExitCode {
    kit::lesson::server_main::<fixed::replay::Fixed>()
}
