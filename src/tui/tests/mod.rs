//! Fixtures shared by the UI tests: a fixed day, the sample roster, shipped checklists, and a
//! stand-in for the store that answers the effects the form needs.

mod campaign_tags;
mod conflicts;
mod corrections;
mod establishment_leave;
mod follow_up;
mod form;
mod form_kinds;
mod home;
mod keys_shown;
mod keys_walk;
mod keys_walk_form;
mod keys_walk_office;
mod office;
mod office_shell;
mod photos;
mod planning;
mod records;
mod report;
mod review_2022;
mod review_checks;
mod review_kept;
mod review_sign_off;
mod shell;
mod snapshots;
mod snapshots_sync;
mod sync;
mod sync_shell;
mod update;
mod welcome;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::checklists::Catalog;
use crate::domain::establishment::Establishment;
use crate::domain::inspection::{
    Answer, Conclusion, Inspection, InspectionKind, Inspector, Status,
};
use crate::i18n::Lang;
use crate::tui::app::{Action, App, Effect, FormData, Profile, Screen};
use crate::tui::theme::Theme;

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
}

pub fn noon() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 29, 2, 0, 0).unwrap()
}

pub fn profile() -> Profile {
    Profile {
        name: "张三".into(),
        badge: "21080001".into(),
        bureau: "营口市鲅鱼圈区市场监督管理局".into(),
        colleague: Inspector::default(),
    }
}

pub fn app(lang: Lang) -> App {
    App::new(
        lang,
        Theme { color: false },
        today(),
        Some(profile()),
        Catalog::shipped().checklists,
    )
}

pub fn roster() -> Vec<Establishment> {
    let (facts, _) =
        crate::roster::parse(include_bytes!("../../../data/roster-sample.csv")).unwrap();
    facts
        .into_iter()
        .enumerate()
        .map(|(i, facts)| Establishment {
            id: format!("e{i:02}"),
            revision: 1,
            facts,
        })
        .collect()
}

pub fn establishment(name: &str) -> Establishment {
    roster().into_iter().find(|e| e.facts.name == name).unwrap()
}

pub fn inspection(checklist_id: &str, establishment: &Establishment) -> Inspection {
    Inspection {
        id: "0193a5c0-draft".into(),
        establishment_id: establishment.id.clone(),
        checklist_id: checklist_id.into(),
        checklist_hash: "hash".into(),
        kind: InspectionKind::Routine,
        status: Status::Draft,
        serial: None,
        revision: 1,
        supersedes: None,
        revision_reason: None,
        station: "3FA9C2".into(),
        bureau: profile().bureau,
        inspectors: vec![profile().inspector()],
        started_at: noon(),
        utc_offset_seconds: 8 * 3600,
        finalized_at: None,
        outcome: None,
        conclusion: Conclusion::default(),
        year_sequence: None,
        current_item: None,
        establishment: None,
    }
}

pub fn form_data(checklist_id: &str, must_check: &[&str]) -> FormData {
    let establishment = establishment("鲅鱼圈区星帆小学");
    let checklist = Catalog::shipped().get(checklist_id).unwrap().clone();
    FormData {
        inspection: inspection(checklist_id, &establishment),
        establishment,
        checklist,
        answers: Vec::new(),
        must_check: must_check.iter().map(|s| s.to_string()).collect(),
        year_sequence: 2,
        photos: Vec::new(),
        follow_up: Vec::new(),
    }
}

pub fn press(code: KeyCode) -> Action {
    Action::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

pub fn ch(c: char) -> Action {
    press(KeyCode::Char(c))
}

/// Feeds an action and performs the answer effects as the store would (committed, then
/// reported back); returns every effect asked for.
pub fn step(app: &mut App, action: Action) -> Vec<Effect> {
    let effects = app.update(action);
    for effect in &effects {
        let reply = match effect {
            Effect::SaveAnswer { answer, .. } => Some(Action::AnswerSaved(Answer {
                item_id: answer.item_id.clone(),
                verdict: answer.verdict,
                value: answer.value,
                choice: answer.choice.clone(),
                note: answer.note.clone(),
                answered_at: noon(),
            })),
            Effect::ClearAnswer { item_id, .. } => Some(Action::AnswerCleared(item_id.clone())),
            _ => None,
        };
        if let Some(reply) = reply {
            app.update(reply);
        }
    }
    effects
}

/// The store's answer to `LoadRecords`: these inspections, and `total` matching in all.
pub fn records_page(inspections: Vec<crate::store::InspectionSummary>, total: usize) -> Action {
    Action::RecordsLoaded(crate::store::InspectionPage { inspections, total })
}

/// Answers 合理缺项 (`3`) to every scored item still unanswered on the open form, walking it
/// from the top with Down: every kind but 飞行检查 and 复查 covers its checklist before the
/// review may finalize (docs/outcome.md).
pub fn cover_the_rest(app: &mut App) {
    cover_the_rest_with(app, &mut |app, action| {
        step(app, action);
    });
}

/// [`cover_the_rest`], each key fed by `feed` (the shell tests' store behind it).
pub fn cover_the_rest_with(app: &mut App, feed: &mut dyn FnMut(&mut App, Action)) {
    feed(app, press(KeyCode::Home));
    loop {
        let Screen::Form(f) = &app.screen else {
            panic!("not on the form");
        };
        let open = f
            .current()
            .is_some_and(|i| i.kind.is_scored() && !f.answers.contains_key(&i.id));
        let last = f.cursor + 1 >= f.order.len();
        if open {
            feed(app, ch('3'));
        } else if last {
            return;
        } else {
            feed(app, press(KeyCode::Down));
        }
    }
}

pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        step(app, ch(c));
    }
}

/// The screen drawn at `width`×`height`, its text without blanks (a wide character's second
/// cell is one), as a user reads the words.
pub fn screen_words(app: &App, width: u16, height: u16) -> String {
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| crate::tui::view::draw(app, frame))
        .unwrap();
    terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .filter(|s| *s != " ")
        .collect()
}

/// The review on display.
pub fn review(app: &App) -> &crate::tui::screens::form::review::ReviewState {
    match &app.screen {
        Screen::Review(r) => r,
        _ => panic!("not on review: {:?}", app.message),
    }
}

/// Tab on the review until `field` has the focus.
pub fn focus_on(app: &mut App, field: crate::tui::screens::form::review::Field) {
    for _ in 0..20 {
        if review(app).focus == field {
            return;
        }
        step(app, press(KeyCode::Tab));
    }
    panic!("no field {field:?}");
}

/// A district from the demo generator (`seed`) in the shell's store: `establishments` of them
/// and `inspections` final records with their rectifications, written by `station`.
pub fn seed_district(
    shell: &mut crate::tui::effects::Shell,
    seed: u64,
    establishments: usize,
    inspections: usize,
    station: &str,
) -> crate::demo::Demo {
    let mut demo = crate::demo::Demo::new(seed, today());
    let roster = demo.establishments(establishments);
    shell.store.import_roster(&roster, station).unwrap();
    let establishments = shell.store.establishments().unwrap();
    let mut checklists = Vec::new();
    for c in shell.catalog.checklists.clone() {
        let hash = shell.store.put_checklist_version(&c).unwrap();
        checklists.push((c, hash));
    }
    let mut records = Vec::new();
    let mut rectifications = Vec::new();
    for g in demo.inspections(inspections, &establishments, &checklists, station) {
        records.push((g.inspection, g.answers));
        rectifications.extend(g.rectifications);
    }
    shell
        .store
        .insert_final_records(&records, &rectifications)
        .unwrap();
    demo
}
