//! The footer and `?` list the keys that work now: a note being typed, the checklist chooser
//! over the roster and an opened record each have their own (issue 15, item 10).

use ratatui::crossterm::event::KeyCode;

use super::update::open;
use super::*;
use crate::tui::view::{footer, help};

/// The keys of a footer or a help, as words that outlive the list.
fn keys(list: &[(String, &'static str)]) -> Vec<&'static str> {
    list.iter()
        .map(|(k, _)| &*Box::leak(k.clone().into_boxed_str()))
        .collect()
}

#[test]
fn typing_a_note_shows_enter_and_esc_not_the_verdicts() {
    let mut app = app(Lang::Zh);
    open(&mut app, "food-sample", &[]);
    assert!(keys(&footer(&app)).contains(&"1"));
    step(&mut app, ch('2'));
    let shown = footer(&app);
    assert_eq!(keys(&shown), vec!["Enter", "Esc", "?"], "{shown:?}");
    assert!(!keys(&help(&app)).contains(&"1 y"));
}

#[test]
fn the_checklist_chooser_shows_its_own_keys() {
    let mut app = super::snapshots::loaded(Lang::Zh);
    step(&mut app, ch('/'));
    assert!(keys(&footer(&app)).contains(&"Ctrl-N"));
    step(&mut app, press(KeyCode::Enter));
    let shown = keys(&footer(&app));
    assert!(shown.contains(&"Left Right Tab"), "{shown:?}");
    assert!(!shown.contains(&"Ctrl-N"), "{shown:?}");
}

#[test]
fn an_opened_record_lists_its_own_keys_not_the_lists() {
    let mut app = super::snapshots::loaded(Lang::Zh);
    step(&mut app, ch('r'));
    let list = keys(&help(&app));
    assert!(list.contains(&"Tab") && !list.contains(&"O"), "{list:?}");
    step(
        &mut app,
        Action::RecordLoaded(Box::new(super::corrections::final_record(&[]))),
    );
    let record = keys(&help(&app));
    for key in ["PageDown Space PageUp", "c", "p", "f", "O", "Esc q"] {
        assert!(record.contains(&key), "{key} in {record:?}");
    }
    assert!(!record.contains(&"Tab"), "{record:?}");
    // Asking a correction's reason: typing.
    step(&mut app, ch('c'));
    assert_eq!(keys(&footer(&app)), vec!["Enter", "Esc", "?"]);
}
