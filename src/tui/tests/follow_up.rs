//! Issue 13: a 复查 walked through `App::update` and the shell on a real store, from an order
//! that is not yet overdue: 首页 offers it, the form lists only the items under rectification
//! with their original findings, a pass closes its rectification, and a fail keeps the same one
//! open, marked 复查不合格, with 依法调查处理 proposed.

use chrono::Local;
use ratatui::crossterm::event::KeyCode;

use super::shell::{run, started};
use super::*;
use crate::domain::outcome::{Handling, Verdict};
use crate::store::CaseFilter;
use crate::tui::app::{AnswerDraft, Screen};
use crate::tui::effects::Shell;
use crate::tui::screens::home::{HomeRow, rows};

fn colleague() -> Inspector {
    Inspector {
        name: "李四".into(),
        badge: "21080002".into(),
    }
}

fn finalize(shell: &mut Shell, id: &str, conclusion: Conclusion) {
    let conclusion = Conclusion {
        operator_signatory: "王五".into(),
        ..conclusion
    };
    crate::store::test_cover::cover_the_rest(&shell.store, id);
    let actions = shell.perform(Effect::Finalize {
        inspection_id: id.to_string(),
        inspectors: vec![profile().inspector(), colleague()],
        conclusion,
    });
    assert!(
        matches!(&actions[..], [Action::Finalized(_)]),
        "{actions:?}"
    );
}

/// A food-sample inspection of the school that fails 2.1 and 2.4 under a written order due in
/// ten days (not overdue); the canteen's id.
fn ordered(shell: &mut Shell) -> String {
    let school = establishment("鲅鱼圈区星帆小学");
    let id = shell
        .store
        .add_establishment(&school.facts, "TEST01")
        .unwrap()
        .id;
    let actions = shell.perform(Effect::StartInspection {
        establishment_id: id.clone(),
        checklist_id: "food-sample".into(),
        kind: InspectionKind::Routine,
    });
    let Some(Action::FormOpened(form)) = actions.first() else {
        panic!("{actions:?}");
    };
    let draft = form.inspection.id.clone();
    for (item, verdict, note) in [
        ("2.1", Verdict::Fail, "留样冰箱内混放饮料"),
        ("2.4", Verdict::Fail, "留样用保鲜袋包裹"),
        ("2.5", Verdict::Pass, ""),
    ] {
        shell.perform(Effect::SaveAnswer {
            inspection_id: draft.clone(),
            answer: AnswerDraft {
                item_id: item.into(),
                verdict,
                value: None,
                choice: None,
                note: note.into(),
            },
            current_item: None,
        });
    }
    let deadline = Local::now().date_naive() + chrono::Days::new(10);
    finalize(
        shell,
        &draft,
        Conclusion {
            handling: Some(Handling::RectifyByDeadline),
            deadline: Some(deadline),
            ..Default::default()
        },
    );
    id
}

fn screen_text(app: &App) -> String {
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(160, 48)).unwrap();
    terminal.draw(|f| crate::tui::view::draw(app, f)).unwrap();
    let buffer = terminal.backend().buffer();
    buffer
        .content()
        .chunks(usize::from(buffer.area.width))
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
        // A wide character's second cell is blank: the text reads without the blanks.
        .replace(' ', "")
}

