//! The exercise in Chinese: `--lang zh`, or a Chinese locale without it,
//! turns the client's menu and the server's start-up line into Chinese,
//! and `--lang en` keeps the English a class has always seen.

use testkit::{Finished, Process};

const SERVER: &str = env!("CARGO_BIN_EXE_transfer-server");
const CLIENT: &str = env!("CARGO_BIN_EXE_transfer-client");

/// A server in Chinese sharing `dir` on an ephemeral loopback port, and
/// the address its start-up line names.
fn serve_in_chinese(dir: &std::path::Path) -> (Process, String) {
    let dir = dir.to_str().expect("a UTF-8 temp path");
    let mut server = Process::start(
        SERVER,
        &["--dir", dir, "--listen", "127.0.0.1:0", "--lang", "zh"],
    );
    let line = server.wait_for_stderr("监听");
    let addr = line
        .split("正在 ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("no address in the start-up line: {line}"))
        .to_string();
    assert!(
        line.contains("共享") && line.contains("现在启动 transfer-client --connect"),
        "{line}"
    );
    assert!(!line.contains("listening on"), "{line}");
    (server, addr)
}

/// A folder with one small file to share.
fn shared() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "abc").unwrap();
    dir
}

fn menu(addr: &str, out: &std::path::Path, lang: &str, typed: &[u8]) -> Finished {
    let out = out.to_str().expect("a UTF-8 temp path");
    let args = ["--connect", addr, "--out", out, "--lang", lang];
    Process::start_with_input(CLIENT, &args, typed).finish()
}

#[test]
fn with_lang_zh_the_menu_prompts_and_answers_in_chinese() {
    let dir = shared();
    let out = tempfile::tempdir().unwrap();
    let (server, addr) = serve_in_chinese(dir.path());
    let finished = menu(&addr, out.path(), "zh", b"9\n1\nq\n");
    let stdout = &finished.stdout;
    assert_eq!(finished.code, Some(0), "{}", finished.stderr);
    for chinese in [
        "服务器上的文件：",
        "输入编号下载（Q/q 退出）：",
        "\"9\" 不是列表里的编号；请输入 1 到 1，或输入 q 退出",
        "已保存",
        "校验通过",
        "再见",
    ] {
        assert!(stdout.contains(chinese), "no {chinese:?} in:\n{stdout}");
    }
    for english in [
        "files on the server:",
        "number to download",
        "verified",
        "bye",
    ] {
        assert!(!stdout.contains(english), "{english:?} in:\n{stdout}");
    }
    assert_eq!(std::fs::read(out.path().join("a.txt")).unwrap(), b"abc");
    server.kill();
}

#[test]
fn a_chinese_locale_without_lang_gives_the_same_menu() {
    let dir = shared();
    let out = tempfile::tempdir().unwrap();
    let (server, addr) = serve_in_chinese(dir.path());
    let out = out.path().to_str().unwrap();
    // No stdin: the menu is shown once, then the end of input says goodbye.
    let finished = Process::start_with_env(
        CLIENT,
        &["--connect", &addr, "--out", out],
        &[("LANG", "zh_CN.UTF-8"), ("LC_ALL", ""), ("LC_MESSAGES", "")],
    )
    .finish();
    assert_eq!(finished.code, Some(0), "{}", finished.stderr);
    assert!(
        finished.stdout.contains("服务器上的文件：") && finished.stdout.contains("再见"),
        "{}",
        finished.stdout
    );
    assert!(
        !finished.stdout.contains("files on the server:"),
        "{}",
        finished.stdout
    );
    server.kill();
}

#[test]
fn with_lang_en_the_menu_stays_english() {
    let dir = shared();
    let out = tempfile::tempdir().unwrap();
    let (server, addr) = serve_in_chinese(dir.path());
    let finished = menu(&addr, out.path(), "en", b"q\n");
    assert!(
        finished.stdout.starts_with(
            "files on the server:\n[ 1] a.txt  (3 B)\nnumber to download (Q/q quits): bye\n"
        ),
        "{}",
        finished.stdout
    );
    server.kill();
}

