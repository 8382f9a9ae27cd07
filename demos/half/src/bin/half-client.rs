//! `half-client`: the sending side of the half-packet demo, for two
//! terminals or two computers.

fn main() -> std::process::ExitCode {
    kit::lesson::client_main::<half::Half>()
}
