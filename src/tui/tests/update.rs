//! `App::update` flows, without a terminal or a database.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::tui::app::{HomeData, Screen};
use crate::tui::screens::form::FormState;

pub(super) fn form(app: &App) -> &FormState {
    match &app.screen {
        Screen::Form(f) => f,
        Screen::Review(r) => &r.form,
        _ => panic!("not on the form"),
    }
}

pub(super) fn current(app: &App) -> String {
    form(app).current().unwrap().id.clone()
}

pub(super) fn open(app: &mut App, checklist: &str, must: &[&str]) {
    step(
        app,
        Action::FormOpened(Box::new(form_data(checklist, must))),
    );
}

#[test]
fn welcome_saves_the_profile_and_loads_the_sample() {
    let mut app = App::new(Lang::Zh, Theme { color: false }, today(), None, Vec::new());
    assert!(matches!(app.screen, Screen::Welcome(_)));
    // Start without a name (Enter in the office bundle's path starts too): refused.
    for _ in 0..4 {
        step(&mut app, press(KeyCode::Tab));
    }
    assert!(step(&mut app, press(KeyCode::Enter)).is_empty());
    assert!(app.message.as_ref().is_some_and(|m| m.error));
    // From the office bundle's path, past 开始, back to the name.
    step(&mut app, press(KeyCode::Tab));
    step(&mut app, press(KeyCode::Tab));
    type_text(&mut app, "张三");
    step(&mut app, press(KeyCode::Tab));
    type_text(&mut app, "21080001");
    for _ in 0..3 {
        step(&mut app, press(KeyCode::Tab));
    }
    let effects = step(&mut app, press(KeyCode::Enter));
    let Some(Effect::SaveProfile(p)) = effects.first() else {
        panic!("{effects:?}");
    };
    assert_eq!((p.name.as_str(), p.badge.as_str()), ("张三", "21080001"));
    assert_eq!(p.bureau, "营口市鲅鱼圈区市场监督管理局");
    assert!(effects.contains(&Effect::LoadSampleRoster));
    let effects = step(&mut app, Action::ProfileSaved(p.clone()));
    assert_eq!(effects, vec![Effect::LoadHome]);
    assert!(matches!(app.screen, Screen::Home(_)));
}

#[test]
fn roster_finds_a_school_by_initials_and_starts_an_inspection() {
    let mut app = app(Lang::Zh);
    step(&mut app, Action::RosterLoaded(roster()));
    step(&mut app, ch('/'));
    type_text(&mut app, "byqxx");
    let Screen::Roster(r) = &app.screen else {
        panic!("not on the roster");
    };
    let first = r.current(&app.roster).unwrap();
    assert_eq!(first.facts.name, "鲅鱼圈区青禾实验小学");
    // Moving the selection asks for the next establishment's history.
    let effects = step(&mut app, press(KeyCode::Down));
    assert!(
        matches!(effects.as_slice(), [Effect::LoadHistory(_)]),
        "{effects:?}"
    );
    step(&mut app, press(KeyCode::Up));
    // Letters are search text here, not commands: `?` too.
    assert!(!app.help);
    step(&mut app, press(KeyCode::Enter));
    use crate::domain::inspection::InspectionKind::{FollowUp, Routine, Special};
    let chooser = |app: &App| match &app.screen {
        Screen::Roster(r) => {
            let c = r.chooser.as_ref().unwrap();
            (c.checklist_ids[c.selected].clone(), c.kind)
        }
        _ => panic!("not on the roster"),
    };
    // Routine checklists first, the school's own before the general catering table; a special
    // one (专项) proposes 专项检查.
    assert_eq!(chooser(&app), ("school-canteen".to_string(), Routine));
    step(&mut app, press(KeyCode::Down));
    assert_eq!(chooser(&app), ("catering-daily".to_string(), Routine));
    step(&mut app, press(KeyCode::Down));
    assert_eq!(chooser(&app), ("food-sample".to_string(), Special));
    // Chosen by hand, the kind stays while moving.
    step(&mut app, press(KeyCode::Right));
    step(&mut app, press(KeyCode::Up));
    step(&mut app, press(KeyCode::Up));
    assert_eq!(chooser(&app), ("school-canteen".to_string(), FollowUp));
    let effects = step(&mut app, press(KeyCode::Enter));
    let Some(Effect::StartInspection {
        establishment_id,
        checklist_id,
        kind,
    }) = effects.first()
    else {
        panic!("{effects:?}");
    };
    assert_eq!(establishment_id, &first_id(&app, "鲅鱼圈区青禾实验小学"));
    assert_eq!(checklist_id, "school-canteen");
    assert_eq!(*kind, FollowUp);
}

