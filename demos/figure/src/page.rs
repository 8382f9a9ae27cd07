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
use crate::svg::escape;
use kit::report::Report;
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
    out.push_str(KEY);
    // Before the sections: the CSS selects them as its later siblings.
    out.push_str(
        "<input type=\"checkbox\" id=\"pairs\"> <label class=\"pairs\" for=\"pairs\">\
         两图并排 · two figures per row (broken beside correct)</label>\n",
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

/// How to read the figures, in both languages.
const KEY: &str = "<ul class=\"key\">\n\
<li>上：发送方的每次 send；下：接收方的每次 recv；色带：字节从哪里来、落到哪里。\
Top: the sender's sends; below: the receiver's recvs; each band shows where a message's bytes landed.</li>\n\
<li>一种颜色和花纹 = 一条消息；两条色带汇入一个 recv = 粘包；一条消息分到几个 recv = 半包。\
One colour and hatching per message: two bands into one recv is a sticky packet, one message over several recvs a half packet.</li>\n\
<li>黑块 = 长度包头；叉 = 丢失或被截断丢弃的字节；时间轴左端的 // = 不从零开始。\
Black: length headers; crossed out: bytes lost or thrown away; // at the left end of a time axis: it does not start at zero.</li>\n\
</ul>\n";
