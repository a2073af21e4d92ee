//! `App::update` in the checklist form: one key per item, notes, values, choices, resume.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::update::{current, form, open};
use super::*;
use crate::domain::outcome::Verdict;

#[test]
fn one_key_per_item_is_saved_before_it_shows() {
    let mut app = app(Lang::Zh);
    open(&mut app, "food-sample", &[]);
    assert_eq!(current(&app), "1.1");
    let effects = app.update(ch('1'));
    // The answer and the item the form moved on to, in one effect: one commit.
    assert!(
        matches!(&effects[..], [Effect::SaveAnswer { answer, current_item: Some(next), .. }]
            if answer.verdict == Verdict::Pass && answer.item_id == "1.1" && next == "1.2")
    );
    // Not shown as answered until the store has it.
    assert_eq!(form(&app).progress().0, 0);
    step(
        &mut app,
        Action::AnswerSaved(Answer {
            item_id: "1.1".into(),
            verdict: Verdict::Pass,
            value: None,
            choice: None,
            note: String::new(),
            answered_at: noon(),
        }),
    );
    assert_eq!(form(&app).progress().0, 1);
}

#[test]
fn non_compliant_asks_for_a_note_then_moves_on() {
    let mut app = app(Lang::Zh);
    open(&mut app, "food-sample", &[]);
    step(&mut app, ch('2'));
    assert!(form(&app).edit.is_some());
    assert_eq!(current(&app), "1.1");
    // While typing, digits and letters are text.
    type_text(&mut app, "缺午餐2个品种");
    let effects = step(&mut app, press(KeyCode::Enter));
    assert!(matches!(&effects[0], Effect::SaveAnswer { answer, .. }
        if answer.verdict == Verdict::Fail && answer.note == "缺午餐2个品种"));
    assert_eq!(current(&app), "1.2");
    assert_eq!(form(&app).answers["1.1"].note, "缺午餐2个品种");
}

#[test]
fn a_measurement_proposes_the_verdict() {
    let mut app = app(Lang::Zh);
    open(&mut app, "food-sample", &[]);
    step(&mut app, ch('j'));
    step(&mut app, ch('v'));
    type_text(&mut app, "130");
    step(&mut app, press(KeyCode::Enter));
    assert_eq!(form(&app).answers["1.2"].verdict, Verdict::Pass);
    assert_eq!(form(&app).answers["1.2"].value, Some(130.0));
    assert_eq!(current(&app), "2.1");
    // 2.2 is the fridge: 10 °C is outside 0-8 °C and asks for a note.
    step(&mut app, ch('j'));
    step(&mut app, ch('v'));
    type_text(&mut app, "10");
    step(&mut app, press(KeyCode::Enter));
    assert_eq!(form(&app).answers["2.2"].verdict, Verdict::Fail);
    assert!(form(&app).edit.is_some());
    step(&mut app, press(KeyCode::Esc));
    // A check item takes no value.
    step(&mut app, ch('k'));
    step(&mut app, ch('v'));
    assert!(form(&app).edit.is_none());
    assert!(app.message.is_some());
}

#[test]
fn recheck_items_come_first_and_a_draft_resumes_where_it_was() {
    let mut app = app(Lang::Zh);
    open(&mut app, "food-sample", &["2.1"]);
    assert_eq!(current(&app), "2.1");
    assert_eq!(form(&app).order[1].0, 0);
    let mut data = form_data("food-sample", &[]);
    data.inspection.current_item = Some("2.3".into());
    step(&mut app, Action::FormOpened(Box::new(data)));
    assert_eq!(current(&app), "2.3");
}

#[test]
fn the_form_position_is_written_once_per_move() {
    let mut app = app(Lang::Zh);
    open(&mut app, "food-sample", &[]);
    let moved_to = |effects: &[Effect]| -> Vec<String> {
        effects
            .iter()
            .filter_map(|e| match e {
                Effect::SetCurrentItem { item_id, .. } => Some(item_id.clone()),
                _ => None,
            })
            .collect()
    };
    assert_eq!(moved_to(&app.update(press(KeyCode::Down))), ["1.2"]);
    // Opening the guidance, or a note on the same item, does not move the form.
    assert!(moved_to(&app.update(ch('g'))).is_empty());
    assert!(moved_to(&app.update(press(KeyCode::Esc))).is_empty());
    assert_eq!(current(&app), "1.2");
    assert_eq!(moved_to(&app.update(press(KeyCode::Up))), ["1.1"]);
}

