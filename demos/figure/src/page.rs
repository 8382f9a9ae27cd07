//! The page: every figure of one or more reports in one HTML file that
//! needs nothing else — the figures are inline SVG, the style sheet is
//! inline, there is no script, and no font, image or link points outside
//! the file. It opens from a USB stick on a classroom computer with no
//! network, and prints: each figure stays on one sheet of paper.
//!
//! One figure per row by default, as large as the screen, for the back of
//! the room. A checkbox at the top (pure CSS, no script) puts two figures
//! on a row instead: consecutive runs side by side, which in the pitfalls
//! puts each broken reading beside the correct one.

use crate::Figure;
use crate::TEXT;
use crate::svg::escape;
use kit::report::Report;
use kit::tr;
use std::fmt::Write;

/// The page's own style: large type for a projector, figures as wide as
/// the window, one per screen.
const STYLE: &str = "body{margin:0 auto;max-width:1500px;padding:16px 24px;\
font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"PingFang SC\",\"Microsoft YaHei\",\"Helvetica Neue\",Arial,sans-serif;\
font-size:20px;line-height:1.5;color:#1b1b1b;background:#fff}\
h1{font-size:2em;margin:.4em 0}h2{font-size:1.6em;margin:1.6em 0 .4em;border-bottom:3px solid #1b1b1b}\
nav a{margin-right:1em;white-space:nowrap}\
figure{margin:0 0 28px;border:1px solid #bbb}\
figure svg{display:block;width:100%;height:auto}\
.key{margin:0;padding-left:1.2em}\
.pairs{display:inline-block;margin:.4em 0;font-weight:700;cursor:pointer}\
#pairs{width:1.2em;height:1.2em;vertical-align:middle}\
#pairs:checked~section .runs{display:grid;grid-template-columns:1fr 1fr;gap:0 16px}\
#pairs:checked~section figure{margin-bottom:16px}\
@media print{body{max-width:none;padding:0}figure{break-inside:avoid}h2{break-after:avoid}\
#pairs,.pairs{display:none}#pairs:checked~section .runs{display:block}}";

/// The page of `reports`, with their figures.
#[must_use]
pub fn page(reports: &[(&Report, Vec<Figure>)]) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"zh-Hans\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>粘包实验室 Sticky Packet Lab</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <h1>粘包实验室 Sticky Packet Lab</h1>\n"
    );
    out.push_str(&key());
    // Before the sections: the CSS selects them as its later siblings.
    let _ = writeln!(
        out,
        "<input type=\"checkbox\" id=\"pairs\"> <label class=\"pairs\" for=\"pairs\">{}</label>",
        escape(&tr!(TEXT, "page-pairs"))
    );
    if reports.len() > 1 {
        out.push_str("<nav>");
        for (report, _) in reports {
            let _ = write!(
                out,
                "<a href=\"#{}\">{}</a> ",
                escape(&report.demo),
                escape(&report.title)
            );
        }
        out.push_str("</nav>\n");
    }
    for (report, figures) in reports {
        let _ = write!(
            out,
            "<section id=\"{}\">\n<h2>{}</h2>\n<div class=\"runs\">\n",
            escape(&report.demo),
            escape(&report.title)
        );
        for figure in figures {
            let _ = writeln!(
                out,
                "<figure id=\"{}\">{}</figure>",
                escape(&figure.name),
                figure.svg
            );
        }
        out.push_str("</div>\n</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// How to read the figures: in Chinese on a Chinese page, and in both
/// languages on an English one (a class that reads English is often
/// taught from Chinese textbooks too).
fn key() -> String {
    let mut key = String::from("<ul class=\"key\">\n");
    for line in [
        tr!(TEXT, "page-key-1"),
        tr!(TEXT, "page-key-2"),
        tr!(TEXT, "page-key-3"),
    ] {
        let _ = writeln!(key, "<li>{}</li>", escape(&line));
    }
    key.push_str("</ul>\n");
    key
}
