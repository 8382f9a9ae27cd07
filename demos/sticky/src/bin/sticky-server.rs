//! `sticky-server`: the receiving side of the sticky-packet demo, for two
//! terminals or two computers.

fn main() -> std::process::ExitCode {
    kit::lesson::server_main::<sticky::Sticky>()
}
