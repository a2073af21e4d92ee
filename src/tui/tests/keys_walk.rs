//! Every key the help (`?`) lists for a screen does something on that screen: it asks the shell
//! for something, changes what is drawn, or quits. A listed key that does nothing is how `c`
//! on the records list went unnoticed (issue 15, item 10).

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::update::open;
use super::*;
use crate::tui::app::Screen;
use crate::tui::screens::form::review::Field;
use crate::tui::view::help;

/// Keys that move back (up, left) do something once the cursor has moved forward.
fn forward_of(key: KeyEvent) -> Option<KeyEvent> {
    let code = match key.code {
        KeyCode::Up => KeyCode::Down,
        KeyCode::Char('k') => KeyCode::Char('j'),
        KeyCode::PageUp => KeyCode::PageDown,
        KeyCode::Left => KeyCode::Right,
        KeyCode::BackTab => KeyCode::Tab,
        KeyCode::Home => KeyCode::End,
        _ => return None,
    };
    Some(KeyEvent::new(code, KeyModifiers::NONE))
}

/// What the user sees: every cell with its style, and where the cursor is (a field that takes
/// the focus may change only that).
fn drawn(app: &App) -> String {
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(160, 48)).unwrap();
    let frame = terminal.draw(|f| crate::tui::view::draw(app, f)).unwrap();
    let buffer = format!("{:?}", frame.buffer);
    let cursor = terminal.get_cursor_position().ok();
    format!(
        "{buffer}{cursor:?}{:?}",
        terminal.backend().cursor_position()
    )
}

/// Presses every key the screen's help lists, each on a fresh copy of the screen.
pub(super) fn walk(name: &str, fresh: &dyn Fn() -> App) {
    walk_with(name, fresh, &|_, _| {});
}

/// [`walk`], with `prepare` setting up what a key needs before it is pressed (the field it
/// works on, an item it goes to).
pub(super) fn walk_with(name: &str, fresh: &dyn Fn() -> App, prepare: &dyn Fn(&str, &mut App)) {
    let listed = listed_keys(name, &fresh());
    let mut idle = Vec::new();
    for (spec, what, keys) in listed {
        for key in keys {
            let mut app = fresh();
            prepare(&spec, &mut app);
            if let Some(forward) = forward_of(key) {
                step(&mut app, Action::Key(forward));
            }
            let before = drawn(&app);
            let effects = step(&mut app, Action::Key(key));
            if effects.is_empty() && !app.quit && drawn(&app) == before {
                idle.push(format!("{spec} ({what}): {key:?}"));
            }
        }
    }
    assert!(
        idle.is_empty(),
        "{name}: listed keys that do nothing:\n{}",
        idle.join("\n")
    );
}

/// Each help line (its keys in one word, what they do) with the keys it names. A screen's key
/// table is checked on the way: every key it lists gives the command of its line, not one an
/// earlier line took (the table drives the keys, the footer and the help alike).
fn listed_keys(name: &str, app: &App) -> Vec<(String, &'static str, Vec<KeyEvent>)> {
    let table = app.screen.component().keys(&app.context());
    for line in table.lines {
        for (key, command) in line.keys {
            if let Some(event) = key.event() {
                assert_eq!(
                    table.command(event),
                    *command,
                    "{name}: {} does not reach its command",
                    key.name()
                );
            }
        }
    }
    for short in table.footer {
        for key in short.keys {
            assert!(
                table
                    .lines
                    .iter()
                    .any(|l| l.keys.iter().any(|(k, _)| k == key)),
                "{name}: the footer's {} is in no line",
                key.name()
            );
        }
    }
    table
        .lines
        .iter()
        .map(|line| {
            let (spec, what) = crate::tui::keys::line_text(line, app.t);
            let keys = line.keys.iter().filter_map(|(k, _)| k.event()).collect();
            (spec, what, keys)
        })
        .chain(
            help(app)
                .into_iter()
                .skip(table.lines.len())
                .map(|(spec, what)| {
                    // `?` and Ctrl-C, which every screen has.
                    let key = match spec.as_str() {
                        "?" => KeyEvent::new(KeyCode::Char('?'), KeyModifiers::NONE),
                        _ => KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
                    };
                    (spec, what, vec![key])
                }),
        )
        .collect()
}

