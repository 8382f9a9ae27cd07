//! The pitfalls of a naive fix: every broken version fails and every
//! correct version succeeds — on every run, not by luck. Each network
//! pitfall is run several times; the slicer and the socket options are
//! what make the outcome the same each time.

use fixed::decoder::{DecodeError, Part};
use fixed::frame::{self, HEADER_LEN};
use fixed::pitfalls::{
    self, Pitfall, byte_order, catalogue, counting, delimiter, fixed_length, framings, half_header,
    menu, short_write,
};
use kit::report::Annotation;

/// How many times each network pitfall is repeated.
const RUNS: usize = 5;

#[test]
fn counting_1024_per_recv_loses_bytes_and_misreads_the_next_header_every_run() {
    let messages = counting::messages();
    let first = &messages[0];
    for run in 1..=RUNS {
        let broken = counting::broken().unwrap();
        let counted = &broken.counted;
        assert_eq!(counted.total as usize, first.len(), "run {run}");
        // Every recv of the loop returned less than it was asked for...
        assert!(!counted.returned.is_empty(), "run {run}");
        assert!(
            counted.returned.iter().all(|&n| n < counting::RECV_SIZE),
            "run {run}: {:?}",
            counted.returned
        );
        // ...yet the loop counted 1024 each time and stopped believing it
        // had the message.
        assert_eq!(
            counted.have,
            (counted.returned.len() * counting::RECV_SIZE) as u64
        );
        assert!(counted.have >= u64::from(counted.total), "run {run}");
        assert_ne!(
            &counted.data, first,
            "run {run}: the message came out whole"
        );
        assert!(
            counted.lost() > 0 || counted.swallowed() > 0,
            "run {run}: {counted:?}"
        );
        if counted.lost() >= HEADER_LEN {
            // The "next header" is the middle of message 1.
            let at = counted.data.len();
            assert_eq!(counted.next_header, first[at..at + HEADER_LEN], "run {run}");
            let true_header = frame::header(messages[1].len()).unwrap();
            assert_ne!(counted.next_header, true_header, "run {run}");
            assert_ne!(counted.next_len(), Some(messages[1].len() as u32));
        }

        let fixed = counting::correct().unwrap();
        assert_eq!(fixed.messages, messages, "run {run}");
        assert!(fixed.run.frames.iter().flatten().all(|f| f.whole));
        // The same cutting: the correct loop also met recvs shorter than 1024.
        assert!(fixed.run.recvs.iter().any(|r| r.len < counting::RECV_SIZE));
    }
}

#[test]
fn one_recv_for_the_header_returns_half_of_it_every_run() {
    let messages = half_header::messages();
    let header = frame::header(messages[0].len()).unwrap();
    for run in 1..=RUNS {
        let broken = half_header::broken().unwrap();
        let head = &broken.head;
        assert!(
            head.is_short(),
            "run {run}: recv(4) returned {:?}",
            head.head
        );
        assert!(!head.head.is_empty());
        assert!(
            header.starts_with(&head.head),
            "run {run}: not the header's start"
        );
        assert_ne!(head.zero_filled(), head.announced, "run {run}");
        assert_eq!(broken.run.recvs.len(), 1);
        assert!(
            broken.run.verdict.contains(half_header::STRUCT_ERROR),
            "{}",
            broken.run.verdict
        );

        let fixed = half_header::correct().unwrap();
        assert!(
            fixed.decoded.is(&messages),
            "run {run}: {:?}",
            fixed.decoded
        );
        // The decoder met the same half headers and waited for the rest.
        let first = &fixed.run.recvs[0];
        assert!(first.len < HEADER_LEN, "run {run}");
        assert!(
            matches!(&first.annotation, Some(Annotation::Decoder(s)) if s.contains("of the 4 header bytes")),
            "run {run}: {:?}",
            first.annotation
        );
    }
}

