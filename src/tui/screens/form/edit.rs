//! Keys while a note, a measured value or a choice is being entered in the checklist form.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::{EditKind, FormState};
use crate::domain::checklist::{Item, ItemKind};
use crate::domain::outcome::Verdict;
use crate::tui::app::Effect;

type Msg = fn(crate::i18n::tui::Text) -> &'static str;

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
            input: crate::tui::input::TextInput::default(),
            then_next: true,
        });
    }
}

impl FormState {
    /// On a text item, a typed character opens its text with that character in it.
    pub(super) fn start_text(&mut self, c: char) {
        self.open_note(Verdict::NotChecked, true);
        if let Some(edit) = &mut self.edit {
            edit.input.insert(&c.to_string());
        }
    }
}

/// A key while a note, a value or a choice is being entered.
pub fn edit_key(form: &mut FormState, item: &Item, key: KeyEvent) -> (Option<Msg>, Vec<Effect>) {
    let Some(edit) = &mut form.edit else {
        return (None, Vec::new());
    };
    if key.code == KeyCode::Esc {
        form.edit = None;
        return (None, Vec::new());
    }
    match (edit.kind, &item.kind) {
        (EditKind::Choice(at), ItemKind::Choice { options }) => {
            let pick = match key.code {
                KeyCode::Down | KeyCode::Char('j') => {
                    edit.kind = EditKind::Choice((at + 1).min(options.len().saturating_sub(1)));
                    None
                }
                KeyCode::Up | KeyCode::Char('k') => {
                    edit.kind = EditKind::Choice(at.saturating_sub(1));
                    None
                }
                KeyCode::Enter => Some(at),
                KeyCode::Char(c) => c
                    .to_digit(10)
                    .and_then(|d| usize::try_from(d).ok())
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
            if key.code != KeyCode::Enter {
                edit.input.handle_key(key);
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
            let moved = match key.code {
                KeyCode::Down | KeyCode::Char('j') => (at + 1).min(count.saturating_sub(1)),
                KeyCode::Up | KeyCode::Char('k') => at.saturating_sub(1),
                KeyCode::Enter | KeyCode::Delete => {
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
            match key.code {
                KeyCode::Tab => (
                    None,
                    vec![Effect::CompletePath(edit.input.text().to_string())],
                ),
                KeyCode::Enter if !path.is_empty() => (
                    None,
                    vec![Effect::AttachPhoto {
                        inspection_id: form.inspection.id.clone(),
                        item_id: item.id.clone(),
                        path,
                    }],
                ),
                _ => {
                    edit.input.handle_key(key);
                    (None, Vec::new())
                }
            }
        }
        (EditKind::Note(verdict), _) => {
            if key.code != KeyCode::Enter {
                edit.input.handle_key(key);
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

/// After a value or a choice: a failure asks for a note, a pass moves on.
fn finish(form: &mut FormState, verdict: Verdict) {
    form.edit = None;
    if verdict == Verdict::Fail {
        form.open_note(Verdict::Fail, true);
    } else {
        form.advance();
    }
}
