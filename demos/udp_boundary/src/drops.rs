//! The kernel's own count of datagrams it dropped for want of room.
//!
//! When a datagram arrives at a socket whose receive queue is full, Linux
//! drops it and adds one to a counter, `RcvbufErrors` in the `Udp:` lines of
//! `/proc/net/snmp` (`netstat -su` calls it "receive buffer errors"). The
//! sender is not told, and neither is the receiver: the counter is the only
//! trace. It counts for the whole computer (strictly, the network
//! namespace), so other programs' drops show up in it too. Other systems
//! keep such counters elsewhere or not at all; there this returns `None`.

/// The number of UDP datagrams dropped so far because a receive queue was
/// full (Linux), or `None` where it cannot be read.
#[must_use]
pub fn receive_buffer_errors() -> Option<u64> {
    imp::receive_buffer_errors()
}

/// Finds `RcvbufErrors` in the text of `/proc/net/snmp`: a `Udp:` line of
/// names followed by a `Udp:` line of values.
#[must_use]
pub fn parse(snmp: &str) -> Option<u64> {
    let mut udp = snmp.lines().filter(|line| line.starts_with("Udp:"));
    let names = udp.next()?;
    let values = udp.next()?;
    let at = names
        .split_whitespace()
        .position(|name| name == "RcvbufErrors")?;
    values.split_whitespace().nth(at)?.parse().ok()
}

#[cfg(target_os = "linux")]
mod imp {
    pub(super) fn receive_buffer_errors() -> Option<u64> {
        super::parse(&std::fs::read_to_string("/proc/net/snmp").ok()?)
    }
}

#[cfg(not(target_os = "linux"))]
mod imp {
    pub(super) fn receive_buffer_errors() -> Option<u64> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_counter_is_found_by_name() {
        let snmp = "Tcp: RtoAlgorithm\nTcp: 1\n\
                    Udp: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors SndbufErrors\n\
                    Udp: 58 0 3 59 908 0\n\
                    UdpLite: InDatagrams\nUdpLite: 0\n";
        assert_eq!(parse(snmp), Some(908));
        assert_eq!(parse("Udp: InDatagrams\nUdp: 5\n"), None);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn linux_has_the_counter() {
        assert!(receive_buffer_errors().is_some());
    }
}
