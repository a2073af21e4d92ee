//! The sync screen's flows through `App::update`: export to a remembered folder, an import's
//! plan shown before anything is applied, first contact with an office key, the first run's
//! office roster bundle.

use ratatui::crossterm::event::KeyCode;

use super::*;
use crate::bundle::{Action as PlanAction, Progress, RecordKind, Stage};
use crate::tui::app::Screen;
use crate::tui::msg::{FirstContact, ImportPreview, SyncData};
use crate::tui::screens::sync::{Mode, SyncState, Work};

fn sync(app: &App) -> &SyncState {
    match &app.screen {
        Screen::Sync(s) => s,
        _ => panic!("not on the sync screen"),
    }
}

fn on_sync() -> App {
    let mut app = app(Lang::Zh);
    assert_eq!(step(&mut app, ch('t')), vec![Effect::LoadSync]);
    step(
        &mut app,
        Action::SyncLoaded(SyncData {
            folder: Some("/media/usb".into()),
            ..SyncData::default()
        }),
    );
    app
}

pub(super) fn preview(trust: Option<&str>) -> ImportPreview {
    ImportPreview {
        path: "/media/usb/shian-OFFICE-2026-11-29-1.shian".into(),
        station: "9C01AB".into(),
        name: "鲅鱼圈区市场监督管理局".into(),
        office: true,
        counts: vec![
            (RecordKind::Establishment, PlanAction::New, 58),
            (RecordKind::Establishment, PlanAction::Newer, 2),
            (RecordKind::Checklist, PlanAction::Identical, 7),
            (RecordKind::Rectification, PlanAction::Conflict, 1),
        ],
        conflicts: vec![(RecordKind::Rectification, "0193a5c0-rect".into())],
        conflicted: vec![super::conflicts::canteen_conflict()],
        already_imported: false,
        trust: trust.map(str::to_string),
    }
}

#[test]
fn export_goes_to_the_remembered_folder_and_shows_progress() {
    let mut app = on_sync();
    step(&mut app, ch('e'));
    assert!(
        matches!(&sync(&app).mode, Mode::Folder { input, office: false, all: false } if input.text() == "/media/usb/")
    );
    // Letters are typed into the folder, not taken as commands.
    type_text(&mut app, "out");
    let effects = step(&mut app, press(KeyCode::Enter));
    assert_eq!(
        effects,
        vec![Effect::ExportBundle {
            folder: "/media/usb/out".into(),
            office: false,
            all: false
        }]
    );
    assert_eq!(sync(&app).mode, Mode::Working(Work::Exporting));
    let p = Progress {
        stage: Stage::Writing,
        done: 5,
        total: 10,
    };
    step(&mut app, Action::Progress(p));
    assert_eq!(sync(&app).progress, Some(p));
    // Keys while working do nothing.
    assert!(step(&mut app, ch('i')).is_empty());
    let effects = step(
        &mut app,
        Action::Exported {
            path: "/media/usb/out/shian-3FA9C2-2026-11-29-1.shian".into(),
            summary: "检查记录 3".into(),
        },
    );
    assert_eq!(effects, vec![Effect::LoadSync, Effect::LoadHome]);
    assert_eq!(sync(&app).mode, Mode::Menu);
    assert!(
        app.message
            .as_ref()
            .is_some_and(|m| !m.error && m.text.contains("检查记录 3"))
    );
}

#[test]
fn the_office_flavour_is_asked_for_with_o() {
    let mut app = on_sync();
    step(&mut app, ch('o'));
    let effects = step(&mut app, press(KeyCode::Enter));
    assert_eq!(
        effects,
        vec![Effect::ExportBundle {
            folder: "/media/usb/".into(),
            office: true,
            all: false
        }]
    );
}

#[test]
fn a_lost_stick_is_replaced_with_a() {
    let mut app = on_sync();
    step(&mut app, ch('a'));
    let effects = step(&mut app, press(KeyCode::Enter));
    assert_eq!(
        effects,
        vec![Effect::ExportBundle {
            folder: "/media/usb/".into(),
            office: false,
            all: true
        }]
    );
}

#[test]
fn import_shows_the_plan_before_applying() {
    let mut app = on_sync();
    step(&mut app, ch('i'));
    type_text(&mut app, "shian-OF");
    assert_eq!(
        step(&mut app, press(KeyCode::Tab)),
        vec![Effect::CompletePath("/media/usb/shian-OF".into())]
    );
    step(
        &mut app,
        Action::PathCompleted {
            text: "/media/usb/shian-OFFICE-2026-11-29-1.shian".into(),
            candidates: Vec::new(),
        },
    );
    let effects = step(&mut app, press(KeyCode::Enter));
    assert_eq!(
        effects,
        vec![Effect::PlanImport {
            path: "/media/usb/shian-OFFICE-2026-11-29-1.shian".into(),
            trust: None
        }]
    );
    assert!(step(&mut app, Action::ImportPlanned(Box::new(preview(None)))).is_empty());
    assert!(matches!(sync(&app).mode, Mode::Plan(_)));
    // Only y applies.
    assert!(step(&mut app, ch('x')).is_empty());
    assert_eq!(
        step(&mut app, ch('y')),
        vec![Effect::ApplyImport {
            path: "/media/usb/shian-OFFICE-2026-11-29-1.shian".into(),
            trust: None
        }]
    );
    assert_eq!(sync(&app).mode, Mode::Working(Work::Importing));
    let effects = step(&mut app, Action::Imported("已导入".into()));
    assert_eq!(
        effects,
        vec![
            Effect::LoadSync,
            Effect::LoadRoster,
            Effect::LoadHome,
            Effect::LoadColleagues
        ]
    );
}