#[test]
fn a_follow_up_from_an_order_not_yet_due_closes_a_pass_and_keeps_a_fail() {
    let dir = tempfile::tempdir().unwrap();
    let mut shell = Shell::open(dir.path(), Lang::Zh, "TEST01".into()).unwrap();
    let canteen = ordered(&mut shell);
    let mut app = started(&mut shell);

    // 首页 offers the order before its deadline, and Enter proposes a 复查 on its checklist.
    let at = rows(&app.context())
        .iter()
        .position(|r| matches!(r, HomeRow::Overdue(_)))
        .expect("the order is listed on 首页");
    assert!(!app.home.overdue[0].overdue, "due soon, not overdue");
    for _ in 0..at {
        run(&mut app, &mut shell, press(KeyCode::Down));
    }
    run(&mut app, &mut shell, press(KeyCode::Enter));
    let Screen::Roster(r) = &app.screen else {
        panic!("not on the roster: {:?}", app.message);
    };
    let chooser = r.chooser.as_ref().unwrap();
    assert_eq!(chooser.kind, InspectionKind::FollowUp);
    assert_eq!(chooser.checklist_ids[chooser.selected], "food-sample");
    run(&mut app, &mut shell, press(KeyCode::Enter));

    // Only the two items under rectification, each with its original finding.
    let Screen::Form(f) = &app.screen else {
        panic!("not on the form: {:?}", app.message);
    };
    assert_eq!(f.inspection.kind, InspectionKind::FollowUp);
    let listed: Vec<&str> = f.listed().map(|i| i.id.as_str()).collect();
    assert_eq!(listed, ["2.1", "2.4"]);
    assert_eq!(f.progress().1, 2);
    let screen = screen_text(&app);
    assert!(screen.contains("原检查"), "{screen}");
    assert!(screen.contains("留样冰箱内混放饮料"), "{screen}");
    // `w` widens to the whole checklist and back.
    run(&mut app, &mut shell, ch('w'));
    let Screen::Form(f) = &app.screen else {
        panic!("not on the form");
    };
    assert!(f.listed().count() > 2);
    run(&mut app, &mut shell, ch('w'));

    // 2.1 passes; 2.4 fails again.
    run(&mut app, &mut shell, ch('1'));
    run(&mut app, &mut shell, ch('2'));
    for c in "仍用保鲜袋".chars() {
        run(&mut app, &mut shell, ch(c));
    }
    run(&mut app, &mut shell, press(KeyCode::Enter));
    run(&mut app, &mut shell, ch('F'));
    let Screen::Review(r) = &app.screen else {
        panic!("not on the review: {:?}", app.message);
    };
    assert_eq!(r.handling, Handling::Investigate, "依法调查处理 proposed");
    assert_eq!(
        r.tally.unanswered, 0,
        "the items it does not list are not asked for"
    );
    let message = app
        .message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default();
    assert!(
        message.contains("复查不合格") && message.contains("2.4"),
        "{message}"
    );
    let follow_up = r.form.inspection.id.clone();
    finalize(
        &mut shell,
        &follow_up,
        Conclusion {
            handling: Some(Handling::Investigate),
            ..Default::default()
        },
    );

    // One rectification per item: 2.1 closed by the 复查, 2.4 the same one, still open, marked.
    let all = shell
        .store
        .rectification_cases(CaseFilter::Period {
            from: chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap(),
            to: chrono::NaiveDate::from_ymd_opt(2100, 1, 1).unwrap(),
        })
        .unwrap();
    assert_eq!(all.len(), 2, "{all:?}");
    let item = |id: &str| all.iter().find(|c| c.rectification.item_id == id).unwrap();
    assert_eq!(
        item("2.1").closed_by().map(|v| v.inspection_id.as_str()),
        Some(follow_up.as_str())
    );
    let kept = item("2.4");
    assert!(kept.rectification.open);
    assert_eq!(kept.follow_ups.len(), 1);
    assert!(kept.marks(Local::now().date_naive()).failed_again);
    assert!(kept.escalation().is_some());
    // The 复查's record form names the record and the order it follows up.
    let order_serial = kept.order.serial.clone().unwrap();
    let record = shell.store.inspection_record(&follow_up).unwrap();
    assert_eq!(record.follows_up, std::slice::from_ref(&order_serial));
    let html = crate::report::render_records(
        &[crate::report::RecordInput {
            record: &record,
            photos: &[],
            superseded_by: Vec::new(),
        }],
        Lang::Zh,
    )
    .unwrap();
    assert!(
        html.contains(&format!(
            "复查的是：检查记录 {order_serial}（责令改正通知书 责改〔{order_serial}〕号）"
        )),
        "{html}"
    );
    let open = shell
        .store
        .rectification_cases(CaseFilter::Open(Some(&canteen)))
        .unwrap();
    assert_eq!(open.len(), 1);
    // 首页 lists the one left, marked 复查不合格.
    for action in shell.perform(Effect::LoadHome) {
        app.update(action);
    }
    let shown: Vec<_> = app
        .home
        .overdue
        .iter()
        .map(|o| (o.item_id.as_str(), o.failed_again))
        .collect();
    assert_eq!(shown, [("2.4", true)]);
}

/// `O` on an opened record under a written order writes its 责令改正通知书 through 报表.
#[test]
fn the_order_is_printed_from_the_opened_record() {
    let dir = tempfile::tempdir().unwrap();
    let mut shell = Shell::open(dir.path(), Lang::Zh, "TEST01".into()).unwrap();
    ordered(&mut shell);
    let mut app = started(&mut shell);
    let order = shell
        .store
        .rectification_cases(CaseFilter::Open(None))
        .unwrap()[0]
        .rectification
        .inspection_id
        .clone();
    for action in shell.perform(Effect::LoadRecord(order)) {
        app.update(action);
    }
    assert!(matches!(app.screen, Screen::Record(_)));
    run(&mut app, &mut shell, ch('O'));
    let Screen::Report(r) = &app.screen else {
        panic!("not on 报表: {:?}", app.message);
    };
    assert_eq!(r.kind, crate::tui::msg::ReportKind::Order);
    let folder = dir.path().join("out");
    for c in folder.display().to_string().chars() {
        run(&mut app, &mut shell, ch(c));
    }
    run(&mut app, &mut shell, press(KeyCode::Enter));
    let Screen::Report(r) = &app.screen else {
        panic!("not on 报表");
    };
    let written = r
        .written
        .clone()
        .unwrap_or_else(|| panic!("{:?}", app.message));
    assert!(written.contains("shian-order-"), "{written}");
    let html = std::fs::read_to_string(&written).unwrap();
    assert!(html.contains("责令改正通知书") && html.contains("留样用保鲜袋包裹"));
}

