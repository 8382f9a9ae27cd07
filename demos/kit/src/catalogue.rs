//! Every sentence a person reads, in every language: one catalogue per
//! crate, one Fluent file per language (`locales/en.ftl`, `locales/zh.ftl`).
//!
//! ```text
//!   demos/sticky/locales/en.ftl          demos/sticky/locales/zh.ftl
//!   ┌──────────────────────────────┐     ┌──────────────────────────────┐
//!   │ run-late = late reader,      │     │ run-late = 迟读的接收方，     │
//!   │     { $nodelay }             │     │     { $nodelay }             │
//!   └──────────────────────────────┘     └──────────────────────────────┘
//!                 │   same ids, same placeholders (tests/catalogues.rs)  │
//!                 └──────────────┬───────────────────────────────────────┘
//!                      tr!(TEXT, "run-late", nodelay = …)
//!                   → the sentence in the process's language (crate::lang)
//! ```
//!
//! Fluent (Project Fluent's `fluent-bundle`) was chosen over messages typed
//! as Rust enums because a teacher can correct a Chinese sentence in a
//! text file without reading Rust, and because English needs plural forms
//! (`1 run`, `2 runs`) that Chinese does not: Fluent's selectors give each
//! language its own grammar while the program passes the same numbers.
//! What typed messages would have checked at compile time is checked by
//! tests instead: every id used in the code exists, and both languages
//! have the same ids with the same placeholders.
//!
//! A catalogue formats without Unicode isolation marks: the story is
//! laid out in terminal columns, and invisible marks around every number
//! would be counted and copied into a student's clipboard.

use crate::lang::{self, Lang};
/// A message's placeholders, as [`tr!`] fills them.
pub use fluent_bundle::FluentArgs;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentResource, FluentValue};
use std::sync::OnceLock;

/// A crate's sentences in every language.
pub struct Catalogue {
    /// The Fluent source of each language, in [`Lang::ALL`]'s order.
    sources: [&'static str; 2],
    /// The parsed bundles, made on first use.
    bundles: OnceLock<[FluentBundle<FluentResource>; 2]>,
}

impl Catalogue {
    /// A catalogue of the English source `en` and the Chinese source `zh`
    /// (each a whole `.ftl` file, usually from `include_str!`).
    #[must_use]
    pub const fn new(en: &'static str, zh: &'static str) -> Catalogue {
        Catalogue {
            sources: [en, zh],
            bundles: OnceLock::new(),
        }
    }

    /// The Fluent source of `lang`.
    #[must_use]
    pub fn source(&self, lang: Lang) -> &'static str {
        self.sources[lang as usize]
    }

    fn bundles(&self) -> &[FluentBundle<FluentResource>; 2] {
        self.bundles
            .get_or_init(|| Lang::ALL.map(|lang| bundle(lang, self.source(lang))))
    }

    /// Message `id` in the process's language, its placeholders filled
    /// from `args`.
    #[must_use]
    pub fn text(&self, id: &str, args: Option<&FluentArgs>) -> String {
        self.text_in(lang::current(), id, args)
    }

    /// Message `id` in `lang`. A message the language lacks is said in
    /// English, and one that English lacks too is shown as `{id}`: the
    /// catalogue tests fail on both, so neither reaches a classroom.
    #[must_use]
    pub fn text_in(&self, lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
        let bundles = self.bundles();
        for bundle in [&bundles[lang as usize], &bundles[Lang::En as usize]] {
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                return bundle
                    .format_pattern(pattern, args, &mut errors)
                    .into_owned();
            }
        }
        format!("{{{id}}}")
    }
}

impl Catalogue {
    /// Message `id` in the process's language, if the catalogue has it
    /// (for text that is optional, like a translated `--help` line).
    #[must_use]
    pub fn get(&self, id: &str) -> Option<String> {
        let has = self.bundles()[Lang::En as usize].has_message(id);
        has.then(|| self.text(id, None))
    }

    /// Whether the catalogue has message `id` (in English, which has
    /// every message).
    #[must_use]
    pub fn has(&self, id: &str) -> bool {
        self.bundles()[Lang::En as usize].has_message(id)
    }

