//! The `jq` filters the docs use, written out in Rust, so that checking
//! the docs needs no `jq`. A filter that is not here fails the check with
//! its text: add it here, with the same meaning.
//!
//! A filter runs on the redacted report, where the outcome of a run that
//! varies by nature is a placeholder string; each filter passes such a
//! placeholder through instead of reading into it.

use serde_json::{Value, json};

/// Runs `filter` on `input` and returns the lines `jq` prints: compact
/// JSON (`-c`) with the keys in the order the filter writes them, or a
/// string itself (`-r`).
pub fn run(filter: &str, input: &Value) -> Result<Vec<String>, String> {
    match filter {
        // docs/README.md: the size of every recv of each run.
        ".runs[] | {label: .label, recvs: [.recvs[].len], segments: .segments_out}" => {
            Ok(runs(input)?
                .iter()
                .map(|run| {
                    object(&[
                        ("label", &run["label"]),
                        ("recvs", &each(&run["recvs"], |r| r["len"].clone())),
                        ("segments", &run["segments_out"]),
                    ])
                })
                .collect())
        }
        // docs/udp_boundary.md: recvs per run, and the truncated ones.
        // A side-by-side run holds two exchanges, `.tcp` and `.udp`: the
        // filter takes both, in that order, and any other run itself.
        ".runs[] | (.tcp // .), (.udp // empty) | {transport, recvs: (.recvs | length), truncated: [.recvs[] | select(.truncated) | {len, real_len}]}" => {
            Ok(runs(input)?
                .iter()
                .flat_map(|run| match (run.get("tcp"), run.get("udp")) {
                    (Some(tcp), Some(udp)) => vec![tcp, udp],
                    _ => vec![run],
                })
                .map(|run| {
                    let recvs = &run["recvs"];
                    let length = match recvs {
                        Value::Array(items) => json!(items.len()),
                        placeholder => placeholder.clone(),
                    };
                    let truncated = match recvs {
                        Value::Array(items) => Value::Array(
                            items
                                .iter()
                                .filter(|r| r["truncated"].as_bool() == Some(true))
                                .map(|r| json!({ "len": r["len"], "real_len": r["real_len"] }))
                                .collect(),
                        ),
                        placeholder => placeholder.clone(),
                    };
                    object(&[
                        ("transport", &run["transport"]),
                        ("recvs", &length),
                        ("truncated", &truncated),
                    ])
                })
                .collect())
        }
        // docs/fixed.md: recvs 3 to 5 of the first run, with the decoder's state.
        r#".runs[0].recvs[2:5][] | "recv #\(.index)  \(.len) B  \(.decoder)""# => {
            let recvs = &input["runs"][0]["recvs"];
            let Some(recvs) = recvs.as_array() else {
                return Ok(vec![recvs.as_str().unwrap_or("null").to_string()]);
            };
            Ok(recvs
                .iter()
                .skip(2)
                .take(3)
                .map(|r| {
                    format!(
                        "recv #{}  {} B  {}",
                        r["index"],
                        r["len"],
                        r["decoder"].as_str().unwrap_or("null")
                    )
                })
                .collect())
        }
        // docs/lab_check.md: how many cases a student's program passed.
        "{passed, failed}" => Ok(vec![object(&[
            ("passed", &input["passed"]),
            ("failed", &input["failed"]),
        ])]),
        other => Err(format!("a jq filter the docs check does not know: {other}")),
    }
}

/// `.runs[]`: the runs of one report.
fn runs(input: &Value) -> Result<&Vec<Value>, String> {
    input["runs"]
        .as_array()
        .ok_or_else(|| "the input has no .runs (jq: Cannot iterate over null)".to_string())
}

/// `[.items[] | f]`, or the placeholder that stands for the items.
fn each(items: &Value, f: impl Fn(&Value) -> Value) -> Value {
    match items {
        Value::Array(items) => Value::Array(items.iter().map(f).collect()),
        placeholder => placeholder.clone(),
    }
}

/// `{k: v, …}` printed compact, its keys in the order given, as jq keeps
/// them. (A `serde_json::Map` would sort them.)
fn object(fields: &[(&str, &Value)]) -> String {
    let fields: Vec<String> = fields
        .iter()
        .map(|(key, value)| format!("{}:{value}", Value::String(key.to_string())))
        .collect();
    format!("{{{}}}", fields.join(","))
}