#[test]
fn tab_goes_to_the_next_section_and_u_to_the_next_unanswered() {
    let mut app = app(Lang::Zh);
    open(&mut app, "food-sample", &[]);
    step(&mut app, press(KeyCode::Tab));
    assert_eq!(current(&app), "2.1");
    step(&mut app, ch('1'));
    step(&mut app, ch('x'));
    step(&mut app, press(KeyCode::Home));
    step(&mut app, ch('u'));
    assert_eq!(current(&app), "1.2");
    step(&mut app, ch('u'));
    assert_eq!(current(&app), "2.3");
    step(&mut app, ch('0'));
    step(&mut app, press(KeyCode::Up));
    step(&mut app, ch('0'));
    assert!(!form(&app).answers.contains_key("2.2"));
}

#[test]
fn ctrl_c_quits_and_keeps_the_note_being_typed() {
    let mut app = app(Lang::Zh);
    open(&mut app, "food-sample", &[]);
    step(&mut app, ch('e'));
    type_text(&mut app, "半句");
    let effects = step(
        &mut app,
        Action::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)),
    );
    assert!(app.quit);
    assert!(matches!(&effects[0], Effect::SaveAnswer { answer, .. } if answer.note == "半句"));
}

#[test]
fn a_choice_item_takes_its_verdict_from_the_option() {
    let mut app = app(Lang::Zh);
    open(&mut app, "bright-kitchen", &[]);
    assert_eq!(current(&app), "1.1");
    step(&mut app, ch('v'));
    step(&mut app, press(KeyCode::Down));
    step(&mut app, press(KeyCode::Enter));
    let a = &form(&app).answers["1.1"];
    assert_eq!(
        (a.verdict, a.choice.as_deref()),
        (Verdict::Pass, Some("视频厨房"))
    );
    assert_eq!(current(&app), "1.2");
    step(&mut app, ch('k'));
    step(&mut app, ch('v'));
    step(&mut app, ch('4'));
    let a = &form(&app).answers["1.1"];
    assert_eq!(
        (a.verdict, a.choice.as_deref()),
        (Verdict::Fail, Some("未实施"))
    );
    assert!(matches!(
        form(&app).edit.as_ref().map(|e| e.kind),
        Some(crate::tui::screens::form::EditKind::Note(Verdict::Fail))
    ));
}

/// An item of an included checklist keeps its whole number in the list at 100 columns
/// (`进货查验 2.3`, not `进货...`), so two of them never look alike (issue 15, item 9).
#[test]
fn long_item_numbers_are_shown_whole_at_100_columns() {
    let mut app = app(Lang::Zh);
    let checklist = crate::checklists::Catalog::shipped()
        .checklists
        .into_iter()
        .find(|c| c.items().any(|i| i.number.contains(' ')))
        .expect("a shipped checklist that includes another");
    let long: Vec<String> = checklist
        .items()
        .filter(|i| i.number.contains(' '))
        .map(|i| i.number.clone())
        .collect();
    open(&mut app, &checklist.id, &[]);
    // To the second included item: the list keeps the rows above it in view.
    while !current(&app).contains('/') {
        step(&mut app, press(KeyCode::Down));
    }
    step(&mut app, press(KeyCode::Down));
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
    let frame = terminal.draw(|f| crate::tui::view::draw(&app, f)).unwrap();
    let text = super::snapshots::screen_text(frame.buffer, "form at 100x30");
    assert!(
        text.contains(&format!(" {} ", long[0])),
        "{}\n{text}",
        long[0]
    );
    assert!(
        text.contains(&format!(" {} ", long[1])),
        "{}\n{text}",
        long[1]
    );
}
