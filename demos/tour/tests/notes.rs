//! Every note is about the run it is printed for.
//!
//! A note explains a run ("the rest waited 44 ms for its ACK, which the
//! receiver delayed"); a note that quotes a number the run did not measure,
//! or claims a delayed ACK in a run where nothing waited, teaches something
//! false. So every server/client variant pair of every paired binary is run
//! here — matching pairs and, for nagle, the pairs whose wire traffic is
//! the same but whose flags differ — and every number a note quotes is
//! checked against that run's own measurements: a stall of 40 ms needs a
//! measured wait of at least 30 ms, a segment count must be the count the
//! kernel reported, a time must be one the run timed. The tour's runs of
//! the same lessons are checked the same way.
//!
//! Each claim is one pattern in [`claims`]; a note of a timed lesson
//! (nagle, sticky) that quotes milliseconds no pattern knows is a failure
//! too, so a new sentence cannot slip past unchecked.

#[path = "docs/binaries.rs"]
mod binaries;

use regex::Regex;
use serde_json::Value;
use std::process::Command;
use std::sync::Mutex;
use std::thread;
use testkit::Process;

/// A stall longer than this is a delayed ACK at work: Linux delays an ACK
/// by 40 ms at least, and a loopback round trip takes microseconds.
const STALLED_MS: f64 = 30.0;

/// One server/client pair: the binaries' stem and each side's flags.
struct Pair {
    stem: &'static str,
    server: Vec<&'static str>,
    client: Vec<&'static str>,
}

fn pair(stem: &'static str, server: &[&'static str], client: &[&'static str]) -> Pair {
    Pair {
        stem,
        server: server.to_vec(),
        client: client.to_vec(),
    }
}

/// Every variant pair of every paired binary.
fn pairs() -> Vec<Pair> {
    let mut pairs = Vec::new();
    for server in [&[][..], &["--prompt"]] {
        for nodelay in ["on", "off"] {
            pairs.push(pair("sticky", server, &["--nodelay", nodelay]));
        }
    }
    for flags in [&[][..], &["--staged"], &["--rcvbuf"]] {
        pairs.push(pair("half", flags, flags));
    }
    for server in [&[][..], &["--recv-size", "16"]] {
        pairs.push(pair("udp", server, &[]));
    }
    for scenario in ["sticky", "half", "nagle"] {
        for prompt in [&[][..], &["--prompt"]] {
            let mut server = vec!["--scenario", scenario];
            server.extend_from_slice(prompt);
            pairs.push(Pair {
                stem: "fixed",
                server,
                client: vec!["--scenario", scenario],
            });
        }
    }
    // The stall variants share their traffic (requests answered by a
    // 2-byte reply), and so do the three one-way variants (warm-ups, then
    // writes): every server with every client of its kind.
    let stalls = [
        "nagle",
        "nodelay",
        "quickack",
        "quickack-once",
        "cork",
        "combined",
    ];
    let stalls = if cfg!(target_os = "linux") {
        &stalls[..]
    } else {
        &["nagle", "nodelay", "combined"][..]
    };
    for server in stalls {
        for client in stalls {
            pairs.push(pair(
                "nagle",
                &["--variant", server],
                &["--variant", client, "--round-trips", "4"],
            ));
        }
    }
    let writes = ["burst", "burst-nodelay", "minshall"];
    let writes = if cfg!(target_os = "linux") {
        &writes[..]
    } else {
        &writes[..2]
    };
    for server in writes {
        for client in writes {
            pairs.push(pair(
                "nagle",
                &["--variant", server],
                &["--variant", client],
            ));
        }
    }
    pairs
}

/// Runs a pair server first and returns each side's runs, named.
fn run_pair(pair: &Pair) -> Vec<(String, Value)> {
    let server_bin = binaries::binary(&format!("{}-server", pair.stem));
    let client_bin = binaries::binary(&format!("{}-client", pair.stem));
    let server_bin = server_bin.to_str().unwrap();
    let client_bin = client_bin.to_str().unwrap();
    let mut args = vec!["--json", "--timeout", "3"];
    args.extend_from_slice(&pair.server);
    let (server, addr) = testkit::serve(server_bin, &args);
    let mut args = vec!["--connect", addr.as_str(), "--json", "--timeout", "3"];
    args.extend_from_slice(&pair.client);
    let client = Process::start(client_bin, &args).finish();
    let server = server.finish();
    let mut runs = Vec::new();
    for (side, flags, finished) in [
        ("server", &pair.server, server),
        ("client", &pair.client, client),
    ] {
        let name = format!("{}-{side} {}", pair.stem, flags.join(" "));
        assert!(
            matches!(finished.code, Some(0 | 1)),
            "{name} exited {:?}: {}",
            finished.code,
            finished.stderr
        );
        for run in finished.json()["runs"].as_array().unwrap() {
            runs.push((name.clone(), run.clone()));
        }
    }
    runs
}

