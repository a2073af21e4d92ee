//! Ctrl-C on 结果与定稿 keeps what was typed in the draft, on a real store: after a restart
//! the review shows it again (issue 15, item 3).

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::shell::{keys, run, start_food_sample};
use super::*;
use crate::tui::app::Screen;
use crate::tui::effects::Shell;
use crate::tui::screens::form::review::Field;

fn started(shell: &mut Shell) -> App {
    let mut app = App::new(
        Lang::Zh,
        Theme { color: false },
        today(),
        shell.profile().unwrap(),
        shell.catalog.checklists.clone(),
    );
    for effect in app.start() {
        for action in shell.perform(effect) {
            app.update(action);
        }
    }
    app
}

fn to(app: &mut App, shell: &mut Shell, field: Field) {
    for _ in 0..20 {
        if matches!(&app.screen, Screen::Review(r) if r.focus == field) {
            return;
        }
        run(app, shell, press(KeyCode::Tab));
    }
    panic!("no field {field:?}");
}

#[test]
fn ctrl_c_on_the_review_keeps_the_sign_off_in_the_draft() {
    let dir = tempfile::tempdir().unwrap();
    let mut shell = Shell::open(dir.path(), Lang::Zh, "TEST01".into()).unwrap();
    shell.perform(Effect::SaveProfile(profile()));
    shell.perform(Effect::LoadSampleRoster);
    let mut app = started(&mut shell);
    start_food_sample(&mut app, &mut shell, "xfxx");
    keys(&mut app, &mut shell, "1");
    run(&mut app, &mut shell, ch('F'));
    to(&mut app, &mut shell, Field::SecondName);
    keys(&mut app, &mut shell, "李四");
    run(&mut app, &mut shell, press(KeyCode::Tab));
    keys(&mut app, &mut shell, "21080002");
    to(&mut app, &mut shell, Field::Signatory);
    while !matches!(&app.screen, Screen::Review(r) if r.signatory.is_empty()) {
        run(&mut app, &mut shell, press(KeyCode::Backspace));
    }
    keys(&mut app, &mut shell, "王店长");
    to(&mut app, &mut shell, Field::Opinion);
    keys(&mut app, &mut shell, "无异议，立即整改");
    let ctrl_c = Action::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    run(&mut app, &mut shell, ctrl_c);
    assert!(app.quit);
    drop(shell);

    // Started again: the draft on 首页, then its review with what was typed.
    let mut shell = Shell::open(dir.path(), Lang::Zh, "TEST01".into()).unwrap();
    let mut app = started(&mut shell);
    run(&mut app, &mut shell, press(KeyCode::Enter));
    assert!(matches!(app.screen, Screen::Form(_)), "{:?}", app.message);
    run(&mut app, &mut shell, ch('F'));
    let Screen::Review(r) = &app.screen else {
        panic!("not on review");
    };
    assert_eq!(
        (r.second_name.text(), r.second_badge.text()),
        ("李四", "21080002")
    );
    assert_eq!(r.signatory.text(), "王店长");
    assert_eq!(r.opinion.text(), "无异议，立即整改");
}
