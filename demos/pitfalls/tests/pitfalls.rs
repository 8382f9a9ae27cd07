//! The pitfalls of a naive fix: every broken version fails and every
//! correct version succeeds — on every run, not by luck. Each network
//! pitfall is run several times; the slicer and the socket options are
//! what make the outcome the same each time.
//!
//! Every check reads the section a student sees: the recvs, what the code
//! concluded beside each, the bytes it took for headers, the messages it
//! read, and the verdict.

use codec::decoder::{DecodeError, Part};
use codec::frame::{self, HEADER_LEN};
use kit::report::{Annotation, Exchange, Span};
use kit::verdict::Code;
use pitfalls::lessons::{
    byte_order, counting, delimiter, fixed_length, framings, half_header, menu, short_write,
};
use pitfalls::support::catalogue;
use pitfalls::support::reading::RECV_SIZE;
use pitfalls::{Pitfall, tour};

/// How many times each network pitfall is repeated.
const RUNS: usize = 5;

/// The messages the code under study read, as its section lists them.
fn read(run: &Exchange) -> Vec<Vec<u8>> {
    let frames = run
        .frames
        .as_ref()
        .expect("a run that reads messages lists them");
    frames.iter().map(|f| f.bytes.clone()).collect()
}

/// Whether a decoder read exactly `messages`, each whole, and nothing was
/// left half-read: every byte that arrived belongs to one of the frames.
fn decoded_exactly(run: &Exchange, messages: &[Vec<u8>]) -> bool {
    let frames = run.frames.as_deref().unwrap_or_default();
    let framed: usize = messages.iter().map(|m| HEADER_LEN + m.len()).sum();
    read(run) == messages && frames.iter().all(|f| f.whole) && run.received_stream().len() == framed
}

/// What the code under study concluded from `recv`, if it said anything.
fn concluded(recv: &kit::report::RecvRecord) -> &str {
    match &recv.annotation {
        Some(Annotation::Concluded(text)) => text,
        other => panic!("recv #{} concluded nothing: {other:?}", recv.index),
    }
}

#[test]
fn counting_1024_per_recv_loses_bytes_and_misreads_the_next_header_every_run() {
    let messages = counting::messages();
    let first = &messages[0];
    for run in 1..=RUNS {
        let broken = counting::broken().unwrap();
        assert_eq!(broken.code, Code::Shown);
        // head = recv(4): the first recv is the header, read whole.
        let head = &broken.recvs[0];
        assert_eq!(head.headers, [Span { start: 0, end: 4 }], "run {run}");
        let total = u32::from_be_bytes(head.bytes[..4].try_into().unwrap()) as usize;
        assert_eq!(total, first.len(), "run {run}");
        // The loop adds 1024 per recv, so it makes exactly as many recvs
        // as 1024 fits into the total...
        let counted = total.div_ceil(RECV_SIZE);
        let looped = &broken.recvs[1..=counted];
        // ...yet every one of them returned less than it asked for...
        assert!(
            looped.iter().all(|r| r.len < RECV_SIZE),
            "run {run}: {:?}",
            looped.iter().map(|r| r.len).collect::<Vec<_>>()
        );
        // ...and it stopped there, believing it had the message.
        let last = looped.last().unwrap();
        assert!(
            concluded(last).contains("the loop ends"),
            "run {run}: {}",
            concluded(last)
        );
        let data: Vec<u8> = looped.iter().flat_map(|r| r.bytes.clone()).collect();
        assert_ne!(&data, first, "run {run}: the message came out whole");
        assert_ne!(
            data.len(),
            total,
            "run {run}: nothing lost, nothing swallowed"
        );
        if data.len() + HEADER_LEN <= total {
            // The "next header" is the middle of message 1.
            let next = &broken.recvs[counted + 1];
            let at = data.len();
            assert_eq!(next.bytes, first[at..at + HEADER_LEN], "run {run}");
            assert_eq!(next.headers, [Span { start: 0, end: 4 }], "run {run}");
            let true_header = frame::header(messages[1].len()).unwrap();
            assert_ne!(next.bytes, true_header, "run {run}");
            // The verdict says what length the client read there.
            let misread = u32::from_be_bytes(next.bytes[..4].try_into().unwrap());
            assert_ne!(misread as usize, messages[1].len());
            assert!(
                broken.verdict.contains(&format!("as a length: {misread} ")),
                "run {run}: {}",
                broken.verdict
            );
        }

        let fixed = counting::correct().unwrap();
        assert_eq!(fixed.code, Code::Shown);
        assert_eq!(read(&fixed), messages, "run {run}");
        assert!(fixed.frames.iter().flatten().all(|f| f.whole));
        // The same cutting: the correct loop also met recvs shorter than 1024.
        assert!(fixed.recvs.iter().any(|r| r.len < RECV_SIZE));
    }
}