/// What a run measured: its times in milliseconds (every round-trip median,
/// the spread from first recv to last), its segment count and its sends.
#[derive(Debug, Default)]
struct Measured {
    medians: Vec<(String, f64)>,
    spread: Option<f64>,
    segments: Option<u64>,
    sends: Option<usize>,
    writes: Vec<u64>,
}

fn measured(run: &Value) -> Measured {
    let mut m = Measured::default();
    // A side-by-side run's notes speak of its TCP half.
    let exchange = if run["kind"] == "side_by_side" {
        &run["tcp"]
    } else {
        run
    };
    if let Some(rows) = run["rows"].as_array() {
        for row in rows {
            if let Some(median) = row["rtt_us"]["median"].as_u64() {
                m.medians.push((
                    row["label"].as_str().unwrap().to_string(),
                    median as f64 / 1000.0,
                ));
            }
            // A comparison's first column names each write and its size.
            if let Some(size) = row[0]
                .as_str()
                .and_then(|cell| cell.rsplit('(').next())
                .and_then(|tail| tail.trim_end_matches(" B)").parse().ok())
            {
                m.writes.push(size);
            }
        }
    }
    if let Some(recvs) = exchange["recvs"].as_array().filter(|r| !r.is_empty()) {
        // In whole microseconds first, as the run itself subtracts.
        let t = |r: &Value| r["t_us"].as_u64().unwrap();
        m.spread = Some((t(recvs.last().unwrap()) - t(&recvs[0])) as f64 / 1000.0);
    }
    m.segments = exchange["segments_out"].as_u64();
    m.sends = exchange["sends"]
        .as_array()
        .map(Vec::len)
        .filter(|n| *n > 0);
    m
}

/// `44.00` agrees with 44.003 (printed to 2 places), `44` with 43.76.
fn agrees(quoted: &str, value: f64) -> bool {
    let places = quoted.split('.').nth(1).map_or(0, str::len);
    format!("{value:.places$}") == quoted
}

/// The number a pattern found: each language's wording has its own group,
/// and the one that matched holds it.
fn number_in<'h>(found: &regex::Captures<'h>) -> &'h str {
    found
        .iter()
        .skip(1)
        .flatten()
        .next()
        .map_or("", |m| m.as_str())
}

