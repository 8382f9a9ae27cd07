//! `nagle-client`: the requesting side of the Nagle demo, for two
//! terminals or two computers.

fn main() -> std::process::ExitCode {
    kit::lesson::client_main::<nagle::Nagle>()
}
