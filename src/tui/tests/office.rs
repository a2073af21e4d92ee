//! The office's planning screens (issue 14): the inspectors list (add, retire with a
//! confirmation) and the 双随机 draws (run, view, print, CSV), reached from 首页 on the office
//! station only; and the same through the shell on a real store.

use ratatui::crossterm::event::{KeyEvent, KeyModifiers};

use super::snapshots::{draw, home_data, loaded};
use super::*;
use crate::domain::establishment::EstablishmentKind;
use crate::domain::planning::OfficeInspector;
use crate::domain::planning::draw::{DrawFilter, DrawRecord, Drawn};
use crate::tui::app::Screen;
use crate::tui::component::Component;
use crate::tui::msg::{InspectorChange, InspectorFields, ReportKind};

fn person(name: &str, badge: &str, unit: &str, station: &str, active: bool) -> OfficeInspector {
    OfficeInspector {
        badge: badge.into(),
        name: name.into(),
        unit: unit.into(),
        station: station.into(),
        active,
        towns: vec!["望海街道".into()],
    }
}

fn bureau() -> Vec<OfficeInspector> {
    vec![
        person("张三", "21080001", "望海市场监督管理所", "3FA9C2", true),
        person("周海明", "21080401", "望海市场监督管理所", "7C01D4", true),
        person("孙晓燕", "21080402", "红旗市场监督管理所", "", false),
    ]
}

/// 首页 of the office station.
pub(super) fn office() -> App {
    let mut app = loaded(Lang::Zh);
    step(
        &mut app,
        Action::HomeLoaded(crate::tui::app::HomeData {
            office: true,
            ..home_data()
        }),
    );
    app
}

fn inspectors(app: &App) -> &crate::tui::screens::inspectors::InspectorsState {
    match &app.screen {
        Screen::Inspectors(s) => s,
        _ => panic!("not on the inspectors list"),
    }
}

pub(super) fn on_inspectors() -> App {
    let mut app = office();
    assert_eq!(step(&mut app, ch('i')), vec![Effect::LoadInspectors]);
    step(
        &mut app,
        Action::InspectorsLoaded {
            list: bureau(),
            changed: None,
        },
    );
    app
}

#[test]
fn a_laptop_has_no_office_screens() {
    let mut app = loaded(Lang::Zh);
    assert!(step(&mut app, ch('i')).is_empty());
    assert!(step(&mut app, ch('w')).is_empty());
    assert!(matches!(app.screen, Screen::Home(_)));
    assert!(app.message.unwrap().text.contains("办公室维护"));
}

#[test]
fn the_office_adds_an_inspector() {
    let mut app = on_inspectors();
    draw(&app, "inspectors");
    step(&mut app, ch('a'));
    for (i, text) in [
        "刘洋",
        "21080409",
        "红旗市场监督管理所",
        "9b2e71",
        "红旗镇、芦屯镇",
    ]
    .into_iter()
    .enumerate()
    {
        if i > 0 {
            step(&mut app, press(KeyCode::Enter));
        }
        type_text(&mut app, text);
    }
    draw(&app, "inspectors_add");
    let effects = step(&mut app, press(KeyCode::Enter));
    assert_eq!(
        effects,
        vec![Effect::AddInspector(InspectorFields {
            name: "刘洋".into(),
            badge: "21080409".into(),
            unit: "红旗市场监督管理所".into(),
            station: "9b2e71".into(),
            towns: "红旗镇、芦屯镇".into(),
        })]
    );
    // A refusal keeps what was typed.
    step(&mut app, Action::Failed("姓名和执法证号不能为空".into()));
    assert!(inspectors(&app).typing());
    let mut list = bureau();
    list.push(person(
        "刘洋",
        "21080409",
        "红旗市场监督管理所",
        "9B2E71",
        true,
    ));
    step(
        &mut app,
        Action::InspectorsLoaded {
            list,
            changed: Some(InspectorChange::Added("21080409".into())),
        },
    );
    let s = inspectors(&app);
    assert!(!s.typing());
    assert_eq!(s.list[s.selected].name, "刘洋");
    assert!(app.message.unwrap().text.contains("21080409"));
}

#[test]
fn retiring_an_inspector_asks_first() {
    let mut app = on_inspectors();
    step(&mut app, press(KeyCode::Down));
    step(&mut app, ch('r'));
    draw(&app, "inspectors_retire");
    // Any other key cancels.
    assert!(step(&mut app, press(KeyCode::Esc)).is_empty());
    assert!(matches!(app.screen, Screen::Inspectors(_)));
    step(&mut app, ch('r'));
    assert_eq!(
        step(&mut app, ch('y')),
        vec![Effect::RetireInspector("21080401".into())]
    );
    // One already retired is not asked about.
    step(&mut app, press(KeyCode::Down));
    step(&mut app, ch('r'));
    assert_eq!(app.message.clone().unwrap().text, "此人已停用");
    assert!(step(&mut app, ch('y')).is_empty());
}

