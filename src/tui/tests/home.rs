//! `App::update` on 首页: leaving the program is a deliberate key (issue 15, item 4).

use ratatui::crossterm::event::KeyCode;

use super::*;
use crate::tui::app::{HomeData, Screen};

#[test]
fn esc_on_home_does_not_quit_and_says_which_key_does() {
    let mut app = app(Lang::Zh);
    step(&mut app, Action::HomeLoaded(HomeData::default()));
    // Esc means "back" on every other screen; pressed once too often it must not end the
    // program.
    step(&mut app, press(KeyCode::Esc));
    assert!(!app.quit);
    assert!(matches!(app.screen, Screen::Home(_)));
    let message = app.message.clone().expect("a hint");
    assert!(message.text.contains('q'), "{message:?}");
    step(&mut app, ch('q'));
    assert!(app.quit);
}
