//! Every crate's catalogue (`demos/*/locales/*.ftl`) speaks every language
//! in full: the same messages, each with the same placeholders, and every
//! message the code asks for (`tr!(TEXT, "id" …)`) is there.

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use fluent_syntax::parser;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The languages every catalogue has, English first.
const LANGS: [&str; 2] = ["en", "zh"];

/// `demos/`.
fn demos() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("kit is in demos/")
        .to_path_buf()
}

/// Every crate folder with a `locales/` folder.
fn crates_with_catalogues() -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = fs::read_dir(demos())
        .expect("demos/ is readable")
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.join("locales").is_dir())
        .collect();
    found.sort();
    found
}

/// Each message's id with the placeholders (`$name`) its value uses.
fn messages(path: &Path) -> Result<BTreeMap<String, BTreeSet<String>>, String> {
    let source = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let resource = parser::parse(source.as_str())
        .map_err(|(_, errors)| format!("{}: does not parse: {errors:?}", path.display()))?;
    let mut found = BTreeMap::new();
    for entry in resource.body {
        if let Entry::Message(message) = entry {
            let mut names = BTreeSet::new();
            if let Some(value) = &message.value {
                placeholders(value, &mut names);
            }
            let id = message.id.name.to_string();
            if found.insert(id.clone(), names).is_some() {
                return Err(format!("{}: {id} is there twice", path.display()));
            }
        }
    }
    Ok(found)
}

fn placeholders(pattern: &Pattern<&str>, names: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_names(expression, names);
        }
    }
}

fn expression_names(expression: &Expression<&str>, names: &mut BTreeSet<String>) {
    match expression {
        Expression::Inline(inline) => inline_names(inline, names),
        Expression::Select { selector, variants } => {
            inline_names(selector, names);
            for variant in variants {
                placeholders(&variant.value, names);
            }
        }
    }
}

fn inline_names(inline: &InlineExpression<&str>, names: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            names.insert(id.name.to_string());
        }
        InlineExpression::Placeable { expression } => expression_names(expression, names),
        InlineExpression::FunctionReference { arguments, .. } => {
            for arg in &arguments.positional {
                inline_names(arg, names);
            }
        }
        _ => {}
    }
}

/// The message ids a crate's code asks for: the string literal after
/// `tr!(CATALOGUE, ` (or in `Reason::new(`) in every `.rs` file under
/// `src/`.
fn ids_used(dir: &Path, found: &mut Vec<(PathBuf, String)>) {
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            ids_used(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            // Comments show the macro; only code asks for a message.
            let text: String = fs::read_to_string(&path)
                .unwrap_or_default()
                .lines()
                .filter(|line| !line.trim_start().starts_with("//"))
                .collect::<Vec<_>>()
                .join("\n");
            for (at, _) in text.match_indices("tr!(") {
                let rest = &text[at + 4..];
                // The macro's own definition names no message.
                let Some(comma) = rest.find(',') else {
                    continue;
                };
                let Some(rest) = rest[comma + 1..].trim_start().strip_prefix('"') else {
                    continue;
                };
                let Some(end) = rest.find('"') else {
                    continue;
                };
                found.push((path.clone(), rest[..end].to_string()));
            }
            // The transfer server's refusals name their message the same
            // way, to be said later in two languages.
            for (at, _) in text.match_indices("Reason::new(\"") {
                let rest = &text[at + "Reason::new(\"".len()..];
                if let Some(end) = rest.find('"') {
                    found.push((path.clone(), rest[..end].to_string()));
                }
            }
        }
    }
}

#[test]
fn every_catalogue_has_every_message_in_every_language_with_the_same_placeholders() {
    let crates = crates_with_catalogues();
    assert!(
        crates.iter().any(|c| c.ends_with("kit")),
        "no catalogue found under {}",
        demos().display()
    );
    let mut failures = Vec::new();
    for krate in &crates {
        let name = krate.file_name().unwrap_or_default().to_string_lossy();
        let mut all = Vec::new();
        for lang in LANGS {
            match messages(&krate.join("locales").join(format!("{lang}.ftl"))) {
                Ok(messages) => all.push(messages),
                Err(why) => failures.push(why),
            }
        }
        let [en, others @ ..] = all.as_slice() else {
            continue;
        };
        if others.len() + 1 != LANGS.len() {
            continue;
        }
        for (lang, other) in LANGS[1..].iter().zip(others) {
            for id in en.keys().filter(|id| !other.contains_key(*id)) {
                failures.push(format!("{name}: {id} is in en.ftl but not in {lang}.ftl"));
            }
            for id in other.keys().filter(|id| !en.contains_key(*id)) {
                failures.push(format!("{name}: {id} is in {lang}.ftl but not in en.ftl"));
            }
            for (id, names) in en {
                if let Some(theirs) = other.get(id).filter(|t| *t != names) {
                    failures.push(format!(
                        "{name}: {id} has placeholders {names:?} in en.ftl but {theirs:?} in {lang}.ftl"
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_message_the_code_asks_for_is_in_its_crates_catalogue() {
    let mut failures = Vec::new();
    let mut asked = 0;
    for krate in fs::read_dir(demos()).expect("demos/").flatten() {
        let krate = krate.path();
        let mut used = Vec::new();
        ids_used(&krate.join("src"), &mut used);
        if used.is_empty() {
            continue;
        }
        let catalogue = krate.join("locales").join("en.ftl");
        let known = messages(&catalogue).unwrap_or_default();
        for (file, id) in used {
            asked += 1;
            if !known.contains_key(&id) {
                failures.push(format!(
                    "{}: asks for {id}, which {} does not have",
                    file.display(),
                    catalogue.display()
                ));
            }
        }
    }
    assert!(asked > 0, "no tr! found: the scan is broken");
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
