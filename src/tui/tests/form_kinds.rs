//! One key path per kind of item (issue 15, items 1 and 2): a choice item is answered by its
//! option, a text item by its text, and the list row says what was recorded.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

use super::update::{current, form, open};
use super::*;
use crate::domain::outcome::Verdict;
use crate::tui::screens::form::EditKind;

/// The screen as text at 80×24, for what the list row shows.
fn screen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let frame = terminal.draw(|f| crate::tui::view::draw(app, f)).unwrap();
    super::snapshots::screen_text(frame.buffer, "form")
}

fn row<'a>(screen: &'a str, number: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.trim_start().starts_with(number))
        .unwrap_or_else(|| panic!("no row {number} in\n{screen}"))
}

#[test]
fn one_on_a_choice_item_asks_for_the_choice_and_the_row_shows_it() {
    let mut app = app(Lang::Zh);
    open(&mut app, "bright-kitchen", &[]);
    assert_eq!(current(&app), "1.1");
    // `1` must not record 符合 without saying which form of 明厨亮灶 is in place.
    let effects = step(&mut app, ch('1'));
    assert!(
        !effects
            .iter()
            .any(|e| matches!(e, Effect::SaveAnswer { .. })),
        "{effects:?}"
    );
    assert!(matches!(
        form(&app).edit.as_ref().map(|e| e.kind),
        Some(EditKind::Choice(_))
    ));
    step(&mut app, press(KeyCode::Down));
    step(&mut app, press(KeyCode::Enter));
    let a = &form(&app).answers["1.1"];
    assert_eq!(
        (a.verdict, a.choice.as_deref()),
        (Verdict::Pass, Some("视频厨房"))
    );
    assert_eq!(current(&app), "1.2");
    let shown = screen(&app);
    assert!(row(&shown, "1.1").contains("视频厨房"), "{shown}");
    // `2` asks too, starting on the option that does not comply.
    step(&mut app, ch('k'));
    step(&mut app, ch('2'));
    assert!(matches!(
        form(&app).edit.as_ref().map(|e| e.kind),
        Some(EditKind::Choice(3))
    ));
    step(&mut app, press(KeyCode::Enter));
    assert_eq!(form(&app).answers["1.1"].verdict, Verdict::Fail);
    assert_eq!(form(&app).answers["1.1"].choice.as_deref(), Some("未实施"));
}

#[test]
fn a_text_item_takes_what_is_typed_and_shows_as_answered() {
    let mut app = app(Lang::Zh);
    let mut data = form_data("food-sample", &[]);
    data.inspection.current_item = Some("3.3".into());
    step(&mut app, Action::FormOpened(Box::new(data)));
    assert_eq!(current(&app), "3.3");
    // 留样负责人: what the inspector types goes into the text, a `1` included; nothing is
    // swallowed.
    type_text(&mut app, "1号窗口王五");
    assert_eq!(
        form(&app).edit.as_ref().map(|e| e.input.text().to_string()),
        Some("1号窗口王五".to_string())
    );
    let effects = step(&mut app, press(KeyCode::Enter));
    assert!(
        matches!(&effects[0], Effect::SaveAnswer { answer, .. } if answer.note == "1号窗口王五"),
        "{effects:?}"
    );
    assert_eq!(form(&app).progress().0, 1);
    // The list agrees with the header: the row no longer reads 未答, and shows the text.
    let shown = screen(&app);
    let line = row(&shown, "3.3");
    assert!(!line.contains("未答") && line.contains("王五"), "{shown}");
}

fn passed(effects: &[Effect]) -> Vec<String> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::SaveAnswer { answer, .. } if answer.verdict == Verdict::Pass => {
                Some(answer.item_id.clone())
            }
            _ => None,
        })
        .collect()
}

#[test]
fn a_marks_the_rest_of_the_section_compliant_and_says_how_many() {
    let mut app = app(Lang::Zh);
    let mut data = form_data("school-canteen", &["1.1"]);
    data.inspection.current_item = Some("4.2".into());
    step(&mut app, Action::FormOpened(Box::new(data)));
    // 4.2 is found wanting; the rest of 人员管理 is in order.
    step(&mut app, ch('2'));
    type_text(&mut app, "2 人健康证过期");
    step(&mut app, press(KeyCode::Enter));
    let effects = step(&mut app, ch('A'));
    assert_eq!(passed(&effects), ["4.1", "4.3", "4.4"]);
    assert_eq!(form(&app).answers["4.2"].verdict, Verdict::Fail);
    let message = app.message.clone().expect("how many");
    assert!(message.text.contains('3'), "{message:?}");
    // On to the next section.
    assert_eq!(current(&app), "5.1");
    // A recheck item (failed last time) is looked at one by one.
    step(&mut app, press(KeyCode::Home));
    assert_eq!(current(&app), "1.1");
    assert!(passed(&step(&mut app, ch('A'))).is_empty());
    assert!(app.message.is_some());
    // Measurements, choices and text say more than 符合: they are left open, and counted.
    let mut app = self::app(Lang::Zh);
    open(&mut app, "food-sample", &[]);
    let effects = step(&mut app, ch('A'));
    assert_eq!(passed(&effects), ["1.1"]);
    let message = app.message.clone().expect("how many");
    assert!(message.text.contains('1'), "{message:?}");
}
