//! Keys while a note, a measured value, a choice or a photo is being entered in the checklist
//! form, and over it the guidance: one table each.

use super::{EditKind, FormState};
use crate::domain::checklist::{Item, ItemKind};
use crate::domain::outcome::Verdict;
use crate::i18n::tui::Text;
use crate::key_line;
use crate::store::Photo;
use crate::tui::app::Effect;
use crate::tui::command::Command;
use crate::tui::input::TextInput;
use crate::tui::keys::{
    CANCEL, COMPLETE_PATH, DELETE, ENTER, ESC, Keys, Line, MOVE, OK, OK_CANCEL_FOOTER, TYPING_TEXT,
    ch, short,
};

type Msg = fn(Text) -> &'static str;

impl FormState {
    /// Opens a choice item's options on the one recorded if it complies as the key asked
    /// (`ok`: `1` Some(true), `2` Some(false), `v` None for either), else on the first option
    /// that does.
    pub(super) fn open_choice(&mut self, item: &Item, ok: Option<bool>) {
        let ItemKind::Choice { options } = &item.kind else {
            return;
        };
        let old = self.answers.get(&item.id).and_then(|a| a.choice.as_ref());
        let fits = |o: &crate::domain::checklist::ChoiceOption| ok.is_none_or(|ok| o.ok == ok);
        let at = options
            .iter()
            .position(|o| Some(&o.label) == old && fits(o))
            .or_else(|| options.iter().position(fits))
            .unwrap_or(0);
        self.edit = Some(super::Edit {
            kind: EditKind::Choice(at),
            input: TextInput::default(),
            then_next: true,
        });
    }
}

impl FormState {
    pub fn photo_attached(&mut self, photo: Photo) {
        if matches!(&self.edit, Some(e) if e.kind == EditKind::Photo) {
            self.edit = None;
        }
        self.photos.push(photo);
    }

    pub fn photo_removed(&mut self, photo: &Photo) {
        if matches!(&self.edit, Some(e) if matches!(e.kind, EditKind::PhotoList(_))) {
            self.edit = None;
        }
        self.photos
            .retain(|p| !(p.item_id == photo.item_id && p.sha256 == photo.sha256));
    }

    pub fn photos_of(&self, item_id: &str) -> impl Iterator<Item = &Photo> {
        self.photos.iter().filter(move |p| p.item_id == item_id)
    }

    /// On Ctrl-C: a note being typed is saved rather than dropped.
    pub fn save_open_note(&mut self) -> Vec<Effect> {
        let (Some(edit), Some(item)) = (&self.edit, self.current()) else {
            return Vec::new();
        };
        match edit.kind {
            EditKind::Note(verdict) if !edit.input.text().is_empty() => {
                vec![self.save(
                    item,
                    verdict,
                    None,
                    None,
                    Some(edit.input.text().trim().to_string()),
                )]
            }
            _ => Vec::new(),
        }
    }

    /// On a text item, a typed character opens its text with that character in it.
    pub(super) fn start_text(&mut self, c: char) {
        self.open_note(Verdict::NotChecked, true);
        if let Some(edit) = &mut self.edit {
            edit.input.insert(&c.to_string());
        }
    }
}

/// A note or a measured value being typed: letters are text.
pub(super) const TYPING: Keys = TYPING_TEXT;

/// A photo's path being typed: Tab completes it as a shell does.
pub(super) const PHOTO_PATH: Keys = Keys {
    lines: &[OK, COMPLETE_PATH, CANCEL],
    footer: OK_CANCEL_FOOTER,
};

/// A choice item's options, over the form.
pub(super) const CHOICE: Keys = Keys {
    lines: &[
        MOVE,
        Line {
            keys: &[
                (ch('1'), Command::Pick(1)),
                (ch('2'), Command::Pick(2)),
                (ch('3'), Command::Pick(3)),
                (ch('4'), Command::Pick(4)),
                (ch('5'), Command::Pick(5)),
                (ch('6'), Command::Pick(6)),
                (ch('7'), Command::Pick(7)),
                (ch('8'), Command::Pick(8)),
                (ch('9'), Command::Pick(9)),
            ],
            what: Text::keys_choose,
        },
        OK,
        CANCEL,
    ],
    footer: OK_CANCEL_FOOTER,
};

/// The item's photos listed (`P`), to remove one from the draft.
pub(super) const PHOTO_LIST: Keys = Keys {
    lines: &[
        MOVE,
        key_line!(
            Text::keys_remove_the_photo,
            Command::Confirm,
            [ENTER, DELETE]
        ),
        CANCEL,
    ],
    footer: OK_CANCEL_FOOTER,
};

/// The guidance over the form: any key closes it.
pub(super) const GUIDANCE: Keys = Keys {
    lines: &[key_line!(
        Text::keys_close,
        Command::Back,
        [ESC, ENTER, ch('g')]
    )],
    footer: &[short(&[ESC], Text::keys_close)],
};

