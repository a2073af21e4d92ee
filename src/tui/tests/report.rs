//! The 报表 screen: its flows through `App::update`, its drawing, and the files it writes
//! through the shell on a real store.

use std::collections::VecDeque;

use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::domain::establishment::EstablishmentKind;
use crate::tui::app::Screen;
use crate::tui::effects::Shell;
use crate::tui::msg::{Headline, ReportKind};
use crate::tui::screens::report::{Field, ReportState};

fn report(app: &App) -> &ReportState {
    match &app.screen {
        Screen::Report(r) => r,
        _ => panic!("not on the report screen: {:?}", app.message),
    }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub(super) fn headline() -> Headline {
    Headline {
        from: day(2026, 1, 1),
        to: today(),
        inspections: 143,
        coverage: vec![
            (EstablishmentKind::ALL[0], 18, 20),
            (EstablishmentKind::ALL[1], 9, 12),
            (EstablishmentKind::ALL[2], 3, 5),
            (EstablishmentKind::ALL[3], 7, 14),
        ],
        outcomes: [101, 35, 7],
        open: 12,
        overdue: 3,
        folder: Some("~/报表".into()),
    }
}

#[test]
fn reports_open_on_this_year_so_far() {
    let mut app = app(Lang::Zh);
    let effects = step(&mut app, ch('b'));
    assert_eq!(
        effects,
        vec![Effect::LoadReport {
            from: day(2026, 1, 1),
            to: today()
        }]
    );
    step(&mut app, Action::ReportLoaded(Box::new(headline())));
    // The remembered folder is offered.
    assert_eq!(report(&app).folder.text(), "~/报表");
    step(&mut app, press(KeyCode::Right));
    assert_eq!(report(&app).kind, ReportKind::Workbook);
    step(&mut app, press(KeyCode::Left));
    step(&mut app, press(KeyCode::Left));
    assert_eq!(report(&app).kind, ReportKind::Records);
}

#[test]
fn a_new_period_updates_the_numbers_and_enter_on_the_folder_writes() {
    let mut app = app(Lang::Zh);
    step(&mut app, ch('b'));
    step(&mut app, Action::ReportLoaded(Box::new(headline())));
    step(&mut app, press(KeyCode::Tab));
    assert_eq!(report(&app).focus, Field::From);
    for _ in 0..5 {
        step(&mut app, press(KeyCode::Backspace));
    }
    type_text(&mut app, "07-01");
    let effects = step(&mut app, press(KeyCode::Enter));
    assert_eq!(
        effects,
        vec![Effect::LoadReport {
            from: day(2026, 7, 1),
            to: today()
        }]
    );
    // A bad date is refused with a message, nothing asked of the shell.
    assert_eq!(report(&app).focus, Field::To);
    type_text(&mut app, "x");
    assert!(step(&mut app, press(KeyCode::Enter)).is_empty());
    assert!(app.message.as_ref().is_some_and(|m| m.error));
    step(&mut app, press(KeyCode::Backspace));
    step(&mut app, press(KeyCode::Tab));
    let effects = step(&mut app, press(KeyCode::Enter));
    assert_eq!(
        effects,
        vec![Effect::WriteReport {
            kind: ReportKind::Summary,
            from: day(2026, 7, 1),
            to: today(),
            folder: "~/报表".into(),
            ids: Vec::new()
        }]
    );
    assert!(report(&app).working);
    step(
        &mut app,
        Action::ReportWritten("/home/z/报表/s.html".into()),
    );
    let ctrl_o = Action::Key(KeyEvent::new(KeyCode::Char('o'), KeyModifiers::CONTROL));
    assert_eq!(
        step(&mut app, ctrl_o),
        vec![Effect::OpenFile("/home/z/报表/s.html".into())]
    );
}

fn run(app: &mut App, shell: &mut Shell, action: Action) {
    let mut queue: VecDeque<Effect> = app.update(action).into();
    while let Some(effect) = queue.pop_front() {
        for action in shell.perform(effect) {
            queue.extend(app.update(action));
        }
    }
}

#[test]
fn every_report_is_written_to_the_chosen_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let mut shell = Shell::open(dir.path(), Lang::Zh, "TEST01".into()).unwrap();
    shell.perform(Effect::SaveProfile(profile()));
    shell.perform(Effect::LoadSampleRoster);
    let mut app = app(Lang::Zh);
    app.today = chrono::Local::now().date_naive();
    run(&mut app, &mut shell, ch('b'));
    let h = report(&app).headline.clone().expect("no numbers");
    // The sample roster's school-related establishments, none inspected yet.
    assert!(h.coverage.iter().map(|c| c.2).sum::<usize>() > 0);
    assert_eq!(h.inspections, 0);
    for _ in 0..3 {
        run(&mut app, &mut shell, press(KeyCode::Tab));
    }
    for c in out.path().display().to_string().chars() {
        run(&mut app, &mut shell, ch(c));
    }
    for _ in 0..3 {
        run(&mut app, &mut shell, press(KeyCode::Enter));
        assert!(!report(&app).working, "{:?}", app.message);
        run(&mut app, &mut shell, press(KeyCode::Up));
        run(&mut app, &mut shell, press(KeyCode::Up));
        run(&mut app, &mut shell, press(KeyCode::Up));
        run(&mut app, &mut shell, press(KeyCode::Right));
        run(&mut app, &mut shell, press(KeyCode::Down));
        run(&mut app, &mut shell, press(KeyCode::Down));
        run(&mut app, &mut shell, press(KeyCode::Down));
    }
    let mut names: Vec<String> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(names.iter().any(|n| n.starts_with("shian-summary-")));
    assert!(names.iter().any(|n| n.ends_with(".xlsx")));
    assert!(names.iter().any(|n| n.starts_with("shian-records-")));
    let summary = out.path().join(
        names
            .iter()
            .find(|n| n.starts_with("shian-summary-"))
            .unwrap(),
    );
    assert!(std::fs::read_to_string(summary).unwrap().contains("<html"));
    // The folder is remembered for next time.
    let mut app = app_on(&mut shell);
    assert_eq!(report(&app).folder.text(), out.path().display().to_string());
    run(&mut app, &mut shell, press(KeyCode::Esc));
    assert!(matches!(app.screen, Screen::Home(_)));
}