/// Checks one note against its run; returns what is wrong.
fn claims(note: &str, m: &Measured) -> Vec<String> {
    let mut wrong = Vec::new();
    let mut checked_ms = 0;
    let mut check =
        |pattern: &str, wrong: &mut Vec<String>, test: &dyn Fn(&str) -> Result<(), String>| {
            for found in Regex::new(pattern).unwrap().captures_iter(note) {
                checked_ms += usize::from(pattern.contains(" ms"));
                // A pattern gives each language its own group: the one
                // that matched holds the number.
                if let Err(why) = test(number_in(&found)) {
                    wrong.push(format!("\"{}\": {why}", &found[0]));
                }
            }
        };
    let number = |s: &str| s.parse::<f64>().unwrap();
    let slowest = m.medians.iter().map(|(_, v)| *v).fold(f64::NAN, f64::max);
    let median_of = |label: &str| {
        m.medians
            .iter()
            .find(|(l, _)| label.split('|').any(|label| l.contains(label)))
            .map(|(_, v)| *v)
    };

    // Times: each quoted time is one this run measured, and a stall is one.
    check(
        r"(?:waited|其余字节等了) (\d+(?:\.\d+)?) ms",
        &mut wrong,
        &|q| match m.spread {
            Some(s) if agrees(q, s) && s >= STALLED_MS => Ok(()),
            s => Err(format!("a delayed-ACK wait, but the recvs spread {s:?} ms")),
        },
    );
    check(
        r"(?:the last byte (\d+(?:\.\d+)?) ms after the first|最后一个字节比第一个晚 (\d+(?:\.\d+)?) ms)",
        &mut wrong,
        &|q| match m.spread {
            Some(s) if agrees(q, s) => Ok(()),
            s => Err(format!("the recvs spread {s:?} ms")),
        },
    );
    check(
        r"(?:(\d+(?:\.\d+)?) ms a round trip|最慢的一行每次往返 (\d+(?:\.\d+)?) ms)",
        &mut wrong,
        &|q| {
            if agrees(q, slowest) && number(q) >= STALLED_MS {
                Ok(())
            } else {
                Err(format!("a stall, but the slowest median was {slowest} ms"))
            }
        },
    );
    check(
        r"(?:slowest median was|最慢的中位数是) (\d+(?:\.\d+)?) ms",
        &mut wrong,
        &|q| {
            if agrees(q, slowest) && slowest < STALLED_MS {
                Ok(())
            } else {
                Err(format!("no stall, but the slowest median was {slowest} ms"))
            }
        },
    );
    check(
        r"(?:changed nothing \(|只设置一次毫无作用，每次往返 )(\d+(?:\.\d+)?) ms",
        &mut wrong,
        &|q| match median_of("set once|TCP_QUICKACK 只设置一次") {
            Some(v) if agrees(q, v) && v >= STALLED_MS => Ok(()),
            v => Err(format!("set once measured {v:?} ms")),
        },
    );
    check(
        r"(?:ended the stall \(|重新设置才消除了卡顿，每次往返 )(\d+(?:\.\d+)?) ms",
        &mut wrong,
        &|q| match median_of("re-armed|每次读之前重新设置 TCP_QUICKACK") {
            Some(v) if agrees(q, v) && v < STALLED_MS => Ok(()),
            v => Err(format!("re-armed measured {v:?} ms")),
        },
    );
    check(
        r"(?:set once: |TCP_QUICKACK 只设置一次：每次往返 )(\d+(?:\.\d+)?) ms",
        &mut wrong,
        &|q| match median_of("set once|TCP_QUICKACK 只设置一次") {
            Some(v) if agrees(q, v) => Ok(()),
            v => Err(format!("set once measured {v:?} ms")),
        },
    );
    check(
        r"(?:re-armed before every read: |每次读之前重新设置：)(\d+(?:\.\d+)?) ms",
        &mut wrong,
        &|q| match median_of("re-armed|每次读之前重新设置 TCP_QUICKACK") {
            Some(v) if agrees(q, v) => Ok(()),
            v => Err(format!("re-armed measured {v:?} ms")),
        },
    );
    if (note.contains("no write waited") || note.contains("这次没有写入需要等待"))
        && m.spread.is_some_and(|s| s >= STALLED_MS)
    {
        wrong.push(format!(
            "\"no write waited\", but the recvs spread {:?} ms",
            m.spread
        ));
    }
    if note.contains("40 ms")
        && !(slowest >= STALLED_MS || m.spread.is_some_and(|s| s >= STALLED_MS))
    {
        wrong.push("40 ms, but nothing this run measured took 30 ms".into());
    }
    // Every quoted time was one of the above.
    let quoted_ms = Regex::new(r"\d ms\b").unwrap().find_iter(note).count();
    if quoted_ms > checked_ms {
        wrong.push(format!(
            "{quoted_ms} times quoted, {checked_ms} of them checked"
        ));
    }

    // Counts: segments as the kernel counted them, sends as journaled.
    for found in Regex::new(r"(\d+) (?:(?:data |separate )?segments?\b|个(?:数据|独立的)?报文段)")
        .unwrap()
        .captures_iter(note)
    {
        let n: u64 = number_in(&found).parse().unwrap();
        if m.segments != Some(n) {
            wrong.push(format!(
                "\"{}\": the kernel counted {:?}",
                &found[0], m.segments
            ));
        }
    }
    for found in Regex::new(r"the (\d+) sends|(\d+) 次 send")
        .unwrap()
        .captures_iter(note)
    {
        let n: usize = number_in(&found).parse().unwrap();
        if m.sends != Some(n) {
            wrong.push(format!(
                "\"{}\": the run journaled {:?} sends",
                &found[0], m.sends
            ));
        }
    }
    for found in Regex::new(r"behind the (\d+) B segment|那个 (\d+) B 的报文段")
        .unwrap()
        .captures_iter(note)
    {
        let n: u64 = number_in(&found).parse().unwrap();
        if m.writes.first() != Some(&n) {
            wrong.push(format!(
                "\"{}\": the first write was {:?} B",
                &found[0],
                m.writes.first()
            ));
        }
    }
    wrong
}

/// Every note of `runs` checked; the failures, named.
fn check_runs(runs: &[(String, Value)]) -> Vec<String> {
    let mut failures = Vec::new();
    for (name, run) in runs {
        let m = measured(run);
        let notes = run["notes"].as_array().into_iter().flatten();
        let side_notes = run["tcp"]["notes"].as_array().into_iter().flatten();
        for note in notes.chain(side_notes) {
            let note = note.as_str().unwrap();
            for why in claims(note, &m) {
                failures.push(format!("{name} · {}\n    {note}\n    {why}", run["label"]));
            }
        }
    }
    failures
}

