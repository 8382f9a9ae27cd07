//! The figures drawn from captured reports (`tests/fixtures/*.json`, real
//! runs): what a student must see in each is there — two bands into one
//! recv, one message fanning out, a header in black, a datagram crossed
//! out — and the page of the whole tour stays small and self-contained.

#[path = "docs/figures.rs"]
#[allow(dead_code)]
mod structure;

use kit::report::{Report, Run};
use regex::Regex;
use std::fs;
use std::path::Path;

fn fixture(name: &str) -> Report {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(format!("{name}.json"));
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}.json: {e}"))
}

/// The figure of run `n` (from 1) of the fixture `name`.
fn figure(name: &str, n: usize) -> String {
    figure::figures(&fixture(name))
        .into_iter()
        .nth(n - 1)
        .unwrap_or_else(|| panic!("{name} has no run {n}"))
        .svg
}

/// The inside of every `<g class="CLASS">` of `svg`, nested groups included.
fn parts<'a>(svg: &'a str, class: &str) -> Vec<&'a str> {
    let open = format!("<g class=\"{class}\">");
    let tags = Regex::new(r"<g[ >]|</g>").unwrap();
    let mut found = Vec::new();
    let mut rest = svg;
    while let Some(at) = rest.find(&open) {
        let body = &rest[at + open.len()..];
        let mut depth = 1;
        let mut end = 0;
        for m in tags.find_iter(body) {
            depth += if m.as_str() == "</g>" { -1 } else { 1 };
            if depth == 0 {
                end = m.start();
                break;
            }
        }
        found.push(&body[..end]);
        rest = &body[end..];
    }
    found
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

#[test]
fn two_sends_glued_into_one_recv_are_two_bands_into_one_box() {
    let svg = figure("sticky", 1);
    let bands = parts(&svg, "bands").concat();
    assert_eq!(count(&bands, "<path"), 2, "one band per message: {bands}");
    let receiver = parts(&svg, "receiver").concat();
    // One recv box, holding a range of message 1 and a range of message 2,
    // each in its message's paint.
    assert_eq!(count(&receiver, "fill=\"none\""), 1, "{receiver}");
    assert!(
        receiver.contains("-s0)") && receiver.contains("-s1)"),
        "{receiver}"
    );
    assert!(receiver.contains("下雨天留客天留人") && receiver.contains("不留"));
    assert!(
        svg.contains("2 sends left as 2 data segments"),
        "the caption counts segments"
    );
    assert!(
        svg.contains("TCP_NODELAY off"),
        "the caption names the knobs"
    );
}

#[test]
fn one_send_over_two_recvs_is_one_message_fanning_out() {
    let svg = figure("half", 1);
    let sender = parts(&svg, "sender").concat();
    assert_eq!(count(&sender, "<rect"), 1, "{sender}");
    let receiver = parts(&svg, "receiver").concat();
    assert_eq!(count(&receiver, "fill=\"none\""), 2, "{receiver}");
    let bands = parts(&svg, "bands").concat();
    assert_eq!(count(&bands, "<path"), 2, "{bands}");
    assert!(
        receiver.contains('✂'),
        "a character cut between the recvs is marked"
    );
}

#[test]
fn a_256_kib_message_in_64_recvs_is_a_few_boxes_not_64() {
    let svg = figure("half", 2);
    let receiver = parts(&svg, "receiver").concat();
    assert_eq!(
        count(&receiver, "fill=\"none\""),
        4,
        "recvs 1–3 and the last"
    );
    assert!(receiver.contains("… 60 recvs …"), "{receiver}");
    assert!(svg.len() < 30_000, "{} bytes", svg.len());
}

#[test]
fn the_fix_marks_every_header_and_ties_each_frame_to_its_recv() {
    let svg = figure("fixed", 1);
    let receiver = parts(&svg, "receiver").concat();
    assert_eq!(count(&receiver, "class=\"header\""), 2, "{receiver}");
    assert!(
        receiver.contains("len 24") && receiver.contains("len 6"),
        "{receiver}"
    );
    let frames = parts(&svg, "frames").concat();
    assert_eq!(
        count(&frames, "<line"),
        2,
        "a line from recv #1 to each frame"
    );
    assert!(frames.contains("frame #1 · 24 B ✓") && frames.contains("frame #2 · 6 B ✓"));
}

#[test]
fn a_pitfall_shows_what_the_broken_code_concluded() {
    let svg = figure("pitfalls", 1);
    let reading = parts(&svg, "reading").concat();
    assert_eq!(count(&reading, "recv #"), 4, "{reading}");
    assert!(reading.contains("have += 1024"), "{reading}");
    // Its correct twin reads with a decoder and rebuilds frames instead.
    let correct = figure("pitfalls", 2);
    assert!(!parts(&correct, "frames").is_empty());
}

#[test]
fn udp_crosses_out_a_truncated_tail_and_draws_lost_datagrams_as_a_grid() {
    let svg = figure("udp", 3);
    let udp = parts(&svg, "udp").concat();
    assert_eq!(count(&udp, "class=\"truncated\""), 1, "{udp}");
    assert!(udp.contains("14 B thrown away (MSG_TRUNC)"), "{udp}");
    assert!(!parts(&svg, "tcp").concat().contains("truncated"));

    let flood = figure("udp", 5);
    let grid = parts(&flood, "datagrams").concat();
    assert!(flood.contains("lost: 908") && flood.contains("read by a recv: 92"));
    // Alike squares share one strip: far fewer elements than datagrams.
    let strips = count(&grid, "<rect");
    assert!((2..200).contains(&strips), "{strips} strips");
    assert!(flood.len() < 60_000, "{} bytes", flood.len());
}

