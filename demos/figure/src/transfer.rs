//! The exercise: the server's catalogue, a bar per file as long as its
//! size, and each download ticked off with its checksum.

use crate::caption;
use crate::exchange::Area;
use crate::measure;
use crate::palette::{GREY, Ink};
use crate::svg::{Anchor, Rect, Svg};
use kit::report::Transfer;
use kit::units;

/// Height of a bar.
const BAR: f64 = 26.0;

/// The catalogue and the downloads in `area`; returns the bottom.
pub fn draw(svg: &mut Svg, ink: &Ink, run: &Transfer, area: Area) -> f64 {
    let largest = run
        .catalogue
        .iter()
        .map(|f| f.size)
        .max()
        .unwrap_or(1)
        .max(1);
    let names = run
        .catalogue
        .iter()
        .map(|f| measure::width(&f.name, 19.0))
        .fold(120.0, f64::max)
        .min(area.w * 0.35);
    let x0 = area.x + names + 24.0;
    let room = area.w - names - 24.0 - 10.0;
    let mut y = area.y + 12.0;
    svg.text(
        area.x,
        y + 18.0,
        Anchor::Start,
        "lane",
        &kit::tr!(crate::TEXT, "lane-catalogue"),
    );
    y += 34.0;
    svg.group("catalogue", |svg| {
        for (i, file) in run.catalogue.iter().enumerate() {
            let name = measure::fit(&file.name, names, 19.0).unwrap_or_default();
            svg.text(area.x, y + 24.0, Anchor::Start, "label-big", &name);
            let w = (room * 0.3 * file.size as f64 / largest as f64).max(6.0);
            let bar = Rect {
                x: x0,
                y: y + 4.0,
                w,
                h: BAR,
            };
            let download = run.downloads.iter().find(|d| d.name == file.name);
            match download {
                Some(_) => svg.rect(bar, &format!("{} stroke-width=\"2\"", ink.send(i + 1))),
                None => svg.rect(bar, &format!("fill=\"#fff\" stroke=\"{GREY}\" stroke-width=\"2\" stroke-dasharray=\"6 4\"")),
            }
            let mut text = units::bytes(file.size);
            if let Some(d) = download {
                let check = if d.identical { "✓" } else { "✗" };
                let same = if d.identical {
                    kit::tr!(crate::TEXT, "transfer-identical")
                } else {
                    kit::tr!(crate::TEXT, "transfer-differs")
                };
                text.push_str(&kit::tr!(
                    crate::TEXT,
                    "transfer-downloaded",
                    check = check,
                    secs = format!("{:.3}", d.seconds),
                    crc = format!("{:08x}", d.crc32),
                    same = same
                ));
            }
            svg.text(bar.right() + 10.0, y + 24.0, Anchor::Start, "label", &text);
            y += 40.0;
        }
    });
    let mut facts = vec![kit::tr!(crate::TEXT, "transfer-server", addr = &run.server)];
    facts.extend(run.notes.iter().cloned());
    caption::lines(svg, area.x, area.w, y + 4.0, &run.verdict, &facts)
}
