//! # Figures
//!
//! A report drawn as pictures, from the same facts the terminal's story
//! is told from: one SVG figure per run, and a page holding them all.
//! Everything here is a pure function from a [`Report`] to text — no file,
//! no clock, no socket — so the same report always gives the same figure,
//! and the tests can draw captured reports.
//!
//! Each kind of run has its drawing, chosen by its kind, never guessed:
//!
//! - [`exchange`]: TCP sends on top, recvs below, a band from every
//!   message to where it landed; frames a reader rebuilt under them;
//! - [`datagrams`]: UDP datagrams as parcels, truncated tails crossed
//!   out, lost ones drawn as lost; [`flood`] when there are too many;
//! - [`columns`]: TCP beside UDP;
//! - [`timing`]: round trips as bars on a logarithmic axis;
//! - [`table`]: a comparison;
//! - [`transfer`]: the exercise's catalogue and downloads.
//!
//! An exchange is built from [`stream`] (where each byte sits), [`bands`]
//! (from each message to where it landed), [`headers`] (length headers in
//! black) and [`frames`] (what a reader rebuilt or concluded).
//!
//! Around them: [`lane`] lays boxes out by their bytes, [`label`] puts
//! words in and beside them, [`content`] reads bytes as text, [`time`]
//! draws the time axis, [`caption`] the words under a run, [`palette`] the
//! colours and hatchings, [`sheet`] the `<svg>` itself, [`page`] the HTML
//! file, and [`svg`] and [`measure`] write elements and estimate text
//! widths.

/// The figures' words (lanes, labels, captions, the page), in every
/// language: `locales/en.ftl`, `locales/zh.ftl`.
pub(crate) static TEXT: kit::catalogue::Catalogue = kit::catalogue::Catalogue::new(
    include_str!("../locales/en.ftl"),
    include_str!("../locales/zh.ftl"),
);

/// The figures' words, for the `figures` binary's own lines.
#[must_use]
pub fn text() -> &'static kit::catalogue::Catalogue {
    &TEXT
}

pub mod bands;
pub mod caption;
pub mod columns;
pub mod content;
pub mod datagrams;
pub mod exchange;
pub mod flood;
pub mod frames;
pub mod headers;
pub mod label;
pub mod lane;
pub mod measure;
pub mod page;
pub mod palette;
pub mod sheet;
pub mod stream;
pub mod svg;
pub mod table;
pub mod time;
pub mod timing;
pub mod transfer;

use exchange::Area;
use kit::report::{Exchange, Report, Run, Transport};
use kit::tr;
use palette::Ink;
use svg::Svg;
use time::Clock;

/// One run's figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// `DEMO-N`: the demo's name and the run's number, from 1. It names the
    /// file in `docs/figures/` and the figure's anchor in the page.
    pub name: String,
    /// The whole `<svg>` element.
    pub svg: String,
}

/// Every run of `report`, drawn.
#[must_use]
pub fn figures(report: &Report) -> Vec<Figure> {
    let clock = Clock::of(report);
    let total = report.runs.len();
    report
        .runs
        .iter()
        .enumerate()
        .map(|(i, run)| {
            let name = format!("{}-{}", report.demo, i + 1);
            let heading = heading(&report.title, run, (total > 1).then_some((i + 1, total)));
            let svg = sheet::sheet(&name, &heading, run.label(), |svg, ink, top| {
                draw(svg, ink, run, &clock, top)
            });
            Figure { name, svg }
        })
        .collect()
}

/// One page with the figures of every report, in order.
#[must_use]
pub fn page(reports: &[Report]) -> String {
    let drawn: Vec<(&Report, Vec<Figure>)> = reports.iter().map(|r| (r, figures(r))).collect();
    page::page(&drawn)
}

/// The heading the terminal's banner gives the run:
/// `粘包 sticky packets · run 1 of 3`, plus its kind when not an exchange.
fn heading(title: &str, run: &Run, number: Option<(usize, usize)>) -> String {
    let mut heading = title.to_string();
    if let Some((i, of)) = number {
        heading.push_str(&tr!(
            TEXT,
            "heading-run",
            number = i.to_string(),
            of = of.to_string()
        ));
    }
    match run {
        Run::SideBySide(_) => heading.push_str(&tr!(TEXT, "heading-side-by-side")),
        Run::Timing(_) => heading.push_str(&tr!(TEXT, "heading-round-trips")),
        _ => {}
    }
    heading
}

/// The drawing of a run's kind, from `top` down; returns its bottom.
fn draw(svg: &mut Svg, ink: &Ink, run: &Run, clock: &Clock, top: f64) -> f64 {
    let area = Area {
        x: sheet::MARGIN,
        y: top,
        w: sheet::WIDTH - 2.0 * sheet::MARGIN,
    };
    match run {
        Run::Exchange(run) => exchange_drawing(svg, ink, run, clock, area),
        Run::SideBySide(run) => columns::draw(svg, ink, run, clock, area),
        Run::Timing(run) => timing::draw(svg, ink, run, area),
        Run::Comparison(run) => table::draw(svg, run, area),
        Run::Transfer(run) => transfer::draw(svg, ink, run, area),
    }
}

/// An exchange as its transport is drawn: a stream or datagrams.
fn exchange_drawing(svg: &mut Svg, ink: &Ink, run: &Exchange, clock: &Clock, area: Area) -> f64 {
    match run.transport {
        Transport::Tcp => exchange::draw(svg, ink, run, clock, area),
        Transport::Udp => datagrams::draw(svg, ink, run, clock, area),
    }
}

/// Reports as `cargo demo --json` prints them: one report, or a list.
///
/// # Errors
/// When `json` is neither.
pub fn read_reports(json: &str) -> serde_json::Result<Vec<Report>> {
    let value: serde_json::Value = serde_json::from_str(json)?;
    if value.is_array() {
        serde_json::from_value(value)
    } else {
        serde_json::from_value(value).map(|one| vec![one])
    }
}