#[test]
fn round_trips_are_bars_on_a_log_axis_in_the_order_of_their_medians() {
    let report = fixture("nagle");
    let Run::Timing(timing) = &report.runs[0] else {
        panic!("nagle's first run is its round-trip table")
    };
    let svg = figure("nagle", 1);
    let bars = parts(&svg, "bars").concat();
    let width = Regex::new(r#"<rect x="[^"]*" y="[^"]*" width="([^"]*)""#).unwrap();
    let widths: Vec<f64> = width
        .captures_iter(&bars)
        .map(|c| c[1].parse().unwrap())
        .collect();
    assert_eq!(widths.len(), timing.rows.len());
    for (i, a) in timing.rows.iter().enumerate() {
        for (j, b) in timing.rows.iter().enumerate() {
            if a.rtt_us.median > 2 * b.rtt_us.median {
                assert!(widths[i] > widths[j], "rows {i} and {j}: {widths:?}");
            }
        }
    }
    // Log scale: a 2000-fold time is not a 2000-fold bar.
    let longest = widths.iter().copied().fold(0.0, f64::max);
    let shortest = widths.iter().copied().fold(f64::MAX, f64::min);
    assert!(longest / shortest < 100.0, "{widths:?}");
    let grid = parts(&svg, "time").concat();
    assert!(grid.contains("10 µs") && grid.contains("10 ms"), "{grid}");
}

#[test]
fn the_whole_tour_is_one_small_page_that_needs_nothing_else() {
    let names = [
        "sticky", "half", "nagle", "udp", "fixed", "pitfalls", "transfer",
    ];
    let reports: Vec<Report> = names.iter().map(|n| fixture(n)).collect();
    let page = figure::page(&reports);
    let runs: usize = reports.iter().map(|r| r.runs.len()).sum();
    assert_eq!(count(&page, "<figure "), runs);
    assert_eq!(count(&page, "<svg "), runs);
    assert!(page.len() < 1_000_000, "the page is {} bytes", page.len());
    for forbidden in [
        "<script", "<img", "<link", "<iframe", "@import", "url(http", "src=",
    ] {
        assert!(!page.contains(forbidden), "the page has {forbidden}");
    }
    // The only address in the page is SVG's namespace; links stay inside.
    let address = Regex::new(r"https?://[^\x22]*").unwrap();
    for found in address.find_iter(&page) {
        assert_eq!(found.as_str(), "http://www.w3.org/2000/svg");
    }
    let href = Regex::new(r#"href="([^"]*)""#).unwrap();
    for link in href.captures_iter(&page) {
        assert!(link[1].starts_with('#'), "{}", &link[1]);
    }
    // Every pattern a figure paints with is defined in that figure.
    let used = Regex::new(r"url\(#([^)]+)\)").unwrap();
    for drawn in names.iter().flat_map(|n| figure::figures(&fixture(n))) {
        for id in used.captures_iter(&drawn.svg) {
            assert!(
                drawn.svg.contains(&format!("id=\"{}\"", &id[1])),
                "{}: {} is not defined",
                drawn.name,
                &id[1]
            );
        }
    }
}

#[test]
fn a_figure_keeps_its_structure_when_only_times_change_and_loses_it_when_a_recv_does() {
    let report = fixture("sticky");
    let before = figure::figures(&report)[0].svg.clone();
    let mut later = report.clone();
    let mut split = report.clone();
    if let (Run::Exchange(later), Run::Exchange(split)) = (&mut later.runs[0], &mut split.runs[0]) {
        for recv in &mut later.recvs {
            recv.t_us = recv.t_us * 3 + 1234;
        }
        // The same bytes read in two recvs: 24 B, then 6 B.
        let mut second = split.recvs[0].clone();
        split.recvs[0].bytes.truncate(24);
        split.recvs[0].len = 24;
        split.recvs[0].origin.truncate(1);
        second.index = 2;
        second.bytes.drain(..24);
        second.len = 6;
        second.origin.remove(0);
        split.recvs.push(second);
    }
    let later = figure::figures(&later)[0].svg.clone();
    let split = figure::figures(&split)[0].svg.clone();
    assert_ne!(before, later, "the time axis moved");
    assert_eq!(structure::structure(&before), structure::structure(&later));
    assert_ne!(structure::structure(&before), structure::structure(&split));
}

#[test]
fn every_call_is_marked_inside_its_time_axis_in_every_figure() {
    let points = Regex::new(r#"<polygon points="([^"]*)""#).unwrap();
    for name in [
        "sticky", "half", "nagle", "udp", "fixed", "pitfalls", "transfer",
    ] {
        for drawn in figure::figures(&fixture(name)) {
            for axis in parts(&drawn.svg, "time") {
                let mut polygons = points.captures_iter(axis).map(|c| {
                    c[1].split(' ')
                        .map(|p| p.split(',').next().unwrap().parse::<f64>().unwrap())
                        .collect::<Vec<f64>>()
                });
                // The first polygon is the arrowhead: its tip ends the axis.
                let Some(arrow) = polygons.next() else {
                    continue;
                };
                let tip = arrow[0];
                for mark in polygons {
                    for x in mark {
                        assert!(
                            x <= tip + 8.0,
                            "{}: a mark at {x}, past the axis' end {tip}",
                            drawn.name
                        );
                    }
                }
            }
        }
    }
}