#[test]
fn one_recv_for_the_header_returns_half_of_it_every_run() {
    let messages = half_header::messages();
    let header = frame::header(messages[0].len()).unwrap();
    for run in 1..=RUNS {
        let broken = half_header::broken().unwrap();
        assert_eq!(broken.code, Code::Shown);
        // head = client.recv(4): the run's one recv, all taken for the header.
        assert_eq!(broken.recvs.len(), 1);
        let head = &broken.recvs[0];
        assert!(
            head.len < HEADER_LEN,
            "run {run}: recv(4) returned {head:?}"
        );
        assert!(head.len > 0);
        assert!(
            header.starts_with(&head.bytes),
            "run {run}: not the header's start"
        );
        assert_eq!(
            head.headers,
            [Span {
                start: 0,
                end: head.len
            }]
        );
        // Code that uses the 4-byte buffer anyway reads another length.
        let mut zero_filled = [0u8; HEADER_LEN];
        zero_filled[..head.len].copy_from_slice(&head.bytes);
        assert_ne!(
            u32::from_be_bytes(zero_filled) as usize,
            messages[0].len(),
            "run {run}"
        );
        assert!(concluded(head).contains(half_header::STRUCT_ERROR));
        assert!(
            broken.verdict.contains(half_header::STRUCT_ERROR),
            "{}",
            broken.verdict
        );

        let fixed = half_header::correct().unwrap();
        assert!(
            decoded_exactly(&fixed, &messages),
            "run {run}: {:?}",
            fixed.frames
        );
        // The decoder met the same half headers and waited for the rest.
        let first = &fixed.recvs[0];
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
    let asked = messages[0].len() + HEADER_LEN;
    for run in 1..=RUNS {
        let broken = short_write::broken().unwrap();
        assert_eq!(broken.code, Code::Shown);
        // The first send holds what the kernel took of frame 1: the stream
        // has nothing else of it.
        let taken = broken.sends[0].len;
        assert!(taken > 0, "run {run}");
        assert!(taken <= asked, "run {run}");
        if cfg!(target_os = "linux") {
            // A 256 KiB write cannot fit into 8 KiB of send buffer and an
            // 8 KiB receive window.
            assert!(taken < asked, "run {run}: took {taken} of {asked}");
        }
        if taken < asked {
            assert_eq!(broken.frames, Some(vec![]), "run {run}");
            assert_eq!(broken.received_stream(), broken.sent_stream());
            let sent = broken.sent_stream().len();
            let stopped = DecodeError::Truncated {
                got: sent - HEADER_LEN,
                part: Part::Body {
                    len: short_write::BIG,
                },
            };
            assert!(
                broken.verdict.contains(&stopped.to_string()),
                "run {run}: frame 2 was read as the middle of frame 1: {}",
                broken.verdict
            );
        }

        let fixed = short_write::correct().unwrap();
        assert!(decoded_exactly(&fixed, &messages), "run {run}");
        let first_send = &fixed.sends[0];
        assert_eq!(first_send.len, asked);
        if cfg!(target_os = "linux") {
            assert!(
                first_send.pieces.is_some(),
                "run {run}: the first write was short here too"
            );
        }
        if let Some(pieces) = &first_send.pieces {
            assert!(pieces[0] < asked);
            assert_eq!(pieces.iter().sum::<usize>(), first_send.len);
        }
    }
}

#[test]
fn a_native_order_header_is_misread_every_run() {
    let messages = byte_order::messages();
    let refused = DecodeError::TooLarge {
        len: u32::from_be_bytes(24i32.to_le_bytes()) as usize,
        max: frame::DEFAULT_MAX_FRAME_LEN,
    };
    for run in 1..=RUNS {
        let broken = byte_order::broken().unwrap();
        assert_eq!(broken.code, Code::Shown);
        assert_eq!(broken.sends[0].bytes[..HEADER_LEN], 24i32.to_le_bytes());
        assert_eq!(broken.frames, Some(vec![]), "run {run}");
        assert!(
            broken.recvs.iter().any(|r| matches!(
                &r.annotation,
                Some(Annotation::Decoder(s)) if s.contains(&refused.to_string())
            )),
            "run {run}: the decoder did not refuse the header"
        );

        let fixed = byte_order::correct().unwrap();
        assert_eq!(fixed.sends[0].bytes[..HEADER_LEN], 24u32.to_be_bytes());
        assert!(decoded_exactly(&fixed, &messages), "run {run}");
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
    assert_eq!(facts.code, Code::Shown);
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
        // movie_pickle = client.recv(1024): the run's one recv is all the
        // client parses.
        let long = menu::too_long().unwrap();
        assert_eq!(long.code, Code::Shown);
        assert!(long.sends[0].len > RECV_SIZE);
        assert_eq!(long.recvs.len(), 1, "run {run}");
        assert_eq!(long.recvs[0].len, RECV_SIZE, "run {run}");
        assert!(catalogue::parse(&long.recvs[0].bytes).is_err(), "run {run}");
        assert!(concluded(&long.recvs[0]).starts_with("json.loads → "));

        let short = menu::cut_short().unwrap();
        let sent = short.sends[0].len;
        assert!(sent < RECV_SIZE, "a short menu");
        assert_eq!(short.recvs.len(), 1, "run {run}");
        assert!(
            short.recvs[0].len < sent,
            "run {run}: {}",
            short.recvs[0].len
        );
        assert!(
            catalogue::parse(&short.recvs[0].bytes).is_err(),
            "run {run}"
        );

        let fixed = menu::correct().unwrap();
        let frames = fixed.frames.as_deref().unwrap_or_default();
        assert_eq!(frames.len(), 1, "run {run}");
        assert!(frames[0].whole);
        assert_eq!(frames[0].len + HEADER_LEN, fixed.sends[0].len);
        assert_eq!(
            catalogue::parse(&frames[0].bytes),
            Ok(names.clone()),
            "run {run}"
        );
        assert!(fixed.recvs.len() > 1, "run {run}: the menu was cut too");
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
        assert_eq!(delimited.code, Code::Shown);
        let lines = read(&delimited);
        assert_eq!(lines.len(), messages.len() + inside, "run {run}");
        assert_ne!(lines, messages);
        assert!(!delimited.frames.iter().flatten().all(|f| f.whole));
        // Every byte arrived; only the boundaries are wrong.
        let joined = lines.join(&delimiter::DELIMITER);
        assert_eq!(joined, messages.join(&delimiter::DELIMITER));

        let prefixed = framings::length_prefix().unwrap();
        assert!(decoded_exactly(&prefixed, &messages), "run {run}");
    }
}

#[test]
fn fixed_length_records_pad_the_short_and_cut_the_long_every_run() {
    let messages = framings::messages();
    let record = fixed_length::RECORD;
    for run in 1..=RUNS {
        let records = fixed_length::run().unwrap();
        assert_eq!(records.code, Code::Shown);
        let got = read(&records);
        assert_eq!(got.len(), messages.len(), "run {run}");
        for (got, sent) in got.iter().zip(&messages) {
            if sent.len() <= record {
                assert_eq!(got, sent, "run {run}: a short message survives");
            } else {
                assert_eq!(got[..], sent[..record], "run {run}: a long one is cut");
            }
        }
        // Every send is one record: what a message did not fill is padding.
        assert!(records.sends.iter().all(|s| s.len == record));
        let padding: usize = got.iter().map(|m| record - m.len()).sum();
        let short: usize = messages
            .iter()
            .map(|m| record.saturating_sub(m.len()))
            .sum();
        assert!(padding > 0);
        assert_eq!(padding, short, "run {run}");
        let cut: usize = messages
            .iter()
            .zip(&got)
            .map(|(m, g)| m.len() - g.len())
            .sum();
        assert!(cut > 0, "run {run}");
        let wire: usize = records.sends.iter().map(|s| s.len).sum();
        assert_eq!(wire, messages.len() * record);
    }
}

#[test]
fn the_tour_shows_every_pitfall_in_order_and_as_json() {
    let report = tour().unwrap();
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
        let verdicts = run.verdicts();
        assert!(
            verdicts.iter().all(|(v, _)| !v.is_empty()),
            "{}",
            run.label()
        );
        // Each shows what a piece of code concluded, whatever the chunks.
        assert!(
            verdicts.iter().all(|(_, code)| *code == Code::Shown),
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