fn first_id(app: &App, name: &str) -> String {
    app.roster
        .iter()
        .find(|e| e.facts.name == name)
        .unwrap()
        .id
        .clone()
}

#[test]
fn help_opens_with_question_mark_except_while_typing() {
    let mut app = app(Lang::En);
    step(&mut app, Action::HomeLoaded(HomeData::default()));
    step(&mut app, ch('?'));
    assert!(app.help);
    step(&mut app, ch('x'));
    assert!(!app.help);
    open(&mut app, "food-sample", &[]);
    step(&mut app, ch('e'));
    step(&mut app, ch('?'));
    assert!(!app.help);
    assert_eq!(form(&app).edit.as_ref().unwrap().input.text(), "?");
}

#[test]
fn home_opens_drafts_and_goes_to_roster_and_records() {
    let mut app = app(Lang::Zh);
    let data = super::snapshots::home_data();
    let draft_id = data.drafts[0].id.clone();
    step(&mut app, Action::HomeLoaded(data));
    assert_eq!(
        step(&mut app, press(KeyCode::Enter)),
        vec![Effect::OpenDraft(draft_id)]
    );
    assert_eq!(
        step(&mut app, ch('r')),
        vec![Effect::LoadRecords(Default::default())]
    );
    step(&mut app, press(KeyCode::Esc));
    step(&mut app, ch('/'));
    assert!(matches!(app.screen, Screen::Roster(_)));
}

#[test]
fn a_final_record_is_corrected_by_a_new_revision_with_a_reason() {
    let mut app = app(Lang::Zh);
    let data = form_data("food-sample", &[]);
    let mut inspection = data.inspection;
    inspection.status = Status::Final;
    let record = crate::store::InspectionRecord {
        inspection,
        establishment: data.establishment,
        checklist: data.checklist,
        answers: Vec::new(),
        tally: Default::default(),
        superseded_by: Vec::new(),
        follows_up: Vec::new(),
    };
    step(&mut app, Action::RecordLoaded(Box::new(record)));
    step(&mut app, ch('c'));
    // Enter with no reason does nothing.
    assert!(step(&mut app, press(KeyCode::Enter)).is_empty());
    type_text(&mut app, "笔误");
    let effects = step(&mut app, press(KeyCode::Enter));
    assert_eq!(
        effects,
        vec![Effect::StartRevision {
            final_id: "0193a5c0-draft".into(),
            reason: "笔误".into()
        }]
    );
}

#[test]
fn roster_filters_narrow_the_search() {
    let mut app = app(Lang::Zh);
    step(&mut app, Action::RosterLoaded(roster()));
    step(&mut app, ch('/'));
    type_text(&mut app, "xx");
    let count = |app: &App| match &app.screen {
        Screen::Roster(r) => r.hits.len(),
        _ => 0,
    };
    let all = count(&app);
    step(&mut app, press(KeyCode::Tab));
    let schools = count(&app);
    assert!(schools < all && schools > 0, "{schools} of {all}");
    let Screen::Roster(r) = &app.screen else {
        panic!("not on the roster");
    };
    assert!(r.hits.iter().all(|i| app.roster[*i].facts.kind
        == crate::domain::establishment::EstablishmentKind::SchoolCanteen));
}

