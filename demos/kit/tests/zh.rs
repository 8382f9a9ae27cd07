//! The story in Chinese, as a laptop shows it: every kind of section drawn
//! at 80 columns with the language set to Chinese, no line wider than the
//! terminal, tables lined up by what the terminal shows, and none of the
//! kit's own English left.
//!
//! The language is the process's, so these tests live in a file of their
//! own: they set it to Chinese and leave every other test file in English.

use kit::error::Error;
use kit::journal::{Journal, Truncation};
use kit::knobs::Applied;
use kit::lang::{self, Lang};
use kit::render::text::width;
use kit::report::{
    Comparison, Download, Exchange, FrameRecord, Offered, Report, Run, Side, SideBySide, Timing,
    TimingRow, Transfer,
};
use kit::style::Style;
use kit::verdict::{Code, count, judge};
use std::time::{Duration, Instant};

/// The width of a laptop's terminal.
const COLUMNS: usize = 80;

/// A teacher's note long enough to need three lines.
const NOTE: &str = "每个报文段都被追加到接收方唯一的接收队列里；recv 交回队列里现有的全部字节，\
                    而字节流不会记录一次 send 在哪里结束，所以两条消息粘在了一起（粘包）。";

fn side(journal: Journal) -> Side {
    Side {
        journal,
        knobs: Applied {
            nodelay: Some(false),
            recv_buffer: Some(131_072),
            send_buffer: Some(3_939_840),
            ..Applied::default()
        },
        segments_out: Some(2),
    }
}

/// A stream exchange: `sends` went out, `recvs` came back.
fn stream(sends: &[&[u8]], recvs: &[&[u8]]) -> Exchange {
    let epoch = Instant::now();
    let mut sender = Journal::new(epoch);
    for s in sends {
        sender.sent(s, epoch);
    }
    let mut receiver = Journal::new(epoch);
    for r in recvs {
        receiver.received(r);
    }
    let mut run = Exchange::both(
        "迟读的接收方，TCP_NODELAY 关闭：等发送方的字节全部进入接收缓冲区再读",
        &side(sender),
        &side(receiver),
    );
    run.reader = Some("迟读：等到 30 B 都已排队，再反复调用 recv(65536) 直到发送方关闭".into());
    run.notes = vec![NOTE.into()];
    run
}

/// A datagram exchange, the first datagram truncated.
fn datagrams(sends: &[&[u8]]) -> Exchange {
    let epoch = Instant::now();
    let mut sender = Journal::new(epoch);
    for s in sends {
        sender.sent(s, epoch);
    }
    let mut receiver = Journal::new(epoch);
    let truncated = Truncation {
        truncated: true,
        real_len: Some(sends[0].len()),
    };
    receiver.received_datagram(&sends[0][..16], truncated);
    Exchange::datagrams("同样的消息作为数据报", &side(sender), &side(receiver))
}

fn every_kind() -> Report {
    let sentence = "下雨天留客天留人不留".as_bytes();
    let glued = stream(&[&sentence[..24], &sentence[24..]], &[sentence]);
    let cut = stream(&[sentence], &[&sentence[..16], &sentence[16..]]);
    let many: Vec<Vec<u8>> = (0..20).map(|i| format!("第{i}条").into_bytes()).collect();
    let many_refs: Vec<&[u8]> = many.iter().map(Vec::as_slice).collect();
    let all = many.concat();
    let mut elided = stream(&many_refs, &all.chunks(5).collect::<Vec<_>>());
    elided.frames = Some(
        many.iter()
            .enumerate()
            .map(|(i, bytes)| FrameRecord {
                index: i + 1,
                len: bytes.len(),
                bytes: bytes.clone(),
                completed_by: i + 1,
                whole: i != 0,
            })
            .collect(),
    );
    let side_by_side = SideBySide {
        label: "同样的两条消息，迟读：左边是 TCP 字节流，右边是 UDP 数据报".into(),
        tcp: stream(&[&sentence[..24], &sentence[24..]], &[sentence]),
        udp: datagrams(&[sentence, &sentence[24..]]),
    };
    let samples = [44_000, 44_000, 48_000].map(Duration::from_micros);
    let fast = [Duration::from_micros(40), Duration::from_micros(90)];
    let timing = Timing {
        label: "先写 4 字节的报头，再写消息体，然后读回复".into(),
        rows: vec![
            TimingRow::measured("Nagle 算法开启（默认）", Applied::default(), &samples)
                .expect("samples"),
            TimingRow::measured("客户端开启 TCP_NODELAY", Applied::default(), &fast)
                .expect("samples"),
        ],
        notes: vec![NOTE.into()],
    };
    let comparison = Comparison {
        label: "该用哪种分帧方式？".into(),
        columns: vec!["分帧方式".into(), "最大长度".into(), "说明".into()],
        rows: vec![
            vec![
                "长度前缀".into(),
                "4 GiB − 1".into(),
                "报头说出消息有多长，解码器等够字节再交出一帧".into(),
            ],
            vec!["分隔符".into(), "不限".into(), NOTE.into()],
        ],
        verdict: "用长度前缀：它对任何字节都成立".into(),
        code: Code::Measured,
        notes: Vec::new(),
    };
    let transfer = Transfer {
        label: "下载目录里的每个文件".into(),
        server: "127.0.0.1:9000".into(),
        catalogue: vec![Offered {
            name: "课件.pdf".into(),
            size: 5 * 1024 * 1024,
        }],
        downloads: vec![Download {
            name: "课件.pdf".into(),
            size: 5 * 1024 * 1024,
            seconds: 0.012,
            crc32: 0xdead_beef,
            identical: true,
        }],
        verdict: "每个文件都完整到达".into(),
        code: Code::Verified,
        notes: Vec::new(),
    };
    let runs: Vec<Run> = vec![
        glued.into(),
        cut.into(),
        elided.into(),
        side_by_side.into(),
        timing.into(),
        comparison.into(),
        transfer.into(),
    ];
    Report::new("zh", "粘包 sticky packets", runs)
}