#[test]
fn a_send_that_ignores_its_count_cuts_the_stream_every_run() {
    let messages = short_write::messages();
    for run in 1..=RUNS {
        let broken = short_write::broken().unwrap();
        let first = broken.first;
        assert_eq!(first.asked, messages[0].len() + HEADER_LEN);
        assert!(first.taken > 0, "run {run}");
        let sent: usize = broken.run.sends.iter().map(|s| s.len).sum();
        if cfg!(target_os = "linux") {
            // A 256 KiB write cannot fit into 8 KiB of send buffer and an
            // 8 KiB receive window.
            assert!(first.is_short(), "run {run}: {first:?}");
        }
        if first.is_short() {
            assert!(broken.decoded.frames.is_empty(), "run {run}");
            assert_eq!(
                broken.decoded.error,
                Some(DecodeError::Truncated {
                    got: sent - HEADER_LEN,
                    part: Part::Body {
                        len: short_write::BIG
                    },
                }),
                "run {run}: frame 2 was read as the middle of frame 1"
            );
        }

        let fixed = short_write::correct().unwrap();
        assert!(fixed.decoded.is(&messages), "run {run}");
        let first_send = &fixed.run.sends[0];
        assert_eq!(first_send.len, fixed.first.asked);
        if let Some(pieces) = &first_send.pieces {
            assert_eq!(pieces[0], fixed.first.taken);
            assert_eq!(pieces.iter().sum::<usize>(), first_send.len);
        }
    }
}

#[test]
fn a_native_order_header_is_misread_every_run() {
    let messages = byte_order::messages();
    for run in 1..=RUNS {
        let broken = byte_order::broken().unwrap();
        assert_eq!(broken.header, 24i32.to_le_bytes());
        assert!(broken.decoded.frames.is_empty(), "run {run}");
        assert_eq!(
            broken.decoded.error,
            Some(DecodeError::TooLarge {
                len: u32::from_be_bytes(24i32.to_le_bytes()) as usize,
                max: frame::DEFAULT_MAX_FRAME_LEN,
            }),
            "run {run}"
        );

        let fixed = byte_order::correct().unwrap();
        assert_eq!(fixed.header, 24u32.to_be_bytes());
        assert!(fixed.decoded.is(&messages), "run {run}");
    }
}

#[test]
fn a_3_gb_length_does_not_fit_a_signed_header_and_does_fit_an_unsigned_one() {
    let three = byte_order::THREE_GB as i64;
    assert!(byte_order::pack_native_i(three).is_err());
    assert!(i32::try_from(byte_order::THREE_GB).is_err());
    assert!((byte_order::THREE_GB as u32 as i32) < 0, "wraps negative");
    let unsigned = byte_order::pack_network_u32(three).unwrap();
    assert_eq!(
        u64::from(u32::from_be_bytes(unsigned)),
        byte_order::THREE_GB
    );
    assert_eq!(frame::header(byte_order::THREE_GB as usize), Some(unsigned));
    assert!(byte_order::pack_network_u32(1 << 32).is_err());
    let facts = byte_order::too_big();
    assert!(
        facts
            .rows
            .iter()
            .flatten()
            .any(|cell| cell.contains("'i' format requires")),
        "{:?}",
        facts.rows
    );
}

#[test]
fn a_menu_read_with_one_recv_does_not_parse_every_run() {
    let names = catalogue::names(menu::LONG);
    for run in 1..=RUNS {
        let long = menu::too_long().unwrap();
        assert!(long.sent > counting::RECV_SIZE);
        assert_eq!(long.got, counting::RECV_SIZE, "run {run}");
        assert!(long.parsed.is_err(), "run {run}");

        let short = menu::cut_short().unwrap();
        assert!(short.sent < counting::RECV_SIZE, "a short menu");
        assert!(short.got < short.sent, "run {run}: {}", short.got);
        assert!(short.parsed.is_err(), "run {run}");

        let fixed = menu::correct().unwrap();
        assert_eq!(fixed.got, fixed.sent);
        assert_eq!(fixed.parsed.as_ref(), Ok(&names), "run {run}");
        assert!(fixed.run.recvs.len() > 1, "run {run}: the menu was cut too");
    }
}

