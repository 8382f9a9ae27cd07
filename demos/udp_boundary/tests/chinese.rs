//! udp-server and udp-client speak Chinese when asked: with `--lang zh`,
//! and with a Chinese locale and no `--lang` at all — their stories and
//! their own start-up lines.

use testkit::{Finished, Process, free_port};

const SERVER: &str = env!("CARGO_BIN_EXE_udp-server");
const CLIENT: &str = env!("CARGO_BIN_EXE_udp-client");

/// A locale that asks for Chinese, with nothing set above `LANG`.
const CHINESE_LOCALE: &[(&str, &str)] =
    &[("LC_ALL", ""), ("LC_MESSAGES", ""), ("LANG", "zh_CN.UTF-8")];

/// Runs the pair (the client first: it probes until the server answers)
/// and returns both, finished.
fn pair(lang: &[&str], env: &[(&str, &str)]) -> (Finished, Finished) {
    let addr = format!("127.0.0.1:{}", free_port());
    let mut client_args = vec!["--connect", addr.as_str(), "--retry-secs", "10", "--json"];
    client_args.extend_from_slice(lang);
    let client = Process::start_with_env(CLIENT, &client_args, env);
    let mut server_args = vec!["--listen", addr.as_str(), "--json"];
    server_args.extend_from_slice(lang);
    let server = Process::start_with_env(SERVER, &server_args, env).finish();
    let client = client.finish();
    assert_eq!(client.code, Some(0), "{}", client.stderr);
    assert_eq!(server.code, Some(0), "{}", server.stderr);
    (server, client)
}

/// A run's label, reader, verdict and notes (if any), as one list.
fn sentences(finished: &Finished) -> Vec<String> {
    let run = &finished.json()["runs"][0];
    let mut all: Vec<String> = ["label", "reader", "verdict"]
        .iter()
        .filter_map(|key| run[key].as_str().map(str::to_string))
        .collect();
    all.extend(
        run["notes"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|n| n.as_str().expect("a note").to_string()),
    );
    all
}

#[test]
fn with_lang_zh_both_sides_speak_chinese() {
    let (server, client) = pair(&["--lang", "zh"], &[]);
    let told = sentences(&server);
    assert_eq!(told[0], "用 recv(65536) 读数据报");
    assert_eq!(
        told[1],
        "每个数据报一到就 recv(65536) 一次，直到 2 个全部到达"
    );
    // The server's verdict is the shared kit's sentence; its label and its
    // reading are this lesson's own.
    assert!(
        told[..2].iter().all(|s| !s.contains("datagram")),
        "{told:?}"
    );
    assert!(
        server.stderr.contains("正在 127.0.0.1:"),
        "{}",
        server.stderr
    );
    assert!(!server.stderr.contains("listening on"), "{}", server.stderr);
    let sent = sentences(&client);
    assert_eq!(sent[0], "每条消息作为一个数据报");
    assert!(
        sent[1].starts_with("已发送 2 个数据报（30 字节）"),
        "{sent:?}"
    );
    assert!(
        client.stderr.contains("udp-server 在 "),
        "{}",
        client.stderr
    );
}

#[test]
fn a_chinese_locale_without_lang_gives_the_same_sentences_as_lang_zh() {
    let (server, client) = pair(&["--lang", "zh"], &[]);
    let (by_locale, client_by_locale) = pair(&[], CHINESE_LOCALE);
    assert_eq!(sentences(&by_locale), sentences(&server));
    assert_eq!(sentences(&client_by_locale), sentences(&client));
}
