//! `App::update` on the 记录 screen: the filters, the establishment name resolved to ids in the
//! roster, and the page with its count.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

use super::*;
use crate::domain::outcome::Outcome;
use crate::tui::app::Screen;

#[test]
fn records_filter_by_status_result_and_date() {
    let mut app = app(Lang::Zh);
    step(&mut app, ch('r'));
    let effects = step(&mut app, press(KeyCode::Tab));
    assert!(matches!(&effects[..], [Effect::LoadRecords(q)] if q.status == Some(Status::Draft)));
    let effects = step(&mut app, ch('o'));
    assert!(
        matches!(&effects[..], [Effect::LoadRecords(q)] if q.outcome == Some(Outcome::Compliant))
    );
    let effects = step(&mut app, ch('d'));
    let [Effect::LoadRecords(q)] = &effects[..] else {
        panic!("{effects:?}");
    };
    assert_eq!(q.from, Some(today() - chrono::Days::new(30)));
    assert_eq!(q.status, Some(Status::Draft));
}

/// The establishment ids a `LoadRecords` effect asks for.
fn asked_ids(effects: &[Effect]) -> Option<Vec<String>> {
    match effects {
        [Effect::LoadRecords(q)] => q.establishment_ids.clone(),
        _ => panic!("not one LoadRecords: {effects:?}"),
    }
}

fn records(app: &App) -> &crate::tui::screens::records::RecordsState {
    match &app.screen {
        Screen::Records(r) => r,
        _ => panic!("not on records"),
    }
}

#[test]
fn records_filter_by_establishment_name_asks_the_store_for_its_ids() {
    let mut app = super::snapshots::loaded(Lang::Zh);
    step(&mut app, ch('r'));
    let data = super::snapshots::home_data();
    step(
        &mut app,
        records_page(
            data.unexported
                .inspections
                .iter()
                .chain(&data.drafts)
                .cloned()
                .collect(),
            2,
        ),
    );
    step(&mut app, ch('/'));
    // Every keystroke asks again, for the establishments the text finds in the roster.
    let effects = step(&mut app, ch('h'));
    assert!(asked_ids(&effects).is_some_and(|ids| ids.len() > 1));
    step(&mut app, ch('z'));
    let ids = asked_ids(&step(&mut app, ch('w'))).unwrap();
    assert!(ids.contains(&establishment("海之味快餐").id), "{ids:?}");
    assert!(!ids.contains(&establishment("鲅鱼圈区青禾实验小学").id));
    // Moving the cursor changes no text and asks nothing.
    assert!(step(&mut app, press(KeyCode::Left)).is_empty());
    step(
        &mut app,
        records_page(data.unexported.inspections.clone(), 1),
    );
    step(&mut app, press(KeyCode::Enter));
    assert!(!records(&app).typing);
    // The other filters keep the name.
    let effects = step(&mut app, ch('d'));
    assert_eq!(asked_ids(&effects), Some(ids));
    step(
        &mut app,
        records_page(data.unexported.inspections.clone(), 1),
    );
    // Out of the filter, letters are commands again.
    assert_eq!(
        step(&mut app, press(KeyCode::Enter)),
        vec![Effect::LoadRecord("f1".into())]
    );
}

#[test]
fn records_name_that_finds_no_establishment_lists_nothing_without_asking() {
    let mut app = super::snapshots::loaded(Lang::Zh);
    step(&mut app, ch('r'));
    let data = super::snapshots::home_data();
    step(
        &mut app,
        records_page(data.unexported.inspections.clone(), 1),
    );
    step(&mut app, ch('/'));
    let effects = step(&mut app, Action::Paste("没有这家单位".into()));
    assert!(effects.is_empty(), "{effects:?}");
    assert!(records(&app).list.is_empty());
    assert_eq!(records(&app).total, 0);
    // Esc clears the name: no name filter, every establishment again.
    let effects = step(&mut app, press(KeyCode::Esc));
    assert_eq!(asked_ids(&effects), None);
    assert!(matches!(&effects[..], [Effect::LoadRecords(q)] if *q == Default::default()));
    // A name of spaces is no name.
    step(&mut app, ch('/'));
    assert_eq!(asked_ids(&step(&mut app, ch(' '))), None);
}

#[test]
fn records_say_how_to_narrow_a_list_that_is_only_a_page() {
    let screen = |total: usize, lang: Lang| {
        let mut app = super::snapshots::loaded(lang);
        step(&mut app, ch('r'));
        let data = super::snapshots::home_data();
        step(&mut app, records_page(data.unexported.inspections, total));
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        let frame = terminal.draw(|f| crate::tui::view::draw(&app, f)).unwrap();
        super::snapshots::screen_text(frame.buffer, "records")
    };
    let all = screen(1, Lang::Zh);
    assert!(all.contains("共 1 条"), "{all}");
    assert!(!all.contains("缩小范围"), "{all}");
    let page = screen(100_000, Lang::Zh);
    assert!(page.contains("共 100000 条"), "{page}");
    assert!(
        page.contains("只列出最新的 1 条。缩小范围：d 日期，o 检查结果，Tab 状态，/ 单位"),
        "{page}"
    );
    let page = screen(100_000, Lang::En);
    assert!(page.contains("100000 in all"), "{page}");
    assert!(
        page.contains("Only the newest 1 listed. Narrow it: d date, o result, Tab status, / name"),
        "{page}"
    );
}

/// `D` takes a range of two days; a bad one is refused with a message and nothing asked; Esc
/// leaves the filter as it was; `d` goes back to the fixed periods (issue 15, item 13).
#[test]
fn records_filter_by_a_typed_range_of_dates() {
    let mut app = app(Lang::Zh);
    step(&mut app, ch('r'));
    assert!(step(&mut app, ch('D')).is_empty());
    let typed = records(&app).range.as_ref().map(|i| i.text().to_string());
    assert_eq!(typed, Some(format!("2026-01-01 {}", today())));
    // Letters are typed, not taken as commands.
    while !records(&app).range.as_ref().unwrap().text().is_empty() {
        step(&mut app, press(KeyCode::Backspace));
    }
    type_text(&mut app, "2026-06-30 至 2026-03-01");
    assert!(step(&mut app, press(KeyCode::Enter)).is_empty());
    assert!(app.message.as_ref().is_some_and(|m| m.error));
    assert!(records(&app).range.is_some());
    while !records(&app).range.as_ref().unwrap().text().is_empty() {
        step(&mut app, press(KeyCode::Backspace));
    }
    type_text(&mut app, "2026-03-01 2026-06-30");
    let effects = step(&mut app, press(KeyCode::Enter));
    let [Effect::LoadRecords(q)] = &effects[..] else {
        panic!("{effects:?}");
    };
    let d = |m, day| chrono::NaiveDate::from_ymd_opt(2026, m, day);
    assert_eq!((q.from, q.to), (d(3, 1), d(6, 30)));
    assert!(records(&app).range.is_none());
    // Esc while typing keeps the range.
    step(&mut app, ch('D'));
    type_text(&mut app, "xx");
    assert!(step(&mut app, press(KeyCode::Esc)).is_empty());
    assert!(records(&app).range.is_none());
    assert_eq!(
        records(&app).period,
        crate::tui::screens::records::Period::Range(d(3, 1).unwrap(), d(6, 30).unwrap())
    );
    // `d` leaves the range for all dates.
    let effects = step(&mut app, ch('d'));
    let [Effect::LoadRecords(q)] = &effects[..] else {
        panic!("{effects:?}");
    };
    assert_eq!((q.from, q.to), (None, None));
}
