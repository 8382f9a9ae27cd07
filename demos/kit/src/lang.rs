//! Which language the lab speaks: English or Chinese (中文).
//!
//! `--lang en|zh` decides; without it the language follows the locale the
//! way every Unix program's messages do: the first of `LC_ALL`,
//! `LC_MESSAGES` and `LANG` that is set and not empty names it, and a
//! `zh_*` locale (`zh_CN.UTF-8`, `zh_TW`, `zh`) means Chinese. Anything
//! else — `C`, `POSIX`, `en_US.UTF-8` — means English. Where none of the
//! three is set, as on Windows (whose programs do not read them), the
//! language of the computer's own interface decides: a Windows set up in
//! Chinese gives Chinese without `--lang`.
//!
//! The choice is made once, when a program reads its command line, and
//! holds for the whole process: the tour runs every lesson in one process,
//! and every sentence of every lesson must come out in the same language.

use std::sync::atomic::{AtomicU8, Ordering};

/// A language the lab's programs speak.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Chinese (simplified), 中文.
    Zh,
}

impl Lang {
    /// Every language, English first: the language a catalogue's other
    /// languages are checked against.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The language's code, as `--lang` takes it and the JSON says it.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The language `--lang` names (`en`, `zh`), if any.
    #[must_use]
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code() == code)
    }

    /// The language of a locale name (`zh_CN.UTF-8` → Chinese).
    #[must_use]
    pub fn of_locale(locale: &str) -> Lang {
        let language = locale.split(['_', '.', '@', '-']).next().unwrap_or("");
        if language.eq_ignore_ascii_case("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// The language the environment asks for: the first of `LC_ALL`,
    /// `LC_MESSAGES` and `LANG` that is set and not empty, as `setlocale`
    /// reads them.
    #[must_use]
    pub fn from_env() -> Lang {
        Lang::from_vars(|name| std::env::var(name).ok())
    }

    /// [`Lang::from_env`] over any lookup (a test's own environment).
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .find_map(|name| var(name).filter(|value| !value.is_empty()))
            .map_or_else(
                || interface::language().unwrap_or(Lang::En),
                |locale| Lang::of_locale(&locale),
            )
    }

    /// The language of a Windows language id (`LANGID`): its low ten bits
    /// name the primary language, `0x04` for every Chinese (`0x0804`
    /// China, `0x0404` Taiwan, `0x0c04` Hong Kong).
    #[must_use]
    pub fn of_langid(id: u16) -> Lang {
        if id & 0x3ff == 0x04 {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// The language a command line asks for with `--lang X` or
    /// `--lang=X`, if it names one this lab speaks. A value it does not
    /// speak is left for the parser to refuse.
    pub fn from_args<S: AsRef<std::ffi::OsStr>>(args: impl IntoIterator<Item = S>) -> Option<Lang> {
        let mut args = args.into_iter();
        let mut found = None;
        while let Some(arg) = args.next() {
            let arg = arg.as_ref().to_string_lossy().into_owned();
            if arg == "--" {
                break;
            }
            let value = if arg == "--lang" {
                args.next()
                    .map(|v| v.as_ref().to_string_lossy().into_owned())
            } else {
                arg.strip_prefix("--lang=").map(str::to_string)
            };
            if let Some(lang) = value.as_deref().and_then(Lang::from_code) {
                found = Some(lang);
            }
        }
        found
    }
}

/// The language of the computer's own interface, where the system keeps
/// it outside the environment.
mod interface {
    use super::Lang;

    /// Windows: the user's interface language (what the Start menu speaks).
    #[cfg(windows)]
    #[allow(unsafe_code)]
    pub fn language() -> Option<Lang> {
        #[link(name = "kernel32")]
        unsafe extern "system" {
            fn GetUserDefaultUILanguage() -> u16;
        }
        // SAFETY: takes nothing, returns a number; cannot fail.
        let id = unsafe { GetUserDefaultUILanguage() };
        Some(Lang::of_langid(id))
    }

    /// Elsewhere the locale variables are the interface's language.
    #[cfg(not(windows))]
    pub fn language() -> Option<Lang> {
        None
    }
}

/// The process's language, as a number (`Lang as u8`).
static CURRENT: AtomicU8 = AtomicU8::new(Lang::En as u8);

/// Makes `lang` the language of everything this process prints from now
/// on.
pub fn set(lang: Lang) {
    CURRENT.store(lang as u8, Ordering::Relaxed);
}

/// The language this process speaks.
#[must_use]
pub fn current() -> Lang {
    if CURRENT.load(Ordering::Relaxed) == Lang::Zh as u8 {
        Lang::Zh
    } else {
        Lang::En
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_string())
        }
    }

    #[test]
    fn a_chinese_locale_means_chinese_and_anything_else_english() {
        for (locale, lang) in [
            ("zh_CN.UTF-8", Lang::Zh),
            ("zh_TW", Lang::Zh),
            ("zh", Lang::Zh),
            ("ZH_cn", Lang::Zh),
            ("en_US.UTF-8", Lang::En),
            ("C", Lang::En),
            ("POSIX", Lang::En),
            ("zu_ZA", Lang::En),
            ("", Lang::En),
        ] {
            assert_eq!(Lang::of_locale(locale), lang, "{locale:?}");
        }
    }

    #[test]
    fn lc_all_wins_over_lc_messages_which_wins_over_lang_and_empty_ones_do_not_count() {
        let cases: [(&'static [(&'static str, &'static str)], Lang); 6] = [
            (&[("LANG", "zh_CN.UTF-8")], Lang::Zh),
            (
                &[("LANG", "zh_CN.UTF-8"), ("LC_MESSAGES", "en_US")],
                Lang::En,
            ),
            (&[("LANG", "en_US"), ("LC_MESSAGES", "zh_CN")], Lang::Zh),
            (&[("LC_ALL", "C"), ("LC_MESSAGES", "zh_CN")], Lang::En),
            (&[("LC_ALL", ""), ("LC_MESSAGES", "zh_CN")], Lang::Zh),
            (&[], Lang::En),
        ];
        for (vars, lang) in cases {
            assert_eq!(Lang::from_vars(env(vars)), lang, "{vars:?}");
        }
    }

    #[test]
    fn every_chinese_windows_language_id_means_chinese() {
        for (id, lang) in [
            (0x0804, Lang::Zh),
            (0x0404, Lang::Zh),
            (0x0c04, Lang::Zh),
            (0x1004, Lang::Zh),
            (0x0409, Lang::En),
            (0x0411, Lang::En),
            (0x0000, Lang::En),
        ] {
            assert_eq!(Lang::of_langid(id), lang, "{id:#06x}");
        }
    }

    #[test]
    fn the_command_line_names_a_language_in_either_spelling_and_the_last_one_counts() {
        assert_eq!(
            Lang::from_args(["sticky-server", "--lang", "zh"]),
            Some(Lang::Zh)
        );
        assert_eq!(
            Lang::from_args(["x", "--lang=zh", "--lang=en"]),
            Some(Lang::En)
        );
        assert_eq!(Lang::from_args(["x", "--lang", "fr"]), None);
        assert_eq!(Lang::from_args(["x", "--", "--lang", "zh"]), None);
        assert_eq!(Lang::from_args(["x", "--json"]), None);
    }
}
