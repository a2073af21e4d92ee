//! The review's 2022 steps (issue 18): the 告知页 first when the checklist prints on the 2022
//! form, and the result the inspectors set against the computed one, with their reason. The
//! rules are the domain's (src/domain/sign_off.rs); this keeps what was typed.

use super::{Field, ReviewState};
use crate::domain::outcome::Outcome;
use crate::domain::rectification::proposed_handling;
use crate::domain::sign_off::{Notice, OutcomeOverride};
use crate::tui::input::TextInput;

impl ReviewState {
    /// The result the record will state: the inspectors' when they set one.
    pub fn result(&self) -> Option<Outcome> {
        self.chosen.or(self.outcome)
    }

    /// A field that takes nothing now: the deadline of a handling without one, the reason of a
    /// result that is the computed one, what was done about a 回避 nobody requested.
    pub fn disabled(&self, field: Field) -> bool {
        match field {
            Field::Deadline => self.deadline_disabled(),
            Field::OutcomeReason => self.chosen.is_none(),
            Field::RecusalAction => !self.notice.recusal_requested,
            _ => false,
        }
    }

    /// Space or Enter on a box of the 告知页; false on any other field.
    pub(super) fn toggle(&mut self, field: Field) -> bool {
        let n = &mut self.notice;
        let flag = match field {
            Field::Credentials => &mut n.credentials_shown,
            Field::TaskLetter => &mut n.task_letter_shown,
            Field::Recusal => &mut n.recusal_requested,
            _ => return false,
        };
        *flag = !*flag;
        true
    }

    /// ←→ on the result: the next of the three; back on the computed one there is nothing to
    /// set. A suggested handling follows the result; a chosen one stays.
    pub(super) fn choose_outcome(&mut self, forward: bool) {
        let Some(computed) = self.outcome else {
            return;
        };
        let all = Outcome::ALL;
        let current = self.result().unwrap_or(computed);
        let at = all.iter().position(|o| *o == current).unwrap_or(0);
        let n = all.len();
        let next = all[if forward {
            (at + 1) % n
        } else {
            (at + n - 1) % n
        }];
        self.chosen = (next != computed).then_some(next);
        if !self.handling_chosen {
            self.handling = proposed_handling(Some(next), !self.form.failed_again().is_empty());
        }
    }

    pub(super) fn outcome_override(&self) -> Option<OutcomeOverride> {
        Some(OutcomeOverride {
            computed: self.outcome?,
            chosen: self.chosen?,
            reason: self.outcome_reason.text().trim().to_string(),
        })
    }

    /// The 告知页 as filled in; none for a 2016-form checklist, where the review does not ask.
    pub(super) fn notice(&self) -> Option<Notice> {
        self.fields().contains(&Field::Credentials).then(|| Notice {
            recusal_action: if self.notice.recusal_requested {
                self.recusal_action.text().trim().to_string()
            } else {
                String::new()
            },
            ..self.notice.clone()
        })
    }

    /// The 告知页 and a set result a draft kept (`review_kept`). A kept result counts only if
    /// the answers still compute what they did when it was set.
    pub(super) fn restore_2022(&mut self) {
        let c = self.form.inspection.conclusion.clone();
        if let Some(notice) = c.notice {
            self.recusal_action = TextInput::new(&notice.recusal_action);
            self.notice = notice;
        }
        if let Some(o) = c.outcome_override
            && Some(o.computed) == self.outcome
        {
            self.chosen = Some(o.chosen);
            self.outcome_reason = TextInput::new(&o.reason);
        }
    }
}
