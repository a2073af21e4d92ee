//! The keys of each screen, as the help overlay (`?`) and the footer show them. The handling
//! itself lives with each screen; this is the one list people read.

use crate::i18n::tui::Text;
use crate::tui::app::{App, Screen};
use crate::tui::keys;
use crate::tui::screens::draws::Mode as DrawsMode;
use crate::tui::screens::inspectors::Mode as InspectorsMode;

/// (keys, what they do: a word of `i18n/tui/`)
type Binding = (&'static str, fn(Text) -> &'static str);

const GLOBAL: &[Binding] = &[
    ("?", Text::keys_this_help),
    ("Ctrl-C", Text::keys_quit_safely_nothing_saved),
];

const WELCOME: &[Binding] = &[
    ("Tab Up Down", Text::keys_next_previous_field),
    ("Space", Text::keys_toggle_the_sample_roster),
    ("Enter", Text::keys_next_field_start),
];

const HOME: &[Binding] = &[
    ("Up Down j k", Text::keys_move),
    ("Enter", Text::keys_resume_draft_inspect_open),
    ("/ s", Text::keys_establishments_search),
    ("r", Text::keys_records),
    ("t", Text::keys_sync),
    ("b", Text::keys_reports),
    ("d", Text::keys_delete_a_draft),
    ("p", Text::keys_change_the_inspector),
    ("q", Text::keys_quit),
];

/// 首页 of the station that plans for the district (issue 14): the office's two screens too.
const HOME_OFFICE: &[Binding] = &[
    ("Up Down j k", Text::keys_move),
    ("Enter", Text::keys_resume_draft_inspect_open),
    ("/ s", Text::keys_establishments_search),
    ("r", Text::keys_records),
    ("t", Text::keys_sync),
    ("b", Text::keys_reports),
    ("i", Text::keys_inspectors),
    ("w", Text::keys_draws),
    ("d", Text::keys_delete_a_draft),
    ("p", Text::keys_change_the_inspector),
    ("q", Text::keys_quit),
];

const INSPECTORS: &[Binding] = &[
    ("Up Down j k", Text::keys_move),
    ("a", Text::keys_add_inspector),
    ("r", Text::keys_retire_inspector),
    ("Esc", Text::keys_back),
];

const DRAWS: &[Binding] = &[
    ("Up Down j k", Text::keys_move),
    ("Enter", Text::keys_view_draw),
    ("n", Text::keys_new_draw),
    ("p", Text::keys_print_draw),
    ("c", Text::keys_draw_csv),
    ("Ctrl-O", Text::keys_open_written),
    ("Esc", Text::keys_back),
];

/// One draw viewed in full.
const DRAW: &[Binding] = &[
    ("Up Down j k", Text::keys_scroll),
    ("n", Text::keys_new_draw),
    ("p", Text::keys_print_draw),
    ("c", Text::keys_draw_csv),
    ("Ctrl-O", Text::keys_open_written),
    ("Esc", Text::keys_back),
];

/// A small form of the office (a new inspector, a new draw): letters are text.
const OFFICE_FORM: &[Binding] = &[
    ("Tab Up Down", Text::keys_next_previous_field),
    ("Enter", Text::keys_next_field_save_last),
    ("Esc", Text::keys_cancel),
];

/// Retiring an inspector: `y` confirms, any other key cancels.
const CONFIRM: &[Binding] = &[("y", Text::keys_ok), ("Esc", Text::keys_cancel)];

/// While a note, a value or a correction's reason is typed: letters are text.
const TYPING_TEXT: &[Binding] = &[("Enter", Text::keys_ok), ("Esc", Text::keys_cancel)];

const SYNC: &[Binding] = &[
    ("e", Text::keys_export_field),
    ("a", Text::keys_export_all),
    ("o", Text::keys_export_office),
    ("i", Text::keys_import),
    ("y", Text::keys_confirm_plan),
    ("c", Text::keys_conflicts),
    ("Up Down j k", Text::keys_move_scroll),
    ("Left Right 1-9", Text::keys_pick_conflict_value),
    ("Enter", Text::keys_settle_conflict),
    ("Esc", Text::keys_back),
];

const REPORT: &[Binding] = &[
    ("Tab Up Down", Text::keys_next_previous_field),
    ("Left Right", Text::keys_pick_report),
    ("Enter", Text::keys_write_report),
    ("Ctrl-O", Text::keys_open_written),
    ("Esc", Text::keys_back),
];

