//! Every screen drawn at 80×24 and 160×48 with Chinese content, compared with the stored
//! snapshots. A snapshot with "Hidden by multi-width symbols" would mean cells overwritten
//! under a wide character: a layout bug.

use std::collections::HashMap;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;

use super::*;
use crate::domain::outcome::{Outcome, Verdict};
use crate::store::{InspectionPage, InspectionRecord, InspectionSummary, OverdueRectification};
use crate::tui::app::HomeData;

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 48)];

fn summary(
    id: &str,
    name: &str,
    status: Status,
    outcome: Option<Outcome>,
    serial: Option<&str>,
) -> InspectionSummary {
    let e = establishment(name);
    InspectionSummary {
        id: id.into(),
        serial: serial.map(str::to_string),
        establishment_id: e.id,
        establishment: name.into(),
        checklist_id: "school-canteen".into(),
        kind: InspectionKind::Routine,
        status,
        revision: 1,
        started_at: noon(),
        utc_offset_seconds: 8 * 3600,
        outcome,
    }
}

pub fn home_data() -> HomeData {
    let mut last = HashMap::new();
    last.insert(
        establishment("鲅鱼圈区星帆小学").id,
        today() - chrono::Days::new(200),
    );
    last.insert(
        establishment("胖鲸包子铺").id,
        today() - chrono::Days::new(20),
    );
    HomeData {
        drafts: vec![summary(
            "d1",
            "鲅鱼圈区青禾实验小学",
            Status::Draft,
            None,
            None,
        )],
        unexported: InspectionPage {
            inspections: vec![summary(
                "f1",
                "海之味快餐",
                Status::Final,
                Some(Outcome::BasicallyCompliant),
                Some("3FA9C2-2026-0007"),
            )],
            total: 1,
        },
        overdue: vec![OverdueRectification {
            establishment_id: establishment("渔火海鲜小馆").id,
            establishment: "渔火海鲜小馆".into(),
            inspection_id: "f0".into(),
            item_id: "9.3".into(),
            deadline: today() - chrono::Days::new(3),
            checklist_id: "catering-daily".into(),
            overdue: true,
            failed_again: false,
        }],
        last,
        tasks: Vec::new(),
        campaigns: Vec::new(),
        office: false,
    }
}

pub(super) fn draw(app: &App, name: &str) {
    for (w, h) in SIZES {
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        // The frame as drawn, before the diff to the terminal drops cells under wide characters.
        let frame = terminal.draw(|f| crate::tui::view::draw(app, f)).unwrap();
        let text = screen_text(frame.buffer, &format!("{name} {w}x{h}"));
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), text);
    }
}

