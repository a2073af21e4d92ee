//! Issue 15, item 3: the establishment form does not drop what was typed without a word. Esc
//! or Ctrl-C over unsaved edits asks first; the second press leaves (or quits) and discards.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::tui::app::Screen;

fn on_a_new_establishment(typed: &str) -> App {
    let mut app = app(Lang::Zh);
    step(&mut app, Action::RosterLoaded(roster()));
    step(&mut app, ch('/'));
    step(
        &mut app,
        Action::Key(KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL)),
    );
    assert!(matches!(app.screen, Screen::Establishment(_)));
    type_text(&mut app, typed);
    app
}

fn ctrl_c() -> Action {
    Action::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL))
}

#[test]
fn esc_over_unsaved_edits_asks_and_a_second_esc_discards() {
    let mut app = on_a_new_establishment("红海街道小灶饭馆");
    step(&mut app, press(KeyCode::Esc));
    assert!(
        matches!(app.screen, Screen::Establishment(_)),
        "left at once"
    );
    let message = app.message.as_ref().expect("asked");
    assert!(message.text.contains("未保存"), "{}", message.text);
    // Typing on clears the question; Esc asks again.
    type_text(&mut app, "店");
    step(&mut app, press(KeyCode::Esc));
    assert!(matches!(app.screen, Screen::Establishment(_)));
    step(&mut app, press(KeyCode::Esc));
    assert!(matches!(app.screen, Screen::Roster(_)));
}

#[test]
fn ctrl_c_over_unsaved_edits_asks_before_quitting() {
    let mut app = on_a_new_establishment("红海街道小灶饭馆");
    step(&mut app, ctrl_c());
    assert!(!app.quit, "quit without asking");
    assert!(
        app.message
            .as_ref()
            .is_some_and(|m| m.text.contains("Ctrl-C"))
    );
    step(&mut app, ctrl_c());
    assert!(app.quit);
}

#[test]
fn a_form_without_edits_leaves_at_once() {
    let mut app = on_a_new_establishment("");
    step(&mut app, press(KeyCode::Esc));
    assert!(matches!(app.screen, Screen::Roster(_)));
    let mut app = on_a_new_establishment("");
    step(&mut app, ctrl_c());
    assert!(app.quit);
}
