//! The lesson's claims, checked over real UDP and TCP sockets on
//! 127.0.0.1: boundaries kept, truncation reported, the size limit, and
//! datagrams lost where TCP loses nothing.

use kit::lesson::Lesson;
use kit::report::{Run, SideBySide, Transport};
use std::time::Duration;
use testkit::hex;
use udp_boundary::{Scenario, Udp, overflow, too_big, truncation};

/// Three datagrams of very different sizes, each its own text.
fn three() -> Vec<Vec<u8>> {
    [5, 300, 1400]
        .iter()
        .enumerate()
        .map(|(i, &size)| {
            let mut message = format!("#{} ", i + 1).into_bytes();
            message.resize(size, b'a' + i as u8);
            message
        })
        .collect()
}

/// DESIGN §4: a late reader gets one recv per datagram, of exactly its
/// size, every time.
#[test]
fn boundaries_are_kept_fifty_times_out_of_fifty() {
    let scenario = Scenario {
        label: "three sizes".into(),
        messages: three(),
        recv_size: kit::stream::RECV_BUFFER,
        quiet: Duration::from_secs(5),
    };
    for attempt in 1..=50 {
        let run = udp_boundary::run(&scenario).unwrap();
        assert_eq!(run.transport, Transport::Udp);
        let sizes: Vec<usize> = run.recvs.iter().map(|r| r.len).collect();
        assert_eq!(sizes, [5, 300, 1400], "attempt {attempt}");
        for (recv, sent) in run.recvs.iter().zip(&scenario.messages) {
            assert_eq!(&recv.bytes, sent, "attempt {attempt}");
            assert_eq!(recv.origin.len(), 1, "one datagram per recv");
            assert_eq!(recv.truncated, Some(false));
        }
        assert_eq!(run.sticky, Some(false));
        assert_eq!(run.half, Some(false));
        assert_eq!(
            run.verdict,
            "3 datagrams sent, 3 recvs returned them one each: UDP kept every boundary"
        );
    }
}

#[test]
fn truncation_is_flagged_with_the_real_length_and_the_next_recv_is_the_next_datagram() {
    let SideBySide { tcp, udp, .. } = truncation::side_by_side().unwrap();
    assert_eq!(
        (tcp.transport, udp.transport),
        (Transport::Tcp, Transport::Udp)
    );
    assert_eq!(tcp.label, udp.label, "drawn side by side");

    let json = serde_json::to_value(&udp).unwrap();
    let recvs = json["recvs"].as_array().unwrap();
    assert_eq!(recvs.len(), 2);
    assert_eq!(recvs[0]["len"], 16);
    assert_eq!(recvs[0]["truncated"], true);
    if cfg!(target_os = "linux") {
        assert_eq!(recvs[0]["real_len"], 30);
        assert!(udp.notes[0].contains("the other 14 B were discarded"));
    } else {
        assert!(recvs[0].get("real_len").is_none());
        assert!(udp.notes.iter().any(|n| n.contains("does not report")));
    }
    assert_eq!(
        recvs[1]["hex"],
        hex("不留"),
        "the next datagram, not the rest"
    );
    assert_eq!(recvs[1]["truncated"], false);

    // TCP with the same buffer: the rest comes in the next recv.
    assert_eq!(
        tcp.recvs[1].bytes[..14],
        "下雨天留客天留人不留".as_bytes()[16..]
    );
    assert_eq!(tcp.received_stream(), tcp.sent_stream());
}

#[test]
fn one_byte_over_65507_is_refused_in_the_run_and_65507_goes_through_whole() {
    let run = too_big::run().unwrap();
    assert!(
        run.verdict.contains("a 65508-byte one was refused by send"),
        "{}",
        run.verdict
    );
    if cfg!(unix) {
        assert!(run.verdict.contains("message too long"), "{}", run.verdict);
    }
    assert!(run.notes[0].contains("65535"), "{:?}", run.notes);
    // macOS refuses far smaller datagrams by default (net.inet.udp.maxdgram).
    if !cfg!(target_os = "macos") {
        assert_eq!(run.sends.len(), 1, "only the 65507-byte one left");
        assert_eq!(run.recvs.len(), 1);
        assert_eq!(run.recvs[0].len, too_big::LARGEST);
        assert_eq!(run.recvs[0].bytes, too_big::payload(too_big::LARGEST));
        assert!(
            run.verdict
                .starts_with("a 65507-byte datagram went through whole, in one recv; "),
            "{}",
            run.verdict
        );
    }
}

#[test]
fn an_overflowing_receiver_loses_datagrams_where_tcp_loses_no_byte() {
    let SideBySide { tcp, udp, .. } = overflow::side_by_side().unwrap();
    assert_eq!(tcp.label, udp.label);
    assert_eq!(udp.sends.len(), overflow::COUNT);
    assert!(
        udp.recvs.len() < udp.sends.len(),
        "UDP: {} of {} arrived",
        udp.recvs.len(),
        udp.sends.len()
    );
    assert!(udp.recvs.iter().all(|r| r.len == overflow::SIZE));
    assert!(udp.verdict.contains(" lost"), "{}", udp.verdict);

    assert_eq!(tcp.sends.len(), overflow::COUNT);
    assert_eq!(tcp.received_stream(), tcp.sent_stream(), "TCP: every byte");
    assert!(tcp.recvs.len() < overflow::COUNT, "glued into fewer recvs");
    assert!(tcp.notes[0].ends_with(", 0 B lost"), "{:?}", tcp.notes);
}

#[test]
fn the_tour_tells_the_story_in_order() {
    let report = Udp::report(Udp::tour().unwrap());
    assert_eq!(report.demo, "udp");
    let kinds: Vec<&str> = report
        .runs
        .iter()
        .map(|run| match run {
            Run::Exchange(_) => "exchange",
            Run::SideBySide(_) => "side by side",
            _ => "other",
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "exchange",
            "side by side",
            "side by side",
            "exchange",
            "side by side"
        ]
    );
    let story = kit::render::plain(&report);
    assert_eq!(story.matches("· side by side").count(), 3, "{story}");
    assert!(story.contains("✂ truncated"), "{story}");
    assert!(story.contains("EMSGSIZE"), "{story}");
}