    /// `command` with its help text from this catalogue, in the process's
    /// language: `{prefix}-about` for the program's about (`-h` shows its
    /// first paragraph, `--help` all of it, as clap's derive does with a
    /// doc comment), and `{prefix}-arg-{id}` for the option or argument
    /// whose clap id is `id` (the field's name, `retry_secs`). What the
    /// catalogue lacks keeps the help written in the code.
    ///
    /// English keeps the help written in the code, word for word. Another
    /// language keeps its layout: where the code had only a short help (one
    /// line per option in `--help`), so does the translation.
    #[must_use]
    pub fn localize(&self, command: clap::Command, prefix: &str) -> clap::Command {
        if lang::current() == Lang::En {
            return command;
        }
        let had_long_about = command.get_long_about().is_some();
        let mut command = command;
        if let Some(about) = self.get(&format!("{prefix}-about")) {
            let short = about.split("\n\n").next().unwrap_or_default().to_string();
            command = command.about(short);
            if had_long_about {
                command = command.long_about(about);
            }
        }
        let args: Vec<(String, bool)> = command
            .get_arguments()
            .map(|arg| (arg.get_id().to_string(), arg.get_long_help().is_some()))
            .collect();
        for (id, had_long) in args {
            if let Some(help) = self.get(&format!("{prefix}-arg-{id}")) {
                let short = help.split("\n\n").next().unwrap_or_default().to_string();
                command = command.mut_arg(id, |arg| {
                    let arg = arg.help(short);
                    if had_long {
                        arg.long_help(help)
                    } else {
                        arg.long_help(None)
                    }
                });
            }
        }
        command
    }
}

/// The bundle of `lang` from its Fluent `source`. A source that does not
/// parse is a mistake in the program, found by the catalogue tests.
fn bundle(lang: Lang, source: &'static str) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = lang.code().parse().expect("a language id");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    bundle.set_use_isolating(false);
    let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
    let _ = bundle.add_resource(resource);
    bundle
}

/// A message from `catalogue` in the process's language:
/// `tr!(TEXT, "id")`, or with placeholders
/// `tr!(TEXT, "id", count = 3, name = "send #1")`. Numbers select plural
/// forms where a language has them; anything else is shown as a string.
#[macro_export]
macro_rules! tr {
    ($catalogue:expr, $id:literal $(,)?) => {
        $catalogue.text($id, None)
    };
    ($catalogue:expr, $id:literal $(, $name:ident = $value:expr)+ $(,)?) => {{
        let mut args = $crate::catalogue::FluentArgs::new();
        $( args.set(stringify!($name), $crate::catalogue::value($value)); )+
        $catalogue.text($id, Some(&args))
    }};
}

/// A placeholder's value: numbers stay numbers (for plural forms), and
/// everything else becomes its text.
pub fn value<'a>(v: impl Into<Value<'a>>) -> FluentValue<'a> {
    v.into().0
}

/// A value [`tr!`] can fill a placeholder with.
pub struct Value<'a>(FluentValue<'a>);

macro_rules! numbers {
    ($($t:ty),*) => {$(
        impl From<$t> for Value<'_> {
            fn from(n: $t) -> Self {
                Value(FluentValue::from(n))
            }
        }
    )*};
}
numbers!(usize, u64, u32, u16, u8, i64, i32);

impl<'a> From<&'a str> for Value<'a> {
    fn from(s: &'a str) -> Self {
        Value(FluentValue::from(s))
    }
}

impl<'a> From<&'a String> for Value<'a> {
    fn from(s: &'a String) -> Self {
        Value(FluentValue::from(s.as_str()))
    }
}

impl From<String> for Value<'_> {
    fn from(s: String) -> Self {
        Value(FluentValue::from(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static TEST: Catalogue = Catalogue::new(
        "runs = { $n ->\n    [one] { $n } run\n   *[other] { $n } runs\n}\nonly-en = here\nhi = hello, { $who }\n",
        "runs = { $n } 次运行\nhi = 你好，{ $who }\n",
    );

    #[test]
    fn english_has_plural_forms_and_chinese_does_not_need_them() {
        let mut one = FluentArgs::new();
        one.set("n", value(1usize));
        let mut two = FluentArgs::new();
        two.set("n", value(2usize));
        assert_eq!(TEST.text_in(Lang::En, "runs", Some(&one)), "1 run");
        assert_eq!(TEST.text_in(Lang::En, "runs", Some(&two)), "2 runs");
        assert_eq!(TEST.text_in(Lang::Zh, "runs", Some(&two)), "2 次运行");
    }

    #[test]
    fn placeholders_carry_no_invisible_marks() {
        let mut args = FluentArgs::new();
        args.set("who", value("send #1"));
        assert_eq!(TEST.text_in(Lang::Zh, "hi", Some(&args)), "你好，send #1");
    }

    #[test]
    fn a_missing_message_falls_back_to_english_then_shows_its_id() {
        assert_eq!(TEST.text_in(Lang::Zh, "only-en", None), "here");
        assert_eq!(TEST.text_in(Lang::Zh, "nowhere", None), "{nowhere}");
    }
}
