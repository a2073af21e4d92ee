//! The key walk (keys_walk.rs) on the office's screens, 同步 in each of its modes, and the
//! first start's fields.

use ratatui::crossterm::event::KeyCode;

use super::keys_walk::{walk, walk_with};
use super::*;
use crate::domain::establishment_merge::ConflictingValue;
use crate::tui::app::Screen;
use crate::tui::screens::sync::Mode;
use crate::tui::screens::sync::conflicts::Choosing;

/// 同步: the menu, a path typed, a plan, an office's fingerprint, and the conflicts.
pub(super) fn sync_walks() {
    // The log has two lines to scroll; `c` opens the conflicts.
    let on_sync = || {
        let mut app = super::snapshots_sync::on_sync(Lang::Zh);
        if let Screen::Sync(s) = &mut app.screen {
            s.data.conflicts = vec![super::conflicts::canteen_conflict()];
        }
        app
    };
    walk("sync", &on_sync);
    walk("sync path", &|| {
        let mut app = on_sync();
        step(&mut app, ch('i'));
        app
    });
    walk("sync plan", &|| {
        let mut app = on_sync();
        let plan = Box::new(super::sync::preview(None));
        step(&mut app, Action::ImportPlanned(plan));
        app
    });
    walk("sync trust", &|| {
        let mut app = on_sync();
        let contact = crate::tui::msg::FirstContact {
            path: "/media/usb/b.shian".into(),
            station: "9C01AB".into(),
            name: String::new(),
            fingerprint: "3f2a 9c01".into(),
        };
        step(&mut app, Action::FirstContact(contact));
        app
    });
    // Nine values and none picked yet, so that each key that picks one picks another.
    walk_with(
        "sync conflicts",
        &|| {
            let mut app = on_sync();
            step(&mut app, ch('c'));
            app
        },
        &|spec, app| {
            if spec.starts_with("Left")
                && let Screen::Sync(s) = &mut app.screen
            {
                let values = &mut s.data.conflicts[0].conflicts[0].values;
                let first = values[0].clone();
                *values = (1..=9)
                    .map(|n| ConflictingValue {
                        value: n.to_string(),
                        ..first.clone()
                    })
                    .collect();
                s.mode = Mode::Conflicts(Choosing { row: 0, side: 9 });
            }
        },
    );
}

/// The first start on each kind of field: the name with the bureau's list to pick from, the
/// sample's tick, the office bundle's path with something typed, 开始; and the profile changed
/// later, whose Esc goes home.
pub(super) fn welcome_walks() {
    let first = || App::new(Lang::Zh, Theme { color: false }, today(), None, Vec::new());
    let on = |tabs: usize| {
        move || {
            let mut app = first();
            for _ in 0..tabs {
                step(&mut app, press(KeyCode::Tab));
            }
            app
        }
    };
    walk("welcome name listed", &|| {
        let mut app = first();
        step(
            &mut app,
            Action::ColleaguesLoaded(super::planning::listed()),
        );
        app
    });
    walk("welcome sample", &on(3));
    walk("welcome office", &|| {
        let mut app = on(4)();
        type_text(&mut app, "/media/usb/b.sh");
        app
    });
    walk("welcome start", &on(5));
    walk("profile", &|| {
        let mut app = super::snapshots::loaded(Lang::Zh);
        step(&mut app, ch('p'));
        app
    });
}

/// The office's screens (issue 14): 首页 with `i` and `w`, the inspectors list and its two
/// popups, the draws, one draw, and the draw's two forms.
pub(super) fn office_walks() {
    use super::office::{on_draws, on_inspectors, with_two_draws};
    walk("home office", &super::office::office);
    walk("inspectors", &on_inspectors);
    walk("inspectors add", &|| {
        let mut app = on_inspectors();
        step(&mut app, ch('a'));
        app
    });
    walk("inspectors retire", &|| {
        let mut app = on_inspectors();
        step(&mut app, ch('r'));
        app
    });
    // The newest draw is selected: ↑ first, so that ↓ has somewhere to go.
    walk_with("draws", &with_two_draws, &|spec, app| {
        if spec == "Up Down j k" {
            step(app, press(KeyCode::Up));
        }
    });
    // Scrolled down, so that Enter has the top to go back to.
    walk_with(
        "draw",
        &|| {
            let mut app = on_draws();
            step(&mut app, press(KeyCode::Enter));
            app
        },
        &|spec, app| {
            if spec == "Enter" {
                step(app, press(KeyCode::Down));
            }
        },
    );
    walk("draw new", &|| {
        let mut app = on_draws();
        step(&mut app, ch('n'));
        app
    });
    walk("draw print", &|| {
        let mut app = on_draws();
        step(&mut app, ch('p'));
        app
    });
}
