//! `App::update` on the review's steps added with the 2022 tables (issue 18): the items a
//! routine inspection has left named as blocking, a result set against the computed one with
//! its reason, and the 告知页 first on a 2022-form checklist.

use ratatui::crossterm::event::KeyCode;

use super::update::current;
use super::*;
use crate::domain::checklist::{OutcomeRule, RecordForm};
use crate::domain::outcome::Outcome;
use crate::domain::sign_off::{Notice, OutcomeOverride};
use crate::tui::app::Screen;
use crate::tui::screens::form::review::Field;

/// The food-sample checklist opened as `kind`, printed on `form`, decided by `rule`; 1.1
/// passed and 1.2 failed with a note, the rest left; the second inspector typed on the review
/// after `cover` answered the rest 合理缺项 or not.
pub(super) fn on_review(
    kind: InspectionKind,
    form: RecordForm,
    rule: OutcomeRule,
    cover: bool,
) -> App {
    let mut app = app(Lang::Zh);
    let mut data = form_data("food-sample", &[]);
    data.inspection.kind = kind;
    data.checklist.form = form;
    data.checklist.outcome = rule;
    step(&mut app, Action::FormOpened(Box::new(data)));
    step(&mut app, ch('1'));
    step(&mut app, ch('2'));
    type_text(&mut app, "留样量不足");
    step(&mut app, press(KeyCode::Enter));
    if cover {
        cover_the_rest(&mut app);
    }
    step(&mut app, ch('F'));
    focus_on(&mut app, Field::SecondName);
    type_text(&mut app, "李四");
    step(&mut app, press(KeyCode::Tab));
    type_text(&mut app, "21080002");
    app
}

/// 确认定稿 pressed: the refusal's text, or `None` when it asks to confirm.
pub(super) fn finalize(app: &mut App) -> Option<String> {
    focus_on(app, Field::Finalize);
    step(app, press(KeyCode::Enter));
    if review(app).confirming {
        return None;
    }
    Some(app.message.clone().expect("a refusal").text)
}

/// The conclusion 确认定稿 then `y` ask the store to keep.
fn confirmed(app: &mut App) -> crate::domain::inspection::Conclusion {
    assert_eq!(finalize(app), None);
    match step(app, ch('y')).as_slice() {
        [Effect::Finalize { conclusion, .. }] => conclusion.clone(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_routine_inspection_names_the_items_left_and_p_goes_to_the_first() {
    let plain = (RecordForm::Form2016, OutcomeRule::KeyGeneral70);
    let mut app = on_review(InspectionKind::Routine, plain.0, plain.1, false);
    let message = finalize(&mut app).expect("refused");
    assert!(
        message.contains("须检查全部项目，未检查：2.1、2.2、2.3、2.4、2.5、3.1、3.2"),
        "{message}"
    );
    // The text item 3.3 is not scored, and so not named.
    assert!(!message.contains("3.3"), "{message}");
    step(&mut app, ch('p'));
    assert!(matches!(app.screen, Screen::Form(_)));
    assert_eq!(current(&app), "2.1");
    // Answered, the review lets it be final.
    cover_the_rest(&mut app);
    step(&mut app, ch('F'));
    assert_eq!(finalize(&mut app), None);

    // A 飞行检查 (and a 复查) may look at part of the checklist.
    let mut app = on_review(InspectionKind::Flight, plain.0, plain.1, false);
    assert_eq!(finalize(&mut app), None);
}

/// A correction of a record made before the coverage rule (no rules version) keeps its
/// original's rules, as the store does: the items nobody looked at then are not asked for.
#[test]
fn a_correction_of_an_older_record_is_not_asked_for_items_left_then() {
    let mut app = app(Lang::Zh);
    let mut data = form_data("food-sample", &[]);
    data.inspection.supersedes = Some("0193a5c0-final".into());
    data.inspection.revision = 2;
    data.inspection.revision_reason = Some("误录".into());
    step(&mut app, Action::FormOpened(Box::new(data)));
    step(&mut app, ch('1'));
    step(&mut app, ch('F'));
    focus_on(&mut app, Field::SecondName);
    type_text(&mut app, "李四");
    step(&mut app, press(KeyCode::Tab));
    type_text(&mut app, "21080002");
    assert_eq!(confirmed(&mut app).rules, 0);
}

#[test]
fn a_result_other_than_the_computed_one_is_final_only_with_a_reason() {
    let mut app = on_review(
        InspectionKind::Routine,
        RecordForm::Form2016,
        OutcomeRule::KeyGeneral70,
        true,
    );
    // 1.1 passed, 1.2 failed, the rest 合理缺项: the counts give 不符合.
    assert_eq!(review(&app).outcome, Some(Outcome::NonCompliant));
    focus_on(&mut app, Field::Outcome);
    step(&mut app, press(KeyCode::Left));
    assert_eq!(review(&app).result(), Some(Outcome::BasicallyCompliant));
    draw_review(&app, "review_result_set");
    let message = finalize(&mut app).expect("refused");
    assert!(message.contains("需写明理由"), "{message}");
    // Back on the computed result, nothing is set and no reason is asked.
    focus_on(&mut app, Field::Outcome);
    step(&mut app, press(KeyCode::Right));
    assert_eq!(review(&app).chosen, None);
    assert_eq!(confirmed(&mut app).outcome_override, None);

    let mut app = on_review(
        InspectionKind::Routine,
        RecordForm::Form2016,
        OutcomeRule::KeyGeneral70,
        true,
    );
    focus_on(&mut app, Field::Outcome);
    step(&mut app, press(KeyCode::Left));
    step(&mut app, press(KeyCode::Tab));
    type_text(&mut app, "留样量仅差少许，已当场补留");
    assert_eq!(
        confirmed(&mut app).outcome_override,
        Some(OutcomeOverride {
            computed: Outcome::NonCompliant,
            chosen: Outcome::BasicallyCompliant,
            reason: "留样量仅差少许，已当场补留".into(),
        })
    );
}

#[test]
fn a_2022_form_begins_the_review_with_the_notice_and_judgement_shows_a_proposal() {
    let mut app = on_review(
        InspectionKind::Routine,
        RecordForm::Form2022,
        OutcomeRule::Judgement,
        true,
    );
    assert_eq!(review(&app).fields()[0], Field::Credentials);
    let message = finalize(&mut app).expect("refused");
    assert!(
        message.contains("告知页：需出示执法证件或检查任务书"),
        "{message}"
    );
    focus_on(&mut app, Field::Credentials);
    step(&mut app, ch(' '));
    focus_on(&mut app, Field::Recusal);
    step(&mut app, ch(' '));
    let message = finalize(&mut app).expect("refused");
    assert!(message.contains("需写明处理情况"), "{message}");
    focus_on(&mut app, Field::RecusalAction);
    type_text(&mut app, "更换检查人员");
    focus_on(&mut app, Field::Credentials);
    draw_review(&app, "review_notice_2022");
    assert_eq!(
        confirmed(&mut app).notice,
        Some(Notice {
            credentials_shown: true,
            task_letter_shown: false,
            recusal_requested: true,
            recusal_action: "更换检查人员".into(),
        })
    );
}

/// The review as drawn at 80x24 and 160x48.
fn draw_review(app: &App, name: &str) {
    super::snapshots::draw(app, name);
}
