//! A command line as the docs show it, read into the program to run, its
//! arguments, and an optional `| jq` filter.
//!
//! `cargo demo ARGS` is the tour; `cargo run -q [--release] -p PKG --bin
//! BIN [-- ARGS]` and a bare `BIN ARGS` are the workspace binary BIN;
//! `python3 FILE ARGS` is a Python script.

/// What to start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Program {
    /// `cargo demo`.
    Tour,
    /// A binary of the workspace, by name.
    Binary(String),
    /// A Python script, by file name.
    Python(String),
}

/// A `| jq [-c|-r] 'FILTER'` at the end of a command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Jq {
    /// `-r`: strings printed raw; otherwise `-c`, compact JSON.
    pub raw: bool,
    /// The filter, as written.
    pub filter: String,
}

/// A parsed command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Command {
    /// The program.
    pub program: Program,
    /// Its arguments, as written.
    pub args: Vec<String>,
    /// A filter its JSON goes through.
    pub jq: Option<Jq>,
}

/// Options that say where to listen or connect: a test chooses these.
pub const ADDRESS_OPTIONS: [&str; 3] = ["--listen", "--connect", "--upstream"];

impl Command {
    /// The arguments without the address options (and their values), and
    /// without a Python script's port.
    pub fn args_without_addresses(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut skip = false;
        for arg in &self.args {
            if skip {
                skip = false;
            } else if ADDRESS_OPTIONS.contains(&arg.as_str()) {
                skip = true;
            } else if matches!(self.program, Program::Python(_)) && arg.parse::<u16>().is_ok() {
                // The port a Python script takes as its argument.
            } else {
                out.push(arg.clone());
            }
        }
        out
    }

    /// The value of `option` as written, e.g. `--listen`'s address.
    pub fn option(&self, option: &str) -> Option<&str> {
        let at = self.args.iter().position(|a| a == option)?;
        self.args.get(at + 1).map(String::as_str)
    }

    /// The program's name: a binary's or a script's.
    pub fn name(&self) -> &str {
        match &self.program {
            Program::Tour => "tour",
            Program::Binary(name) | Program::Python(name) => name,
        }
    }

    /// A server, started first: it listens and the others connect.
    pub fn is_server(&self) -> bool {
        self.name().ends_with("-server") || self.name().contains("server.py")
    }

    /// The slicer, started between a server and its client.
    pub fn is_slicer(&self) -> bool {
        self.name() == "fixed-slicer"
    }
}

/// Parses `text` (one command line, as in the docs).
pub fn parse(text: &str) -> Result<Command, String> {
    let words = split(text)?;
    let (command, filter) = match words.iter().position(|w| w == "|") {
        Some(bar) => (&words[..bar], Some(&words[bar + 1..])),
        None => (&words[..], None),
    };
    let jq = match filter {
        None => None,
        Some([jq, flag, filter]) if jq == "jq" && (flag == "-c" || flag == "-r") => Some(Jq {
            raw: flag == "-r",
            filter: filter.clone(),
        }),
        Some(other) => return Err(format!("only `| jq -c|-r 'FILTER'` is known: {other:?}")),
    };
    let (program, args) = match command {
        [cargo, demo, args @ ..] if cargo == "cargo" && demo == "demo" => (Program::Tour, args),
        [cargo, run, rest @ ..] if cargo == "cargo" && run == "run" => {
            let bin = rest
                .iter()
                .position(|w| w == "--bin")
                .and_then(|at| rest.get(at + 1))
                .ok_or_else(|| format!("`cargo run` without --bin: {text}"))?;
            let args = match rest.iter().position(|w| w == "--") {
                Some(at) => &rest[at + 1..],
                None => &[],
            };
            (Program::Binary(bin.clone()), args)
        }
        [python, file, args @ ..] if python == "python3" => (Program::Python(file.clone()), args),
        [bin, args @ ..] => (Program::Binary(bin.clone()), args),
        [] => return Err("an empty command".into()),
    };
    Ok(Command {
        program,
        args: args.to_vec(),
        jq,
    })
}

/// Splits a command line into words, as a shell would for these simple
/// cases: white space separates, '…' and "…" quote.
fn split(text: &str) -> Result<Vec<String>, String> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\'' | '"' => {
                let quoted: String = chars.by_ref().take_while(|&q| q != c).collect();
                word.get_or_insert_with(String::new).push_str(&quoted);
            }
            c if c.is_whitespace() => words.extend(word.take()),
            c => word.get_or_insert_with(String::new).push(c),
        }
    }
    words.extend(word);
    if words.is_empty() {
        return Err(format!("no command in {text:?}"));
    }
    Ok(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_ways_to_name_a_program() {
        let tour = parse("cargo demo sticky --json | jq -c '.runs[] | {label}'").unwrap();
        assert_eq!(tour.program, Program::Tour);
        assert_eq!(tour.args, ["sticky", "--json"]);
        assert_eq!(tour.jq.unwrap().filter, ".runs[] | {label}");

        let bin = parse("cargo run -q -p half --bin half-server -- --listen 0.0.0.0:9000").unwrap();
        assert_eq!(bin.program, Program::Binary("half-server".into()));
        assert_eq!(bin.option("--listen"), Some("0.0.0.0:9000"));
        assert!(bin.args_without_addresses().is_empty());
        assert!(bin.is_server());

        let py = parse("python3 python/tutorial/header_client.py 5657").unwrap();
        assert_eq!(
            py.program,
            Program::Python("python/tutorial/header_client.py".into())
        );
        assert!(py.args_without_addresses().is_empty());
    }
}