/// The 复查 form as the inspector sees it, at 80×24 and 160×48: the items under rectification
/// only, and the original finding (with its photo, the deadline in force, 复查不合格 and the
/// earlier 复查) beside the one selected.
#[test]
fn the_follow_up_form_shows_the_original_finding() {
    let data = follow_up_data();
    let mut app = app(Lang::Zh);
    step(&mut app, Action::FormOpened(Box::new(data)));
    let Screen::Form(f) = &app.screen else {
        panic!("not on the form");
    };
    assert_eq!(f.listed().count(), 2);
    super::snapshots::draw(&app, "follow_up_form");
}

/// A 复查 of food-sample on an order of 07 with 2.1 and 2.4 under rectification, 2.1 followed
/// up once already.
pub(super) fn follow_up_data() -> crate::tui::app::FormData {
    use crate::domain::inspection::Rectification;
    use crate::domain::rectification::{Case, Visit};
    let mut data = form_data("food-sample", &[]);
    data.inspection.kind = InspectionKind::FollowUp;
    let visit = |id: &str, day: u32, note: &str, handling| Visit {
        inspection_id: id.into(),
        serial: Some(format!("3FA9C2-2026-00{id}")),
        date: chrono::NaiveDate::from_ymd_opt(2026, 11, day).unwrap(),
        verdict: Verdict::Fail,
        value: None,
        choice: None,
        note: note.into(),
        photos: if id == "07" {
            vec!["留样冰箱.jpg".into()]
        } else {
            Vec::new()
        },
        handling: Some(handling),
        deadline: chrono::NaiveDate::from_ymd_opt(2026, 12, 20),
    };
    data.follow_up = ["2.1", "2.4"]
        .into_iter()
        .map(|item| Case {
            rectification: Rectification {
                id: format!("r{item}"),
                establishment_id: data.establishment.id.clone(),
                inspection_id: "07".into(),
                item_id: item.into(),
                deadline: chrono::NaiveDate::from_ymd_opt(2026, 11, 25),
                open: true,
                follow_up_id: None,
                closed_at: None,
            },
            establishment: data.establishment.facts.name.clone(),
            checklist_id: "food-sample".into(),
            order: visit("07", 10, "留样冰箱内混放饮料", Handling::RectifyByDeadline),
            follow_ups: if item == "2.1" {
                vec![visit("12", 26, "仍有饮料", Handling::RectifyByDeadline)]
            } else {
                Vec::new()
            },
            decided: false,
        })
        .collect();
    data
}

/// The roster detail names an open order's items by their number and words, as the form does,
/// not by their ids, and counts them on the last-inspected line, which a 100×30 terminal shows
/// (issue 15, item 9).
#[test]
fn the_roster_detail_names_open_items_and_counts_them_at_100_columns() {
    let dir = tempfile::tempdir().unwrap();
    let mut shell = Shell::open(dir.path(), Lang::Zh, "TEST01".into()).unwrap();
    let canteen = ordered(&mut shell);
    let actions = shell.perform(Effect::LoadHistory(canteen.clone()));
    let [Action::HistoryLoaded(history)] = &actions[..] else {
        panic!("{actions:?}");
    };
    let checklist = shell.catalog.get("food-sample").unwrap();
    let item = |id: &str| checklist.items().find(|i| i.id == id).unwrap().clone();
    let labels: Vec<&str> = history.open.iter().map(|(l, _)| l.as_str()).collect();
    let (a, b) = (item("2.1"), item("2.4"));
    assert_eq!(
        labels,
        vec![
            format!("{} {}", a.number, a.text).as_str(),
            format!("{} {}", b.number, b.text).as_str()
        ]
    );
    let mut app = started(&mut shell);
    run(&mut app, &mut shell, ch('/'));
    for c in "星帆".chars() {
        run(&mut app, &mut shell, ch(c));
    }
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
    let frame = terminal.draw(|f| crate::tui::view::draw(&app, f)).unwrap();
    let text = super::snapshots::screen_text(frame.buffer, "roster at 100x30");
    assert!(text.contains("未完成整改 2 项"), "{text}");
}
