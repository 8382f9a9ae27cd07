//! The annotation that ties a quoted block to what produced it: an HTML
//! comment on the line just before the opening fence. The syntax is
//! described in full in the doc comment of `tests/docs.rs`.

/// What a block is, by its annotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Annotation {
    /// `output: COMMAND · OPTION · …`: a program's output.
    Output(Output),
    /// `diagram`: a drawing, not program output; `diagram: PATH`: one
    /// quoted from the doc comments of PATH (relative to the workspace).
    Diagram(Option<String>),
    /// `measured: COMMAND`: a measurement that cannot repeat exactly.
    Measured(String),
    /// `session: WHAT`: an interactive session, described in words.
    Session(String),
    /// `file: NAME`: a source file (on a code block), for `output:` to run.
    File(String),
}

/// Which part of the output a block quotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// All of it.
    Whole,
    /// The section whose banner says `· run N of …`.
    Run(usize),
    /// The block's lines, found one after the other somewhere in it.
    Excerpt,
}

/// Which of the program's streams a block quotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    /// Standard output (the story, or the JSON).
    Stdout,
    /// Standard error (the status lines, and errors).
    Stderr,
    /// Standard error, then standard output: the terminal of a paired
    /// program, whose status lines come before its story.
    Both,
}

/// An `output:` annotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    /// The command whose output is shown, as a reader would type it.
    pub command: String,
    /// The other programs of the session (`with: COMMAND`).
    pub with: Vec<String>,
    /// Which part.
    pub part: Part,
    /// Which stream.
    pub stream: Stream,
    /// `varies`: a session whose shape varies by nature (a prompt reader
    /// behind the slicer); only the block's stable head is compared.
    pub varies: bool,
}

/// Parses the text inside `<!-- … -->`.
pub fn parse(text: &str) -> Result<Annotation, String> {
    let (kind, rest) = match text.split_once(':') {
        Some((kind, rest)) => (kind.trim(), Some(rest.trim())),
        None => (text.trim(), None),
    };
    match (kind, rest) {
        ("diagram", None) => Ok(Annotation::Diagram(None)),
        ("diagram", Some(path)) => Ok(Annotation::Diagram(Some(path.to_string()))),
        ("measured", Some(command)) => Ok(Annotation::Measured(command.to_string())),
        ("session", Some(what)) => Ok(Annotation::Session(what.to_string())),
        ("file", Some(name)) => Ok(Annotation::File(name.to_string())),
        ("output", Some(rest)) => output(rest).map(Annotation::Output),
        _ => Err(format!("not an annotation: <!-- {text} -->")),
    }
}

fn output(text: &str) -> Result<Output, String> {
    let mut clauses = text.split(" · ").map(str::trim);
    let command = clauses.next().unwrap_or_default().to_string();
    let mut output = Output {
        command,
        with: Vec::new(),
        part: Part::Whole,
        stream: Stream::Stdout,
        varies: false,
    };
    for clause in clauses {
        if let Some(other) = clause.strip_prefix("with:") {
            output.with.push(other.trim().to_string());
        } else if let Some(n) = clause.strip_prefix("run ") {
            let n = n
                .parse()
                .map_err(|_| format!("not a run number: {clause:?}"))?;
            output.part = Part::Run(n);
        } else {
            match clause {
                "excerpt" => output.part = Part::Excerpt,
                "stderr" => output.stream = Stream::Stderr,
                "stderr+stdout" => output.stream = Stream::Both,
                "varies" => output.varies = true,
                _ => return Err(format!("unknown option {clause:?} in output: {text}")),
            }
        }
    }
    Ok(output)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_output_with_a_partner_a_run_and_a_stream() {
        assert_eq!(
            parse("output: half-client --staged · stderr · with: half-server · run 2"),
            Ok(Annotation::Output(Output {
                command: "half-client --staged".into(),
                with: vec!["half-server".into()],
                part: Part::Run(2),
                stream: Stream::Stderr,
                varies: false,
            }))
        );
        assert!(parse("output: x · sideways").is_err());
        assert_eq!(parse("diagram"), Ok(Annotation::Diagram(None)));
    }
}
