//! How many connections the server serves at once, in all and per address.
//!
//! Each connection costs a thread and a socket, so the server serves at
//! most `--max-clients` at once and tells one more "server busy". That cap
//! alone lets one computer take every slot — a student's loop that
//! connects and never closes does it by accident, and then the whole class
//! is locked out. A second cap, `--max-per-address`, keeps a few slots per
//! computer, however many connections it opens: the rest of the class is
//! still served.
//!
//! A [`Slot`] gives itself back when it is dropped, so no path out of a
//! connection — a normal end, a panic, a thread that could not even be
//! started — can leak one.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex, MutexGuard};

use crate::reason::Reason;

/// The server's slots.
#[derive(Debug)]
pub struct Slots {
    max_total: usize,
    max_per_address: usize,
    taken: Mutex<Taken>,
}

#[derive(Debug, Default)]
struct Taken {
    total: usize,
    by_address: HashMap<IpAddr, usize>,
}

/// Why a connection got no slot: the sentence of the "server busy" frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Busy {
    /// Every slot is taken.
    Full {
        /// `--max-clients`.
        max: usize,
    },
    /// This address has its share already.
    Address {
        /// The client's address.
        ip: IpAddr,
        /// `--max-per-address`.
        max: usize,
    },
}

impl Busy {
    /// What the refused client is told, and the log says.
    #[must_use]
    pub fn reason(&self) -> Reason {
        match self {
            Busy::Full { max } => Reason::new("refusal-full").with("max", max),
            Busy::Address { ip, max } => Reason::new("refusal-address")
                .with("ip", ip)
                .with("max", max),
        }
    }
}

/// One connection's place; given back when dropped.
#[derive(Debug)]
pub struct Slot {
    slots: Arc<Slots>,
    ip: IpAddr,
}

impl Slots {
    /// At most `max_total` connections, and `max_per_address` from any one
    /// address.
    #[must_use]
    pub fn new(max_total: usize, max_per_address: usize) -> Arc<Slots> {
        Arc::new(Slots {
            max_total,
            max_per_address,
            taken: Mutex::default(),
        })
    }

    /// A slot for a connection from `ip`, or why there is none.
    pub fn take(self: &Arc<Slots>, ip: IpAddr) -> Result<Slot, Busy> {
        // A server listening on [::] sees IPv4 clients as ::ffff:a.b.c.d;
        // counted as a.b.c.d, they share the cap of their IPv4 address.
        let ip = ip.to_canonical();
        let mut taken = self.lock();
        if taken.total >= self.max_total {
            return Err(Busy::Full {
                max: self.max_total,
            });
        }
        let mine = taken.by_address.entry(ip).or_insert(0);
        if *mine >= self.max_per_address {
            return Err(Busy::Address {
                ip,
                max: self.max_per_address,
            });
        }
        *mine += 1;
        taken.total += 1;
        Ok(Slot {
            slots: Arc::clone(self),
            ip,
        })
    }

    /// Connections being served now.
    pub fn in_use(&self) -> usize {
        self.lock().total
    }

    fn lock(&self) -> MutexGuard<'_, Taken> {
        // A thread that panicked while holding the lock left the counts
        // consistent (each change is one statement), so carry on.
        self.taken
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut taken = self.slots.lock();
        taken.total -= 1;
        if let Some(mine) = taken.by_address.get_mut(&self.ip) {
            *mine -= 1;
            if *mine == 0 {
                taken.by_address.remove(&self.ip);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::Ipv4Addr;

    const A: IpAddr = IpAddr::V4(Ipv4Addr::new(127, 0, 0, 2));
    const B: IpAddr = IpAddr::V4(Ipv4Addr::new(127, 0, 0, 1));

    #[test]
    fn one_address_cannot_take_every_slot() {
        let slots = Slots::new(4, 2);
        let held: Vec<Slot> = (0..2).map(|_| slots.take(A).unwrap()).collect();
        assert_eq!(slots.take(A).unwrap_err(), Busy::Address { ip: A, max: 2 });
        let other = slots.take(B).unwrap();
        assert_eq!(slots.in_use(), 3);
        drop(held);
        drop(other);
        assert_eq!(slots.in_use(), 0);
        assert!(slots.take(A).is_ok(), "given back on drop");
    }

    #[test]
    fn the_total_cap_holds_across_addresses_and_names_itself() {
        let slots = Slots::new(1, 8);
        let _first = slots.take(A).unwrap();
        let busy = slots.take(B).unwrap_err();
        assert_eq!(busy, Busy::Full { max: 1 });
        let said = busy.reason().for_the_wire();
        assert!(said.starts_with("server busy"), "{said}");
        let mapped: IpAddr = "::ffff:127.0.0.2".parse().unwrap();
        let per = Slots::new(8, 1);
        let _held = per.take(A).unwrap();
        assert!(
            per.take(mapped).is_err(),
            "an IPv4-mapped address is the same computer"
        );
    }
}