#[test]
fn every_listed_key_does_something_on_every_screen() {
    walk("welcome", &|| {
        App::new(Lang::Zh, Theme { color: false }, today(), None, Vec::new())
    });
    walk("home", &|| super::snapshots::loaded(Lang::Zh));
    walk("roster", &|| {
        let mut app = super::snapshots::loaded(Lang::Zh);
        step(&mut app, ch('/'));
        app
    });
    walk("chooser", &|| {
        let mut app = super::snapshots::loaded(Lang::Zh);
        step(&mut app, ch('/'));
        step(&mut app, press(KeyCode::Enter));
        app
    });
    // On an answered item, so that clearing has something to clear.
    walk("form", &|| {
        let mut app = super::snapshots::loaded(Lang::Zh);
        open(&mut app, "school-canteen", &["1.1"]);
        step(&mut app, ch('1'));
        step(&mut app, press(KeyCode::Up));
        app
    });
    walk("form note", &|| {
        let mut app = super::snapshots::loaded(Lang::Zh);
        open(&mut app, "school-canteen", &[]);
        step(&mut app, ch('2'));
        app
    });
    // A failed key item with its note and no photo: 确认定稿 says a photo is missing, and `p`
    // goes to it; `Space` works on the refusal field.
    walk_with(
        "review",
        &|| {
            let mut app = super::snapshots::loaded(Lang::Zh);
            open(&mut app, "school-canteen", &[]);
            step(&mut app, ch('2'));
            type_text(&mut app, "许可证已过期");
            step(&mut app, press(KeyCode::Enter));
            step(&mut app, ch('F'));
            app
        },
        &|spec, app| {
            let focus_on = |app: &mut App, field| {
                for _ in 0..12 {
                    if matches!(&app.screen, Screen::Review(r) if r.focus == field) {
                        return;
                    }
                    step(app, press(KeyCode::Tab));
                }
                panic!("the review never focused {field:?}");
            };
            match spec {
                "Space" => focus_on(app, Field::Refused),
                "p" => {
                    focus_on(app, Field::Finalize);
                    step(app, press(KeyCode::Enter));
                }
                _ => {}
            }
        },
    );
    // `p` prints a final record: the second row; the first is a draft.
    walk_with("records", &super::corrections::on_records, &|spec, app| {
        if spec == "p" {
            step(app, press(KeyCode::Down));
        }
    });
    // The name typed (a name already there, so that Esc clears it), and the range typed.
    walk("records name", &|| {
        let mut app = super::corrections::on_records();
        step(&mut app, ch('/'));
        type_text(&mut app, "星帆");
        app
    });
    walk("records range", &|| {
        let mut app = super::corrections::on_records();
        step(&mut app, ch('D'));
        app
    });
    let record = || {
        let mut app = super::corrections::on_records();
        step(
            &mut app,
            Action::RecordLoaded(Box::new(super::corrections::final_record(&[]))),
        );
        app
    };
    walk("record", &record);
    walk("record reason", &|| {
        let mut app = record();
        step(&mut app, ch('c'));
        app
    });
    // On a text field, on the kind (after the text fields: ←→ choose), and on [保存].
    let establishment = |tabs: usize| {
        let mut app = super::snapshots::loaded(Lang::Zh);
        step(&mut app, ch('/'));
        step(
            &mut app,
            Action::Key(KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL)),
        );
        for _ in 0..tabs {
            step(&mut app, press(KeyCode::Tab));
        }
        app
    };
    walk("establishment", &|| establishment(0));
    walk("establishment choice", &|| establishment(7));
    walk("establishment save", &|| establishment(10));
    super::keys_walk_office::sync_walks();
    walk("report", &|| {
        let mut app = super::snapshots::loaded(Lang::Zh);
        step(&mut app, ch('b'));
        app
    });
    // On the first day: letters are text, ←→ move in it.
    walk("report day", &|| {
        let mut app = super::snapshots::loaded(Lang::Zh);
        step(&mut app, ch('b'));
        step(&mut app, press(KeyCode::Tab));
        app
    });
    super::keys_walk_office::office_walks();
    super::keys_walk_office::welcome_walks();
}
