//! The docs cannot drift: every ```text block in `docs/*.md`, `docs/zh/*.md`
//! and the handouts (`docs/handouts/`, `docs/zh/handouts/`) says what
//! produced it, and this test produces it again. Every command a reader is
//! told to type names programs and options that exist (`docs/usage.rs`),
//! and every link leads somewhere.
//!
//! # The annotation
//!
//! An HTML comment on the line just before the opening fence (invisible
//! when the page is rendered):
//!
//! | annotation | the block is | checked by |
//! |---|---|---|
//! | `<!-- output: COMMAND -->` | all that COMMAND printed on stdout | running COMMAND |
//! | `<!-- output: COMMAND · run N -->` | the section of the story whose banner says `· run N of` (`· 第 N 次运行` with `--lang zh`) | the same |
//! | `<!-- output: COMMAND · excerpt -->` | some consecutive lines of it | the same |
//! | `… · stderr`, `… · stderr+stdout` | its stderr; or stderr, then stdout (a paired program's terminal) | the same |
//! | `… · with: OTHER` (repeatable) | COMMAND's side of a session with OTHER | running both (see below) |
//! | `… · varies` | a session whose shape varies by nature (a reader behind the slicer) | its stable head only: the lines before the first `recv #`, never the last |
//! | `<!-- diagram -->` | a drawing, not program output | nothing to run |
//! | `<!-- diagram: PATH -->` | a drawing quoted from PATH's doc comments | finding it there |
//! | `<!-- measured: COMMAND -->` | a measurement that cannot repeat | COMMAND's recipe, and its layout |
//! | `<!-- session: WHAT -->` | an interactive session, described in words | an ignored test, see below |
//! | `<!-- file: PATH -->` (on a code block) | lines quoted from the Python file PATH (`python/…`) | finding them there |
//!
//! COMMAND is written as a reader types it: `cargo demo ARGS` (the tour),
//! `cargo run -q -p PKG --bin BIN -- ARGS` or `BIN ARGS` (a workspace
//! binary), `python3 FILE ARGS`, optionally followed by `| jq -c|-r
//! 'FILTER'` (the filters are written out in Rust in `docs/jq.rs`; no `jq`
//! is needed). Options are separated by ` · `.
//!
//! Both sides are redacted by `testkit::redact` before they are compared —
//! the rules the snapshot tests use: times, rates, ports and kernel-default
//! buffers become tokens of the same width, and the runs whose shape varies
//! by nature become their banner, knobs and one placeholder line.
//!
//! # Sessions of paired programs
//!
//! `docs/session.rs` starts servers first on `127.0.0.1:0` and reads the
//! address each prints (`listening on ADDR`), then the slicer, then the
//! clients with `--connect ADDR`; every wait has a deadline. The address
//! options written in the docs are replaced: tests use ephemeral loopback
//! ports only.
//!
//! # Binaries
//!
//! The paired binaries are found beside the tour binary in the target
//! folder; `cargo test` for the workspace builds them (see
//! `docs/binaries.rs`), and a missing or stale one fails with the command
//! that rebuilds it.
//!
//! # Python
//!
//! Blocks that quote the output of a Python script run `python3` where it
//! is installed; where it is not, the check says so on stderr and skips
//! those blocks only. The scripts are the companions in `python/`, named by
//! their paths (`docs/python.rs`).

#[path = "docs/annotation.rs"]
mod annotation;
#[path = "docs/binaries.rs"]
mod binaries;
#[path = "support/cached.rs"]
mod cached;
#[path = "docs/command.rs"]
mod command;
#[path = "docs/compare.rs"]
mod compare;
#[path = "docs/figures.rs"]
mod figures;
#[path = "docs/jq.rs"]
mod jq;
#[path = "docs/markdown.rs"]
mod markdown;
#[path = "docs/python.rs"]
mod python;
#[path = "docs/session.rs"]
mod session;
#[path = "docs/usage.rs"]
mod usage;

use annotation::Annotation;
use markdown::Block;
use std::fs;
use testkit::redact;

