//! `lab-check`: runs a student's receiver or sender against the lab's
//! framed peer, through the slicer, and says which cases pass.

use clap::{CommandFactory, Parser, ValueEnum};
use kit::cli;
use kit::style::ColorChoice;
use kit::tr;
use lab_check::outcome::Grade;
use lab_check::student::Student;
use lab_check::{cases, help, receiver, render, sender, text};
use std::process::ExitCode;
use std::time::Duration;

/// Checks that your program frames its messages: it runs your receiver (or
/// sender) against the lab's framed peer through the slicer, with the
/// stream cut in many ways, and says for each case whether every message
/// came through. Exit code 0 if every case passed, 1 if any failed, 2 for
/// a command line that cannot work.
#[derive(Debug, Parser)]
#[command(
    version,
    after_help = "Examples:\n  lab-check receiver -- python3 my_receiver.py {port}\n  \
lab-check sender -- python3 my_sender.py {port}\n\n\
{port} becomes the port of 127.0.0.1 your program connects to. A receiver prints each \
message as one line of hex (Python: print(data.hex())); a sender reads one line of hex per \
message on stdin (Python: bytes.fromhex(line.strip())). See docs/lab_check.md."
)]
struct Args {
    /// What your program is: `receiver` (lab-check sends) or `sender`
    /// (lab-check receives).
    #[arg(value_enum)]
    role: Role,

    /// Your program's command line, after `--`; `{port}` in it becomes the
    /// port to connect to (without `{port}`, the port is added last).
    #[arg(last = true, required = true, value_name = "COMMAND")]
    command: Vec<String>,

    /// Stop your program after this many seconds in a case, and fail it.
    #[arg(long, value_name = "SECONDS", default_value = "10", value_parser = cli::positive_seconds)]
    timeout: Duration,

    /// Run only this case (repeat for more); a wrong name lists them all.
    #[arg(long = "case", value_name = "NAME")]
    cases: Vec<String>,

    /// Print the results as one JSON document on stdout (for a teacher
    /// grading a class).
    #[arg(long)]
    json: bool,

    /// Colour the report: `auto` colours on a terminal unless `NO_COLOR`
    /// is set.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

/// Which side of the conversation the student wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Role {
    /// The student's program receives; lab-check sends.
    Receiver,
    /// The student's program sends; lab-check receives.
    Sender,
}

fn main() -> ExitCode {
    // The language first, so that the help is worded in it.
    cli::choose_lang();
    let args: Args = cli::parse_with(help::localize(Args::command()));
    let usage = |message: String| {
        let line = tr!(text(), "see-help", message = message);
        cli::status(&format!("{}{line}", tr!(text(), "error-prefix")));
        ExitCode::from(2)
    };
    let student = match Student::new(args.command.clone()) {
        Ok(student) => student,
        Err(message) => return usage(message),
    };
    let (role, all) = match args.role {
        Role::Receiver => ("receiver", cases::receiver()),
        Role::Sender => ("sender", cases::sender()),
    };
    let cases = match cases::select(all, &args.cases) {
        Ok(cases) => cases,
        Err(message) => return usage(message),
    };
    let mut results = Vec::new();
    for case in &cases {
        let result = match args.role {
            Role::Receiver => receiver::check(&student, case, args.timeout),
            Role::Sender => sender::check(&student, case, args.timeout),
        };
        match result {
            Ok(result) => results.push(result),
            Err(trouble) => {
                cli::status(&format!("{}{trouble}", tr!(text(), "error-prefix")));
                return ExitCode::from(trouble.exit_code());
            }
        }
    }
    let grade = Grade::new(role, student.argv(), args.timeout.as_secs_f64(), results);
    if args.json {
        match serde_json::to_string_pretty(&grade) {
            Ok(json) => cli::print(&(json + "\n")),
            Err(e) => return cli::fail(&kit::Error::Json(e)),
        }
    } else {
        cli::print(&render::grade(&grade, &args.color.style()));
    }
    if grade.all_passed() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