#[test]
fn errors_and_help_follow_the_language() {
    let missing = Process::start(
        CLIENT,
        &["--out", "/no/such/folder", "--list", "--lang", "zh"],
    )
    .finish();
    assert_eq!(missing.code, Some(2), "{}", missing.stderr);
    assert_eq!(
        missing.stderr.trim(),
        "错误：--out /no/such/folder 不是一个已存在的文件夹"
    );
    let help = Process::start(SERVER, &["--help", "--lang", "zh"]).finish();
    assert!(
        help.stdout.contains("提供其中文件的文件夹"),
        "{}",
        help.stdout
    );
    assert!(
        !help.stdout.contains("The folder whose files are offered"),
        "{}",
        help.stdout
    );
}

/// A server started in Chinese refuses in two languages: its log, for the
/// teacher, in Chinese; the `{"error": …}` frame, which a student's own
/// program prints as it came, in English, the protocol's language.
#[test]
fn a_chinese_server_logs_its_refusals_in_chinese_and_sends_them_in_english() {
    use std::net::TcpStream;
    use std::time::Duration;
    use transfer::message::Get;
    use transfer::wire;

    let dir = shared();
    let dir_arg = dir.path().to_str().expect("a UTF-8 temp path");
    let mut server = Process::start(
        SERVER,
        &[
            "--dir",
            dir_arg,
            "--listen",
            "127.0.0.1:0",
            "--idle-timeout",
            "1",
            "--lang",
            "zh",
        ],
    );
    let addr = testkit::listening_addr(&server.wait_for_stderr("监听"));
    let error_frame = |stream: &mut TcpStream| -> String {
        let payload = wire::recv_frame(stream, wire::MAX_MESSAGE_LEN)
            .expect("a frame")
            .expect("not the end of the stream");
        let frame: serde_json::Value = serde_json::from_slice(&payload).expect("JSON");
        frame["error"].as_str().expect("an error frame").to_string()
    };
    let mut stream = TcpStream::connect(&addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    // The catalogue first, then a request for a file that is not there.
    wire::recv_frame(&mut stream, wire::MAX_MESSAGE_LEN).unwrap();
    let get = Get {
        get: "nope.txt".into(),
        offset: 0,
    };
    wire::send(&mut stream, &get).unwrap();
    assert_eq!(
        error_frame(&mut stream),
        "no file named \"nope.txt\" (ask for one from the list)"
    );
    let refused = server.wait_for_stderr("拒绝");
    assert!(
        refused.contains("没有名为 \"nope.txt\" 的文件"),
        "{refused}"
    );
    // Then silence, past --idle-timeout: the server hangs up, saying why.
    let idle = error_frame(&mut stream);
    assert_eq!(
        idle,
        "nothing arrived for 1 s between requests (--idle-timeout); the server closes this connection"
    );
    let dropped = server.wait_for_stderr("被断开");
    assert!(
        dropped.contains("两次请求之间 1 s 内什么也没收到（--idle-timeout）"),
        "{dropped}"
    );
    assert!(!dropped.contains("nothing arrived"), "{dropped}");
    // A student's client that frames differently, and one that asks in
    // the wrong words: refused in English, logged in Chinese.
    let cases: [(Vec<u8>, &str, &str); 2] = [
        (
            vec![0xff; 4],
            "bad frame: a header announced a 4294967295-byte message",
            "帧有误：一个报头声明了 4294967295 字节的消息",
        ),
        (
            [&13u32.to_be_bytes()[..], br#"{"fetch":"a"}"#].concat(),
            "malformed request: neither \"get\" nor \"quit\"",
            "请求格式有误：既没有 \"get\" 也没有 \"quit\"",
        ),
    ];
    for (sent, english, chinese) in cases {
        let mut stream = TcpStream::connect(&addr).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        wire::recv_frame(&mut stream, wire::MAX_MESSAGE_LEN).unwrap();
        std::io::Write::write_all(&mut stream, &sent).unwrap();
        let frame = error_frame(&mut stream);
        assert!(frame.starts_with(english), "{frame}");
        let logged = server.wait_for_stderr("被断开");
        assert!(logged.contains(chinese), "{logged}");
    }
    server.kill();
}