fn record(number: i64) -> DrawRecord {
    let drawn = |id: &str, name: &str, people: &[OfficeInspector]| Drawn {
        establishment_id: id.into(),
        name: name.into(),
        town: "望海街道".into(),
        kind: EstablishmentKind::SchoolCanteen,
        inspectors: people.to_vec(),
    };
    let b = bureau();
    DrawRecord {
        number,
        id: format!("draw-{number}"),
        filter_text: "kind=学校食堂|幼儿园食堂,town=望海街道".into(),
        filter: DrawFilter::default(),
        seed: "20270301".into(),
        count: 2,
        per: 2,
        avoid_own_unit: false,
        day: today(),
        deadline: today() + chrono::Days::new(30),
        made_at: "2026-11-29T02:00:00.000Z".into(),
        made_by: "王主任".into(),
        station: "117813".into(),
        matched: 6,
        excluded_recent: 1,
        drawn: vec![
            drawn("e01", "鲅鱼圈区星帆小学", &b[..2]),
            drawn("e02", "鲅鱼圈区青禾实验小学", &b[..2]),
        ],
    }
}

fn draws(app: &App) -> &crate::tui::screens::draws::DrawsState {
    match &app.screen {
        Screen::Draws(s) => s,
        _ => panic!("not on the draws"),
    }
}

pub(super) fn on_draws() -> App {
    let mut app = office();
    assert_eq!(step(&mut app, ch('w')), vec![Effect::LoadDraws]);
    step(
        &mut app,
        Action::DrawsLoaded {
            list: vec![record(1)],
            folder: Some("~/报表".into()),
        },
    );
    app
}

/// The draws with two kept, the newest selected.
pub(super) fn with_two_draws() -> App {
    let mut app = on_draws();
    step(&mut app, Action::DrawMade(Box::new(record(2))));
    step(&mut app, press(KeyCode::Esc));
    app
}

#[test]
fn the_office_runs_a_new_numbered_draw() {
    let mut app = on_draws();
    draw(&app, "draws");
    step(&mut app, ch('n'));
    // The form opens on the count; the filter's three inputs come first.
    for _ in 0..3 {
        step(&mut app, press(KeyCode::BackTab));
    }
    type_text(&mut app, "学校食堂|幼儿园食堂");
    step(&mut app, press(KeyCode::Enter));
    step(&mut app, press(KeyCode::Enter));
    type_text(&mut app, "C|D");
    step(&mut app, press(KeyCode::Enter));
    type_text(&mut app, "x");
    for _ in 0..4 {
        step(&mut app, press(KeyCode::Enter));
    }
    // Not a number: said, and nothing asked of the store.
    assert!(step(&mut app, press(KeyCode::Enter)).is_empty());
    assert_eq!(app.message.clone().unwrap().text, "抽取家数: 须为正整数");
    for _ in 0..4 {
        step(&mut app, press(KeyCode::BackTab));
    }
    step(&mut app, press(KeyCode::Backspace));
    type_text(&mut app, "3");
    step(&mut app, press(KeyCode::Enter));
    type_text(&mut app, "2");
    step(&mut app, press(KeyCode::Enter));
    type_text(&mut app, "42");
    step(&mut app, press(KeyCode::Enter));
    type_text(&mut app, "2026-12-31");
    step(&mut app, press(KeyCode::Enter));
    draw(&app, "draws_new");
    let effects = step(&mut app, press(KeyCode::Enter));
    assert_eq!(
        effects,
        vec![Effect::RunDraw(crate::planning::DrawRequest {
            filter: "kind=学校食堂|幼儿园食堂,grade=C|D".into(),
            count: 3,
            per: 2,
            seed: Some(42),
            deadline: NaiveDate::from_ymd_opt(2026, 12, 31),
            allow_own_unit: false,
            by: "张三".into(),
        })]
    );
    // A second draw is a new number, shown at once.
    step(&mut app, Action::DrawMade(Box::new(record(2))));
    let s = draws(&app);
    assert_eq!(s.list.len(), 2);
    assert_eq!(s.current().unwrap().number, 2);
    assert!(app.message.clone().unwrap().text.contains("第 2 号抽取"));
    draw(&app, "draw_view");
}

#[test]
fn a_draw_is_printed_and_written_as_csv_through_the_report_effect() {
    let mut app = on_draws();
    step(&mut app, press(KeyCode::Enter));
    assert!(matches!(
        draws(&app).mode,
        crate::tui::screens::draws::Mode::View
    ));
    step(&mut app, ch('p'));
    draw(&app, "draw_print");
    let effects = step(&mut app, press(KeyCode::Enter));
    assert_eq!(
        effects,
        vec![Effect::WriteReport {
            kind: ReportKind::Draw,
            from: today(),
            to: today(),
            folder: "~/报表".into(),
            ids: vec!["1".into()],
        }]
    );
    // Back to the draw it was printed from.
    assert!(matches!(
        draws(&app).mode,
        crate::tui::screens::draws::Mode::View
    ));
    step(
        &mut app,
        Action::ReportWritten("/tmp/shian-draw-1.html".into()),
    );
    assert_eq!(
        step(
            &mut app,
            Action::Key(KeyEvent::new(KeyCode::Char('o'), KeyModifiers::CONTROL))
        ),
        vec![Effect::OpenFile("/tmp/shian-draw-1.html".into())]
    );
    step(&mut app, ch('c'));
    let effects = step(&mut app, press(KeyCode::Enter));
    assert!(matches!(
        effects.as_slice(),
        [Effect::WriteReport {
            kind: ReportKind::DrawCsv,
            ..
        }]
    ));
}
