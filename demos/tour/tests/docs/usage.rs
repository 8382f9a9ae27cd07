//! Whether a command line the docs tell a reader to type is one the
//! workspace's programs accept: the program exists, a demo name is one the
//! tour knows, every `--flag` is in the program's `--help`, and a `just`
//! recipe is in the justfile. Values are not checked: the runs that quote
//! output check those (and the course plan's commands were run by hand).

use crate::binaries;
use crate::cached;
use crate::command::{self, Program};
use std::fs;

/// Whether `name` is a binary of the workspace (`demos/*/src/bin/NAME.rs`).
fn is_binary(name: &str) -> bool {
    let demos = binaries::workspace().join("demos");
    fs::read_dir(demos)
        .into_iter()
        .flatten()
        .flatten()
        .any(|entry| {
            let bin = entry.path().join("src/bin");
            bin.join(format!("{name}.rs")).exists() || bin.join(name).join("main.rs").exists()
        })
}

/// The `--help` text of the program `command` starts.
fn help(command: &command::Command) -> String {
    let path = match &command.program {
        Program::Tour => binaries::tour(),
        Program::Binary(name) => binaries::binary(name),
        Program::Python(_) => return String::new(),
    };
    cached::run(path.to_str().expect("a UTF-8 path"), &["--help"]).stdout
}

/// Checks the command in `text` (a line of a shell block, or an inline code
/// span): `Ok(false)` when it is not a command of this workspace (`mkdir`,
/// `python3 …`, `cargo build`), `Ok(true)` when it is and it checks out.
pub fn check(text: &str) -> Result<bool, String> {
    // The comment, and a pipe into anything but jq (`| less -R`), are the
    // shell's business.
    let mut text = text.split(" #").next().unwrap_or_default().trim();
    if text.starts_with('#') || text.is_empty() {
        return Ok(false);
    }
    if let Some(bar) = text.find(" | ") {
        if !text[bar + 3..].starts_with("jq ") {
            text = &text[..bar];
        }
    }
    let first = text.split_whitespace().next().unwrap_or_default();
    if first == "just" {
        let recipe = text.split_whitespace().nth(1).unwrap_or_default();
        if !recipe.starts_with("demo") {
            return Ok(false);
        }
        let justfile = fs::read_to_string(binaries::workspace().join("justfile"))
            .map_err(|e| format!("justfile: {e}"))?;
        return if justfile.contains(&format!("\n{recipe}:\n")) {
            Ok(true)
        } else {
            Err(format!("no recipe `{recipe}` in the justfile"))
        };
    }
    let is_cargo = text.starts_with("cargo demo") || text.starts_with("cargo run ");
    if !is_cargo && !is_binary(first) {
        return Ok(false);
    }
    let command = command::parse(text)?;
    if let Program::Binary(name) = &command.program {
        // `--bin NAME`: a placeholder, not a program.
        if name.chars().all(|c| c.is_ascii_uppercase() || c == '_') {
            return Ok(false);
        }
        if !is_binary(name) {
            return Err(format!("no binary {name} in the workspace"));
        }
    }
    let help = help(&command);
    // After a bare `--`, the words belong to the program lab-check starts.
    let args: Vec<&String> = command.args.iter().take_while(|a| *a != "--").collect();
    if command.program == Program::Tour {
        let list = cached::run(binaries::tour().to_str().expect("UTF-8"), &["--list"]).stdout;
        if let Some(demo) = args.first().filter(|a| !a.starts_with('-')) {
            // `cargo demo NAME`: a placeholder, not a demo.
            let placeholder = demo.chars().all(|c| c.is_ascii_uppercase());
            if !placeholder && *demo != "all" && !list.lines().any(|l| l == demo.as_str()) {
                return Err(format!("`cargo demo` has no demo {demo}"));
            }
        }
    }
    for arg in args.iter().filter(|a| a.starts_with("--")) {
        let flag = arg.split('=').next().unwrap_or_default();
        let listed = help
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | '<' | '[' | '='))
            .any(|word| word == flag);
        if !listed {
            return Err(format!("`{}` has no option {flag}", command.name()));
        }
    }
    Ok(true)
}
