//! The review's fields: which there are (the 2022 form's 告知页 first), in a fixed order, and
//! which take typing.

use super::ReviewState;
use crate::domain::checklist::RecordForm;
use crate::tui::input::TextInput;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The 告知页 (2022 form): 执法证件 shown, 检查任务书 shown, 回避 requested, what was done.
    Credentials,
    TaskLetter,
    Recusal,
    RecusalAction,
    /// The result the inspectors set (←→), and their reason when it is not the computed one.
    Outcome,
    OutcomeReason,
    Handling,
    Deadline,
    SecondName,
    SecondBadge,
    Signatory,
    Opinion,
    Refused,
    Witness,
    Remarks,
    Finalize,
}

/// Every field in screen order. The 2022 form begins with its 告知页 (the first
/// [`NOTICE_FIELDS`]); the 2016 form has the rest. The result comes last before the button:
/// confirming or changing it is the last act of the sign-off, and a count of Tabs from the
/// handling reaches the fields it always did.
const FIELDS: [Field; 16] = [
    Field::Credentials,
    Field::TaskLetter,
    Field::Recusal,
    Field::RecusalAction,
    Field::Handling,
    Field::Deadline,
    Field::SecondName,
    Field::SecondBadge,
    Field::Signatory,
    Field::Opinion,
    Field::Refused,
    Field::Witness,
    Field::Remarks,
    Field::Outcome,
    Field::OutcomeReason,
    Field::Finalize,
];

/// How many of [`FIELDS`] are the 告知页's.
const NOTICE_FIELDS: usize = 4;

impl ReviewState {
    /// Every field, always in the same places: the deadline stays (disabled) when the handling
    /// has none, so a count of Tabs always reaches the same field.
    pub fn fields(&self) -> &'static [Field] {
        if self.form.checklist.form == RecordForm::Form2022 {
            &FIELDS
        } else {
            &FIELDS[NOTICE_FIELDS..]
        }
    }

    pub fn input(&mut self, field: Field) -> Option<&mut TextInput> {
        match field {
            Field::Deadline => Some(&mut self.deadline),
            Field::SecondName => Some(&mut self.second_name),
            Field::SecondBadge => Some(&mut self.second_badge),
            Field::Signatory => Some(&mut self.signatory),
            Field::Opinion => Some(&mut self.opinion),
            Field::Witness => Some(&mut self.witness),
            Field::Remarks => Some(&mut self.remarks),
            Field::OutcomeReason => Some(&mut self.outcome_reason),
            Field::RecusalAction => Some(&mut self.recusal_action),
            _ => None,
        }
    }

    pub fn typing(&self) -> bool {
        let disabled = self.disabled(self.focus);
        let input = !matches!(
            self.focus,
            Field::Handling
                | Field::Refused
                | Field::Finalize
                | Field::Outcome
                | Field::Credentials
                | Field::TaskLetter
                | Field::Recusal
        );
        !self.confirming && input && !disabled
    }

    pub fn paste(&mut self, text: &str) {
        if !self.typing() {
            return;
        }
        if let Some(input) = self.input(self.focus) {
            input.insert(text);
        }
    }

    pub(super) fn step(&mut self, forward: bool) {
        let fields = self.fields();
        let at = fields.iter().position(|f| *f == self.focus).unwrap_or(0);
        let n = fields.len();
        self.focus = fields[if forward {
            (at + 1) % n
        } else {
            (at + n - 1) % n
        }];
    }
}
