//! The office settles conflicting establishment facts on the sync screen (`c`), through
//! `App::update`: the list by name with every value and who made it, choosing a value, and the
//! settle effect; drawn at 80×24 and 160×48.

use ratatui::crossterm::event::KeyCode;

use super::snapshots::draw;
use super::*;
use crate::domain::establishment_merge::{ConflictingValue, Fact, FactConflict, RevisionRef};
use crate::store::EstablishmentConflicts;
use crate::tui::app::Screen;
use crate::tui::msg::SyncData;
use crate::tui::screens::sync::Mode;

fn side(value: &str, station: &str, at: &str) -> ConflictingValue {
    ConflictingValue {
        value: value.into(),
        revision: RevisionRef {
            revision: 4,
            station: station.into(),
        },
        changed_at: at.into(),
    }
}

/// 海之味快餐: its person in charge and its risk grade changed differently on two laptops.
pub(super) fn canteen_conflict() -> EstablishmentConflicts {
    EstablishmentConflicts {
        establishment_id: "e-haizhiwei".into(),
        name: "海之味快餐".into(),
        conflicts: vec![
            FactConflict {
                fact: Fact::PersonInCharge,
                values: vec![
                    side("甲某", "3FA9C2", "2026-11-28T01:05:00Z"),
                    side("乙某", "5B7E10", "2026-11-28T02:40:00Z"),
                ],
            },
            FactConflict {
                fact: Fact::RiskGrade,
                values: vec![
                    side("B", "3FA9C2", "2026-11-28T01:05:00Z"),
                    side("C", "5B7E10", "2026-11-28T02:40:00Z"),
                ],
            },
        ],
    }
}

fn data(conflicts: Vec<EstablishmentConflicts>) -> SyncData {
    SyncData {
        folder: Some("/media/usb".into()),
        conflicts,
        stations: [("3FA9C2".to_string(), "张三的电脑".to_string())].into(),
        ..SyncData::default()
    }
}

fn on_conflicts(lang: Lang) -> App {
    let mut app = super::snapshots::loaded(lang);
    step(&mut app, ch('t'));
    step(&mut app, Action::SyncLoaded(data(vec![canteen_conflict()])));
    step(&mut app, ch('c'));
    app
}

fn mode(app: &App) -> &Mode {
    match &app.screen {
        Screen::Sync(s) => &s.mode,
        _ => panic!("not on the sync screen"),
    }
}

#[test]
fn c_lists_the_conflicts_and_enter_settles_the_chosen_value() {
    let mut app = on_conflicts(Lang::Zh);
    assert!(matches!(mode(&app), Mode::Conflicts(c) if c.row == 0 && c.side == 0));
    // The second row (the grade), its second value (C).
    step(&mut app, press(KeyCode::Down));
    step(&mut app, press(KeyCode::Right));
    assert_eq!(
        step(&mut app, press(KeyCode::Enter)),
        vec![Effect::ResolveConflict {
            establishment_id: "e-haizhiwei".into(),
            fact: Fact::RiskGrade,
            value: "C".into(),
        }]
    );
    // A number picks a value too; it wraps with ←.
    step(&mut app, ch('1'));
    assert!(matches!(mode(&app), Mode::Conflicts(c) if c.row == 1 && c.side == 0));
    step(&mut app, press(KeyCode::Left));
    assert!(matches!(mode(&app), Mode::Conflicts(c) if c.side == 1));
    // Settled: the message names it, and the lists are read again.
    let effects = step(
        &mut app,
        Action::ConflictSettled {
            name: "海之味快餐".into(),
            fact: Fact::RiskGrade,
            value: "C".into(),
        },
    );
    assert_eq!(
        effects,
        vec![Effect::LoadSync, Effect::LoadRoster, Effect::LoadHome]
    );
    assert_eq!(
        app.message.as_ref().map(|m| m.text.as_str()),
        Some("已裁定：海之味快餐 · 风险等级：C")
    );
    // The list comes back without the settled row; the choice stays inside it.
    let mut left = canteen_conflict();
    left.conflicts.truncate(1);
    step(&mut app, Action::SyncLoaded(data(vec![left])));
    assert!(matches!(mode(&app), Mode::Conflicts(c) if c.row == 0));
    // The last one settled: back to the menu.
    step(&mut app, Action::SyncLoaded(data(Vec::new())));
    assert!(matches!(mode(&app), Mode::Menu));
    // With none, c says so.
    step(&mut app, ch('c'));
    assert!(matches!(mode(&app), Mode::Menu));
    assert_eq!(
        app.message.as_ref().map(|m| m.text.as_str()),
        Some("没有单位信息冲突")
    );
}

#[test]
fn esc_leaves_the_list_without_settling() {
    let mut app = on_conflicts(Lang::En);
    assert!(step(&mut app, press(KeyCode::Esc)).is_empty());
    assert!(matches!(mode(&app), Mode::Menu));
}

#[test]
fn sync_conflicts() {
    let mut app = on_conflicts(Lang::Zh);
    step(&mut app, press(KeyCode::Right));
    draw(&app, "sync_conflicts");
}
