//! `half-server`: the receiving side of the half-packet demo, for two
//! terminals or two computers.

fn main() -> std::process::ExitCode {
    kit::lesson::server_main::<half::Half>()
}
