//! Sync through the UI and the shell on real stores: the office exports its roster bundle from
//! one data folder, a new field laptop imports it into another after confirming the office's
//! fingerprint and reading the plan; the second import changes nothing. And back: field records
//! exported from a laptop, refused by an office that does not trust it, then planned and applied.

use std::collections::VecDeque;
use std::path::Path;

use ratatui::crossterm::event::KeyCode;

use super::*;
use crate::tui::app::Screen;
use crate::tui::effects::Shell;
use crate::tui::screens::sync::Mode;

fn run(app: &mut App, shell: &mut Shell, action: Action) {
    let mut queue: VecDeque<Effect> = app.update(action).into();
    while let Some(effect) = queue.pop_front() {
        for action in shell.perform(effect) {
            queue.extend(app.update(action));
        }
    }
}

fn keys(app: &mut App, shell: &mut Shell, text: &str) {
    for c in text.chars() {
        run(app, shell, ch(c));
    }
}

fn station(dir: &Path) -> (Shell, App) {
    let code = crate::identity::Identity::load_or_create(dir)
        .unwrap()
        .station_code();
    let mut shell = Shell::open(dir, Lang::Zh, code).unwrap();
    shell.perform(Effect::SaveProfile(profile()));
    let app = App::new(
        Lang::Zh,
        Theme { color: false },
        today(),
        Some(profile()),
        shell.catalog.checklists.clone(),
    );
    (shell, app)
}

fn mode(app: &App) -> &Mode {
    match &app.screen {
        Screen::Sync(s) => &s.mode,
        _ => panic!("not on the sync screen: {:?}", app.message),
    }
}

#[test]
fn office_roster_bundle_exported_in_one_folder_and_imported_in_another() {
    let office_dir = tempfile::tempdir().unwrap();
    let field_dir = tempfile::tempdir().unwrap();
    let stick = tempfile::tempdir().unwrap();
    let stick_path = stick.path().display().to_string();

    // The office: sample roster, then 同步 → o → the stick's folder.
    let (mut shell, mut app) = station(office_dir.path());
    shell.perform(Effect::LoadSampleRoster);
    run(&mut app, &mut shell, ch('t'));
    run(&mut app, &mut shell, ch('o'));
    keys(&mut app, &mut shell, &stick_path);
    run(&mut app, &mut shell, press(KeyCode::Enter));
    assert_eq!(*mode(&app), Mode::Menu, "{:?}", app.message);
    let bundle = std::fs::read_dir(stick.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "shian"))
        .expect("no bundle written");
    let Screen::Sync(s) = &app.screen else {
        unreachable!()
    };
    assert_eq!(s.data.folder.as_deref(), Some(stick_path.as_str()));
    assert_eq!(s.data.log.len(), 1);
    assert_eq!(s.data.log[0].direction, "export");
    let office_fingerprint = crate::identity::Identity::load_or_create(office_dir.path())
        .unwrap()
        .fingerprint();

    // The field laptop: 同步 → i → the bundle; an unknown office key asks first.
    let (mut shell, mut app) = station(field_dir.path());
    run(&mut app, &mut shell, ch('t'));
    run(&mut app, &mut shell, ch('i'));
    keys(&mut app, &mut shell, &bundle.display().to_string());
    run(&mut app, &mut shell, press(KeyCode::Enter));
    let Mode::Trust(contact) = mode(&app) else {
        panic!("no first contact: {:?}", app.message);
    };
    assert_eq!(contact.fingerprint, office_fingerprint);
    run(&mut app, &mut shell, ch('y'));
    let Mode::Plan(plan) = mode(&app) else {
        panic!("no plan: {:?}", app.message);
    };
    let new_establishments: usize = plan
        .counts
        .iter()
        .filter(|(k, a, _)| {
            *k == crate::bundle::RecordKind::Establishment && *a == crate::bundle::Action::New
        })
        .map(|(_, _, n)| n)
        .sum();
    assert_eq!(new_establishments, 60);
    // Nothing is written before the inspector confirms.
    assert!(shell.store.establishments().unwrap().is_empty());
    run(&mut app, &mut shell, ch('y'));
    assert_eq!(*mode(&app), Mode::Menu, "{:?}", app.message);
    assert_eq!(app.roster.len(), 60);
    assert_eq!(shell.store.bundle_log().unwrap().len(), 1);

    // Again: the office is trusted now, the plan says already imported, nothing changes.
    run(&mut app, &mut shell, ch('i'));
    keys(&mut app, &mut shell, &bundle.display().to_string());
    run(&mut app, &mut shell, press(KeyCode::Enter));
    let Mode::Plan(plan) = mode(&app) else {
        panic!("no plan: {:?}", app.message);
    };
    assert!(plan.already_imported);
    run(&mut app, &mut shell, ch('y'));
    assert_eq!(shell.store.bundle_log().unwrap().len(), 1);
    assert_eq!(shell.store.establishments().unwrap().len(), 60);
}