/// The screen as a user reads it: a wide character covers the cell after it. TestBackend's own
/// view lists every covered cell as "Hidden by multi-width symbols" even when it is blank; here
/// a covered cell must be blank, and anything else (text drawn under a wide character) fails.
pub(super) fn screen_text(buf: &ratatui::buffer::Buffer, what: &str) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut covered = 0;
        for x in 0..buf.area.width {
            let symbol = buf[(x, y)].symbol();
            if covered > 0 {
                assert!(
                    symbol.trim().is_empty(),
                    "{what}: {symbol:?} at ({x}, {y}) is hidden by a wide character"
                );
                covered -= 1;
                continue;
            }
            line.push_str(symbol);
            covered = crate::tui::text::width(symbol).saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

pub(super) fn loaded(lang: Lang) -> App {
    let mut app = app(lang);
    step(&mut app, Action::RosterLoaded(roster()));
    step(&mut app, Action::HomeLoaded(home_data()));
    app
}

/// A school-canteen draft with a mix of answers, on a measurement item.
fn filled_form(lang: Lang) -> App {
    let mut app = loaded(lang);
    step(
        &mut app,
        Action::FormOpened(Box::new(form_data("school-canteen", &["1.1"]))),
    );
    step(&mut app, ch('2'));
    type_text(&mut app, "许可证已过期，正在办理延续");
    step(&mut app, press(KeyCode::Enter));
    step(&mut app, ch('1'));
    step(&mut app, ch('1'));
    step(&mut app, ch('3'));
    step(&mut app, ch('1'));
    app
}

#[test]
fn welcome() {
    let mut app = App::new(Lang::Zh, Theme { color: false }, today(), None, Vec::new());
    type_text(&mut app, "张三");
    draw(&app, "welcome");
}

#[test]
fn home() {
    draw(&loaded(Lang::Zh), "home");
}

#[test]
fn home_english() {
    draw(&loaded(Lang::En), "home_en");
}

#[test]
fn roster_search() {
    let mut app = loaded(Lang::Zh);
    step(&mut app, ch('/'));
    type_text(&mut app, "byqxx");
    let first = establishment("鲅鱼圈区青禾实验小学");
    let mut done = summary(
        "f2",
        "鲅鱼圈区青禾实验小学",
        Status::Final,
        Some(Outcome::BasicallyCompliant),
        Some("3FA9C2-2026-0003"),
    );
    done.started_at = noon() - chrono::Days::new(60);
    // Another laptop inspected it two days ago: the chooser says so (docs/tui.md).
    let mut theirs = summary(
        "f3",
        "鲅鱼圈区青禾实验小学",
        Status::Final,
        Some(Outcome::Compliant),
        Some("5B1E07-2026-0011"),
    );
    theirs.started_at = noon() - chrono::Days::new(2);
    step(
        &mut app,
        Action::HistoryLoaded(crate::tui::app::History {
            establishment_id: first.id,
            inspections: vec![
                summary("d1", "鲅鱼圈区青禾实验小学", Status::Draft, None, None),
                theirs,
                done,
            ],
            open: vec![(
                "7.4 餐用具清洗消毒后存放在专用保洁设施内".into(),
                Some(today() + chrono::Days::new(5)),
            )],
            follow_up_checklist: None,
            elsewhere: Some(crate::store::InspectedElsewhere {
                date: today() - chrono::Days::new(2),
                station: "5B1E07".into(),
                serial: Some("5B1E07-2026-0011".into()),
            }),
        }),
    );
    draw(&app, "roster_search");
    step(&mut app, press(KeyCode::Enter));
    draw(&app, "roster_chooser");
    step(&mut app, press(KeyCode::Esc));
    step(
        &mut app,
        Action::Key(ratatui::crossterm::event::KeyEvent::new(
            KeyCode::Char('e'),
            ratatui::crossterm::event::KeyModifiers::CONTROL,
        )),
    );
    draw(&app, "establishment_edit");
}

#[test]
fn form_with_answers_and_a_note_being_typed() {
    let mut app = filled_form(Lang::Zh);
    draw(&app, "form");
    step(&mut app, ch('e'));
    type_text(&mut app, "留样盒未标注餐次");
    draw(&app, "form_note");
    // The real cursor sits after the Chinese text, at its display width.
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| crate::tui::view::draw(&app, f)).unwrap();
    let pos = terminal.get_cursor_position().unwrap();
    let text = screen_text(terminal.backend().buffer(), "cursor");
    let line = text
        .lines()
        .nth(usize::from(pos.y))
        .unwrap_or_default()
        .to_string();
    assert!(line.contains("说明: 留样盒未标注餐次"), "{line}");
    // "│说明: " is 7 cells, the note 16 more.
    assert_eq!(pos.x, 7 + 16);
    step(&mut app, press(KeyCode::Esc));
    step(&mut app, ch('g'));
    draw(&app, "form_guidance");
    step(&mut app, ch('g'));
    step(&mut app, ch('?'));
    draw(&app, "form_help");
}

#[test]
fn help_in_english() {
    let mut app = filled_form(Lang::En);
    step(&mut app, ch('F'));
    step(&mut app, ch('?'));
    draw(&app, "review_help_en");
}

#[test]
fn form_in_english() {
    draw(&filled_form(Lang::En), "form_en");
}

#[test]
fn review() {
    let mut app = filled_form(Lang::Zh);
    step(&mut app, ch('F'));
    draw(&app, "review");
}

