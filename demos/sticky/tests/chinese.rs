//! sticky-server and sticky-client speak Chinese when asked: with
//! `--lang zh`, and with a Chinese locale and no `--lang` at all.

use testkit::{Finished, Process, free_port};

const SERVER: &str = env!("CARGO_BIN_EXE_sticky-server");
const CLIENT: &str = env!("CARGO_BIN_EXE_sticky-client");

/// A locale that asks for Chinese, with nothing set above `LANG`.
const CHINESE_LOCALE: &[(&str, &str)] =
    &[("LC_ALL", ""), ("LC_MESSAGES", ""), ("LANG", "zh_CN.UTF-8")];

/// Runs the pair (the client first, retrying, so that no test waits for a
/// line whose wording depends on the language) and returns the server's
/// JSON report.
fn server_report(extra: &[&str], env: &[(&str, &str)]) -> serde_json::Value {
    let addr = format!("127.0.0.1:{}", free_port());
    let mut client_args = vec!["--connect", addr.as_str(), "--retry-secs", "10", "--json"];
    client_args.extend_from_slice(extra);
    let client = Process::start_with_env(CLIENT, &client_args, env);
    let mut server_args = vec!["--listen", addr.as_str(), "--json"];
    server_args.extend_from_slice(extra);
    let server = Process::start_with_env(SERVER, &server_args, env).finish();
    let client: Finished = client.finish();
    assert_eq!(client.code, Some(0), "{}", client.stderr);
    assert_eq!(server.code, Some(0), "{}", server.stderr);
    server.json()
}

/// What a person reads of a server's run: its label, how it read, and the
/// notes.
fn sentences(report: &serde_json::Value) -> (String, String, Vec<String>) {
    let run = &report["runs"][0];
    let notes = run["notes"]
        .as_array()
        .expect("notes")
        .iter()
        .map(|n| n.as_str().expect("a note").to_string())
        .collect();
    (
        run["label"].as_str().expect("a label").to_string(),
        run["reader"].as_str().expect("a reader").to_string(),
        notes,
    )
}

#[test]
fn with_lang_zh_the_server_describes_its_reading_in_chinese() {
    let report = server_report(&["--lang", "zh"], &[]);
    assert_eq!(report["lang"], "zh");
    let (label, reader, notes) = sentences(&report);
    assert_eq!(label, "迟读的接收方");
    assert!(
        reader.starts_with("迟读：等 30 B 全部进入接收队列，再 recv(65536)"),
        "{reader}"
    );
    assert!(!reader.contains("waited until"), "{reader}");
    assert!(notes.iter().any(|n| n.contains("接收队列")), "{notes:?}");
    assert!(
        notes.iter().all(|n| !n.contains("receive queue")),
        "{notes:?}"
    );
}

#[test]
fn a_chinese_locale_without_lang_gives_the_same_sentences_as_lang_zh() {
    let asked = sentences(&server_report(&["--lang", "zh"], &[]));
    let by_locale = server_report(&[], CHINESE_LOCALE);
    assert_eq!(by_locale["lang"], "zh");
    assert_eq!(sentences(&by_locale), asked);
}

#[test]
fn the_help_speaks_chinese_down_to_the_values_of_nodelay() {
    let help = testkit::run(CLIENT, &["--help", "--lang", "zh"]);
    assert_eq!(help.code, Some(0));
    assert!(
        help.stdout.contains("每条消息用一次 send 发出"),
        "{}",
        help.stdout
    );
    assert!(help.stdout.contains("on: 设置该选项"), "{}", help.stdout);
    assert!(
        !help.stdout.contains("The option is set"),
        "{}",
        help.stdout
    );
    let english = testkit::run(CLIENT, &["--help", "--lang", "en"]);
    assert!(
        english.stdout.contains("on:  The option is set"),
        "{}",
        english.stdout
    );
}