fn app_on(shell: &mut Shell) -> App {
    let mut app = app(Lang::Zh);
    run(&mut app, shell, ch('b'));
    app
}

#[test]
fn the_records_screen_prints_the_selected_record_form() {
    use crate::domain::inspection::{InspectionKind, Status};
    use crate::store::InspectionSummary;
    let mut app = app(Lang::Zh);
    step(&mut app, ch('r'));
    let summary = |id: &str, status| InspectionSummary {
        id: id.into(),
        serial: Some(format!("3FA9C2-2026-{id}")),
        establishment_id: "e01".into(),
        establishment: "海之味快餐".into(),
        checklist_id: "restaurant".into(),
        kind: InspectionKind::Routine,
        status,
        outcome: None,
        revision: 1,
        started_at: noon(),
        utc_offset_seconds: 8 * 3600,
    };
    step(
        &mut app,
        records_page(
            vec![
                summary("0001", Status::Final),
                summary("0002", Status::Draft),
                summary("0003", Status::Final),
            ],
            3,
        ),
    );
    step(&mut app, ch('p'));
    assert_eq!(report(&app).records, vec!["0001".to_string()]);
    assert_eq!(report(&app).kind, ReportKind::Records);
    step(&mut app, Action::ReportLoaded(Box::new(headline())));
    let Some(Effect::WriteReport { kind, ids, .. }) = step(&mut app, press(KeyCode::Enter)).pop()
    else {
        panic!("nothing written");
    };
    assert_eq!((kind, ids), (ReportKind::Records, vec!["0001".to_string()]));
    // `P` takes every final record listed; drafts have no form yet.
    step(&mut app, Action::ReportWritten("/tmp/r.html".into()));
    step(&mut app, press(KeyCode::Esc));
    step(&mut app, ch('r'));
    step(
        &mut app,
        records_page(
            vec![
                summary("0001", Status::Final),
                summary("0002", Status::Draft),
                summary("0003", Status::Final),
            ],
            3,
        ),
    );
    step(&mut app, ch('P'));
    assert_eq!(
        report(&app).records,
        vec!["0001".to_string(), "0003".to_string()]
    );
}

/// The period asked for is asked again on the next visit (issue 15, item 13).
#[test]
fn the_report_period_is_remembered_between_visits() {
    let mut app = app(Lang::Zh);
    step(&mut app, ch('b'));
    step(&mut app, press(KeyCode::Tab));
    for _ in 0..5 {
        step(&mut app, press(KeyCode::Backspace));
    }
    type_text(&mut app, "07-01");
    step(&mut app, press(KeyCode::Enter));
    step(&mut app, press(KeyCode::Esc));
    let effects = step(&mut app, ch('b'));
    assert_eq!(
        effects,
        vec![Effect::LoadReport {
            from: day(2026, 7, 1),
            to: today()
        }]
    );
    assert_eq!(report(&app).from.text(), "2026-07-01");
}