#[test]
fn records_and_a_record() {
    let mut app = loaded(Lang::Zh);
    step(&mut app, ch('r'));
    step(&mut app, records_page(records_listed(), 2));
    draw(&app, "records");
    let data = form_data("food-sample", &[]);
    let answers = vec![
        answer("1.1", Verdict::Pass, None, ""),
        answer("1.2", Verdict::Fail, Some(100.0), "留样不足125克"),
        answer("2.2", Verdict::NotApplicable, None, ""),
    ];
    let tally = crate::domain::inspection::tally(&data.checklist, &answers);
    let mut inspection = data.inspection;
    inspection.status = Status::Final;
    inspection.serial = Some("3FA9C2-2026-0008".into());
    inspection.year_sequence = Some(2);
    inspection.outcome = tally.outcome();
    inspection.inspectors.push(Inspector {
        name: "李四".into(),
        badge: "21080002".into(),
    });
    inspection.conclusion.handling = Some(crate::domain::outcome::Handling::RectifyOnSite);
    inspection.conclusion.operator_signatory = "李海帆".into();
    inspection.conclusion.operator_opinion = "无异议".into();
    step(
        &mut app,
        Action::RecordLoaded(Box::new(InspectionRecord {
            inspection,
            establishment: data.establishment,
            checklist: data.checklist,
            answers,
            tally,
            superseded_by: Vec::new(),
            follows_up: Vec::new(),
        })),
    );
    draw(&app, "record");
}

/// A final record shows the establishment as it kept it on its day, as the printed form does,
/// not as the roster was edited since.
#[test]
fn a_record_shows_the_facts_of_its_day() {
    let mut app = loaded(Lang::Zh);
    let data = form_data("food-sample", &[]);
    let answers = vec![answer("1.1", Verdict::Pass, None, "")];
    let tally = crate::domain::inspection::tally(&data.checklist, &answers);
    let mut inspection = data.inspection;
    inspection.status = Status::Final;
    inspection.serial = Some("3FA9C2-2026-0009".into());
    let mut kept = data.establishment.facts.clone();
    kept.name = "当日名称食堂".into();
    kept.address = "当日地址1号".into();
    inspection.establishment = Some(kept);
    step(
        &mut app,
        Action::RecordLoaded(Box::new(InspectionRecord {
            inspection,
            establishment: data.establishment.clone(),
            checklist: data.checklist,
            answers,
            tally,
            superseded_by: Vec::new(),
            follows_up: Vec::new(),
        })),
    );
    let mut terminal = Terminal::new(TestBackend::new(100, 40)).unwrap();
    let frame = terminal.draw(|f| crate::tui::view::draw(&app, f)).unwrap();
    let text = screen_text(frame.buffer, "record");
    assert!(
        text.contains("当日名称食堂") && text.contains("当日地址1号"),
        "{text}"
    );
    assert!(!text.contains(&data.establishment.facts.name), "{text}");
}

fn records_listed() -> Vec<InspectionSummary> {
    let data = home_data();
    data.unexported
        .inspections
        .into_iter()
        .chain(data.drafts)
        .collect()
}

/// A five-year database: the list is the newest page, and the screen says how to narrow it.
#[test]
fn records_as_a_page_of_many() {
    for (lang, name) in [(Lang::Zh, "records_paged"), (Lang::En, "records_paged_en")] {
        let mut app = loaded(lang);
        step(&mut app, ch('r'));
        step(&mut app, records_page(records_listed(), 104_381));
        draw(&app, name);
    }
}

fn answer(item: &str, verdict: Verdict, value: Option<f64>, note: &str) -> Answer {
    Answer {
        item_id: item.into(),
        verdict,
        value,
        choice: None,
        note: note.into(),
        answered_at: noon(),
    }
}

#[test]
fn form_choice_and_photo_path() {
    let mut app = loaded(Lang::Zh);
    step(
        &mut app,
        Action::FormOpened(Box::new(form_data("bright-kitchen", &[]))),
    );
    step(&mut app, ch('v'));
    draw(&app, "form_choice");
    step(&mut app, press(KeyCode::Esc));
    step(&mut app, ch('p'));
    type_text(&mut app, "~/照片/后厨");
    draw(&app, "form_photo");
}