/// The keys of what is being entered.
pub(super) fn edit_keys(kind: EditKind) -> &'static Keys {
    match kind {
        EditKind::Note(_) | EditKind::Value => &TYPING,
        EditKind::Photo => &PHOTO_PATH,
        EditKind::Choice(_) => &CHOICE,
        EditKind::PhotoList(_) => &PHOTO_LIST,
    }
}

/// A command while a note, a value or a choice is being entered.
pub fn on_edit(form: &mut FormState, item: &Item, command: Command) -> (Option<Msg>, Vec<Effect>) {
    let Some(edit) = &mut form.edit else {
        return (None, Vec::new());
    };
    if command == Command::Back {
        form.edit = None;
        return (None, Vec::new());
    }
    match (edit.kind, &item.kind) {
        (EditKind::Choice(at), ItemKind::Choice { options }) => {
            let pick = match command {
                Command::Down => {
                    edit.kind = EditKind::Choice((at + 1).min(options.len().saturating_sub(1)));
                    None
                }
                Command::Up => {
                    edit.kind = EditKind::Choice(at.saturating_sub(1));
                    None
                }
                Command::Confirm => Some(at),
                Command::Pick(d) => Some(usize::from(d))
                    .filter(|d| (1..=options.len()).contains(d))
                    .map(|d| d - 1),
                _ => None,
            };
            let Some(option) = pick.and_then(|p| options.get(p)) else {
                return (None, Vec::new());
            };
            let verdict = if option.ok {
                Verdict::Pass
            } else {
                Verdict::Fail
            };
            let effect = form.save(item, verdict, None, Some(option.label.clone()), None);
            finish(form, verdict);
            (None, vec![effect])
        }
        (EditKind::Value, ItemKind::Measurement { .. }) => {
            if command != Command::Confirm {
                typed(&mut edit.input, command);
                return (None, Vec::new());
            }
            let text = edit.input.text().trim().replace(['，', ','], ".");
            let Ok(value) = text.parse::<f64>() else {
                return (Some(|t| t.not_a_number()), Vec::new());
            };
            let verdict = match item.kind.value_complies(value) {
                Some(false) => Verdict::Fail,
                _ => Verdict::Pass,
            };
            let effect = form.save(item, verdict, Some(value), None, None);
            finish(form, verdict);
            (None, vec![effect])
        }
        (EditKind::PhotoList(at), _) => {
            let count = form.photos_of(&item.id).count();
            let chosen = form.photos_of(&item.id).nth(at).cloned();
            let moved = match command {
                Command::Down => (at + 1).min(count.saturating_sub(1)),
                Command::Up => at.saturating_sub(1),
                Command::Confirm => {
                    let effects = chosen
                        .map(|photo| Effect::RemovePhoto {
                            inspection_id: form.inspection.id.clone(),
                            photo,
                        })
                        .into_iter()
                        .collect();
                    return (None, effects);
                }
                _ => at,
            };
            if let Some(edit) = &mut form.edit {
                edit.kind = EditKind::PhotoList(moved);
            }
            (None, Vec::new())
        }
        (EditKind::Photo, _) => {
            let path = edit.input.text().trim().to_string();
            match command {
                Command::Complete => (
                    None,
                    vec![Effect::CompletePath(edit.input.text().to_string())],
                ),
                Command::Confirm if !path.is_empty() => (
                    None,
                    vec![Effect::AttachPhoto {
                        inspection_id: form.inspection.id.clone(),
                        item_id: item.id.clone(),
                        path,
                    }],
                ),
                _ => {
                    typed(&mut edit.input, command);
                    (None, Vec::new())
                }
            }
        }
        (EditKind::Note(verdict), _) => {
            if command != Command::Confirm {
                typed(&mut edit.input, command);
                return (None, Vec::new());
            }
            let note = edit.input.text().trim().to_string();
            let then_next = edit.then_next;
            let missing = verdict == Verdict::Fail && note.is_empty() && item.on_fail.needs_note();
            let effect = form.save(item, verdict, None, None, Some(note));
            form.edit = None;
            if missing {
                return (Some(|t| t.note_required()), vec![effect]);
            }
            if then_next {
                form.advance();
            }
            (None, vec![effect])
        }
        _ => {
            form.edit = None;
            (None, Vec::new())
        }
    }
}

/// A key no line names goes to the text being typed.
fn typed(input: &mut TextInput, command: Command) {
    if let Command::Input(key) = command {
        input.handle_key(key);
    }
}

/// After a value or a choice: a failure asks for a note, a pass moves on.
fn finish(form: &mut FormState, verdict: Verdict) {
    form.edit = None;
    if verdict == Verdict::Fail {
        form.open_note(Verdict::Fail, true);
    } else {
        form.advance();
    }
}
