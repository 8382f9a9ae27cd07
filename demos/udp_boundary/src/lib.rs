//! UDP boundaries (work in progress).

use kit::report::Report;

/// The lesson's runs.
pub fn tour() -> kit::Result<Report> {
    Ok(Report {
        demo: "udp".into(),
        title: "UDP 数据报 datagrams".into(),
        runs: Vec::new(),
    })
}
