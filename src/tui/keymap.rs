//! The keys of each screen, as the help overlay (`?`) and the footer show them. The handling
//! itself lives with each screen; this is the one list people read.

use crate::i18n::tui::Text;
use crate::tui::app::{App, Screen};
use crate::tui::keys;

/// (keys, what they do: a word of `i18n/tui/`)
type Binding = (&'static str, fn(Text) -> &'static str);

const GLOBAL: &[Binding] = &[
    ("?", Text::keys_this_help),
    ("Ctrl-C", Text::keys_quit_safely_nothing_saved),
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

const FORM: &[Binding] = &[
    ("1 y", Text::keys_compliant_next),
    ("2 n", Text::keys_non_compliant_asks_for),
    ("3 x", Text::keys_not_applicable_next),
    ("A", Text::keys_rest_of_section_compliant),
    ("0", Text::keys_clear_the_answer),
    ("Up Down j k", Text::keys_move),
    ("Tab", Text::keys_next_section),
    ("e Enter", Text::keys_note),
    ("v", Text::keys_measured_value_choice),
    ("p", Text::keys_attach_a_photo_file),
    ("P", Text::keys_remove_a_photo),
    ("g", Text::keys_guidance_and_basis),
    ("u", Text::keys_next_unanswered),
    ("F", Text::keys_review_and_finalize),
    ("Esc", Text::keys_back_home_draft_is),
];

const REVIEW: &[Binding] = &[
    ("Tab Up Down", Text::keys_next_previous_field),
    ("Left Right", Text::keys_choose_the_handling_on),
    ("Space", Text::keys_refused_to_sign),
    ("Enter", Text::keys_finalize_on_the_button),
    ("p", Text::keys_go_to_missing),
    ("Esc", Text::keys_back_to_the_checklist),
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

/// The last entry of every footer.
const FOOTER_HELP: &[Binding] = &[("?", Text::keys_keys)];

/// The keys that work now: a screen's own, or those of what is open over it (a note being
/// typed, the checklist chooser), so the footer and `?` never list keys that do something else.
fn screen_keys(screen: &Screen) -> &'static [Binding] {
    match screen {
        Screen::Home(h) if h.office => HOME_OFFICE,
        Screen::Home(_) => HOME,
        Screen::Roster(r) if r.chooser.is_some() => CHOOSER,
        Screen::Roster(_) => ROSTER,
        Screen::Form(f) if f.typing() => TYPING_TEXT,
        Screen::Form(_) => FORM,
        Screen::Review(_) => REVIEW,
        Screen::Records(_) => RECORDS,
        Screen::Record(r) if r.reason.is_some() => TYPING_TEXT,
        Screen::Record(_) => RECORD,
        Screen::Establishment(_) => ESTABLISHMENT,
        // Components name their own keys (src/tui/component.rs).
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
        Screen::Roster(r) if r.chooser.is_some() => CHOOSER,
        Screen::Form(f) if f.typing() => TYPING_TEXT,
        Screen::Record(r) if r.reason.is_some() => TYPING_TEXT,
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
        Screen::Form(_) => &[
            ("1", Text::keys_pass),
            ("2", Text::keys_fail),
            ("3", Text::keys_n_a),
            ("e", Text::keys_note_short),
            ("v", Text::keys_value),
            ("g", Text::keys_guide),
            ("u", Text::keys_next_open),
            ("F", Text::keys_finalize),
            ("Esc", Text::keys_back),
        ],
        Screen::Review(_) => &[
            ("Tab", Text::keys_next),
            ("Left Right", Text::keys_handling),
            ("Enter", Text::keys_ok),
            ("Esc", Text::keys_back),
        ],
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
        Screen::Record(_) => &[
            ("Up Down", Text::keys_scroll),
            ("c", Text::keys_correct),
            ("Esc", Text::keys_back),
        ],
        // Components name their own keys (src/tui/component.rs).
        _ => &[],
    };
    short
        .iter()
        .chain(FOOTER_HELP)
        .map(|(k, what)| (k.to_string(), what(t)))
        .collect()
}
