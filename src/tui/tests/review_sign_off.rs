//! The review screen's sign-off: the second inspector, the handling chosen, and the
//! finalize effect it asks for.

use ratatui::crossterm::event::KeyCode;

use super::update::open;
use super::*;
use crate::domain::outcome::{Handling, Outcome};
use crate::tui::app::Screen;
use crate::tui::screens::form::review::Field;

#[test]
fn review_needs_two_inspectors_and_finalizes_with_the_chosen_handling() {
    let mut app = app(Lang::Zh);
    open(&mut app, "food-sample", &[]);
    step(&mut app, ch('1'));
    step(&mut app, ch('2'));
    type_text(&mut app, "不足");
    step(&mut app, press(KeyCode::Enter));
    // The routine inspection covers the rest: 合理缺项.
    cover_the_rest(&mut app);
    step(&mut app, ch('F'));
    let Screen::Review(r) = &app.screen else {
        panic!("not on review");
    };
    assert_eq!(r.outcome, Some(Outcome::NonCompliant));
    assert_eq!(r.handling, Handling::StopOperations);
    // Walk to the button without a second inspector.
    let to_button = |app: &mut App| {
        while !matches!(&app.screen, Screen::Review(r) if r.focus == Field::Finalize) {
            step(app, press(KeyCode::Tab));
        }
    };
    to_button(&mut app);
    step(&mut app, press(KeyCode::Enter));
    assert!(app.message.as_ref().is_some_and(|m| m.error));
    // Choose 书面限期整改, name the colleague.
    step(&mut app, press(KeyCode::Tab));
    for _ in 0..2 {
        step(&mut app, press(KeyCode::Left));
    }
    step(&mut app, press(KeyCode::Tab));
    step(&mut app, press(KeyCode::Tab));
    type_text(&mut app, "李四");
    step(&mut app, press(KeyCode::Tab));
    type_text(&mut app, "21080002");
    to_button(&mut app);
    step(&mut app, press(KeyCode::Enter));
    assert!(
        matches!(&app.screen, Screen::Review(r) if r.confirming),
        "{:?}",
        app.message
    );
    let effects = step(&mut app, ch('y'));
    let [
        Effect::Finalize {
            inspectors,
            conclusion,
            ..
        },
    ] = effects.as_slice()
    else {
        panic!("{effects:?}");
    };
    assert_eq!(inspectors.len(), 2);
    assert_eq!(inspectors[1].name, "李四");
    assert_eq!(conclusion.handling, Some(Handling::RectifyByDeadline));
    assert_eq!(conclusion.deadline, Some(today() + chrono::Days::new(15)));
    assert_eq!(conclusion.operator_signatory, "李海帆");
    // Esc from review returns to the form with the answers.
    let mut app2 = self::app(Lang::Zh);
    open(&mut app2, "food-sample", &[]);
    step(&mut app2, ch('F'));
    step(&mut app2, press(KeyCode::Esc));
    assert!(matches!(app2.screen, Screen::Form(_)));
}

#[test]
fn the_second_inspector_is_chosen_from_earlier_colleagues() {
    let mut app = app(Lang::Zh);
    step(&mut app, colleagues());
    open(&mut app, "food-sample", &[]);
    step(&mut app, ch('F'));
    while !matches!(&app.screen, Screen::Review(r) if r.focus == Field::SecondName) {
        step(&mut app, press(KeyCode::Tab));
    }
    step(&mut app, press(KeyCode::Right));
    step(&mut app, press(KeyCode::Right));
    let Screen::Review(r) = &app.screen else {
        panic!("not on review");
    };
    assert_eq!(
        (r.second_name.text(), r.second_badge.text()),
        ("王五", "21080003")
    );
}

#[test]
fn a_typed_second_inspector_is_kept_in_the_draft() {
    let mut app = app(Lang::Zh);
    open(&mut app, "food-sample", &[]);
    step(&mut app, ch('F'));
    while !matches!(&app.screen, Screen::Review(r) if r.focus == Field::SecondName) {
        step(&mut app, press(KeyCode::Tab));
    }
    type_text(&mut app, "李四");
    let effects = step(&mut app, press(KeyCode::Esc));
    let [Effect::KeepSignOff { inspectors, .. }] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(inspectors[1].name, "李四");
    step(&mut app, ch('F'));
    let Screen::Review(r) = &app.screen else {
        panic!("not on review");
    };
    assert_eq!(r.second_name.text(), "李四");
}

/// The inspectors of earlier inspections: the inspector, 李四 and 王五.
pub(super) fn colleagues() -> Action {
    Action::ColleaguesLoaded(vec![
        profile().inspector(),
        Inspector {
            name: "李四".into(),
            badge: "21080002".into(),
        },
        Inspector {
            name: "王五".into(),
            badge: "21080003".into(),
        },
    ])
}
