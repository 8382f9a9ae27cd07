//! Nagle (work in progress).
