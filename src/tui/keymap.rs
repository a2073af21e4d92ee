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

const ROSTER: &[Binding] = &[
    ("输入", Text::keys_search_by_name_pinyin),
    ("Up Down", Text::keys_move),
    ("Enter", Text::keys_choose_a_checklist_and),
    ("Tab", Text::keys_filter_by_kind),
    ("Shift-Tab", Text::keys_filter_by_risk_grade),
    ("Ctrl-T", Text::keys_filter_by_town),
    ("Ctrl-N", Text::keys_add_an_establishment),
    ("Ctrl-E", Text::keys_edit_the_selected_establishment),
    ("Esc", Text::keys_back_home),
];

const ESTABLISHMENT: &[Binding] = &[
    ("Tab Up Down", Text::keys_next_previous_field),
    ("Left Right", Text::keys_choose_kind_grade_bright),
    ("Enter", Text::keys_next_field_save_on),
    ("Esc", Text::keys_back_to_the_roster),
];

const RECORDS: &[Binding] = &[
    ("Up Down j k", Text::keys_move_scroll),
    ("Tab", Text::keys_filter_all_drafts_final),
    ("/", Text::keys_filter_by_establishment_name),
    ("o", Text::keys_filter_by_result),
    ("d", Text::keys_filter_by_date_last),
    ("D", Text::keys_filter_by_range),
    ("Enter", Text::keys_open),
    ("c", Text::keys_correct_a_final_record),
    ("p", Text::keys_print_record),
    ("P", Text::keys_print_records),
    ("Esc", Text::keys_back),
];

/// An opened record (检查记录表), not the list it was opened from.
const RECORD: &[Binding] = &[
    ("Up Down j k", Text::keys_scroll),
    ("PageDown Space PageUp", Text::keys_page),
    ("c", Text::keys_correct_a_final_record),
    ("p", Text::keys_print_this_record),
    ("f", Text::keys_follow_up_record),
    ("O", Text::keys_print_order),
    ("u", Text::keys_untag),
    ("Esc q", Text::keys_back),
];

/// While a note, a value or a correction's reason is typed: letters are text.
const TYPING_TEXT: &[Binding] = &[("Enter", Text::keys_ok), ("Esc", Text::keys_cancel)];

/// The checklist chooser over the roster.
const CHOOSER: &[Binding] = &[
    ("Up Down j k", Text::keys_choose_a_checklist),
    ("Left Right Tab", Text::keys_kind_of_inspection),
    ("Enter", Text::keys_inspect),
    ("Esc", Text::keys_back),
];

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
        Screen::Roster(r) if r.chooser.is_some() => CHOOSER,
        Screen::Roster(_) => ROSTER,
        // The checklist and its review are components: they list their own keys.
        Screen::Form(_) | Screen::Review(_) => &[],
        Screen::Records(_) => RECORDS,
        Screen::Record(r) if r.reason.is_some() => TYPING_TEXT,
        Screen::Record(_) => RECORD,
        Screen::Establishment(_) => ESTABLISHMENT,
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
        Screen::Roster(r) if r.chooser.is_some() => CHOOSER,
        Screen::Record(r) if r.reason.is_some() => TYPING_TEXT,
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
        Screen::Roster(_) => &[
            ("Up Down", Text::keys_move),
            ("Enter", Text::keys_inspect),
            ("Tab", Text::keys_filter),
            ("Ctrl-N", Text::keys_new),
            ("Esc", Text::keys_back),
        ],
        Screen::Form(_) | Screen::Review(_) => &[],
        Screen::Records(_) => &[
            ("/", Text::keys_name),
            ("Enter", Text::keys_open),
            ("Tab", Text::keys_filter),
            ("Esc", Text::keys_back),
        ],
        Screen::Establishment(_) => &[
            ("Tab", Text::keys_next),
            ("Left Right", Text::keys_choose),
            ("Esc", Text::keys_back),
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
        Screen::Record(_) => &[
            ("Up Down", Text::keys_scroll),
            ("c", Text::keys_correct),
            ("Esc", Text::keys_back),
        ],
    };
    short
        .iter()
        .chain(FOOTER_HELP)
        .map(|(k, what)| (k.to_string(), what(t)))
        .collect()
}
