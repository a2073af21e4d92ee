//! The 同步 and 报表 screens drawn at 80×24 and 160×48, like every other screen (snapshots.rs).
//! The snapshot names keep the `snapshots` module's prefix so that they sit with the others.

use ratatui::crossterm::event::KeyCode;

use super::snapshots::{draw, loaded};
use super::*;

pub(super) fn on_sync(lang: Lang) -> App {
    let mut app = loaded(lang);
    step(&mut app, ch('t'));
    let entry = |direction: &str, kind: &str, station: &str, file: &str, at: &str| {
        crate::store::BundleLogEntry {
            id: format!("log-{file}"),
            bundle_id: format!("b-{file}"),
            direction: direction.into(),
            kind: kind.into(),
            station: station.into(),
            file_name: file.into(),
            sha256: "5d41402abc4b2a76b9719d911017c592".into(),
            counts: "{}".into(),
            at: at.into(),
            manifest_sha256: None,
            signer_key: None,
        }
    };
    step(
        &mut app,
        Action::SyncLoaded(crate::tui::msg::SyncData {
            folder: Some("/media/张三的U盘/同步".into()),
            log: vec![
                entry(
                    "export",
                    "field",
                    "3FA9C2",
                    "shian-3FA9C2-2026-11-28-1.shian",
                    "2026-11-28 17:05",
                ),
                entry(
                    "import",
                    "office",
                    "9C01AB",
                    "shian-9C01AB-2026-11-20-1.shian",
                    "2026-11-20 09:12",
                ),
            ],
            ..Default::default()
        }),
    );
    app
}

#[test]
fn sync_with_an_import_plan() {
    let mut app = on_sync(Lang::Zh);
    step(
        &mut app,
        Action::ImportPlanned(Box::new(super::sync::preview(None))),
    );
    draw(&app, "sync_plan");
}

#[test]
fn sync_first_contact_progress_and_export_in_english() {
    let mut app = on_sync(Lang::Zh);
    step(
        &mut app,
        Action::FirstContact(crate::tui::msg::FirstContact {
            path: "/media/usb/b.shian".into(),
            station: "9C01AB".into(),
            name: "鲅鱼圈区市场监督管理局".into(),
            fingerprint: "3f2a 9c01 ab77 0d4e 51b2 c8e6 90fa 1d3c".into(),
        }),
    );
    draw(&app, "sync_first_contact");
    let mut app = on_sync(Lang::Zh);
    step(&mut app, ch('i'));
    step(&mut app, press(KeyCode::Enter));
    step(
        &mut app,
        Action::Progress(crate::bundle::Progress {
            stage: crate::bundle::Stage::Reading,
            done: 37 << 20,
            total: 100 << 20,
        }),
    );
    draw(&app, "sync_progress");
    let mut app = on_sync(Lang::En);
    step(&mut app, ch('e'));
    draw(&app, "sync_export_en");
}

#[test]
fn reports_with_headline_numbers_and_chart() {
    for (lang, name) in [(Lang::Zh, "report"), (Lang::En, "report_en")] {
        let mut app = loaded(lang);
        step(&mut app, ch('b'));
        step(
            &mut app,
            Action::ReportLoaded(Box::new(super::report::headline())),
        );
        draw(&app, name);
    }
}