#[test]
fn esc_on_the_plan_writes_nothing() {
    let mut app = on_sync();
    step(&mut app, Action::ImportPlanned(Box::new(preview(None))));
    assert!(step(&mut app, press(KeyCode::Esc)).is_empty());
    assert_eq!(sync(&app).mode, Mode::Menu);
    assert!(app.message.is_some());
}

#[test]
fn first_contact_shows_the_fingerprint_and_trusts_only_on_yes() {
    let contact = FirstContact {
        path: "/media/usb/b.shian".into(),
        station: "9C01AB".into(),
        name: "办公室".into(),
        fingerprint: "ab12-cd34".into(),
    };
    let mut app = on_sync();
    step(&mut app, Action::FirstContact(contact.clone()));
    assert!(step(&mut app, ch('n')).is_empty());
    assert_eq!(sync(&app).mode, Mode::Menu);

    step(&mut app, Action::FirstContact(contact));
    assert_eq!(
        step(&mut app, ch('y')),
        vec![Effect::PlanImport {
            path: "/media/usb/b.shian".into(),
            trust: Some("ab12-cd34".into())
        }]
    );
    // The plan still asks before applying; the confirmed fingerprint goes with it.
    step(
        &mut app,
        Action::ImportPlanned(Box::new(preview(Some("ab12-cd34")))),
    );
    let Some(Effect::ApplyImport { trust, .. }) = step(&mut app, ch('y')).pop() else {
        panic!("no import");
    };
    assert_eq!(trust.as_deref(), Some("ab12-cd34"));
}

#[test]
fn a_refused_bundle_returns_to_the_menu_with_why() {
    let mut app = on_sync();
    step(&mut app, ch('i'));
    step(&mut app, press(KeyCode::Enter));
    step(&mut app, Action::Failed("拒绝导入：签名不符".into()));
    assert_eq!(sync(&app).mode, Mode::Menu);
    assert!(app.message.as_ref().is_some_and(|m| m.error));
    assert!(matches!(
        step(&mut app, press(KeyCode::Esc))[..],
        [Effect::LoadHome]
    ));
}

#[test]
fn first_run_offers_the_office_roster_bundle() {
    let mut app = App::new(Lang::Zh, Theme { color: false }, today(), None, Vec::new());
    type_text(&mut app, "张三");
    step(&mut app, press(KeyCode::Tab));
    type_text(&mut app, "21080001");
    for _ in 0..3 {
        step(&mut app, press(KeyCode::Tab));
    }
    type_text(&mut app, "/media/usb/b.sh");
    assert_eq!(
        step(&mut app, press(KeyCode::Tab)),
        vec![Effect::CompletePath("/media/usb/b.sh".into())]
    );
    step(
        &mut app,
        Action::PathCompleted {
            text: "/media/usb/b.shian".into(),
            candidates: Vec::new(),
        },
    );
    let effects = step(&mut app, press(KeyCode::Enter));
    assert!(matches!(effects.first(), Some(Effect::SaveProfile(_))));
    assert!(effects.contains(&Effect::PlanImport {
        path: "/media/usb/b.shian".into(),
        trust: None
    }));
    assert_eq!(sync(&app).mode, Mode::Working(Work::Checking));
    // Saving the profile does not leave the import.
    step(&mut app, Action::ProfileSaved(profile()));
    assert!(matches!(app.screen, Screen::Sync(_)));
}

/// A long message is shown whole, on as many lines as it needs: the untrusted station's ends
/// with the command that trusts it, which the one status line used to cut (issue 15, item 9).
#[test]
fn a_long_message_is_shown_whole_at_80_columns() {
    let mut app = on_sync();
    let text = Lang::Zh.bundle_error(
        &crate::bundle::BundleError::UnknownStation {
            station: "3FA9C2".into(),
            fingerprint: "1234 5678 9abc def0 1234 5678 9abc def0".into(),
            kind: crate::bundle::BundleKind::Field,
            path: "/media/usb/shian-3FA9C2-20261128-1.shian".into(),
        },
        "shian devices trust 3FA9C2.json",
        None,
    );
    step(&mut app, Action::Failed(text));
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    let frame = terminal.draw(|f| crate::tui::view::draw(&app, f)).unwrap();
    let screen = super::snapshots::screen_text(frame.buffer, "long message");
    assert!(
        screen.contains("shian devices trust 3FA9C2.json"),
        "{screen}"
    );
    assert!(screen.contains("然后重新导入。"), "{screen}");
    // The footer keeps its line.
    assert!(screen.lines().last().unwrap().contains("Esc"), "{screen}");
}
