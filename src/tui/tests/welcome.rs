//! The first-run wizard (issue 15, item 12): an office roster bundle given, the sample roster is
//! not loaded as well; the tick says so, and comes back when the path is emptied.

use ratatui::crossterm::event::KeyCode;

use super::*;
use crate::tui::app::Screen;

/// Whether the form shows the sample roster ticked.
fn ticked(app: &App) -> bool {
    assert!(matches!(app.screen, Screen::Welcome(_)));
    let screen = screen_words(app, 80, 24);
    assert!(screen.contains("[x]") != screen.contains("[]"), "{screen}");
    screen.contains("[x]")
}

#[test]
fn an_office_bundle_path_unticks_the_sample_roster() {
    let mut app = App::new(Lang::Zh, Theme { color: false }, today(), None, Vec::new());
    type_text(&mut app, "张三");
    step(&mut app, press(KeyCode::Tab));
    type_text(&mut app, "21080001");
    step(&mut app, press(KeyCode::Tab));
    step(&mut app, press(KeyCode::Tab));
    // The sample is ticked until an office bundle is given.
    assert!(ticked(&app));
    step(&mut app, press(KeyCode::Tab));
    step(
        &mut app,
        Action::Paste("/media/u/名录-鲅鱼圈区.shian".into()),
    );
    assert!(!ticked(&app));
    // Ticking it again says why it stays off.
    step(&mut app, press(KeyCode::Up));
    assert!(step(&mut app, ch(' ')).is_empty());
    assert!(!ticked(&app));
    let message = app.message.clone().expect("why the sample stays off");
    assert!(message.text.contains("办公室名录"), "{message:?}");
    // Start: the profile, the roster and the bundle's plan; no sample roster.
    step(&mut app, press(KeyCode::Down));
    let effects = step(&mut app, press(KeyCode::Enter));
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::PlanImport { path, .. } if path.ends_with(".shian"))),
        "{effects:?}"
    );
    assert!(!effects.contains(&Effect::LoadSampleRoster), "{effects:?}");
}

#[test]
fn emptying_the_office_path_ticks_the_sample_again() {
    let mut app = App::new(Lang::En, Theme { color: false }, today(), None, Vec::new());
    for _ in 0..4 {
        step(&mut app, press(KeyCode::Tab));
    }
    type_text(&mut app, "a");
    assert!(!ticked(&app));
    step(&mut app, press(KeyCode::Backspace));
    assert!(ticked(&app));
}
