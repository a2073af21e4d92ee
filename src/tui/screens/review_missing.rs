//! The failed items a final record still lacks a note or a photo for, named on the review and
//! reached with `p` (issue 15). The rule is the domain's (`domain::final_check`): it reports
//! the first such item, so the others are found by asking again as if each found were done.

use std::collections::BTreeSet;

use super::form::{Edit, EditKind, FormState};
use super::review::ReviewState;
use crate::domain::final_check::{FinalContext, FinalProblem, check_final};
use crate::domain::inspection::Inspection;
use crate::domain::outcome::Verdict;
use crate::i18n::tui::Text;
use crate::tui::input::TextInput;

/// What a failed item still needs before the record may be final.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    Note(String),
    Photo(String),
}

impl ReviewState {
    /// Every failed item lacking its note or photo, in the checklist's order.
    pub(super) fn find_missing(&self, inspection: &Inspection) -> Vec<Missing> {
        let mut answers: Vec<_> = self.form.answers.values().cloned().collect();
        let mut photos: BTreeSet<String> =
            self.form.photos.iter().map(|p| p.item_id.clone()).collect();
        let mut found = Vec::new();
        // Each round settles one need of one item in the copies: at most two per answer.
        for _ in 0..=2 * answers.len() {
            let cx = FinalContext {
                items_with_photos: &photos,
                now: chrono::Utc::now(),
            };
            match check_final(&self.form.checklist, inspection, &answers, &cx) {
                Err(FinalProblem::NoteRequired { item }) => {
                    for a in answers.iter_mut().filter(|a| a.item_id == item) {
                        a.note = "-".into();
                    }
                    found.push(Missing::Note(item));
                }
                Err(FinalProblem::PhotoRequired { item }) => {
                    photos.insert(item.clone());
                    found.push(Missing::Photo(item));
                }
                _ => break,
            }
        }
        found
    }
}

/// "不符合项需填写说明：4.2；需附照片：4.2、6.2。按 p 转到 4.2"
pub fn missing_text(t: Text, form: &FormState, missing: &[Missing]) -> String {
    let number = |id: &str| {
        form.items
            .iter()
            .find(|(_, i)| i.id == id)
            .map_or_else(|| id.to_string(), |(_, i)| i.number.clone())
    };
    let list = |photo: bool| -> Vec<String> {
        missing
            .iter()
            .filter_map(|m| match m {
                Missing::Note(id) if !photo => Some(number(id)),
                Missing::Photo(id) if photo => Some(number(id)),
                _ => None,
            })
            .collect()
    };
    let first = match missing.first() {
        Some(Missing::Note(id) | Missing::Photo(id)) => number(id),
        None => String::new(),
    };
    t.missing_notes_photos(&list(false), &list(true), &first)
}

impl FormState {
    /// Back from the review at an item that lacks something, with its note or photo open.
    pub fn go_to_missing(&mut self, missing: &Missing) {
        let (Missing::Note(id) | Missing::Photo(id)) = missing;
        if let Some(at) = self.position_of(id) {
            self.cursor = at;
        }
        match missing {
            Missing::Note(_) => self.open_note(Verdict::Fail, false),
            Missing::Photo(_) => {
                self.edit = Some(Edit {
                    kind: EditKind::Photo,
                    input: TextInput::default(),
                    then_next: false,
                });
            }
        }
    }
}
