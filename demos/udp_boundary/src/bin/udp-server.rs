//! `udp-server`: the receiving side of the UDP demo, for two terminals
//! or two computers.

fn main() -> std::process::ExitCode {
    kit::lesson::server_main::<udp_boundary::Udp>()
}