#[test]
fn every_note_of_every_variant_pair_agrees_with_its_own_measurements() {
    let work = Mutex::new(pairs());
    let runs = Mutex::new(Vec::new());
    // Most of a pair's time is spent waiting (delayed ACKs, deadlines):
    // a few at once keep the test short on two cores.
    thread::scope(|scope| {
        for _ in 0..4 {
            scope.spawn(|| {
                while let Some(pair) = work.lock().unwrap().pop() {
                    let got = run_pair(&pair);
                    runs.lock().unwrap().extend(got);
                }
            });
        }
    });
    let runs = runs.into_inner().unwrap();
    assert!(runs.len() >= 2 * pairs().len(), "every side reported");
    let failures = check_runs(&runs);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // The pairs include runs that stall and runs that do not: both kinds
    // of sentence were checked, not skipped.
    let notes: Vec<&str> = runs
        .iter()
        .flat_map(|(_, run)| run["notes"].as_array().into_iter().flatten())
        .filter_map(Value::as_str)
        .collect();
    for said in ["ms a round trip", "no write waited"] {
        assert!(
            notes.iter().any(|n| n.contains(said)),
            "no note says {said:?}"
        );
    }
    if cfg!(target_os = "linux") {
        assert!(notes.iter().any(|n| n.contains("ms for its ACK")));
    }
}

#[test]
fn every_note_of_the_tour_agrees_with_its_own_measurements() {
    let mut said = String::new();
    for (lesson, lang) in ["sticky", "nagle", "udp"]
        .into_iter()
        .flat_map(|lesson| [(lesson, "en"), (lesson, "zh")])
    {
        let out = Command::new(binaries::tour())
            .args([lesson, "--json", "--lang", lang])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let report: Value = serde_json::from_slice(&out.stdout).unwrap();
        let runs: Vec<(String, Value)> = report["runs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|run| (format!("tour {lesson} --lang {lang}"), run.clone()))
            .collect();
        let failures = check_runs(&runs);
        assert!(failures.is_empty(), "{}", failures.join("\n"));
        said.push_str(&report.to_string());
    }
    assert!(
        said.contains("separate segments this time"),
        "the sticky notes were checked"
    );
    assert!(
        said.contains("个独立的报文段"),
        "the Chinese sticky notes were checked"
    );
    if cfg!(target_os = "linux") {
        assert!(
            said.contains("ms for its ACK") && said.contains("才等到它的 ACK"),
            "the burst's stall was checked in both languages"
        );
    }
}

/// The checker itself: a note quoting a stall the run did not have fails.
#[test]
fn a_note_that_claims_a_stall_the_run_did_not_have_is_caught() {
    let fast = Measured {
        spread: Some(0.05),
        segments: Some(9),
        medians: vec![("Nagle on (the default)".into(), 0.04)],
        ..Measured::default()
    };
    assert!(!claims("the rest waited 40 ms for its ACK", &fast).is_empty());
    assert!(
        !claims(
            "the server delayed that ACK: 0.04 ms a round trip (x)",
            &fast
        )
        .is_empty()
    );
    assert!(!claims("the server's delayed ACK holds that ACK for 40 ms", &fast).is_empty());
    assert!(!claims("the 9 writes left as 2 data segments", &fast).is_empty());
    assert!(claims("no write waited this time: 9 data segments in all", &fast).is_empty());
    let slow = Measured {
        spread: Some(43.76),
        segments: Some(2),
        ..Measured::default()
    };
    assert!(claims("no write waited this time", &slow).len() == 1);
    // The same lies, told in Chinese, are caught too.
    assert!(!claims("其余字节等了 40 ms 才等到它的 ACK", &fast).is_empty());
    assert!(!claims("最慢的一行每次往返 0.04 ms", &fast).is_empty());
    assert!(!claims("这 9 次写入共以 2 个数据报文段发出", &fast).is_empty());
    assert!(claims("这次没有写入需要等待", &slow).len() == 1);
    assert!(
        claims(
            "其余字节等了 44 ms 才等到它的 ACK：最后一个字节比第一个晚 43.76 ms",
            &slow
        )
        .is_empty()
    );
    assert!(
        claims(
            "the rest waited 44 ms for its ACK: the last byte 43.76 ms after the first",
            &slow
        )
        .is_empty()
    );
}
