//! nagle-server and nagle-client speak Chinese when asked: with
//! `--lang zh`, and with a Chinese locale and no `--lang` at all.

use testkit::{Finished, Process, free_port};

const SERVER: &str = env!("CARGO_BIN_EXE_nagle-server");
const CLIENT: &str = env!("CARGO_BIN_EXE_nagle-client");

/// A Chinese locale, and nothing that would outrank `LANG`.
const CHINESE_LOCALE: [(&str, &str); 3] =
    [("LC_ALL", ""), ("LC_MESSAGES", ""), ("LANG", "zh_CN.UTF-8")];

/// An English locale, whatever the machine running the tests has.
const ENGLISH_LOCALE: [(&str, &str); 3] = [("LC_ALL", ""), ("LC_MESSAGES", ""), ("LANG", "C")];

/// Runs the stall with one combined write, three round trips, both sides
/// with `extra` flags and the environment `env`. The client starts first
/// and keeps dialling until the server listens, so neither side waits on
/// the other's start-up line (whose words depend on the language too).
fn combined(extra: &[&str], env: &[(&str, &str)]) -> (Finished, Finished) {
    let addr = format!("127.0.0.1:{}", free_port());
    let variant = ["--variant", "combined", "--round-trips", "3"];
    let mut args = vec!["--connect", addr.as_str(), "--retry-secs", "20"];
    args.extend_from_slice(&variant);
    args.extend_from_slice(extra);
    let client = Process::start_with_env(CLIENT, &args, env);
    let mut args = vec!["--listen", addr.as_str()];
    args.extend_from_slice(&variant);
    args.extend_from_slice(extra);
    let server = Process::start_with_env(SERVER, &args, env).finish();
    let client = client.finish();
    assert_eq!(server.code, Some(0), "server: {}", server.stderr);
    assert_eq!(client.code, Some(0), "client: {}", client.stderr);
    (server, client)
}

#[test]
fn with_lang_zh_the_verdict_and_the_labels_are_chinese() {
    let (server, client) = combined(&["--lang", "zh"], &ENGLISH_LOCALE);
    assert!(
        server
            .stdout
            .contains("回答了 3 个请求；往返时间显示在客户端的屏幕上"),
        "{}",
        server.stdout
    );
    assert!(!server.stdout.contains("answered 3 requests"));
    assert!(
        client.stdout.contains("合并成一次写入"),
        "{}",
        client.stdout
    );
    assert!(
        client.stdout.contains("请求分两次写出"),
        "{}",
        client.stdout
    );
    assert!(!client.stdout.contains("one combined write"));
    // The note under the table quotes the slowest median, stalled or not.
    assert!(client.stdout.contains("最慢的"), "{}", client.stdout);
    assert!(!client.stdout.contains("slowest"), "{}", client.stdout);
}

#[test]
fn a_chinese_locale_without_lang_gives_the_same_chinese_verdict() {
    let (server, _) = combined(&[], &CHINESE_LOCALE);
    assert!(
        server
            .stdout
            .contains("回答了 3 个请求；往返时间显示在客户端的屏幕上"),
        "{}",
        server.stdout
    );
    // --lang outranks the locale.
    let (server, _) = combined(&["--lang", "en"], &CHINESE_LOCALE);
    assert!(
        server
            .stdout
            .contains("answered 3 requests; the round-trip times are on the client's screen"),
        "{}",
        server.stdout
    );
}

#[test]
fn help_in_chinese_explains_every_variant() {
    let help =
        Process::start_with_env(SERVER, &["--help", "--lang", "zh"], &ENGLISH_LOCALE).finish();
    assert_eq!(help.code, Some(0), "{}", help.stderr);
    for said in [
        "回应 nagle-client",
        "运行哪一种；两端要给同一个",
        "默认设置下的卡顿：报头和消息体分两次写",
        "一个满报文段之后两次单字节写入",
    ] {
        assert!(help.stdout.contains(said), "{said:?} in {}", help.stdout);
    }
    assert!(!help.stdout.contains("What to run"));
    assert!(!help.stdout.contains("The stall with the defaults"));
}
