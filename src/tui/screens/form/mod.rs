//! The checklist form's state: the items in order, the answers and photos, and saving each answer
//! (committed before it shows as saved). Its keys are in `keys.rs` (the item list) and `edit.rs`
//! (what is being entered).

pub mod edit;
pub mod follow_up;
pub mod keys;
pub mod review;
pub mod section;
pub mod view;

use std::collections::HashMap;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

use crate::domain::checklist::{Checklist, Item, ItemKind};
use crate::domain::establishment::Establishment;
use crate::domain::inspection::{Answer, Inspection};
use crate::domain::outcome::Verdict;
use crate::i18n::tui::Text;
use crate::store::Photo;
use crate::tui::app::{Action, AnswerDraft, Effect, FormData};
use crate::tui::command::Command;
use crate::tui::component::{Component, Context, Step};
use crate::tui::input::TextInput;
use crate::tui::keys::Keys;
use crate::tui::route::Route;

/// The group an item is listed under: the 必查 group first, then the checklist's sections.
pub const MUST_GROUP: usize = usize::MAX;

pub struct FormState {
    pub inspection: Inspection,
    pub establishment: Establishment,
    pub checklist: Checklist,
    /// Every item of the checklist, flattened, with its section index.
    pub items: Vec<(usize, Item)>,
    /// The order shown: indices into `items` with their group.
    pub order: Vec<(usize, usize)>,
    pub answers: HashMap<String, Answer>,
    pub must_check: Vec<String>,
    pub year_sequence: i64,
    pub photos: Vec<Photo>,
    /// A 复查's rectifications; it lists only their items until widened (`w`).
    pub follow_up: Vec<crate::domain::rectification::Case>,
    pub widened: bool,
    /// Position in `order`.
    pub cursor: usize,
    pub edit: Option<Edit>,
    pub guidance: bool,
    /// The item last stored as current, so moving back and forth writes only on change.
    pub stored_current: Option<String>,
}

pub struct Edit {
    pub kind: EditKind,
    pub input: TextInput,
    /// Move on to the next item once the edit is saved (after 不符合 or a measured value).
    pub then_next: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum EditKind {
    /// A note; the answer keeps this verdict.
    Note(Verdict),
    Value,
    Choice(usize),
    /// The path of a photo file to attach.
    Photo,
    /// The item's photos listed (`P`), this one selected: `Enter` removes it from the draft.
    PhotoList(usize),
}

impl Component for FormState {
    fn title(&self, t: Text) -> String {
        let checklist = self.checklist.short.as_ref();
        format!(
            "{} | {}",
            t.form(),
            checklist.unwrap_or(&self.checklist.title)
        )
    }

    fn keys(&self, _cx: &Context) -> &'static Keys {
        let Some(item) = self.current() else {
            return &keys::EMPTY;
        };
        if self.guidance {
            return &edit::GUIDANCE;
        }
        match &self.edit {
            Some(edit) => edit::edit_keys(edit.kind),
            None => keys::list_keys(item, self.is_follow_up()),
        }
    }

    fn typing(&self) -> bool {
        FormState::typing(self)
    }

    fn on(&mut self, cx: &Context, command: Command) -> Step {
        let Some(item) = self.current().cloned() else {
            return match command {
                Command::Back => Step::go(Route::Home),
                _ => Step::none(),
            };
        };
        if self.guidance {
            self.guidance = false;
            return Step::none();
        }
        if self.edit.is_none() {
            return self.on_list(cx, &item, command);
        }
        let (message, mut effects) = edit::on_edit(self, &item, command);
        self.remember_current(&mut effects);
        let step = Step::effects(effects);
        match message {
            Some(m) => step.with_error(m(cx.t)),
            None => step,
        }
    }

    fn paste(&mut self, _cx: &Context, text: &str) -> Step {
        FormState::paste(self, text);
        Step::none()
    }

    fn answer(&mut self, cx: &Context, action: &Action) -> Option<Step> {
        let t = cx.t;
        let step = match action {
            Action::AnswerSaved(answer) => {
                self.saved(answer.clone());
                Step::none()
            }
            Action::AnswerCleared(item_id) => {
                self.cleared(item_id);
                Step::none()
            }
            Action::PhotoAttached(photo) => {
                self.photo_attached(photo.clone());
                Step::info(format!("{}: {}", t.photo_attached(), photo.file_name))
            }
            Action::PhotoRemoved(photo) => {
                self.photo_removed(photo);
                Step::info(format!("{}: {}", t.photo_removed(), photo.file_name))
            }
            Action::PathCompleted { text, candidates } => {
                if let Some(edit) = &mut self.edit
                    && edit.kind == EditKind::Photo
                {
                    edit.input = TextInput::new(text);
                }
                match candidates.is_empty() {
                    true => Step::none(),
                    false => Step::info(candidates.join("  ")),
                }
            }
            _ => return None,
        };
        Some(step)
    }

    /// A note being typed is saved rather than dropped.
    fn quit(&mut self, _cx: &Context) -> Step {
        Step::quit().with_effects(self.save_open_note())
    }

    fn render(&self, cx: &Context, area: Rect, buf: &mut Buffer) -> Option<Position> {
        view::render(cx, self, area, buf)
    }
}