#[test]
fn every_kind_of_section_fits_80_columns_in_chinese() {
    lang::set(Lang::Zh);
    let text = kit::render::report(&every_kind(), &Style::PLAIN.with_width(COLUMNS));
    for line in text.lines() {
        assert!(
            width(line) <= COLUMNS,
            "{} columns: {line}\n{text}",
            width(line)
        );
    }
    for said in [
        "第 1 次运行（共 7 次）",
        "内核实际采用的选项：TCP_NODELAY 关",
        " 发送方",
        " 接收方 — 迟读",
        " 结论：发送了 2 条消息，1 次 recv 就把它们粘在一起",
        "✂ “天”被切成了两半",
        "次 recv …",
        "解码出的帧",
        "✗ 与发送的内容不同",
        "并排对照",
        "TCP——字节流",
        "✂ 被截断，原有 30 B",
        "往返时间",
        "方案",
        "中位数",
        "服务器 127.0.0.1:9000——客户端收到的文件清单",
        "✓ 与原文件相同",
        "5.0 MiB，用时 0.012 s",
    ] {
        assert!(text.contains(said), "missing {said:?}\n{text}");
    }
    for english in [
        "run 1 of",
        "verdict:",
        " sender",
        " receiver",
        "decoded frames",
        "not shown",
        "knobs as",
        "side by side",
        " B in all",
        "median",
        "downloads",
    ] {
        assert!(
            !text.contains(english),
            "still English: {english:?}\n{text}"
        );
    }
}

#[test]
fn a_table_with_chinese_headings_lines_up_by_display_width() {
    lang::set(Lang::Zh);
    let text = kit::render::report(&every_kind(), &Style::PLAIN.with_width(COLUMNS));
    let table: Vec<&str> = text
        .lines()
        .skip_while(|line| !line.starts_with("   分帧方式"))
        .take(3)
        .collect();
    // Where the second column starts, in terminal columns, on each line.
    let second = |line: &str, cell: &str| width(&line[..line.find(cell).expect(cell)]);
    let at = second(table[0], "最大长度");
    assert_eq!(second(table[1], "4 GiB"), at, "{text}");
    // The round-trip table's numbers sit under their headings.
    let heading = text
        .lines()
        .find(|l| l.contains("中位数"))
        .expect("heading");
    let row = text
        .lines()
        .find(|l| l.contains("Nagle 算法开启"))
        .expect("row");
    let end_of = |line: &str, cell: &str| {
        let start = line.find(cell).expect(cell);
        width(&line[..start + cell.len()])
    };
    assert_eq!(end_of(heading, "中位数"), end_of(row, "44.00 ms"), "{text}");
}

#[test]
fn counts_verdicts_and_errors_speak_chinese() {
    lang::set(Lang::Zh);
    assert_eq!(count(3, "message"), "3 条消息");
    assert_eq!(count(1, "recv"), "1 次 recv");
    assert_eq!(count(2, "an unknown noun"), "2 an unknown nouns");
    let piece = |send, start, end| kit::origin::Piece {
        send,
        start,
        end,
        whole: false,
    };
    let verdict = judge(
        1,
        30,
        &[vec![piece(1, 0, 16)], vec![piece(1, 16, 30)]],
        None,
    );
    assert_eq!(
        verdict.sentence,
        "发送了 1 条消息，却需要 2 次 recv：每次只返回其中一部分"
    );
    let refused = Error::Connect {
        addr: "127.0.0.1:9000".parse().expect("an address"),
        waited: Duration::from_secs(1),
        source: std::io::Error::from(std::io::ErrorKind::ConnectionRefused),
    };
    let said = refused.to_string();
    assert!(
        said.starts_with("127.0.0.1:9000 上没有服务器应答（尝试了 1.0 s，"),
        "{said}"
    );
}

#[test]
fn the_shared_options_help_is_chinese_and_fits_the_terminal() {
    use clap::{Args, Command};
    lang::set(Lang::Zh);
    let command = kit::cli::Common::augment_args(Command::new("sticky-server").version("0.1.0"));
    let command = kit::cli::Listen::augment_args(command);
    let mut command = kit::help::localize(kit::cli::localize_shared(command));
    let help = command.render_long_help().to_string();
    for said in [
        "用法：sticky-server",
        "选项",
        "监听的地址",
        "把报告作为一个 JSON 文档",
        "[默认：127.0.0.1:9000]",
        "- auto: 标准输出是终端",
        "打印帮助",
        "打印版本",
    ] {
        assert!(help.contains(said), "missing {said:?}\n{help}");
    }
    for english in [
        "Usage:",
        "Options:",
        "[default:",
        "Print help",
        "Address to listen on",
    ] {
        assert!(
            !help.contains(english),
            "still English: {english:?}\n{help}"
        );
    }
    let columns = kit::style::ColorChoice::Never.style().width;
    for line in help
        .lines()
        .filter(|l| l.chars().any(kit::render::text::is_cjk))
    {
        assert!(
            width(line) <= columns,
            "{} columns: {line}\n{help}",
            width(line)
        );
    }
}
