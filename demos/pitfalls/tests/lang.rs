//! The pitfalls speak Chinese when the process does: every label keeps its
//! letter and its Python, and the words around the code are Chinese.
//!
//! The language is the whole process's, so this file (its own test
//! process) sets Chinese once and every test in it runs in Chinese.

use kit::lang::{self, Lang};
use pitfalls::Pitfall;

/// The story of `pitfall` in Chinese, without white space: the renderer
/// wraps long lines, and Chinese may be wrapped between any two
/// characters, so sentences are compared without the breaks.
fn story(pitfall: Pitfall) -> String {
    lang::set(Lang::Zh);
    let runs = pitfall.runs().expect("the runs of a pitfall");
    let report = kit::report::Report::new(pitfalls::NAME, pitfalls::TITLE, runs);
    squeezed(&kit::render::plain(&report))
}

/// `text` without any white space.
fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn counting_in_chinese_keeps_the_code_and_translates_the_words() {
    let text = story(Pitfall::Counting);
    for said in [
        "(a) 错误 · have += 1024，不管 recv 实际返回多少",
        "(a) 正确 · have += len(chunk)，只请求还缺的部分",
        "循环每次 recv 都算 1024，但 recv 实际返回",
        "再 recv 一次",
    ] {
        assert!(text.contains(&squeezed(said)), "{said:?} in {text}");
    }
    for english in ["whatever recv returned", "the loop counted", "recv again"] {
        assert!(!text.contains(&squeezed(english)), "{english:?} in {text}");
    }
}

#[test]
fn the_framings_table_is_chinese_but_its_sizes_are_not_translated() {
    let text = story(Pitfall::Framings);
    for said in [
        "(f) 选哪种分帧？长度前缀、分隔符、定长",
        "每条消息 4 B",
        "4 GiB − 1",
        "(f) 分隔符 · 每条消息后加一个 \\n",
    ] {
        assert!(text.contains(&squeezed(said)), "{said:?} in {text}");
    }
    for english in [
        "which framing?",
        "binary-safe",
        "a line reader does not mind",
    ] {
        assert!(!text.contains(&squeezed(english)), "{english:?} in {text}");
    }
}