#[test]
fn a_bundle_this_station_made_is_recognised_not_trusted() {
    let here = tempfile::tempdir().unwrap();
    let (mut shell, mut app) = station(here.path());
    let other = tempfile::tempdir().unwrap();
    // A bundle this station wrote itself is recognised, not refused.
    let stick = tempfile::tempdir().unwrap();
    shell.perform(Effect::LoadSampleRoster);
    run(&mut app, &mut shell, ch('t'));
    run(&mut app, &mut shell, ch('o'));
    keys(&mut app, &mut shell, &stick.path().display().to_string());
    run(&mut app, &mut shell, press(KeyCode::Enter));
    let own = std::fs::read_dir(stick.path())
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let (mut shell2, mut app2) = station(other.path());
    run(&mut app2, &mut shell2, ch('t'));
    run(&mut app2, &mut shell2, ch('i'));
    keys(&mut app2, &mut shell2, &own.display().to_string());
    run(&mut app2, &mut shell2, press(KeyCode::Enter));
    assert!(matches!(mode(&app2), Mode::Trust(_)));
    // The input starts in the folder exported to last.
    run(&mut app, &mut shell, ch('i'));
    let name = own.file_name().unwrap().to_string_lossy().into_owned();
    keys(&mut app, &mut shell, &name);
    run(&mut app, &mut shell, press(KeyCode::Enter));
    assert_eq!(*mode(&app), Mode::Menu);
    assert!(
        app.message
            .as_ref()
            .is_some_and(|m| m.text.contains("本机导出"))
    );
}

/// A field laptop with final records from the demo generator; none exported yet.
fn field_station(dir: &Path) -> (Shell, App, usize) {
    let (mut shell, mut app) = station(dir);
    let code = shell.station.clone();
    super::seed_district(&mut shell, 11, 20, 12, &code);
    let finals = shell.store.unexported_page(0).unwrap().total;
    for action in shell.perform(Effect::LoadHome) {
        app.update(action);
    }
    (shell, app, finals)
}

#[test]
fn field_records_exported_from_one_folder_and_imported_at_the_office() {
    let field_dir = tempfile::tempdir().unwrap();
    let office_dir = tempfile::tempdir().unwrap();
    let stick = tempfile::tempdir().unwrap();

    // 首页 lists the final records not yet exported, with their count.
    let (mut shell, mut app, finals) = field_station(field_dir.path());
    assert!(finals > 0);
    assert_eq!(app.home.unexported.total, finals);
    run(&mut app, &mut shell, ch('t'));
    run(&mut app, &mut shell, ch('e'));
    keys(&mut app, &mut shell, &stick.path().display().to_string());
    run(&mut app, &mut shell, press(KeyCode::Enter));
    assert_eq!(*mode(&app), Mode::Menu, "{:?}", app.message);
    // Exported: nothing left to list, and nothing left to export.
    assert_eq!(app.home.unexported.total, 0);
    run(&mut app, &mut shell, ch('e'));
    run(&mut app, &mut shell, press(KeyCode::Enter));
    assert!(app.message.as_ref().is_some_and(|m| m.error));
    let bundle = std::fs::read_dir(stick.path())
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let field = crate::identity::Identity::load_or_create(field_dir.path()).unwrap();

    // The office refuses a field station it does not trust, and says how to trust it.
    let (mut office, mut app) = station(office_dir.path());
    run(&mut app, &mut office, ch('t'));
    run(&mut app, &mut office, ch('i'));
    keys(&mut app, &mut office, &bundle.display().to_string());
    run(&mut app, &mut office, press(KeyCode::Enter));
    assert_eq!(*mode(&app), Mode::Menu);
    let refusal = app.message.clone().unwrap();
    assert!(refusal.error && refusal.text.contains("devices trust"));
    assert!(refusal.text.contains(&field.fingerprint()));
    assert!(office.store.bundle_log().unwrap().is_empty());

    // Trusted (as `shian devices trust` does), the plan lists the records, then y applies.
    let public = crate::bundle::PublicIdentity::of(&field, "张三", "field");
    office
        .store
        .trust_station(&crate::store::StationRow {
            code: public.station,
            public_key: public.public_key,
            name: public.name,
            role: "field".into(),
            trusted: true,
            added_at: crate::bundle::now_text(),
            revoked_at: None,
        })
        .unwrap();
    run(&mut app, &mut office, ch('i'));
    keys(&mut app, &mut office, &bundle.display().to_string());
    run(&mut app, &mut office, press(KeyCode::Enter));
    let Mode::Plan(plan) = mode(&app) else {
        panic!("no plan: {:?}", app.message);
    };
    assert!(!plan.office && !plan.already_imported);
    assert!(plan.counts.iter().any(|(k, a, n)| {
        *k == crate::bundle::RecordKind::Inspection && *a == crate::bundle::Action::New && *n > 0
    }));
    assert_eq!(office.store.unexported_page(0).unwrap().total, 0);
    run(&mut app, &mut office, ch('y'));
    assert_eq!(*mode(&app), Mode::Menu, "{:?}", app.message);
    // Imported records are not the office's to export again as field records.
    assert_eq!(office.store.unexported_page(0).unwrap().total, 0);
    let imported = office
        .store
        .inspections(&crate::store::InspectionFilter {
            status: Some(crate::domain::inspection::Status::Final),
            ..Default::default()
        })
        .unwrap();
    assert!(imported.len() >= finals);
}
