//! Keys on the checklist form's item list: a verdict per key, moving among items and
//! sections, and opening a note, a value, a choice or a photo.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::review::ReviewState;
use super::{Edit, EditKind};
use crate::domain::checklist::ItemKind;
use crate::domain::outcome::Verdict;
use crate::tui::app::{App, Effect, Screen};
use crate::tui::input::TextInput;

pub fn key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let t = app.t;
    let today = app.today;
    let Screen::Form(form) = &mut app.screen else {
        return Vec::new();
    };
    let Some(item) = form.current().cloned() else {
        return if key.code == KeyCode::Esc {
            app.go_home()
        } else {
            Vec::new()
        };
    };
    if form.guidance {
        form.guidance = false;
        return Vec::new();
    }
    let mut effects = Vec::new();
    if form.edit.is_some() {
        let (message, mut more) = super::edit::edit_key(form, &item, key);
        effects.append(&mut more);
        form.remember_current(&mut effects);
        if let Some(m) = message {
            app.error(m(t));
        }
        return effects;
    }
    let mut message: Option<fn(crate::i18n::tui::Text) -> &'static str> = None;
    let scored = item.kind.is_scored();
    let choice = matches!(item.kind, ItemKind::Choice { .. });
    match key.code {
        // A choice item is answered by its option, which gives the verdict: `1`/`2` open the
        // options rather than record a 符合 that does not say which.
        KeyCode::Char('1' | 'y') if choice => form.open_choice(&item, Some(true)),
        KeyCode::Char('2' | 'n') if choice => form.open_choice(&item, Some(false)),
        KeyCode::Char('1' | 'y') if scored => {
            effects.push(form.save(&item, Verdict::Pass, None, None, None));
            form.advance();
        }
        KeyCode::Char('2' | 'n') if scored => {
            effects.push(form.save(&item, Verdict::Fail, None, None, None));
            form.open_note(Verdict::Fail, true);
        }
        KeyCode::Char('3' | 'x') if scored => {
            effects.push(form.save(&item, Verdict::NotApplicable, None, None, None));
            form.advance();
        }
        KeyCode::Char('0') if form.answers.contains_key(&item.id) => {
            effects.push(Effect::ClearAnswer {
                inspection_id: form.inspection.id.clone(),
                item_id: item.id.clone(),
            });
        }
        KeyCode::Down | KeyCode::Char('j') => form.advance(),
        KeyCode::Up | KeyCode::Char('k') => form.cursor = form.cursor.saturating_sub(1),
        KeyCode::PageDown => {
            form.cursor = (form.cursor + 10).min(form.order.len().saturating_sub(1))
        }
        KeyCode::PageUp => form.cursor = form.cursor.saturating_sub(10),
        KeyCode::Home => form.cursor = 0,
        KeyCode::End => form.cursor = form.order.len().saturating_sub(1),
        KeyCode::Tab => {
            let group = form.group_of(form.cursor);
            let n = form.order.len();
            form.cursor = (1..n)
                .map(|k| (form.cursor + k) % n)
                .find(|p| form.group_of(*p) != group)
                .unwrap_or(form.cursor);
        }
        KeyCode::Char('e') | KeyCode::Enter => {
            let verdict = form
                .answers
                .get(&item.id)
                .map_or(Verdict::NotChecked, |a| a.verdict);
            form.open_note(verdict, item.kind == ItemKind::Text);
        }
        KeyCode::Char('v') => match &item.kind {
            ItemKind::Measurement { .. } => {
                let old = form.answers.get(&item.id).and_then(|a| a.value);
                form.edit = Some(Edit {
                    kind: EditKind::Value,
                    input: TextInput::new(&old.map(|v| v.to_string()).unwrap_or_default()),
                    then_next: true,
                });
            }
            ItemKind::Choice { .. } => form.open_choice(&item, None),
            _ => message = Some(|t| t.not_a_measurement()),
        },
        KeyCode::Char('A') => {
            let text = form.pass_rest_of_section(t, &mut effects);
            form.remember_current(&mut effects);
            app.info(text);
            return effects;
        }
        KeyCode::Char('g') => form.guidance = true,
        KeyCode::Char('w') => match form.toggle_widened() {
            Ok(widened) => {
                let text = if widened { t.widened() } else { t.narrowed() };
                app.info(text);
                return effects;
            }
            Err(m) => message = Some(m),
        },
        KeyCode::Char('p') => {
            form.edit = Some(Edit {
                kind: EditKind::Photo,
                input: TextInput::default(),
                then_next: false,
            });
        }
        // A wrong photo is removed from the draft: `P` lists the item's photos to choose one.
        KeyCode::Char('P') => {
            if form.photos_of(&item.id).next().is_some() {
                form.edit = Some(Edit {
                    kind: EditKind::PhotoList(0),
                    input: TextInput::default(),
                    then_next: false,
                });
            } else {
                message = Some(|t| t.no_photo_on_item());
            }
        }
        KeyCode::Char('u') => match form.next_open(form.cursor + 1) {
            Some(p) => form.cursor = p,
            None => message = Some(|t| t.all_answered()),
        },
        KeyCode::Char('F') => {
            form.remember_current(&mut effects);
            let Screen::Form(form) =
                std::mem::replace(&mut app.screen, Screen::Home(Default::default()))
            else {
                return effects;
            };
            let profile = app.profile.clone().unwrap_or_default();
            let again = form.failed_again();
            app.screen = Screen::Review(Box::new(ReviewState::new(*form, &profile, today)));
            if !again.is_empty() {
                app.info(t.follow_up_failed_again(&again.join("、")));
            }
            return effects;
        }
        KeyCode::Esc => {
            form.remember_current(&mut effects);
            effects.extend(app.go_home());
            return effects;
        }
        // A text item is answered by its text: what is typed on it (a `1` too) goes there.
        KeyCode::Char(c) if item.kind == ItemKind::Text && c != '0' => form.start_text(c),
        _ => {}
    }
    form.remember_current(&mut effects);
    if let Some(m) = message {
        app.info(m(t));
    }
    effects
}
