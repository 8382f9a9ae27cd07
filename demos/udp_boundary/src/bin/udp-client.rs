//! `udp-client`: the sending side of the UDP demo, for two terminals
//! or two computers.

fn main() -> std::process::ExitCode {
    kit::lesson::client_main::<udp_boundary::Udp>()
}
