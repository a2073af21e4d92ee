//! The checklist's and the review's states the walk of `keys_walk.rs` does not reach on its own
//! fixtures: a text item, a 复查, a checklist listing nothing, a value, a photo path, a choice,
//! the photos listed, the guidance, the review's text fields and its question. Every key their
//! tables list does something.

use ratatui::crossterm::event::KeyCode;

use super::keys_walk::{walk, walk_with};
use super::update::{current, form, open};
use super::*;
use crate::domain::checklist::ItemKind;
use crate::domain::checklist::OutcomeRule;
use crate::domain::inspection::InspectionKind;
use crate::tui::app::Screen;
use crate::tui::screens::form::review::Field;

/// food-sample on its text item 3.3, answered, so that clearing has something to clear.
fn on_text_item() -> App {
    let mut app = super::snapshots::loaded(Lang::Zh);
    let mut data = form_data("food-sample", &[]);
    data.inspection.current_item = Some("3.3".into());
    step(&mut app, Action::FormOpened(Box::new(data)));
    type_text(&mut app, "王五");
    step(&mut app, press(KeyCode::Enter));
    while current(&app) != "3.3" {
        step(&mut app, press(KeyCode::Up));
    }
    app
}

/// A 复查 of two items, the first answered.
fn on_follow_up() -> App {
    let mut app = super::snapshots::loaded(Lang::Zh);
    let data = super::follow_up::follow_up_data();
    step(&mut app, Action::FormOpened(Box::new(data)));
    step(&mut app, ch('1'));
    step(&mut app, press(KeyCode::Up));
    app
}

/// food-sample on its first measurement, its value open.
fn on_value() -> App {
    let mut app = super::snapshots::loaded(Lang::Zh);
    open(&mut app, "food-sample", &[]);
    while !matches!(
        form(&app).current().map(|i| &i.kind),
        Some(ItemKind::Measurement { .. })
    ) {
        step(&mut app, press(KeyCode::Down));
    }
    step(&mut app, ch('v'));
    app
}

/// bright-kitchen's choice 1.1, its options open: nine of them, so that every digit picks one.
fn on_choice() -> App {
    let mut app = super::snapshots::loaded(Lang::Zh);
    let mut data = form_data("bright-kitchen", &[]);
    for section in &mut data.checklist.sections {
        for item in &mut section.items {
            if let ItemKind::Choice { options } = &mut item.kind {
                let more: Vec<_> = options.iter().cycle().take(9).cloned().collect();
                *options = more;
            }
        }
    }
    step(&mut app, Action::FormOpened(Box::new(data)));
    step(&mut app, ch('v'));
    app
}

/// Two photos on the item, listed with `P`.
fn on_photos() -> App {
    let mut app = super::snapshots::loaded(Lang::Zh);
    open(&mut app, "food-sample", &[]);
    let item_id = current(&app);
    for (sha256, file_name) in [("a1", "留样.jpg"), ("b2", "冰箱.jpg")] {
        step(
            &mut app,
            Action::PhotoAttached(crate::store::Photo {
                item_id: item_id.clone(),
                sha256: sha256.into(),
                file_name: file_name.into(),
            }),
        );
    }
    step(&mut app, ch('P'));
    app
}

fn on_review_field(field: Field) -> App {
    let mut app = super::snapshots::loaded(Lang::Zh);
    step(&mut app, super::review_sign_off::colleagues());
    open(&mut app, "food-sample", &[]);
    step(&mut app, ch('F'));
    while !matches!(&app.screen, Screen::Review(r) if r.focus == field) {
        step(&mut app, press(KeyCode::Tab));
    }
    app
}

#[test]
fn every_listed_key_does_something_on_the_checklist_and_its_review() {
    // 3.3 is the last item: one up first, for the keys that go down.
    walk_with("form text item", &on_text_item, &|spec, app| {
        if matches!(spec, "Up Down j k" | "PageDown PageUp" | "Home End") {
            step(app, press(KeyCode::Up));
        }
    });
    // One section until widened: Tab goes to the next only then.
    walk_with("form follow-up", &on_follow_up, &|spec, app| {
        if spec == "Tab" {
            step(app, ch('w'));
        }
    });
    // A 复查 whose items the checklist no longer has: nothing listed, Esc leaves.
    walk("form empty", &|| {
        let mut app = super::snapshots::loaded(Lang::Zh);
        let mut data = super::follow_up::follow_up_data();
        for case in &mut data.follow_up {
            case.rectification.item_id = "gone".into();
        }
        step(&mut app, Action::FormOpened(Box::new(data)));
        assert!(form(&app).current().is_none());
        app
    });
    walk("form value", &on_value);
    // A path typed, for Enter to attach.
    walk("form photo path", &|| {
        let mut app = super::snapshots::loaded(Lang::Zh);
        open(&mut app, "food-sample", &[]);
        step(&mut app, ch('p'));
        type_text(&mut app, "留样.jpg");
        app
    });
    walk("form choice", &on_choice);
    walk("form photos", &on_photos);
    walk("form guidance", &|| {
        let mut app = super::snapshots::loaded(Lang::Zh);
        open(&mut app, "food-sample", &[]);
        step(&mut app, ch('g'));
        app
    });
    walk("review text", &|| on_review_field(Field::Signatory));
    walk("review second", &|| on_review_field(Field::SecondName));
    walk("review confirm", &|| {
        let mut app = super::review_2022::on_review(
            InspectionKind::Flight,
            crate::domain::checklist::RecordForm::Form2016,
            OutcomeRule::KeyGeneral70,
            false,
        );
        assert_eq!(super::review_2022::finalize(&mut app), None);
        app
    });
}
