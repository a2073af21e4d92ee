//! Every key the help (`?`) lists for a screen does something on that screen: it asks the shell
//! for something, changes what is drawn, or quits. A listed key that does nothing is how `c`
//! on the records list went unnoticed (issue 15, item 10).

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::update::open;
use super::*;
use crate::tui::app::Screen;
use crate::tui::keymap::{footer, help};
use crate::tui::screens::form::review::Field;

/// The keys a help line names: `Up Down j k`, `Ctrl-T`, `Shift-Tab`, `1-9` (its first), `Esc q`.
/// `输入` (typing) names no key.
fn parse(spec: &str) -> Vec<KeyEvent> {
    spec.split_whitespace()
        .filter_map(|k| {
            let plain = |code| Some(KeyEvent::new(code, KeyModifiers::NONE));
            match k {
                "Up" => plain(KeyCode::Up),
                "Down" => plain(KeyCode::Down),
                "Left" => plain(KeyCode::Left),
                "Right" => plain(KeyCode::Right),
                "Tab" => plain(KeyCode::Tab),
                "Shift-Tab" => plain(KeyCode::BackTab),
                "Enter" => plain(KeyCode::Enter),
                "Esc" => plain(KeyCode::Esc),
                "Space" => plain(KeyCode::Char(' ')),
                "PageUp" => plain(KeyCode::PageUp),
                "PageDown" => plain(KeyCode::PageDown),
                "Home" => plain(KeyCode::Home),
                "End" => plain(KeyCode::End),
                "Delete" => plain(KeyCode::Delete),
                "1-9" => plain(KeyCode::Char('1')),
                "输入" => None,
                k if k.starts_with("Ctrl-") => k.chars().last().map(|c| {
                    KeyEvent::new(KeyCode::Char(c.to_ascii_lowercase()), KeyModifiers::CONTROL)
                }),
                k if k.chars().count() == 1 => k.chars().next().map(|c| plain(KeyCode::Char(c)))?,
                other => panic!("a key the walk cannot read: {other:?}"),
            }
        })
        .collect()
}

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
    // The footer shows a few of the same keys, never one the help does not list.
    let helped: Vec<KeyEvent> = listed
        .iter()
        .flat_map(|(_, _, keys)| keys.clone())
        .collect();
    for (spec, _) in footer(&fresh()) {
        for key in parse(&spec) {
            assert!(
                helped.contains(&key),
                "{name}: the footer's {spec} is not in the help"
            );
        }
    }
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
    let Some(component) = app.screen.component() else {
        return help(app)
            .into_iter()
            .map(|(spec, what)| {
                let keys = parse(&spec);
                (spec, what, keys)
            })
            .collect();
    };
    let table = component.keys(&app.context());
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
            crate::tui::keys::GLOBAL
                .iter()
                .map(|(spec, what)| (spec.to_string(), what(app.t), parse(spec))),
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
    walk("record", &|| {
        let mut app = super::corrections::on_records();
        step(
            &mut app,
            Action::RecordLoaded(Box::new(super::corrections::final_record(&[]))),
        );
        app
    });
    // ←→ choose on the kind, grade and 明厨亮灶 fields, after the text fields.
    walk_with(
        "establishment",
        &|| {
            let mut app = super::snapshots::loaded(Lang::Zh);
            step(&mut app, ch('/'));
            step(
                &mut app,
                Action::Key(KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL)),
            );
            app
        },
        &|spec, app| {
            if spec == "Left Right" {
                while matches!(&app.screen, Screen::Establishment(e) if e.typing()) {
                    step(app, press(KeyCode::Tab));
                }
            }
        },
    );
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
