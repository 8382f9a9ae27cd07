//! This computer's own addresses on the network: what a student types on
//! the *other* computer.
//!
//! A server told `--listen 0.0.0.0:9000` accepts connections on every
//! network card, but `0.0.0.0` is not an address anyone can dial: the
//! client needs one of this computer's real addresses, such as
//! `192.168.1.20`. Rather than send the student off to `ipconfig`, the
//! server asks the operating system for its interfaces (the `if-addrs`
//! crate: `getifaddrs` on Linux and macOS, `GetAdaptersAddresses` on
//! Windows) and prints them in its start-up line.
//!
//! Left out, because no other computer can use them: loopback (`127.0.0.1`,
//! `::1`), link-local addresses (`169.254.x.x`, which Windows gives a card
//! that found no DHCP server, and `fe80::`), and cards that are down.

use std::net::{IpAddr, SocketAddr};

/// Addresses of this computer that another computer on the network could
/// dial, for a server listening on `listening` (an unspecified address:
/// `0.0.0.0` asks for IPv4 addresses, `[::]` for IPv6 ones), IPv4 first,
/// in the order the operating system lists its cards. Empty when there is
/// none, or when the interfaces cannot be read.
#[must_use]
pub fn addresses(listening: IpAddr) -> Vec<IpAddr> {
    let interfaces = if_addrs::get_if_addrs().unwrap_or_default();
    let usable = interfaces
        .iter()
        .filter(|card| {
            !matches!(
                card.oper_status,
                if_addrs::IfOperStatus::Down
                    | if_addrs::IfOperStatus::NotPresent
                    | if_addrs::IfOperStatus::LowerLayerDown
            )
        })
        .map(if_addrs::Interface::ip);
    dialable(usable, listening)
}

/// The addresses among `found` that another computer could dial to reach
/// a server listening on `listening`: same family, neither loopback nor
/// link-local, each once.
#[must_use]
pub fn dialable(found: impl IntoIterator<Item = IpAddr>, listening: IpAddr) -> Vec<IpAddr> {
    let mut out: Vec<IpAddr> = Vec::new();
    for ip in found {
        let usable = match ip {
            IpAddr::V4(v4) => listening.is_ipv4() && !v4.is_loopback() && !v4.is_link_local(),
            // fe80::/10: valid only on one link, and unusable without a
            // zone index a student would have to look up.
            IpAddr::V6(v6) => {
                listening.is_ipv6()
                    && !v6.is_loopback()
                    && (v6.segments()[0] & 0xffc0) != 0xfe80
                    && !v6.is_unspecified()
            }
        };
        if usable && !out.contains(&ip) {
            out.push(ip);
        }
    }
    out
}

/// `ip` and `port` as a student types them after `--connect`: IPv6 in
/// brackets.
#[must_use]
pub fn with_port(ip: IpAddr, port: u16) -> String {
    SocketAddr::new(ip, port).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::{Ipv4Addr, Ipv6Addr};

    const ANY4: IpAddr = IpAddr::V4(Ipv4Addr::UNSPECIFIED);
    const ANY6: IpAddr = IpAddr::V6(Ipv6Addr::UNSPECIFIED);

    fn ips(list: &[&str]) -> Vec<IpAddr> {
        list.iter().map(|ip| ip.parse().unwrap()).collect()
    }

    #[test]
    fn loopback_and_link_local_addresses_are_not_for_other_computers() {
        let found = ips(&[
            "127.0.0.1",
            "169.254.12.3",
            "192.168.1.20",
            "::1",
            "fe80::1",
            "fd00::2",
            "10.0.0.5",
            "192.168.1.20",
        ]);
        assert_eq!(
            dialable(found.clone(), ANY4),
            ips(&["192.168.1.20", "10.0.0.5"])
        );
        assert_eq!(dialable(found, ANY6), ips(&["fd00::2"]));
        assert!(dialable(ips(&["127.0.0.1"]), ANY4).is_empty());
    }

    #[test]
    fn an_ipv6_address_is_typed_in_brackets() {
        assert_eq!(
            with_port("192.168.1.20".parse().unwrap(), 9000),
            "192.168.1.20:9000"
        );
        assert_eq!(
            with_port("fd00::2".parse().unwrap(), 9000),
            "[fd00::2]:9000"
        );
    }

    #[test]
    fn this_computers_addresses_are_never_loopback() {
        for ip in addresses(ANY4) {
            assert!(ip.is_ipv4() && !ip.is_loopback(), "{ip}");
        }
    }
}
