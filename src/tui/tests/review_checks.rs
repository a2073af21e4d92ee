//! `App::update` on 结果与定稿: the domain's final-record rules said in words a user can act on
//! (issue 15, items 5, 7, 8 and 3).

use ratatui::crossterm::event::KeyCode;

use super::update::{current, form};
use super::*;
use crate::domain::outcome::Verdict;
use crate::tui::app::Screen;
use crate::tui::screens::form::EditKind;
use crate::tui::screens::form::review::Field;

fn saved(item: &str, verdict: Verdict, note: &str) -> Action {
    Action::AnswerSaved(Answer {
        item_id: item.into(),
        verdict,
        value: None,
        choice: None,
        note: note.into(),
        answered_at: noon(),
    })
}

/// A school-canteen draft on the review, with the second inspector typed.
fn on_review(answers: &[Action]) -> App {
    let mut app = app(Lang::Zh);
    step(
        &mut app,
        Action::FormOpened(Box::new(form_data("school-canteen", &[]))),
    );
    for a in answers {
        step(&mut app, a.clone());
    }
    step(&mut app, ch('F'));
    focus_on(&mut app, Field::SecondName);
    type_text(&mut app, "李四");
    step(&mut app, press(KeyCode::Tab));
    type_text(&mut app, "21080002");
    app
}

#[test]
fn missing_notes_and_photos_are_named_and_p_goes_to_the_first() {
    let mut app = on_review(&[
        saved("4.2", Verdict::Fail, ""),
        saved("6.2", Verdict::Fail, "过期面粉 2 袋"),
    ]);
    focus_on(&mut app, Field::Finalize);
    step(&mut app, press(KeyCode::Enter));
    let message = app.message.clone().expect("a refusal");
    assert!(message.error);
    // 4.2 lacks a note and a photo, 6.2 a photo: both named.
    assert!(
        message.text.contains("4.2") && message.text.contains("6.2"),
        "{message:?}"
    );
    // `p` goes to the first, with its note open.
    step(&mut app, ch('p'));
    assert!(matches!(app.screen, Screen::Form(_)));
    assert_eq!(current(&app), "4.2");
    assert!(matches!(
        form(&app).edit.as_ref().map(|e| e.kind),
        Some(EditKind::Note(Verdict::Fail))
    ));
}

/// On review with 书面限期整改 chosen (food-sample 1.2 failed with a note), the deadline focused.
fn on_deadline() -> App {
    let mut app = on_review(&[saved("7.1", Verdict::Fail, "消毒记录不全")]);
    focus_on(&mut app, Field::Handling);
    while review(&app).handling != crate::domain::outcome::Handling::RectifyByDeadline {
        step(&mut app, press(KeyCode::Left));
    }
    focus_on(&mut app, Field::Deadline);
    while !review(&app).deadline.is_empty() {
        step(&mut app, press(KeyCode::Backspace));
    }
    app
}

fn finalize_message(app: &mut App) -> String {
    focus_on(app, Field::Finalize);
    step(app, press(KeyCode::Enter));
    assert!(!review(app).confirming);
    app.message.clone().expect("a refusal").text
}

#[test]
fn a_deadline_out_of_range_is_refused_with_the_bound() {
    // The inspection began 2026-11-29: a written order may run to 2027-11-30 (366 days).
    let mut app = on_deadline();
    type_text(&mut app, "2099-12-31");
    let text = finalize_message(&mut app);
    assert!(text.contains("2027-11-30"), "{text}");
    // Before the inspection: the same rule, the same words, not a different screen rule.
    let mut app = on_deadline();
    type_text(&mut app, "2026-11-01");
    let text = finalize_message(&mut app);
    assert!(
        text.contains("2026-11-29") && text.contains("2027-11-30"),
        "{text}"
    );
    // Not a date at all: the form of a date and the range.
    let mut app = on_deadline();
    type_text(&mut app, "下周五");
    let text = finalize_message(&mut app);
    assert!(
        text.contains("YYYY-MM-DD") && text.contains("2027-11-30"),
        "{text}"
    );
}

#[test]
fn the_inspector_cannot_be_their_own_second_inspector() {
    let mut app = on_review(&[saved("7.1", Verdict::Pass, "")]);
    focus_on(&mut app, Field::SecondBadge);
    while !review(&app).second_badge.is_empty() {
        step(&mut app, press(KeyCode::Backspace));
    }
    type_text(&mut app, &profile().badge);
    let text = finalize_message(&mut app);
    assert!(text.contains("执法证号相同"), "{text}");
}

#[test]
fn the_review_fields_keep_their_places_whatever_the_handling() {
    use crate::domain::outcome::Handling;
    let order = |handling: Handling| {
        let mut app = on_review(&[saved("7.1", Verdict::Fail, "消毒记录不全")]);
        focus_on(&mut app, Field::Handling);
        while review(&app).handling != handling {
            step(&mut app, press(KeyCode::Left));
        }
        let mut seen = vec![review(&app).focus];
        for _ in 0..9 {
            step(&mut app, press(KeyCode::Tab));
            seen.push(review(&app).focus);
        }
        (app, seen)
    };
    let (_, written_order) = order(Handling::RectifyByDeadline);
    let (mut app, on_the_spot) = order(Handling::Pass);
    // The same Tab count reaches the same field: typed text cannot land in the wrong one.
    assert_eq!(written_order, on_the_spot);
    assert_eq!(on_the_spot[1], Field::Deadline);
    // Without a deadline the field is there but takes nothing.
    focus_on(&mut app, Field::Deadline);
    let before = review(&app).deadline.text().to_string();
    type_text(&mut app, "2026");
    assert_eq!(review(&app).deadline.text(), before);
    assert!(app.message.is_some());
}
