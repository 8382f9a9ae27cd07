//! The six mistakes, one module each, in the order the lesson shows them.
//!
//! Each module re-does one line of the tutorial faithfully and arranges
//! the network so that the line fails on every run — a slicer that cuts
//! the stream smaller than the code expects, or buffers small enough that
//! the kernel takes only part of a write — then runs the version that
//! works over the very same traffic. Every function returns the section it
//! shows: what the code made of the stream is in the section's own fields
//! (the recvs' annotations and header marks, the messages it read, the
//! verdict), so a test checks the same facts a student sees.
//!
//! (f) is three framings side by side: [`delimiter`], [`fixed_length`]
//! and the length prefix with the table that compares them, in
//! [`framings`].

pub mod byte_order;
pub mod counting;
pub mod delimiter;
pub mod fixed_length;
pub mod framings;
pub mod half_header;
pub mod menu;
pub mod short_write;
