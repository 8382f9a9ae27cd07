//! `--help` in Chinese, laid out for a terminal.
//!
//! Clap words its own parts of the help (`Usage:`, `Options:`, `Print
//! help`) in English, and it wraps text at spaces only, counting every
//! character as one column. A Chinese sentence has no spaces and each of
//! its characters takes two columns, so clap would leave it as one line
//! twice as wide as it thinks. Here the help is made ready before clap
//! sees it: each Chinese text already broken into lines that fit
//! ([`crate::render::text::wrap`]), and clap's own words said in Chinese.
//! English help is left exactly as clap lays it out.

use crate::lang::{self, Lang};
use crate::render::text::{hang, is_cjk, space_after, wrap};
use crate::style::ColorChoice;
use clap::{Arg, ArgAction, Command};

/// Columns clap puts before an option's help when it shows the help under
/// the option (`--help`).
const UNDER: usize = 10;
/// Columns clap puts before an option's help when it shows the help beside
/// the option (`-h`): wide enough for the longest option of the lab.
const BESIDE: usize = 30;

/// The width help is laid out to: the story's width on this terminal.
fn columns() -> usize {
    ColorChoice::Never.style().width
}

/// `text` broken into lines of at most `columns` columns where it holds
/// Chinese, paragraph by paragraph (a list's items hanging under their
/// dash); text without Chinese as it is, for clap to wrap.
#[must_use]
pub fn lines(text: &str, columns: usize) -> String {
    if !text.chars().any(is_cjk) {
        return text.to_string();
    }
    // An item of a list (`- auto: …`) goes on under its own text.
    text.split('\n')
        .map(|paragraph| {
            if paragraph.starts_with("- ") {
                hang(paragraph, columns, 2).join("\n")
            } else {
                wrap(paragraph, columns).join("\n")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `arg` with `help` as its help: the short one fitted beside the option,
/// the long one under it.
#[must_use]
pub fn with_help(arg: Arg, help: &str) -> Arg {
    let width = columns();
    arg.help(lines(help, width.saturating_sub(BESIDE)))
        .long_help(lines(help, width.saturating_sub(UNDER)))
}

/// `command` as its help is shown in the process's language: in Chinese,
/// its texts fitted to the terminal, and clap's headings and its `--help`
/// and `--version` flags worded in Chinese. English is left as it is.
#[must_use]
pub fn localize(command: Command) -> Command {
    if lang::current() == Lang::En {
        return command;
    }
    let width = columns();
    // Clap's own template, with its `Usage:` in the story's language.
    let usage = crate::tr!(crate::TEXT, "help-usage");
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{usage}{}{{usage}}\n\n{{all-args}}{{after-help}}",
        space_after(&usage)
    );
    let mut command = command.help_template(template);
    if let Some(text) = command.get_after_help().map(ToString::to_string) {
        command = command.after_help(lines(&text, width));
    }
    if let Some(text) = command.get_about().map(ToString::to_string) {
        command = command.about(lines(&text, width));
    }
    if let Some(text) = command.get_long_about().map(ToString::to_string) {
        command = command.long_about(lines(&text, width));
    }
    let ids: Vec<(String, bool)> = command
        .get_arguments()
        .map(|arg| (arg.get_id().to_string(), arg.is_positional()))
        .collect();
    for (id, positional) in ids {
        let heading = if positional {
            crate::tr!(crate::TEXT, "help-arguments")
        } else {
            crate::tr!(crate::TEXT, "help-options")
        };
        command = command.mut_arg(id, |arg| {
            let (short, long, hidden) = facts(&arg);
            let help = arg
                .get_help()
                .map(|help| format!("{help}{short}"))
                .filter(|help| !help.is_empty());
            let long_help = arg
                .get_long_help()
                .or(arg.get_help())
                .map(|help| format!("{help}{long}"))
                .filter(|help| !help.is_empty());
            let mut arg = arg.help_heading(heading);
            if hidden {
                arg = arg.hide_default_value(true).hide_possible_values(true);
            }
            if let Some(help) = help {
                arg = arg.help(lines(&help, width.saturating_sub(BESIDE)));
            }
            if let Some(long) = long_help {
                arg = arg.long_help(lines(&long, width.saturating_sub(UNDER)));
            }
            arg
        });
    }
    let options = crate::tr!(crate::TEXT, "help-options");
    command = command.disable_help_flag(true).arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help_heading(options.clone())
            .help(crate::tr!(crate::TEXT, "help-help")),
    );
    if command.get_version().is_some() {
        command = command.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help_heading(options)
                .help(crate::tr!(crate::TEXT, "help-version")),
        );
    }
    command
}

/// What clap would add after an option's help — its default and the
/// values it takes — worded in the story's language: for the help beside
/// the option, for the help under it, and whether clap's own English must
/// be hidden for them.
fn facts(arg: &Arg) -> (String, String, bool) {
    let mut short = String::new();
    let mut long = String::new();
    // A flag takes no value: clap says nothing after its help.
    if !arg.get_action().takes_values() {
        return (short, long, false);
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|value| value.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && !arg.is_hide_default_value_set() {
        let default = crate::tr!(crate::TEXT, "help-default", value = defaults.join(", "));
        short.push_str(&format!(" {default}"));
        long.push_str(&format!("\n\n{default}"));
    }
    let values: Vec<clap::builder::PossibleValue> = arg
        .get_possible_values()
        .into_iter()
        .filter(|value| !value.is_hide_set())
        .collect();
    if !values.is_empty() && !arg.is_hide_possible_values_set() {
        let names: Vec<&str> = values.iter().map(|value| value.get_name()).collect();
        let listed = crate::tr!(crate::TEXT, "help-values", values = names.join(", "));
        short = format!(" {listed}{short}");
        if values.iter().any(|value| value.get_help().is_some()) {
            let mut explained = format!("\n\n{}", crate::tr!(crate::TEXT, "help-values-heading"));
            for value in &values {
                let name = value.get_name();
                // A value's help from the kit's catalogue where it has it
                // (`cli-value-color-auto`), else as the code words it.
                let id = format!("cli-value-{}-{name}", arg.get_id());
                let help = crate::TEXT
                    .get(&id)
                    .or_else(|| value.get_help().map(ToString::to_string))
                    .unwrap_or_default();
                explained.push_str(&format!("\n- {name}: {help}"));
            }
            long = format!("{explained}{long}");
        } else {
            long = format!("\n\n{listed}{long}");
        }
    }
    let hidden = !short.is_empty();
    (short, long, hidden)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::text::width;

    #[test]
    fn english_is_left_for_clap_and_chinese_is_broken_to_fit() {
        let english = "Print the report as one JSON document on stdout instead of the story";
        assert_eq!(lines(english, 20), english);
        let chinese = "把报告作为一个 JSON 文档打印到标准输出，而不是带颜色的文字讲解";
        let laid = lines(chinese, 20);
        assert!(laid.lines().count() > 1, "{laid}");
        assert!(laid.lines().all(|line| width(line) <= 20), "{laid}");
        assert_eq!(laid.replace(['\n', ' '], ""), chinese.replace(' ', ""));
    }

    #[test]
    fn a_list_item_goes_on_under_its_own_text() {
        let list = "可选值：\n- auto: 标准输出是终端且没有设置 NO_COLOR 时上色";
        assert_eq!(
            lines(list, 24),
            "可选值：\n- auto: 标准输出是终端且\n  没有设置 NO_COLOR 时上\n  色"
        );
    }
}
