//! The failed items a final record still lacks a note or a photo for, named on the review and
//! reached with `p` (issue 15). The rule is the domain's (`domain::final_check`): it reports
//! the first such item, so the others are found by asking again as if each found were done.

use std::collections::BTreeSet;

use super::super::{Edit, EditKind, FormState};
use super::ReviewState;
use crate::domain::final_check::{FinalContext, FinalProblem, check_final};
use crate::domain::inspection::{Answer, Inspection};
use crate::domain::outcome::Verdict;
use crate::domain::sign_off::SignOffProblem;
use crate::i18n::tui::Text;
use crate::tui::input::TextInput;

/// What a failed item still needs before the record may be final.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    /// Not answered in an inspection that covers its whole checklist (`domain::sign_off`).
    Uncovered(String),
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
        // Each round settles one need of one item in the copies: at most two per answer, and
        // an answer for each item not answered.
        for _ in 0..=2 * answers.len() + self.form.checklist.items().count() {
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
                Err(FinalProblem::SignOff(SignOffProblem::Uncovered { item })) => {
                    answers.push(Answer {
                        item_id: item.clone(),
                        verdict: Verdict::NotApplicable,
                        value: None,
                        choice: None,
                        note: String::new(),
                        answered_at: chrono::Utc::now(),
                    });
                    found.push(Missing::Uncovered(item));
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
    let list = |which: fn(&Missing) -> Option<&String>| -> Vec<String> {
        missing
            .iter()
            .filter_map(which)
            .map(|id| number(id))
            .collect()
    };
    let first = match missing.first() {
        Some(Missing::Uncovered(id) | Missing::Note(id) | Missing::Photo(id)) => number(id),
        None => String::new(),
    };
    t.missing_notes_photos(
        &list(|m| match m {
            Missing::Uncovered(id) => Some(id),
            _ => None,
        }),
        &list(|m| match m {
            Missing::Note(id) => Some(id),
            _ => None,
        }),
        &list(|m| match m {
            Missing::Photo(id) => Some(id),
            _ => None,
        }),
        &first,
    )
}

impl FormState {
    /// Back from the review at an item that lacks something, with its note or photo open.
    pub fn go_to_missing(&mut self, missing: &Missing) {
        let (Missing::Uncovered(id) | Missing::Note(id) | Missing::Photo(id)) = missing;
        if let Some(at) = self.position_of(id) {
            self.cursor = at;
        }
        match missing {
            // The item to answer, with nothing open.
            Missing::Uncovered(_) => {}
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
