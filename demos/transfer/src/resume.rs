//! The command that finishes an interrupted download.
//!
//! "Run the same command with --resume" asks the student to work out what
//! that is; after a download picked from the menu there is not even a
//! command with the file's name in it. So the error spells it out: the
//! command line as typed, with `--get NAME` if the file was picked from
//! the menu, and `--resume`, quoted so that it can be pasted back.

use std::borrow::Cow;

/// `args` (the program and its arguments, as typed) extended to finish
/// the download of `name`.
pub fn command(args: &[String], name: &str) -> String {
    let given = |flag: &str| {
        args.iter()
            .skip(1)
            .any(|arg| arg == flag || arg.starts_with(&format!("{flag}=")))
    };
    let mut words: Vec<&str> = args.iter().map(String::as_str).collect();
    if !given("--get") {
        words.extend(["--get", name]);
    }
    if !given("--resume") {
        words.push("--resume");
    }
    words.into_iter().map(quote).collect::<Vec<_>>().join(" ")
}

/// `word` as one word for the shell: unchanged if it holds nothing the
/// shell would act on, otherwise quoted.
#[must_use]
pub fn quote(word: &str) -> Cow<'_, str> {
    let plain = |c: char| c.is_alphanumeric() || "-_./:=@%+,".contains(c);
    if !word.is_empty() && word.chars().all(plain) {
        return Cow::Borrowed(word);
    }
    // PowerShell and cmd.exe take a word in double quotes; a POSIX shell
    // takes one in single quotes, where only the quote itself needs care.
    if cfg!(windows) {
        Cow::Owned(format!("\"{}\"", word.replace('"', "\\\"")))
    } else {
        Cow::Owned(format!("'{}'", word.replace('\'', r"'\''")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &str) -> Vec<String> {
        line.split(' ').map(String::from).collect()
    }

    #[test]
    fn a_menu_download_gets_its_name_and_resume() {
        assert_eq!(
            command(&args("transfer-client --out client_movie"), "film.mkv"),
            "transfer-client --out client_movie --get film.mkv --resume"
        );
    }

    #[test]
    fn the_same_command_plus_resume_once() {
        let typed = "transfer-client --connect 10.0.0.2:9696 --get 3 --out d";
        assert_eq!(command(&args(typed), "x"), format!("{typed} --resume"));
        let resumed = format!("{typed} --resume");
        assert_eq!(command(&args(&resumed), "x"), resumed);
        assert_eq!(
            command(&args("c --get=x"), "x"),
            "c --get=x --resume",
            "--get=NAME counts as --get"
        );
    }

    #[cfg(not(windows))]
    #[test]
    fn words_the_shell_would_split_are_quoted() {
        assert_eq!(
            command(&args("transfer-client"), "it's a film.mkv"),
            r"transfer-client --get 'it'\''s a film.mkv' --resume"
        );
        assert_eq!(quote("第一课.mp4"), "第一课.mp4");
        assert_eq!(quote("$HOME"), "'$HOME'");
        assert_eq!(quote(""), "''");
    }
}