/// The ```text blocks of `page`, each with its parsed annotation; a block
/// without one (or with one that does not parse) is an error naming it.
fn annotated(page: &str) -> (Vec<(Block, Annotation)>, Vec<String>) {
    let mut ok = Vec::new();
    let mut errors = Vec::new();
    for block in markdown::blocks(page) {
        let parsed = match &block.annotation {
            Some(text) => annotation::parse(text),
            None => Err("no annotation on the line before the fence".into()),
        };
        match (block.lang.as_str(), parsed) {
            ("text", Ok(Annotation::File(_))) => errors.push(format!(
                "{}: `file:` belongs on a code block",
                block.place()
            )),
            ("text", Ok(a)) => ok.push((block, a)),
            ("text", Err(e)) => errors.push(format!("{}: {e}", block.place())),
            (_, Ok(Annotation::File(_))) | (_, Err(_)) => {}
            (_, Ok(_)) => errors.push(format!(
                "{}: only ```text blocks carry an output annotation",
                block.place()
            )),
        }
    }
    (ok, errors)
}

/// Checks every `output:` block of `page` and `zh/page`.
fn check(page: &str) {
    let mut failures = Vec::new();
    for page in [page.to_string(), format!("zh/{page}")] {
        let (blocks, errors) = annotated(&page);
        failures.extend(errors);
        for (block, annotation) in blocks {
            let Annotation::Output(output) = annotation else {
                continue;
            };
            match session::run(&page, &output.command, &output.with) {
                Err(why) => eprintln!("skipped {}: {why}", block.place()),
                Ok(produced) => {
                    if let Err(e) = compare::check(&block, &output, &produced) {
                        failures.push(format!(
                            "{}: the block differs from `{}` (exit code {:?}): {e}",
                            block.place(),
                            output.command,
                            produced.code
                        ));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

#[test]
fn every_text_block_says_what_produced_it() {
    let errors: Vec<String> = markdown::pages()
        .iter()
        .flat_map(|page| annotated(page).1)
        .collect();
    assert!(errors.is_empty(), "\n{}", errors.join("\n"));
}

#[test]
fn readme() {
    check("README.md");
}

#[test]
fn sticky() {
    check("sticky.md");
}

#[test]
fn half() {
    check("half.md");
}

#[test]
fn nagle() {
    check("nagle.md");
}

#[test]
fn udp_boundary() {
    check("udp_boundary.md");
}

#[test]
fn fixed() {
    check("fixed.md");
}

#[test]
fn lab_check() {
    check("lab_check.md");
}

#[test]
fn pitfalls() {
    check("pitfalls.md");
}

#[test]
fn handouts() {
    for page in markdown::pages() {
        if page.starts_with("handouts/") {
            check(&page);
        }
    }
}

#[test]
fn transfer() {
    check("transfer.md");
}

/// Every code block annotated `<!-- file: PATH -->` quotes lines of the
/// Python file PATH, in order and without a gap: the page shows what the
/// reader will find in the file it links.
#[test]
fn quoted_python_is_in_its_file() {
    let mut failures = Vec::new();
    for page in markdown::pages() {
        for block in markdown::blocks(&page) {
            let Some(Ok(Annotation::File(path))) =
                block.annotation.as_deref().map(annotation::parse)
            else {
                continue;
            };
            let Ok(file) = fs::read_to_string(python::path(&path)) else {
                failures.push(format!("{}: no file {path}", block.place()));
                continue;
            };
            let lines: Vec<&str> = file.lines().map(str::trim_end).collect();
            let quoted: Vec<&str> = block.body.lines().map(str::trim_end).collect();
            if !lines
                .windows(quoted.len().max(1))
                .any(|w| w == quoted.as_slice())
            {
                failures.push(format!(
                    "{}: the block is not a part of {path} (copy it from the file)",
                    block.place()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// The doc comment text of a Rust file: `//!` and `///` lines without
/// their marker and the one space after it.
fn doc_comments(source: &str) -> Vec<String> {
    source
        .lines()
        .filter_map(|l| {
            let l = l.trim_start();
            let text = l.strip_prefix("//!").or_else(|| l.strip_prefix("///"))?;
            Some(
                text.strip_prefix(' ')
                    .unwrap_or(text)
                    .trim_end()
                    .to_string(),
            )
        })
        .collect()
}

#[test]
fn diagrams_quoted_from_the_source_match_it() {
    let mut failures = Vec::new();
    for page in markdown::pages() {
        for (block, annotation) in annotated(&page).0 {
            let Annotation::Diagram(Some(path)) = annotation else {
                continue;
            };
            let source = fs::read_to_string(binaries::workspace().join(&path))
                .unwrap_or_else(|e| panic!("{}: {path}: {e}", block.place()));
            let docs = doc_comments(&source);
            let lines: Vec<String> = block
                .body
                .lines()
                .map(|l| l.trim_end().to_string())
                .collect();
            if !docs.windows(lines.len()).any(|w| w == lines.as_slice()) {
                failures.push(format!(
                    "{}: the diagram is not in the doc comments of {path}",
                    block.place()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// `docs/transfer.md`'s benchmark table cannot repeat: its numbers are one
/// machine's. The recipe must exist and run the bench binary, and a small
/// run of that binary must print the same lines with every number redacted.
#[test]
fn measured_blocks_keep_their_recipe_and_layout() {
    let justfile = fs::read_to_string(binaries::workspace().join("justfile")).expect("justfile");
    let mut failures = Vec::new();
    for page in markdown::pages() {
        for (block, annotation) in annotated(&page).0 {
            let Annotation::Measured(command) = annotation else {
                continue;
            };
            let Some(recipe) = command.strip_prefix("just ") else {
                failures.push(format!(
                    "{}: measured by a `just` recipe, not {command}",
                    block.place()
                ));
                continue;
            };
            let body = justfile
                .split(&format!("\n{recipe}:\n"))
                .nth(1)
                .and_then(|rest| rest.lines().next())
                .map(str::trim);
            let Some(bin) = body.and_then(|b| command::parse(b).ok()) else {
                failures.push(format!(
                    "{}: no recipe `{recipe}` in the justfile",
                    block.place()
                ));
                continue;
            };
            let program = binaries::binary(bin.name());
            // A small file and a few rounds: the layout, not the speed.
            let run = cached::run(
                program.to_str().expect("a UTF-8 path"),
                &["--size-mib", "8", "--rounds", "3"],
            );
            if redact::numbers(&run.stdout) != redact::numbers(&block.body) {
                failures.push(format!(
                    "{}: `{}` prints another layout:\n{}\nthe block:\n{}",
                    block.place(),
                    bin.name(),
                    redact::numbers(&run.stdout),
                    redact::numbers(&block.body)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// The transfer-client sessions in `docs/transfer.md` were typed at a
/// terminal against a folder of the author's (a 2 GiB film among others,
/// whose checksums are in the output), with the server stopped in the
/// middle of a download. This test checks what can be checked without
/// that folder: each session names commands of the workspace's binaries.
#[test]
#[ignore = "the sessions need the author's 2 GiB folder and a server stopped by hand"]
fn transfer_sessions_use_real_commands() {
    for page in ["transfer.md", "zh/transfer.md"] {
        for (block, annotation) in annotated(page).0 {
            if let Annotation::Session(_) = annotation {
                for line in block.body.lines().filter_map(|l| l.strip_prefix("$ ")) {
                    if let Ok(command) = command::parse(line) {
                        if command.name().starts_with("transfer-") {
                            binaries::binary(command.name());
                        }
                    }
                }
            }
        }
    }
}

/// The Chinese page's hand-made sessions (a server stopped by hand, a menu
/// left open) were run with `--lang zh`, as the checked blocks are: none
/// of them quotes the programs' English.
#[test]
fn chinese_transfer_sessions_quote_chinese_output() {
    const ENGLISH: [&str; 6] = [
        "error: ",
        "saved ",
        ": connected",
        "listening on",
        "dropped: ",
        "nothing arrived",
    ];
    let mut sessions = 0;
    for (block, annotation) in annotated("zh/transfer.md").0 {
        if let Annotation::Session(_) = annotation {
            sessions += 1;
            for line in block.body.lines() {
                for words in ENGLISH {
                    assert!(
                        !line.contains(words),
                        "zh/transfer.md:{}: {words:?} in {line:?}",
                        block.line
                    );
                }
            }
        }
    }
    assert!(sessions >= 4, "{sessions} sessions");
}

/// The `cargo demo NAME` a lesson page tells the reader to run; `None` for
/// an exercise page, which has no demo of its own (`lab_check.md`).
fn demo_of(page: &str) -> Option<String> {
    markdown::blocks(page)
        .iter()
        .filter(|b| b.lang == "sh")
        .flat_map(|b| b.body.lines().map(str::to_string).collect::<Vec<_>>())
        .find_map(|line| {
            let command = command::parse(line.split('#').next()?).ok()?;
            (command.program == command::Program::Tour).then(|| command.args.first().cloned())?
        })
}

/// Every lesson page is linked from the lesson plan's list of lessons, has
/// its `cargo demo NAME` in the plan's run list, and appears in the class
/// plan — in English and in Chinese. An exercise page (no `cargo demo`) is
/// linked from the list and the class plan.
#[test]
fn every_lesson_is_in_the_lesson_plan() {
    for readme in ["README.md", "zh/README.md"] {
        let text = markdown::read(readme);
        let sections: Vec<&str> = text.split("\n## ").collect();
        let section = |what: &str, test: &dyn Fn(&str) -> bool| -> &str {
            sections
                .iter()
                .find(|s| test(s))
                .unwrap_or_else(|| panic!("docs/{readme}: no {what}"))
        };
        let list = section("list of the lessons", &|s| s.contains("](sticky.md)"));
        let runs = section("run list", &|s| s.contains("cargo demo sticky"));
        let plan = section("class plan", &|s| {
            s.contains("| minutes |") || s.contains("| 分钟 |")
        });
        let prefix = if readme.starts_with("zh/") { "zh/" } else { "" };
        for page in markdown::pages() {
            let Some(name) = page.strip_prefix(prefix).filter(|p| !p.contains('/')) else {
                continue;
            };
            // The lesson plan itself, the page for people adding a
            // lesson, and the page about students' laptops are not lessons.
            if ["README.md", "CONTRIBUTING.md", "windows.md"].contains(&name) {
                continue;
            }
            assert!(
                list.contains(&format!("]({name})")),
                "docs/{readme}: the list of lessons does not link {name}"
            );
            if let Some(demo) = demo_of(&page) {
                assert!(
                    runs.contains(&format!("cargo demo {demo} ")),
                    "docs/{readme}: the run list has no `cargo demo {demo}`"
                );
                assert!(
                    runs.contains(&format!("just demo-{demo}")),
                    "docs/{readme}: the run list does not name `just demo-{demo}`"
                );
            }
            assert!(
                plan.contains(&format!("]({name})")),
                "docs/{readme}: the class plan does not cover {name}"
            );
        }
    }
}

/// The questions of a lesson page or a handout: what follows its
/// `## Questions` (`## 问题`, `## 思考题`) heading, up to the next section.
fn questions(page: &str) -> String {
    let text = markdown::read(page);
    let start = ["\n## Questions\n", "\n## 问题\n", "\n## 思考题\n"]
        .iter()
        .find_map(|h| text.find(h).map(|at| at + h.len()))
        .unwrap_or_else(|| panic!("docs/{page}: no questions"));
    let rest = &text[start..];
    rest[..rest.find("\n## ").unwrap_or(rest.len())]
        .trim()
        .to_string()
}

/// Columns a line takes on paper: a CJK character takes two.
fn columns(line: &str) -> usize {
    line.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

/// Whether `c` is a wide (CJK) character.
fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6)
}

/// Every lesson with a demo has a handout in English and in Chinese, listed
/// in the handouts' index, linked from the course plan: one printed page
/// with the lesson's `cargo demo NAME`, a link back to the lesson page, and
/// the lesson page's questions word for word — and no answers. No handout
/// is left without its lesson.
#[test]
fn every_lesson_has_a_one_page_handout() {
    let pages = markdown::pages();
    let mut failures = Vec::new();
    for prefix in ["", "zh/"] {
        let index = markdown::read(&format!("{prefix}handouts/README.md"));
        if !markdown::read(&format!("{prefix}README.md")).contains("](handouts/README.md)") {
            failures.push(format!(
                "docs/{prefix}README.md does not link handouts/README.md"
            ));
        }
        for page in &pages {
            let Some(name) = page.strip_prefix(prefix).filter(|p| !p.contains('/')) else {
                continue;
            };
            if ["README.md", "CONTRIBUTING.md"].contains(&name) {
                continue;
            }
            // An exercise page (no demo of its own) has no handout.
            let Some(demo) = demo_of(page) else {
                continue;
            };
            let handout = format!("{prefix}handouts/{name}");
            if !pages.contains(&handout) {
                failures.push(format!("no docs/{handout} for docs/{page}"));
                continue;
            }
            let text = markdown::read(&handout);
            if !index.contains(&format!("]({name})")) {
                failures.push(format!(
                    "docs/{prefix}handouts/README.md does not list {name}"
                ));
            }
            if demo_of(&handout).as_deref() != Some(demo.as_str()) {
                failures.push(format!("docs/{handout}: no `cargo demo {demo}`"));
            }
            if !text.contains(&format!("](../{name})")) {
                failures.push(format!("docs/{handout}: no link to its lesson page"));
            }
            if questions(&handout) != questions(page) {
                failures.push(format!(
                    "docs/{handout}: the questions differ from docs/{page}'s"
                ));
            }
            if text.contains("\n## Answers") || text.contains("\n## 答案") {
                failures.push(format!("docs/{handout}: a handout has no answers"));
            }
            // One printed page: about 60 lines, and no command line too long
            // for the paper.
            let lines = text.lines().count();
            if lines > 64 {
                failures.push(format!("docs/{handout}: {lines} lines, more than a page"));
            }
            for block in markdown::blocks(&handout) {
                for line in block.body.lines().filter(|l| columns(l) > 100) {
                    failures.push(format!(
                        "{}: a line too wide to print: {line}",
                        block.place()
                    ));
                }
            }
        }
        for page in &pages {
            let Some(name) = page.strip_prefix(&format!("{prefix}handouts/")) else {
                continue;
            };
            if name != "README.md" && !pages.contains(&format!("{prefix}{name}")) {
                failures.push(format!("docs/{page}: no lesson page docs/{prefix}{name}"));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// Every command the docs tell a reader to type — each line of a shell
/// block, and each inline code span that starts a program of the workspace
/// — names a demo, a binary and options that exist (`docs/usage.rs`).
#[test]
fn every_command_a_reader_types_exists() {
    let mut failures = Vec::new();
    // The page on adding a lesson names a lesson that does not exist.
    for page in markdown::pages()
        .into_iter()
        .filter(|p| p != "CONTRIBUTING.md")
    {
        let mut commands: Vec<(usize, String)> = markdown::blocks(&page)
            .iter()
            .filter(|b| b.lang == "sh")
            .flat_map(|b| {
                b.body
                    .lines()
                    .enumerate()
                    .map(|(i, l)| (b.line + 1 + i, l.to_string()))
                    .collect::<Vec<_>>()
            })
            .collect();
        commands.extend(markdown::code_spans(&page));
        for (line, text) in commands {
            if let Err(why) = usage::check(&text) {
                failures.push(format!("docs/{page}:{line}: `{text}`: {why}"));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// Every relative link of every page leads to a file that exists, and an
/// anchor (`page.md#heading`) to a heading of that page.
#[test]
fn every_link_leads_somewhere() {
    let docs = markdown::docs_dir();
    let mut failures = Vec::new();
    for page in markdown::pages() {
        let here = docs.join(&page);
        let folder = here.parent().expect("a page is in a folder");
        for (line, target) in markdown::links(&page) {
            let (path, anchor) = match target.split_once('#') {
                Some((path, anchor)) => (path, Some(anchor)),
                None => (target.as_str(), None),
            };
            let file = if path.is_empty() {
                here.clone()
            } else {
                folder.join(path)
            };
            if !file.exists() {
                failures.push(format!("docs/{page}:{line}: {target}: no such file"));
                continue;
            }
            let Some(anchor) = anchor else {
                continue;
            };
            let text = fs::read_to_string(&file).unwrap_or_default();
            if !markdown::anchors(&text).iter().any(|a| a == anchor) {
                failures.push(format!(
                    "docs/{page}:{line}: {target}: no heading with that anchor"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// The demos of the tour, in lesson order.
fn demos() -> Vec<String> {
    let tour = binaries::tour();
    let listed = cached::run(tour.to_str().expect("a UTF-8 path"), &["--list"]);
    listed.stdout.lines().map(str::to_string).collect()
}

/// `docs/figures/NAME.svg` (a Chinese figure's name is `zh/NAME`).
fn figure_path(name: &str) -> std::path::PathBuf {
    markdown::docs_dir()
        .join(figures::FOLDER)
        .join(format!("{name}.svg"))
}

/// The languages the figures are drawn in: the `--lang` each is drawn
/// with, and the prefix of its figures' names (`docs/figures/zh/`).
const FIGURE_LANGS: [(&str, &str); 2] = [("en", ""), ("zh", "zh/")];

/// The figures committed for the language whose names start `prefix`.
fn committed_figures(prefix: &str) -> Vec<String> {
    fs::read_dir(markdown::docs_dir().join(figures::FOLDER).join(prefix))
        .map(|dir| {
            dir.filter_map(|e| e.ok()?.file_name().into_string().ok())
                .filter_map(|n| n.strip_suffix(".svg").map(|n| format!("{prefix}{n}")))
                .collect()
        })
        .unwrap_or_default()
}

/// Every figure a page shows is in `docs/figures/`, and every lesson page
/// shows every figure of its demo in its own language: the English pages
/// `figures/NAME.svg`, the Chinese pages `figures/zh/NAME.svg`.
#[test]
fn every_lesson_shows_its_figures_and_every_figure_shown_exists() {
    let mut failures = Vec::new();
    for page in markdown::pages() {
        let shown = figures::shown(&markdown::read(&page));
        for name in &shown {
            if !figure_path(name).is_file() {
                failures.push(format!(
                    "docs/{page} shows figures/{name}.svg, which does not exist (`just figures` makes it)"
                ));
            }
        }
        let lesson = page.trim_start_matches("zh/");
        // The handouts are for paper: they send the reader to the lesson
        // page for the pictures.
        if ["README.md", "CONTRIBUTING.md"].contains(&lesson) || lesson.contains('/') {
            continue;
        }
        // A page with no demo of its own (the exercise, the classroom
        // pages) draws none.
        let Some(demo) = demo_of(&page) else {
            continue;
        };
        let prefix = if page.starts_with("zh/") { "zh/" } else { "" };
        for name in committed_figures(prefix).iter().filter(|n| {
            n.strip_prefix(&format!("{prefix}{demo}-"))
                .is_some_and(|n| n.parse::<usize>().is_ok())
        }) {
            if !shown.contains(name) {
                failures.push(format!("docs/{page} does not show figures/{name}.svg"));
            }
        }
        if let Some(other) = shown
            .iter()
            .find(|n| n.starts_with("zh/") != (prefix == "zh/"))
        {
            failures.push(format!(
                "docs/{page} shows figures/{other}.svg, a figure in the other language"
            ));
        }
        if shown.is_empty() {
            failures.push(format!("docs/{page} shows no figure"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// The committed figures are what the current code draws from a new run
/// of the tour, in structure (see `docs/figures.rs`), in English and in
/// Chinese: one per run, none missing, none left over.
#[test]
fn committed_figures_match_what_the_code_draws_now() {
    let demos = demos();
    let tour = binaries::tour();
    let tour = tour.to_str().expect("a UTF-8 path");
    let args = |demo: &str, lang: &str| -> Vec<String> {
        let mut args = vec![demo.to_string(), "--json".to_string()];
        if lang != "en" {
            args.extend(["--lang".to_string(), lang.to_string()]);
        }
        args
    };
    // Each demo runs once per language, side by side; the docs' own
    // `--json` commands share these runs.
    std::thread::scope(|scope| {
        for demo in &demos {
            for (lang, _) in FIGURE_LANGS {
                let args = args(demo, lang);
                scope.spawn(move || {
                    let args: Vec<&str> = args.iter().map(String::as_str).collect();
                    cached::run(tour, &args)
                });
            }
        }
    });
    let mut expected = Vec::new();
    let mut failures = Vec::new();
    for (lang, prefix) in FIGURE_LANGS {
        for demo in &demos {
            let args = args(demo, lang);
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let run = cached::run(tour, &args);
            assert_eq!(run.code, Some(0), "{args:?}: {}", run.stderr);
            let reports = figure::read_reports(&run.stdout)
                .unwrap_or_else(|e| panic!("{args:?} is not a report: {e}"));
            for report in &reports {
                // A figure is drawn in the process's language, as the
                // `figures` program draws each report in its own.
                kit::lang::set(report.lang);
                for drawn in figure::figures(report) {
                    let name = format!("{prefix}{}", drawn.name);
                    expected.push(name.clone());
                    let path = figure_path(&name);
                    let Ok(committed) = fs::read_to_string(&path) else {
                        failures.push(format!("{} is missing: run `just figures`", path.display()));
                        continue;
                    };
                    let (now, then) = (
                        figures::structure(&drawn.svg),
                        figures::structure(&committed),
                    );
                    if now != then {
                        let at = now
                            .iter()
                            .zip(&then)
                            .position(|(a, b)| a != b)
                            .unwrap_or(now.len().min(then.len()));
                        failures.push(format!(
                            "docs/figures/{name}.svg is not what the code draws now (run `just figures`): \
                             element {at}: now {:?}, committed {:?}",
                            now.get(at),
                            then.get(at)
                        ));
                    }
                }
            }
        }
    }
    kit::lang::set(kit::lang::Lang::En);
    for (_, prefix) in FIGURE_LANGS {
        for name in committed_figures(prefix) {
            if !expected.contains(&name) {
                failures.push(format!(
                    "docs/figures/{name}.svg belongs to no run of the tour"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
