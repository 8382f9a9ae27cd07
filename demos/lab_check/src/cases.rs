//! The cases a student's program is run through: several piece sizes and
//! seeds, each with the messages that make it bite.

use crate::cutting::Cutting;
use crate::messages::{self, Message};
use std::time::Duration;

/// One run of the student's program.
#[derive(Debug, Clone)]
pub struct Case {
    /// A short name, unique in its list: `pieces-500`, `header-split-2`.
    pub name: String,
    /// How the stream is cut.
    pub cutting: Cutting,
    /// The messages, in order.
    pub messages: Vec<Message>,
}

impl Case {
    fn new(name: &str, cutting: Cutting, messages: Vec<Message>) -> Case {
        Case {
            name: name.into(),
            cutting,
            messages,
        }
    }
}

/// The seeds of the cases with random piece sizes.
pub const SEEDS: [u64; 3] = [1, 2, 3];

/// The cases for a student's receiver. The pauses are short enough for
/// the whole list to take a few seconds, and long enough that a program
/// reading promptly gets most pieces from a recv of their own.
#[must_use]
pub fn receiver() -> Vec<Case> {
    let mut cases = vec![
        Case::new("whole", Cutting::Whole, messages::all()),
        Case::new("pieces-500", Cutting::exact(500, 200), messages::all()),
        Case::new(
            "pieces-250-750",
            Cutting::sliced(500, 250, 2, 200),
            messages::all(),
        ),
        Case::new("pieces-1", Cutting::exact(1, 1000), messages::small()),
    ];
    for seed in SEEDS {
        cases.push(Case::new(
            &format!("pieces-2-6-seed-{seed}"),
            Cutting::sliced(4, 2, seed, 300),
            messages::small_and_texty(),
        ));
    }
    for after in 1..=3 {
        cases.push(Case::new(
            &format!("header-split-{after}"),
            Cutting::HeaderSplit {
                after,
                delay: Duration::from_millis(2),
            },
            messages::all(),
        ));
    }
    cases
}

/// The cases for a student's sender: its stream goes through the slicer
/// to the lab's receiver (or straight to it, for `whole`). A sender's
/// mistakes show in its bytes whatever the cuts; the small pieces slow the
/// stream down, which is what makes a `send` that takes only part of its
/// bytes come up short.
#[must_use]
pub fn sender() -> Vec<Case> {
    let mut cases = vec![
        Case::new("whole", Cutting::Whole, messages::all()),
        Case::new("pieces-500", Cutting::exact(500, 200), messages::all()),
        Case::new("pieces-1", Cutting::exact(1, 1000), messages::small()),
    ];
    for seed in &SEEDS[..2] {
        cases.push(Case::new(
            &format!("pieces-2-6-seed-{seed}"),
            Cutting::sliced(4, 2, *seed, 300),
            messages::small_and_texty(),
        ));
    }
    cases
}

/// Only the cases named in `names` (all of them if `names` is empty), or
/// the first name that matches none.
pub fn select(cases: Vec<Case>, names: &[String]) -> Result<Vec<Case>, String> {
    if let Some(unknown) = names.iter().find(|n| !cases.iter().any(|c| &c.name == *n)) {
        let known: Vec<&str> = cases.iter().map(|c| c.name.as_str()).collect();
        return Err(kit::tr!(
            crate::TEXT,
            "no-case",
            name = unknown,
            cases = known.join(", ")
        ));
    }
    Ok(cases
        .into_iter()
        .filter(|c| names.is_empty() || names.contains(&c.name))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_selectable() {
        for cases in [receiver(), sender()] {
            let mut names: Vec<&str> = cases.iter().map(|c| c.name.as_str()).collect();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), cases.len());
        }
        let picked = select(receiver(), &["pieces-1".into()]).unwrap();
        assert_eq!(picked.len(), 1);
        assert!(
            select(receiver(), &["nope".into()])
                .unwrap_err()
                .contains("pieces-1")
        );
    }
}