#[test]
fn an_establishment_is_added_with_validation() {
    let mut app = app(Lang::Zh);
    step(&mut app, Action::RosterLoaded(roster()));
    step(&mut app, ch('/'));
    let ctrl = |c| Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
    step(&mut app, ctrl('n'));
    assert!(matches!(app.screen, Screen::Establishment(_)));
    type_text(&mut app, "红海街道小灶饭馆");
    // Save without a town: refused.
    while !matches!(&app.screen, Screen::Establishment(e) if e.focus == 10) {
        step(&mut app, press(KeyCode::Tab));
    }
    assert!(step(&mut app, press(KeyCode::Enter)).is_empty());
    assert!(app.message.as_ref().is_some_and(|m| m.error));
    step(&mut app, press(KeyCode::Tab)); // wraps to the name
    step(&mut app, press(KeyCode::Tab));
    step(&mut app, press(KeyCode::Tab));
    type_text(&mut app, "红海街道");
    step(&mut app, press(KeyCode::Tab));
    step(&mut app, press(KeyCode::Tab));
    step(&mut app, press(KeyCode::Tab));
    // A licence number another establishment has: refused.
    type_text(&mut app, "JY32108040038288");
    while !matches!(&app.screen, Screen::Establishment(e) if e.focus == 7) {
        step(&mut app, press(KeyCode::Tab));
    }
    for _ in 0..9 {
        step(&mut app, press(KeyCode::Right));
    }
    step(&mut app, press(KeyCode::Tab));
    step(&mut app, press(KeyCode::Right));
    step(&mut app, press(KeyCode::Tab));
    step(&mut app, press(KeyCode::Tab));
    assert!(step(&mut app, press(KeyCode::Enter)).is_empty());
    let Screen::Establishment(e) = &mut app.screen else {
        panic!("left the form");
    };
    e.texts[5].clear();
    let effects = step(&mut app, press(KeyCode::Enter));
    let [Effect::SaveEstablishment { id: None, facts }] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert_eq!(facts.name, "红海街道小灶饭馆");
    assert_eq!(facts.town, "红海街道");
    assert_eq!(
        facts.kind,
        crate::domain::establishment::EstablishmentKind::Restaurant
    );
    assert_eq!(
        facts.risk_grade,
        Some(crate::domain::establishment::RiskGrade::A)
    );
}

#[test]
fn a_draft_is_discarded_only_after_confirmation() {
    let mut app = app(Lang::Zh);
    step(&mut app, Action::HomeLoaded(super::snapshots::home_data()));
    step(&mut app, ch('d'));
    assert!(step(&mut app, ch('n')).is_empty());
    step(&mut app, ch('d'));
    assert_eq!(
        step(&mut app, ch('y')),
        vec![Effect::DiscardDraft("d1".into())]
    );
}

#[test]
fn the_profile_can_be_changed_later() {
    let mut app = app(Lang::Zh);
    step(&mut app, ch('p'));
    let Screen::Welcome(w) = &app.screen else {
        panic!("not on the profile");
    };
    assert!(w.editing && !w.load_sample);
    assert_eq!(w.inputs[0].text(), "张三");
    step(&mut app, press(KeyCode::Tab));
    step(&mut app, press(KeyCode::End));
    type_text(&mut app, "9");
    for _ in 0..3 {
        step(&mut app, press(KeyCode::Tab));
    }
    let effects = step(&mut app, press(KeyCode::Enter));
    let Some(Effect::SaveProfile(p)) = effects.first() else {
        panic!("{effects:?}");
    };
    assert_eq!(p.badge, "210800019");
    assert!(!effects.contains(&Effect::LoadSampleRoster));
    // Esc leaves without saving and without quitting.
    step(&mut app, Action::ProfileSaved(p.clone()));
    step(&mut app, ch('p'));
    step(&mut app, press(KeyCode::Esc));
    assert!(matches!(app.screen, Screen::Home(_)) && !app.quit);
}
