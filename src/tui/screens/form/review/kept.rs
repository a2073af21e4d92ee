//! The review's sign-off kept in the draft: written when the inspector leaves the review (Esc,
//! `p`, Ctrl-C) and shown again when they come back, after a restart too (issue 15).

use super::ReviewState;
use crate::domain::inspection::Conclusion;
use crate::tui::app::{Effect, Profile};
use crate::tui::input::TextInput;

impl ReviewState {
    /// What the draft keeps: the handling only when chosen (a suggestion follows the answers),
    /// and its deadline with it.
    fn kept_conclusion(&self) -> Conclusion {
        let mut c = self.conclusion();
        // The rules version is the finalize's to set: a draft keeps the one it has (none, or
        // a correction's original's), so a review left untouched changes nothing.
        c.rules = self.form.inspection.conclusion.rules;
        if !self.handling_chosen {
            c.handling = None;
            c.deadline = None;
        }
        c
    }

    /// Keeps the inspectors and the sign-off in the draft, when they differ from what it has.
    /// A second inspector not typed yet leaves the draft's as they are.
    pub fn keep_sign_off(&mut self, profile: &Profile) -> Vec<Effect> {
        let inspectors = if self.second_name.is_empty() {
            self.form.inspection.inspectors.clone()
        } else {
            self.inspectors(profile)
        };
        let conclusion = self.kept_conclusion();
        let i = &mut self.form.inspection;
        if inspectors == i.inspectors && conclusion == i.conclusion {
            return Vec::new();
        }
        i.inspectors = inspectors.clone();
        i.conclusion = conclusion.clone();
        vec![Effect::KeepSignOff {
            inspection_id: i.id.clone(),
            inspectors,
            conclusion,
        }]
    }

    /// The sign-off a draft kept, over the defaults `new` proposed.
    pub(super) fn restored(mut self) -> Self {
        let c = self.form.inspection.conclusion.clone();
        if c == Conclusion::default() {
            return self;
        }
        self.restore_2022();
        if let Some(handling) = c.handling {
            self.handling = handling;
            self.handling_chosen = true;
        }
        if let Some(deadline) = c.deadline {
            self.deadline = TextInput::new(&deadline.to_string());
        }
        self.signatory = TextInput::new(&c.operator_signatory);
        self.opinion = TextInput::new(&c.operator_opinion);
        self.refused = c.operator_refused;
        self.witness = TextInput::new(&c.witness);
        self.remarks = TextInput::new(&c.remarks);
        self
    }
}
