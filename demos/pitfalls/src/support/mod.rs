//! The bench the lessons stand on.
//!
//! A pitfall is receiving (or sending) code that draws the wrong
//! conclusion from what a socket call returned. To show that, the bench
//! journals every call, lets the code under study write what it concluded
//! beside each `recv`, and makes the network cut the stream the way a slow
//! or busy network would — on every run, not now and then:
//!
//! - [`reading`]: a journaling receiver that records what the code
//!   concluded and which bytes it took for a length header;
//! - [`sending`]: the sender every pitfall shares, one `sendall` a buffer;
//! - [`sliced`]: a connection with the slicer proxy in the middle;
//! - [`decoding`]: the right way to receive, and a decoder's view of a run;
//! - [`size`]: a length as a sentence, for lengths that were misread;
//! - [`catalogue`]: the menu of (e), and a parser that fails as Python's does.

pub mod catalogue;
pub mod decoding;
pub mod reading;
pub mod sending;
pub mod size;
pub mod sliced;
