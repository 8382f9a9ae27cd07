//! The tour's page in a real browser: headless Chromium opens the page
//! `cargo demo --html` wrote for every demo, takes a screenshot, and a
//! test-only harness page — which holds the real page in an iframe, and
//! is the only place a script runs — measures every figure.
//!
//! Checked: the page logs nothing to the console (it has no script, so
//! any message there is an error), has no element that loads anything
//! and fetches nothing, has one figure per run
//! of the JSON report printed by the same invocation, and every figure is
//! drawn with a size. The screenshot is left in the target folder for a
//! person to look at.
//!
//! Chromium is found as `$CHROMIUM`, or `chromium`, `chromium-browser` or
//! `google-chrome` on the PATH (Debian's package is `chromium`). Where
//! there is none, the test says so on stderr and passes without checking.

use std::fs;
use std::path::{Path, PathBuf};

const TOUR: &str = env!("CARGO_BIN_EXE_tour");
/// The screenshot's size: a projector's width, the first few figures.
const WINDOW: (u32, u32) = (1280, 2000);

/// The browser to use, if this computer has one.
fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

/// Runs the browser headless on `url` with `extra` flags.
fn browse(chromium: &Path, extra: &[&str], url: &str) -> testkit::Finished {
    let mut args = vec![
        "--headless",
        // Tests run as root in CI, where Chromium's sandbox cannot start.
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        "--no-first-run",
        "--enable-logging=stderr",
        "--v=0",
    ];
    args.extend(extra);
    args.push(url);
    testkit::run(chromium.to_str().expect("a UTF-8 path"), &args)
}

/// Console messages of a page, from Chromium's log: `…:CONSOLE:…] "…"`.
fn console(stderr: &str) -> Vec<&str> {
    stderr.lines().filter(|l| l.contains(":CONSOLE")).collect()
}

/// The harness: the page in an iframe, and a script that lists each
/// figure's drawn size and what the page fetched.
const HARNESS: &str = r#"<!DOCTYPE html>
<html><head><meta charset="utf-8"></head><body>
<pre id="result">not loaded</pre>
<iframe id="page" src="tour.html" style="width:1280px;height:1000px"></iframe>
<script>
document.getElementById("page").addEventListener("load", function () {
  var doc = this.contentDocument;
  var lines = ["figures " + doc.querySelectorAll("figure").length];
  doc.querySelectorAll("figure").forEach(function (figure) {
    var svg = figure.querySelector("svg");
    var box = svg ? svg.getBoundingClientRect() : { width: 0, height: 0 };
    lines.push("figure " + figure.id + " " + Math.round(box.width) + " " + Math.round(box.height));
  });
  // Anything that would load from elsewhere, whether or not it loaded.
  lines.push("loaders " + doc.querySelectorAll("[src], link, object, embed, image, script, iframe").length);
  var fetched = this.contentWindow.performance.getEntriesByType("resource");
  lines.push("fetched " + fetched.length);
  fetched.forEach(function (entry) { lines.push("fetch " + entry.name); });
  document.getElementById("result").textContent = "BEGIN\n" + lines.join("\n") + "\nEND";
});
</script></body></html>
"#;

#[test]
fn the_tour_page_draws_every_run_in_a_real_browser() {
    let Some(chromium) = chromium() else {
        eprintln!(
            "skipped: no Chromium here (looked for $CHROMIUM, chromium, chromium-browser and \
             google-chrome on the PATH); install Debian's `chromium` package to run this test"
        );
        return;
    };
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser");
    fs::create_dir_all(&dir).expect("a folder for the page");
    let page = dir.join("tour.html");
    let run = testkit::run(TOUR, &["--json", "--html", page.to_str().expect("UTF-8")]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let reports = run.json();
    let runs: usize = reports
        .as_array()
        .expect("the whole tour is a list of reports")
        .iter()
        .map(|r| r["runs"].as_array().expect("runs").len())
        .sum();

    // What a person sees.
    let shot = dir.join("tour.png");
    let _ = fs::remove_file(&shot);
    let window = format!("--window-size={},{}", WINDOW.0, WINDOW.1);
    let screenshot = format!("--screenshot={}", shot.display());
    let seen = browse(
        &chromium,
        &[&window, &screenshot],
        &format!("file://{}", page.display()),
    );
    let png = fs::read(&shot).unwrap_or_else(|e| {
        panic!(
            "no screenshot at {} ({e}); Chromium said:\n{}",
            shot.display(),
            seen.stderr
        )
    });
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    let size = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().expect("4 bytes"));
    assert_eq!(
        (size(16), size(20)),
        WINDOW,
        "the screenshot's width and height"
    );
    // A blank window compresses to almost nothing; figures do not.
    assert!(
        png.len() > 40_000,
        "a {}-byte screenshot looks blank",
        png.len()
    );
    assert!(
        console(&seen.stderr).is_empty(),
        "console: {:?}",
        console(&seen.stderr)
    );
    eprintln!("screenshot of the tour's page: {}", shot.display());

    // What the browser drew, measured by the harness.
    let harness = dir.join("harness.html");
    fs::write(&harness, HARNESS).expect("the harness");
    let measured = browse(
        &chromium,
        &[
            // The harness reads the page in its iframe: both are files.
            "--allow-file-access-from-files",
            "--virtual-time-budget=15000",
            "--dump-dom",
        ],
        &format!("file://{}", harness.display()),
    );
    assert!(
        console(&measured.stderr).is_empty(),
        "console: {:?}",
        console(&measured.stderr)
    );
    let dom = measured.stdout;
    let result = dom
        .split_once("BEGIN\n")
        .and_then(|(_, rest)| rest.split_once("\nEND"))
        .map(|(result, _)| result)
        .unwrap_or_else(|| panic!("the harness did not finish:\n{dom}\n{}", measured.stderr));
    let lines: Vec<&str> = result.lines().collect();
    assert_eq!(
        lines[0],
        format!("figures {runs}"),
        "one figure per run of the report"
    );
    let figures: Vec<&str> = lines
        .iter()
        .filter(|l| l.starts_with("figure "))
        .copied()
        .collect();
    assert_eq!(figures.len(), runs);
    for figure in figures {
        let fields: Vec<&str> = figure.split(' ').collect();
        let (w, h): (u32, u32) = (fields[2].parse().unwrap(), fields[3].parse().unwrap());
        assert!(
            w > 600 && h > 200,
            "{figure}: drawn too small or not at all"
        );
    }
    assert!(
        lines.contains(&"fetched 0"),
        "the page fetched something: {result}"
    );
}