impl FormState {
    pub fn new(data: FormData) -> Self {
        let FormData {
            inspection,
            establishment,
            checklist,
            answers,
            must_check,
            year_sequence,
            photos,
            follow_up,
        } = data;
        let items: Vec<(usize, Item)> = checklist
            .sections
            .iter()
            .enumerate()
            .flat_map(|(s, section)| section.items.iter().map(move |i| (s, i.clone())))
            .collect();
        let is_must = |item: &Item| must_check.contains(&item.id);
        let mut order: Vec<(usize, usize)> = items
            .iter()
            .enumerate()
            .filter(|(_, (_, item))| is_must(item))
            .map(|(i, _)| (i, MUST_GROUP))
            .collect();
        order.extend(
            items
                .iter()
                .enumerate()
                .filter(|(_, (_, item))| !is_must(item))
                .map(|(i, (s, _))| (i, *s)),
        );
        let answers: HashMap<String, Answer> = answers
            .into_iter()
            .map(|a| (a.item_id.clone(), a))
            .collect();
        let mut form = FormState {
            inspection,
            establishment,
            checklist,
            items,
            order,
            answers,
            must_check,
            year_sequence,
            photos,
            follow_up,
            widened: false,
            cursor: 0,
            edit: None,
            guidance: false,
            stored_current: None,
        };
        form.limit_to_follow_up();
        // Resume where the inspector was; else at the first open item.
        let resume = form.inspection.current_item.clone();
        form.stored_current = resume.clone();
        form.cursor = resume
            .and_then(|id| form.position_of(&id))
            .or_else(|| form.next_open(0))
            .unwrap_or(0);
        form
    }

    pub(super) fn position_of(&self, item_id: &str) -> Option<usize> {
        self.order
            .iter()
            .position(|(i, _)| self.items[*i].1.id == item_id)
    }

    pub fn item_at(&self, pos: usize) -> Option<&Item> {
        self.order
            .get(pos)
            .and_then(|(i, _)| self.items.get(*i))
            .map(|(_, item)| item)
    }

    pub fn current(&self) -> Option<&Item> {
        self.item_at(self.cursor)
    }

    pub fn is_answered(&self, item: &Item) -> bool {
        self.answers.get(&item.id).is_some_and(|a| match item.kind {
            ItemKind::Text => !a.note.trim().is_empty(),
            _ => a.verdict != Verdict::NotChecked,
        })
    }

    /// (answered, total, key answered, key total)
    /// Over the items listed: the whole checklist, or a 复查's items under rectification.
    pub fn progress(&self) -> (usize, usize, usize, usize) {
        let items = || self.listed();
        let answered = items().filter(|i| self.is_answered(i)).count();
        let key_total = items().filter(|i| i.key).count();
        let key_answered = items().filter(|i| i.key && self.is_answered(i)).count();
        (answered, self.order.len(), key_answered, key_total)
    }

    /// The items the form lists, in its order.
    pub fn listed(&self) -> impl Iterator<Item = &Item> {
        self.order
            .iter()
            .filter_map(|(i, _)| self.items.get(*i))
            .map(|(_, item)| item)
    }

    /// The first unanswered position at or after `from`, wrapping around.
    pub(super) fn next_open(&self, from: usize) -> Option<usize> {
        let n = self.order.len();
        (0..n)
            .map(|k| (from + k) % n)
            .find(|p| self.item_at(*p).is_some_and(|i| !self.is_answered(i)))
    }

    pub fn typing(&self) -> bool {
        matches!(&self.edit, Some(e) if !matches!(e.kind, EditKind::Choice(_) | EditKind::PhotoList(_)))
    }

    pub fn paste(&mut self, text: &str) {
        if self.edit.is_none() && self.current().is_some_and(|i| i.kind == ItemKind::Text) {
            self.open_note(Verdict::NotChecked, true);
        }
        if let Some(edit) = &mut self.edit {
            edit.input.insert(text);
        }
    }

    /// Stores the current item if it changed, so a draft resumes where it was left. It rides on
    /// the keypress's answer when there is one: one durable commit, not two (issue 7).
    pub fn remember_current(&mut self, effects: &mut Vec<Effect>) {
        let Some(item) = self.current() else {
            return;
        };
        if self.stored_current.as_deref() == Some(item.id.as_str()) {
            return;
        }
        let item_id = item.id.clone();
        self.stored_current = Some(item_id.clone());
        let answer = effects.iter_mut().find_map(|e| match e {
            Effect::SaveAnswer { current_item, .. } => Some(current_item),
            _ => None,
        });
        match answer {
            Some(slot) => *slot = Some(item_id),
            None => effects.push(Effect::SetCurrentItem {
                inspection_id: self.inspection.id.clone(),
                item_id,
            }),
        }
    }

    pub fn saved(&mut self, answer: Answer) {
        self.answers.insert(answer.item_id.clone(), answer);
    }

    pub fn cleared(&mut self, item_id: &str) {
        self.answers.remove(item_id);
    }

    pub(super) fn save(
        &self,
        item: &Item,
        verdict: Verdict,
        value: Option<f64>,
        choice: Option<String>,
        note: Option<String>,
    ) -> Effect {
        let old = self.answers.get(&item.id);
        Effect::SaveAnswer {
            inspection_id: self.inspection.id.clone(),
            answer: AnswerDraft {
                item_id: item.id.clone(),
                verdict,
                value: value.or(old.and_then(|a| a.value)),
                choice: choice.or(old.and_then(|a| a.choice.clone())),
                note: note.unwrap_or_else(|| old.map(|a| a.note.clone()).unwrap_or_default()),
            },
            current_item: None,
        }
    }

    pub(super) fn open_note(&mut self, verdict: Verdict, then_next: bool) {
        let note = self
            .current()
            .and_then(|i| self.answers.get(&i.id))
            .map(|a| a.note.clone());
        self.edit = Some(Edit {
            kind: EditKind::Note(verdict),
            input: TextInput::new(note.as_deref().unwrap_or("")),
            then_next,
        });
    }

    pub(super) fn advance(&mut self) {
        if self.cursor + 1 < self.order.len() {
            self.cursor += 1;
        }
    }

    pub(super) fn group_of(&self, pos: usize) -> Option<usize> {
        self.order.get(pos).map(|(_, g)| *g)
    }
}
