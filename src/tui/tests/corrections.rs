//! Corrections (更正) as the inspector meets them (issue 15, item 11): `c` on 检查记录 as on the
//! opened record, an empty reason refused with a word, and a correction draft that keeps its
//! original's 本年度第 N 次 from the draft to the final record.

use ratatui::crossterm::event::KeyCode;

use super::shell::{finalize, keys, run, started};
use super::*;
use crate::domain::outcome::Verdict;
use crate::store::{InspectionRecord, NewInspection};
use crate::tui::app::Screen;
use crate::tui::effects::Shell;

/// The final record `f1` of the fixtures' records list, as the store gives it.
pub(super) fn final_record(superseded_by: &[&str]) -> InspectionRecord {
    let data = form_data("food-sample", &[]);
    let mut inspection = data.inspection;
    inspection.id = "f1".into();
    inspection.status = Status::Final;
    InspectionRecord {
        inspection,
        establishment: data.establishment,
        checklist: data.checklist,
        answers: Vec::new(),
        tally: Default::default(),
        superseded_by: superseded_by.iter().map(|s| s.to_string()).collect(),
        follows_up: Vec::new(),
    }
}

/// 检查记录 listing the fixtures' draft `d1` and final record `f1`, the final one selected.
pub(super) fn on_records() -> App {
    let mut app = super::snapshots::loaded(Lang::Zh);
    step(&mut app, ch('r'));
    let data = super::snapshots::home_data();
    let list: Vec<_> = data
        .drafts
        .iter()
        .chain(&data.unexported.inspections)
        .cloned()
        .collect();
    step(&mut app, records_page(list, 2));
    app
}

fn reason_asked(app: &App) -> bool {
    matches!(&app.screen, Screen::Record(r) if r.reason.is_some())
}

#[test]
fn c_on_the_records_list_corrects_the_selected_final_record() {
    let mut app = on_records();
    // On a draft, `c` says a draft is changed, not corrected, and asks nothing.
    assert!(step(&mut app, ch('c')).is_empty());
    let message = app.message.clone().expect("a word on the draft");
    assert!(message.text.contains("Enter"), "{message:?}");
    // On the final record it opens it, with the reason asked at once.
    step(&mut app, press(KeyCode::Down));
    assert_eq!(
        step(&mut app, ch('c')),
        vec![Effect::LoadRecord("f1".into())]
    );
    step(&mut app, Action::RecordLoaded(Box::new(final_record(&[]))));
    assert!(reason_asked(&app));
    // An empty reason is refused with a word.
    type_text(&mut app, "  ");
    assert!(step(&mut app, press(KeyCode::Enter)).is_empty());
    let message = app.message.clone().expect("why Enter did nothing");
    assert!(
        message.error && message.text.contains("更正原因"),
        "{message:?}"
    );
    assert!(reason_asked(&app));
    type_text(&mut app, "笔误");
    assert_eq!(
        step(&mut app, press(KeyCode::Enter)),
        vec![Effect::StartRevision {
            final_id: "f1".into(),
            reason: "笔误".into()
        }]
    );
    // Enter on the list opens the record to read, without asking a reason.
    let mut app = on_records();
    step(&mut app, press(KeyCode::Down));
    step(&mut app, press(KeyCode::Enter));
    step(&mut app, Action::RecordLoaded(Box::new(final_record(&[]))));
    assert!(matches!(app.screen, Screen::Record(_)) && !reason_asked(&app));
}

#[test]
fn a_record_already_corrected_says_to_correct_the_latest() {
    for from_list in [true, false] {
        let mut app = on_records();
        step(&mut app, press(KeyCode::Down));
        if from_list {
            step(&mut app, ch('c'));
        } else {
            step(&mut app, press(KeyCode::Enter));
        }
        step(
            &mut app,
            Action::RecordLoaded(Box::new(final_record(&["f1-r2"]))),
        );
        if !from_list {
            step(&mut app, ch('c'));
        }
        assert!(!reason_asked(&app));
        let message = app.message.clone().expect("why no correction starts");
        assert!(message.text.contains("最新一版"), "{message:?}");
    }
}

/// A correction of the year's first inspection says 本年度第 1 次 on its draft and stays so when
/// final, on a real store through the shell.
#[test]
fn a_correction_keeps_its_originals_year_sequence() {
    let dir = tempfile::tempdir().unwrap();
    let mut shell = Shell::open(dir.path(), Lang::Zh, "TEST01".into()).unwrap();
    shell.perform(Effect::LoadSampleRoster);
    let school = shell
        .store
        .establishments()
        .unwrap()
        .into_iter()
        .find(|e| e.facts.name == "鲅鱼圈区星帆小学")
        .unwrap();
    let checklist = shell.catalog.get("food-sample").unwrap().clone();
    let draft = shell
        .store
        .start_inspection(NewInspection {
            establishment_id: &school.id,
            checklist: &checklist,
            kind: InspectionKind::Routine,
            station: "TEST01",
            bureau: "",
            inspectors: vec![profile().inspector()],
            started_at: noon(),
            utc_offset_seconds: 8 * 3600,
        })
        .unwrap();
    for item in ["1.1", "1.2"] {
        let answer = Answer {
            item_id: item.into(),
            verdict: Verdict::Pass,
            value: (item == "1.2").then_some(125.0),
            choice: None,
            note: String::new(),
            answered_at: noon(),
        };
        shell.store.save_answer(&draft.id, &answer).unwrap();
    }
    finalize(&mut shell, &draft.id);
    assert_eq!(
        shell.store.inspection(&draft.id).unwrap().year_sequence,
        Some(1)
    );

    let mut app = started(&mut shell);
    run(&mut app, &mut shell, ch('r'));
    run(&mut app, &mut shell, ch('c'));
    keys(&mut app, &mut shell, "留样量录入有误");
    run(&mut app, &mut shell, press(KeyCode::Enter));
    let Screen::Form(f) = &app.screen else {
        panic!("not on the correction: {:?}", app.message);
    };
    assert_eq!(f.inspection.supersedes.as_deref(), Some(draft.id.as_str()));
    let revision = f.inspection.id.clone();
    let screen = screen_words(&app, 100, 30);
    assert!(screen.contains("本年度第1次检查"), "{screen}");
    finalize(&mut shell, &revision);
    assert_eq!(
        shell.store.inspection(&revision).unwrap().year_sequence,
        Some(1)
    );
}
