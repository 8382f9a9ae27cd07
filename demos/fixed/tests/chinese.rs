//! The fix lesson speaks Chinese when asked: the decoder's state after
//! every recv, the verdict, and fixed-slicer's own lines — with
//! `--lang zh`, and with a Chinese locale and no `--lang` at all.

use std::net::TcpStream;
use testkit::{Process, free_port};

const SERVER: &str = env!("CARGO_BIN_EXE_fixed-server");
const CLIENT: &str = env!("CARGO_BIN_EXE_fixed-client");
const SLICER: &str = env!("CARGO_BIN_EXE_fixed-slicer");

/// A locale that asks for Chinese, with nothing set above `LANG`.
const CHINESE_LOCALE: &[(&str, &str)] =
    &[("LC_ALL", ""), ("LC_MESSAGES", ""), ("LANG", "zh_CN.UTF-8")];

/// The server's report of the half demo's sentence, framed (the client
/// starts first and retries, so no test waits for a worded line).
fn half_replay(lang: &[&str], env: &[(&str, &str)]) -> serde_json::Value {
    let addr = format!("127.0.0.1:{}", free_port());
    let mut client_args = vec![
        "--connect",
        addr.as_str(),
        "--retry-secs",
        "10",
        "--scenario",
        "half",
    ];
    client_args.extend_from_slice(lang);
    let client = Process::start_with_env(CLIENT, &client_args, env);
    let mut server_args = vec!["--listen", addr.as_str(), "--scenario", "half", "--json"];
    server_args.extend_from_slice(lang);
    let server = Process::start_with_env(SERVER, &server_args, env).finish();
    let client = client.finish();
    assert_eq!(client.code, Some(0), "{}", client.stderr);
    assert_eq!(server.code, Some(0), "{}", server.stderr);
    server.json()
}

/// The decoder's state after each recv, and the verdict.
fn decoder_story(report: &serde_json::Value) -> (Vec<String>, String) {
    let run = &report["runs"][0];
    let states = run["recvs"]
        .as_array()
        .expect("recvs")
        .iter()
        .map(|r| r["decoder"].as_str().expect("a state").to_string())
        .collect();
    (
        states,
        run["verdict"].as_str().expect("a verdict").to_string(),
    )
}

#[test]
fn with_lang_zh_the_decoder_state_and_the_verdict_are_chinese() {
    let report = half_replay(&["--lang", "zh"], &[]);
    let (states, verdict) = decoder_story(&report);
    // recv(16) over a 34-byte frame: 12 payload bytes after the header,
    // then 28, then the frame is complete.
    assert_eq!(
        states,
        [
            "已有 30 字节消息中的 12 字节；还差 18 字节",
            "已有 30 字节消息中的 28 字节；还差 2 字节",
            "帧 #1 已完整；处于两帧之间：等待 4 字节的报头",
        ]
    );
    assert_eq!(
        verdict,
        "发送 1 个帧，3 次 recv 把它拆开返回；解码器完整地重建了这条消息"
    );
}

#[test]
fn a_chinese_locale_without_lang_gives_the_same_story_as_lang_zh() {
    let asked = decoder_story(&half_replay(&["--lang", "zh"], &[]));
    let by_locale = decoder_story(&half_replay(&[], CHINESE_LOCALE));
    assert_eq!(by_locale, asked);
}

#[test]
fn in_english_the_decoder_state_is_codecs_own_sentence() {
    let (states, _) = decoder_story(&half_replay(&["--lang", "en"], &[]));
    let expected = codec::decoder::State::Body { len: 30, have: 12 }.to_string();
    assert_eq!(states[0], expected);
}

/// The slicer's start-up line, then one connection that it cannot
/// forward (nothing listens upstream): its closing words.
fn slicer_lines(lang: &[&str], env: &[(&str, &str)]) -> String {
    let upstream = format!("127.0.0.1:{}", free_port());
    let listen = format!("127.0.0.1:{}", free_port());
    let mut args = vec![
        "--listen",
        listen.as_str(),
        "--upstream",
        upstream.as_str(),
        "--retry-secs",
        "0",
        "--once",
    ];
    args.extend_from_slice(lang);
    let mut slicer = Process::start_with_env(SLICER, &args, env);
    let first = slicer.wait_for_stderr(&listen);
    let client = TcpStream::connect(&listen).expect("the slicer accepts");
    let finished = slicer.finish();
    drop(client);
    let _ = finished.code;
    first
}

/// `text` with every run of digits (the ports) as one `0`.
fn without_numbers(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if !c.is_ascii_digit() {
            out.push(c);
        } else if !out.ends_with('0') {
            out.push('0');
        }
    }
    out
}

#[test]
fn fixed_slicer_says_what_it_does_in_chinese() {
    let line = slicer_lines(&["--lang", "zh"], &[]);
    assert!(line.contains("fixed-slicer：正在 127.0.0.1:"), "{line}");
    assert!(line.contains("切成 8 B 的小片，每片间隔 1000 µs"), "{line}");
    assert!(!line.contains("listening on"), "{line}");
    let by_locale = slicer_lines(&[], CHINESE_LOCALE);
    assert_eq!(without_numbers(&by_locale), without_numbers(&line));
}
