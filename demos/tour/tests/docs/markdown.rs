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

/// Every page: `docs/*.md`, then `docs/zh/*.md`, each sorted by name.
pub fn pages() -> Vec<String> {
    let mut pages = Vec::new();
    for (folder, prefix) in [(docs_dir(), ""), (docs_dir().join("zh"), "zh/")] {
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
