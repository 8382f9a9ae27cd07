//! The fenced code blocks of a Markdown page, each with the HTML comment
//! on the line just before its opening fence (its annotation).

use std::fs;
use std::path::{Path, PathBuf};

/// One fenced block.
#[derive(Debug, Clone)]
pub struct Block {
    /// The page it is on, relative to `docs/` (`sticky.md`, `zh/sticky.md`).
    pub page: String,
    /// 1-based line of the opening fence.
    pub line: usize,
    /// The fence's language: `text`, `sh`, `python`, …
    pub lang: String,
    /// The lines between the fences, each ending in `\n`.
    pub body: String,
    /// The text inside `<!-- … -->` on the line before the fence, trimmed.
    pub annotation: Option<String>,
}

impl Block {
    /// `docs/PAGE:LINE`, for messages.
    pub fn place(&self) -> String {
        format!("docs/{}:{}", self.page, self.line)
    }
}

/// The workspace's `docs/` folder.
pub fn docs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs")
}

/// Every page: `docs/*.md` and the handouts `docs/handouts/*.md`, then
/// the same in Chinese, `docs/zh/*.md` and `docs/zh/handouts/*.md`; each
/// folder sorted by name.
pub fn pages() -> Vec<String> {
    let mut pages = Vec::new();
    for prefix in ["", "handouts/", "zh/", "zh/handouts/"] {
        let folder = docs_dir().join(prefix);
        let mut names: Vec<String> = fs::read_dir(&folder)
            .unwrap_or_else(|e| panic!("{}: {e}", folder.display()))
            .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
            .filter(|name| name.ends_with(".md"))
            .collect();
        names.sort();
        pages.extend(names.into_iter().map(|name| format!("{prefix}{name}")));
    }
    pages
}

/// The text of `page` (relative to `docs/`).
pub fn read(page: &str) -> String {
    let path = docs_dir().join(page);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The fenced blocks of `page`, in order.
pub fn blocks(page: &str) -> Vec<Block> {
    let text = read(page);
    let lines: Vec<&str> = text.lines().collect();
    let mut blocks = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some(lang) = lines[i].strip_prefix("```") else {
            i += 1;
            continue;
        };
        let close = (i + 1..lines.len())
            .find(|&j| lines[j].starts_with("```"))
            .unwrap_or_else(|| panic!("docs/{page}:{}: a fence that never closes", i + 1));
        let annotation = i
            .checked_sub(1)
            .map(|p| lines[p].trim())
            .and_then(|l| l.strip_prefix("<!--")?.strip_suffix("-->"))
            .map(|inner| inner.trim().to_string());
        blocks.push(Block {
            page: page.to_string(),
            line: i + 1,
            lang: lang.trim().to_string(),
            body: lines[i + 1..close]
                .iter()
                .map(|l| format!("{l}\n"))
                .collect(),
            annotation,
        });
        i = close + 1;
    }
    blocks
}

/// The lines of `text` outside fenced code blocks, each with its 1-based
/// line number.
fn prose(text: &str) -> Vec<(usize, &str)> {
    let mut inside = false;
    let mut lines = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim_start().starts_with("```") {
            inside = !inside;
        } else if !inside {
            lines.push((i + 1, line));
        }
    }
    lines
}

/// `line` without its inline code spans (`` `…` ``), so that a link written
/// as code is not taken for a link.
fn without_code(line: &str) -> String {
    line.split('`').step_by(2).collect::<Vec<_>>().join(" ")
}

/// The text GitHub shows for a heading's Markdown: links become their
/// text, and code marks go.
fn rendered(markdown: &str) -> String {
    let mut out = String::new();
    let mut rest = markdown;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find("](").map(|c| open + c) else {
            break;
        };
        let Some(end) = rest[close..].find(')').map(|e| close + e) else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push_str(&rest[open + 1..close]);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out.replace('`', "")
}

/// The anchor GitHub gives a heading: its text in lower case, letters,
/// digits, `-` and `_` kept, spaces made `-`, everything else dropped.
pub fn anchor(heading: &str) -> String {
    rendered(heading)
        .chars()
        .flat_map(char::to_lowercase)
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// The anchors of every heading in `text`, a repeated one numbered as
/// GitHub numbers it (`name`, `name-1`, …).
pub fn anchors(text: &str) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    let mut anchors = Vec::new();
    for (_, line) in prose(text) {
        let Some(heading) = line.strip_prefix('#') else {
            continue;
        };
        let heading = heading.trim_start_matches('#');
        if !heading.starts_with(' ') {
            continue;
        }
        let base = anchor(heading.trim());
        let n = seen.iter().filter(|a| **a == base).count();
        seen.push(base.clone());
        anchors.push(if n == 0 { base } else { format!("{base}-{n}") });
    }
    anchors
}

/// The targets of the relative links of `page` (`[text](target)` outside
/// code), each with its line: no `http…` or `mailto:` links.
pub fn links(page: &str) -> Vec<(usize, String)> {
    let text = read(page);
    let mut links = Vec::new();
    for (number, line) in prose(&text) {
        let line = without_code(line);
        let mut rest = line.as_str();
        while let Some(at) = rest.find("](") {
            let after = &rest[at + 2..];
            let Some(end) = after.find(')') else {
                break;
            };
            let target = &after[..end];
            if !target.starts_with("http") && !target.starts_with("mailto:") {
                links.push((number, target.to_string()));
            }
            rest = &after[end..];
        }
    }
    links
}

/// The inline code spans of `page`'s prose, each with its line.
pub fn code_spans(page: &str) -> Vec<(usize, String)> {
    let text = read(page);
    let mut spans = Vec::new();
    for (number, line) in prose(&text) {
        for span in line.split('`').skip(1).step_by(2) {
            spans.push((number, span.to_string()));
        }
    }
    spans
}
