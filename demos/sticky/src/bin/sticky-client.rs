//! `sticky-client`: the sending side of the sticky-packet demo, for two
//! terminals or two computers.

fn main() -> std::process::ExitCode {
    kit::lesson::client_main::<sticky::Sticky>()
}