/// The last entry of every footer.
const FOOTER_HELP: &[Binding] = &[("?", Text::keys_keys)];

/// The keys that work now: a screen's own, or those of what is open over it (a note being
/// typed, the checklist chooser), so the footer and `?` never list keys that do something else.
fn screen_keys(screen: &Screen) -> &'static [Binding] {
    match screen {
        Screen::Welcome(_) => WELCOME,
        Screen::Home(h) if h.office => HOME_OFFICE,
        Screen::Home(_) => HOME,
        Screen::Sync(_) => SYNC,
        Screen::Report(_) => REPORT,
        Screen::Inspectors(s) => match s.mode {
            InspectorsMode::List => INSPECTORS,
            InspectorsMode::Adding(_) => OFFICE_FORM,
            InspectorsMode::Retiring(_) => CONFIRM,
        },
        Screen::Draws(s) => match s.mode {
            DrawsMode::List => DRAWS,
            DrawsMode::View => DRAW,
            DrawsMode::New(_) => OFFICE_FORM,
            DrawsMode::Folder { .. } => TYPING_TEXT,
        },
        // Components list their own keys (`help`, `footer`).
        _ => &[],
    }
}

/// Every key of the screen, then the keys that work everywhere.
pub fn help(app: &App) -> Vec<(String, &'static str)> {
    let t = app.t;
    if let Some(c) = app.screen.component() {
        let keys = c.keys(&app.context());
        return keys
            .lines
            .iter()
            .map(|line| keys::line_text(line, t))
            .chain(
                keys::GLOBAL
                    .iter()
                    .map(|(k, what)| (k.to_string(), what(t))),
            )
            .collect();
    }
    screen_keys(&app.screen)
        .iter()
        .chain(GLOBAL)
        .map(|(k, what)| (k.to_string(), what(t)))
        .collect()
}

/// The footer: the screen's keys in short, as many as fit.
pub fn footer(app: &App) -> Vec<(String, &'static str)> {
    let t = app.t;
    if let Some(c) = app.screen.component() {
        let keys = c.keys(&app.context());
        let (help, what) = keys::FOOTER_HELP;
        return keys
            .footer
            .iter()
            .map(|short| keys::short_text(short, t))
            .chain([(help.to_string(), what(t))])
            .collect();
    }
    let screen = &app.screen;
    let short: &[Binding] = match screen {
        Screen::Inspectors(s) if s.mode != InspectorsMode::List => screen_keys(screen),
        Screen::Draws(s) if s.typing() => screen_keys(screen),
        Screen::Draws(s) if s.mode == DrawsMode::View => &[
            ("Up Down", Text::keys_scroll),
            ("p", Text::keys_print_short),
            ("c", Text::keys_draw_csv),
            ("Esc", Text::keys_back),
        ],
        Screen::Inspectors(_) => &[
            ("a", Text::keys_add),
            ("r", Text::keys_retire),
            ("Esc", Text::keys_back),
        ],
        Screen::Draws(_) => &[
            ("Enter", Text::keys_open),
            ("n", Text::keys_draw_short),
            ("p", Text::keys_print_short),
            ("c", Text::keys_draw_csv),
            ("Esc", Text::keys_back),
        ],
        Screen::Welcome(_) => &[("Tab", Text::keys_next), ("Enter", Text::keys_ok)],
        Screen::Home(_) => &[
            ("Enter", Text::keys_open),
            ("/", Text::keys_search),
            ("r", Text::keys_records_short),
            ("t", Text::keys_sync_short),
            ("b", Text::keys_reports_short),
            ("q", Text::keys_quit),
        ],
        Screen::Sync(_) => &[
            ("e", Text::keys_export),
            ("i", Text::keys_import_short),
            ("y", Text::keys_ok),
            ("Esc", Text::keys_back),
        ],
        Screen::Report(_) => &[
            ("Tab", Text::keys_next),
            ("Left Right", Text::keys_choose),
            ("Enter", Text::keys_ok),
            ("Ctrl-O", Text::keys_open_short),
            ("Esc", Text::keys_back),
        ],
        _ => &[],
    };
    short
        .iter()
        .chain(FOOTER_HELP)
        .map(|(k, what)| (k.to_string(), what(t)))
        .collect()
}
