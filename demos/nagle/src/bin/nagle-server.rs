//! `nagle-server`: the answering side of the Nagle demo, for two
//! terminals or two computers.

fn main() -> std::process::ExitCode {
    kit::lesson::server_main::<nagle::Nagle>()
}
