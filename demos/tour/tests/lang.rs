//! The tour in Chinese: `--lang zh` words the lesson list, the transfer
//! demo's verdict and the figures' page in Chinese, and the page still
//! has one figure per run.

use testkit::Process;

const TOUR: &str = env!("CARGO_BIN_EXE_tour");

/// This test's own folder for the pages it writes (each test its own
/// file, so they run in parallel).
fn folder() -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("lang");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_chinese_page_has_chinese_lanes_and_one_figure_per_run() {
    let page = folder().join("sticky-zh.html");
    let page_arg = page.to_str().unwrap();
    let finished = Process::start(
        TOUR,
        &["sticky", "--json", "--lang", "zh", "--html", page_arg],
    )
    .finish();
    assert_eq!(finished.code, Some(0), "{}", finished.stderr);
    let report = finished.json();
    assert_eq!(report["lang"], "zh");
    let runs = report["runs"].as_array().expect("runs").len();
    let html = std::fs::read_to_string(&page).unwrap();
    assert_eq!(html.matches("<figure ").count(), runs, "one figure per run");
    for chinese in ["发送方", "接收方", "两图并排（错误的读法与正确的并排）"]
    {
        assert!(html.contains(chinese), "no {chinese} on the page");
    }
    for english in [">sender<", ">receiver<", "Top: the sender's sends"] {
        assert!(!html.contains(english), "{english} on a Chinese page");
    }
    // The title banners keep both languages.
    assert!(html.contains("粘包实验室 Sticky Packet Lab"));
}

#[test]
fn an_english_page_keeps_english_lanes() {
    let page = folder().join("sticky-en.html");
    let finished = Process::start(
        TOUR,
        &["sticky", "--lang", "en", "--html", page.to_str().unwrap()],
    )
    .finish();
    assert_eq!(finished.code, Some(0), "{}", finished.stderr);
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains(">sender<") && html.contains(">receiver<"));
    assert!(!html.contains(">发送方<"));
}

#[test]
fn the_transfer_demo_and_the_lesson_list_speak_chinese() {
    let story = Process::start(TOUR, &["transfer", "--lang", "zh", "--color", "never"]).finish();
    assert_eq!(story.code, Some(0), "{}", story.stderr);
    assert!(story.stdout.contains("已下载 2 个文件"), "{}", story.stdout);
    assert!(
        !story.stdout.contains("2 files downloaded"),
        "{}",
        story.stdout
    );
    let help = Process::start(TOUR, &["--help", "--lang", "zh"]).finish();
    assert!(
        help.stdout.contains("粘包：两次 send，一次 recv。"),
        "{}",
        help.stdout
    );
    assert!(
        !help.stdout.contains("two sends, one recv"),
        "{}",
        help.stdout
    );
    let list = Process::start(TOUR, &["--list", "--lang", "zh"]).finish();
    assert_eq!(
        list.stdout, "sticky\nhalf\nnagle\nudp\nfixed\npitfalls\ntransfer\n",
        "--list stays names only"
    );
    let zero = Process::start(TOUR, &["sticky", "--run", "0", "--lang", "zh"]).finish();
    assert_eq!(zero.code, Some(2));
    assert!(zero.stderr.contains("没有第 0 次运行"), "{}", zero.stderr);
}