#[test]
fn a_delimiter_inside_a_message_splits_it_every_run() {
    let messages = framings::messages();
    let inside: usize = messages
        .iter()
        .map(|m| m.iter().filter(|&&b| b == delimiter::DELIMITER).count())
        .sum();
    assert!(inside > 0, "one message holds the delimiter");
    for run in 1..=RUNS {
        let delimited = delimiter::run().unwrap();
        assert_eq!(delimited.lines.len(), messages.len() + inside, "run {run}");
        assert_ne!(delimited.lines, messages);
        // Every byte arrived; only the boundaries are wrong.
        let joined = delimited.lines.join(&delimiter::DELIMITER);
        assert_eq!(joined, messages.join(&delimiter::DELIMITER));

        let prefixed = framings::length_prefix().unwrap();
        assert!(prefixed.decoded.is(&messages), "run {run}");
    }
}

#[test]
fn fixed_length_records_pad_the_short_and_cut_the_long_every_run() {
    let messages = framings::messages();
    let record = fixed_length::RECORD;
    for run in 1..=RUNS {
        let records = fixed_length::run().unwrap();
        assert_eq!(records.messages.len(), messages.len(), "run {run}");
        for (got, sent) in records.messages.iter().zip(&messages) {
            if sent.len() <= record {
                assert_eq!(got, sent, "run {run}: a short message survives");
            } else {
                assert_eq!(got[..], sent[..record], "run {run}: a long one is cut");
            }
        }
        let padding: usize = messages
            .iter()
            .map(|m| record.saturating_sub(m.len()))
            .sum();
        assert!(padding > 0);
        assert_eq!(records.padding, padding);
        assert!(records.cut > 0);
        let wire: usize = records.run.sends.iter().map(|s| s.len).sum();
        assert_eq!(wire, messages.len() * record);
    }
}

#[test]
fn the_tour_shows_every_pitfall_in_order_and_as_json() {
    let report = pitfalls::tour().unwrap();
    assert_eq!(report.demo, pitfalls::NAME);
    let letters: Vec<char> = report
        .runs
        .iter()
        .filter_map(|r| r.label().strip_prefix('(')?.chars().next())
        .collect();
    let mut order: Vec<char> = Pitfall::ALL.iter().map(|p| p.letter()).collect();
    order.dedup();
    let mut seen = letters.clone();
    seen.dedup();
    assert_eq!(seen, order, "{letters:?}");
    assert_eq!(
        letters.len(),
        report.runs.len(),
        "every run names its pitfall"
    );
    for run in &report.runs {
        assert!(
            run.verdicts().iter().all(|(v, _)| !v.is_empty()),
            "{}",
            run.label()
        );
    }

    // Long lines are wrapped for a projector: compare words, not layout.
    let text = testkit::words(&kit::render::plain(&report));
    assert!(text.contains("(a) broken"));
    assert!(text.contains("(f) which framing?"));
    assert!(text.contains(half_header::STRUCT_ERROR));
    // The bogus length of (a), as the run itself read it.
    let first = report.runs[0]
        .exchange()
        .expect("(a) broken is an exchange");
    let misread = &first.recvs.last().unwrap().bytes;
    if let Some(header) = misread.first_chunk::<4>() {
        assert!(text.contains(&u32::from_be_bytes(*header).to_string()));
    }

    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["demo"], "pitfalls");
    assert_eq!(
        json["runs"].as_array().map(Vec::len),
        Some(report.runs.len())
    );
    for key in ["label", "transport", "knobs", "sends", "recvs", "verdict"] {
        assert!(json["runs"][0].get(key).is_some(), "missing {key}");
    }
}
