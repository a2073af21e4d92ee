//! Review and finalize: the outcome with its counts, the handling, the two inspectors and the
//! operator's side, then a confirmation before the record becomes final.

pub mod fields;
pub mod kept;
pub mod keys;
pub mod missing;
pub mod outcome;
pub mod view;

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

use super::FormState;
use crate::domain::checklist::RecordForm;
use crate::domain::final_check::{FinalContext, FinalProblem, check_final, deadline_range};
use crate::domain::inspection::{Conclusion, Inspection, Inspector, tally_items};
use crate::domain::outcome::{Handling, Outcome, Tally};
use crate::domain::rectification::proposed_handling;
use crate::domain::sign_off::{Notice, RULES_VERSION};
use crate::i18n::tui::Text;
use crate::tui::app::{Action, Effect, Profile};
use crate::tui::command::Command;
use crate::tui::component::{Component, Context, Step};
use crate::tui::input::TextInput;
use crate::tui::keys::Keys;
pub use fields::Field;
use missing::Missing;

/// Default time given by a written rectification order; the inspector changes it as needed.
const DEFAULT_DEADLINE_DAYS: u64 = 15;

pub struct ReviewState {
    pub form: FormState,
    pub tally: Tally,
    /// The computed result (the rule's, or under `judgement` the proposal).
    pub outcome: Option<Outcome>,
    /// The result the inspectors set when it is not the computed one (docs/outcome.md).
    pub chosen: Option<Outcome>,
    pub outcome_reason: TextInput,
    /// The 告知页, asked for when the checklist prints on the 2022 form.
    pub notice: Notice,
    pub recusal_action: TextInput,
    pub handling: Handling,
    pub deadline: TextInput,
    pub second_name: TextInput,
    pub second_badge: TextInput,
    /// What was typed in the second inspector's name: ←→ cycle through the colleagues it
    /// matches (src/tui/people.rs).
    pub second_query: String,
    pub signatory: TextInput,
    pub opinion: TextInput,
    pub refused: bool,
    pub witness: TextInput,
    pub remarks: TextInput,
    pub focus: Field,
    pub confirming: bool,
    /// The failed items last found lacking a note or photo; `p` goes to the first.
    pub missing: Vec<Missing>,
    /// The handling was chosen (Left/Right), not only suggested: only a chosen one is kept in
    /// the draft, so a suggestion follows answers changed later.
    pub handling_chosen: bool,
}

impl ReviewState {
    pub fn new(form: FormState, profile: &Profile, today: NaiveDate) -> Self {
        // Over the items listed: a 复查 counts what it covers, not the items it does not list
        // (issue 13); for other kinds that is the whole checklist.
        let tally = tally_items(form.listed().map(|item| {
            let verdict = form.answers.get(&item.id).map(|a| a.verdict);
            (
                item,
                verdict.unwrap_or(crate::domain::outcome::Verdict::NotChecked),
            )
        }));
        let outcome = tally.outcome();
        let handling = proposed_handling(outcome, !form.failed_again().is_empty());
        let second = form
            .inspection
            .inspectors
            .get(1)
            .cloned()
            .unwrap_or_else(|| profile.colleague.clone());
        let deadline = today + chrono::Days::new(DEFAULT_DEADLINE_DAYS);
        ReviewState {
            signatory: TextInput::new(&form.establishment.facts.person_in_charge),
            focus: if form.checklist.form == RecordForm::Form2022 {
                Field::Credentials
            } else {
                Field::Handling
            },
            form,
            tally,
            outcome,
            chosen: None,
            outcome_reason: TextInput::default(),
            notice: Notice::default(),
            recusal_action: TextInput::default(),
            handling,
            deadline: TextInput::new(&deadline.to_string()),
            second_name: TextInput::new(&second.name),
            second_badge: TextInput::new(&second.badge),
            second_query: String::new(),
            opinion: TextInput::default(),
            refused: false,
            witness: TextInput::default(),
            remarks: TextInput::default(),
            confirming: false,
            missing: Vec::new(),
            handling_chosen: false,
        }
        .restored()
    }

    /// The deadline field takes a date only when the handling has a deadline.
    /// What the review proposes: the result's handling, or 依法调查处理 when a 复查 failed an
    /// item under rectification again (`domain::rectification::proposed_handling`).
    pub fn suggested(&self) -> Option<Handling> {
        self.result()
            .map(|o| proposed_handling(Some(o), !self.form.failed_again().is_empty()))
    }

    pub fn deadline_disabled(&self) -> bool {
        !self.handling.needs_deadline()
    }

    /// What stops finalizing; `None` when the record may become final. The rules are the
    /// domain's (`domain::final_check`), the same the store and the import enforce.
    fn problem(&self, profile: &Profile) -> Option<FinalProblem> {
        if self.handling.needs_deadline() && self.deadline_date().is_none() {
            return Some(FinalProblem::NeedDeadline);
        }
        let inspection = self.as_final(profile);
        let answers: Vec<_> = self.form.answers.values().cloned().collect();
        let items_with_photos = self.form.photos.iter().map(|p| p.item_id.clone()).collect();
        let cx = FinalContext {
            items_with_photos: &items_with_photos,
            now: chrono::Utc::now(),
        };
        check_final(&self.form.checklist, &inspection, &answers, &cx).err()
    }

    /// The draft as it would be finalized with what the review holds now.
    fn as_final(&self, profile: &Profile) -> Inspection {
        Inspection {
            inspectors: self.inspectors(profile),
            conclusion: self.conclusion(),
            ..self.form.inspection.clone()
        }
    }

    /// The deadline as typed, if it is a date; whether it is in range is the domain's rule
    /// (`final_check::deadline_range`), checked with the rest.
    fn deadline_date(&self) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(self.deadline.text().trim(), "%Y-%m-%d").ok()
    }

    /// The dates a written order's deadline may take, as the domain bounds them.
    pub fn deadline_range(&self) -> (NaiveDate, NaiveDate) {
        deadline_range(&self.form.inspection)
    }

    /// The inspector who started the draft, then the second one as typed.
    pub(super) fn inspectors(&self, profile: &Profile) -> Vec<Inspector> {
        let first = self
            .form
            .inspection
            .inspectors
            .first()
            .cloned()
            .unwrap_or_else(|| profile.inspector());
        let second = Inspector {
            name: self.second_name.text().trim().to_string(),
            badge: self.second_badge.text().trim().to_string(),
        };
        vec![first, second]
    }

    pub(super) fn conclusion(&self) -> Conclusion {
        Conclusion {
            handling: Some(self.handling),
            deadline: self
                .handling
                .needs_deadline()
                .then(|| self.deadline_date())
                .flatten(),
            remarks: self.remarks.text().trim().to_string(),
            operator_signatory: self.signatory.text().trim().to_string(),
            operator_opinion: self.opinion.text().trim().to_string(),
            operator_refused: self.refused,
            witness: self.witness.text().trim().to_string(),
            outcome_override: self.outcome_override(),
            notice: self.notice(),
            rules: self.rules(),
        }
    }

    /// The rules the record will be made under, as the store's finalize sets them: today's,
    /// or for a correction those of its original (which the draft carries from it).
    pub(super) fn rules(&self) -> u32 {
        match self.form.inspection.supersedes {
            Some(_) => self.form.inspection.conclusion.rules,
            None => RULES_VERSION,
        }
    }

    fn finalize(&self, profile: &Profile) -> Effect {
        Effect::Finalize {
            inspection_id: self.form.inspection.id.clone(),
            inspectors: self.inspectors(profile),
            conclusion: self.conclusion(),
        }
    }
}

impl Component for ReviewState {
    fn title(&self, t: Text) -> String {
        t.review().into()
    }

    fn keys(&self, _cx: &Context) -> &'static Keys {
        keys::keys(self)
    }

    fn typing(&self) -> bool {
        ReviewState::typing(self)
    }

    fn on(&mut self, cx: &Context, command: Command) -> Step {
        self.on_command(cx, command)
    }

    fn paste(&mut self, _cx: &Context, text: &str) -> Step {
        ReviewState::paste(self, text);
        Step::none()
    }

    /// The answers the checklist waits for reach it under the review too.
    fn answer(&mut self, cx: &Context, action: &Action) -> Option<Step> {
        self.form.answer(cx, action)
    }

    /// The sign-off typed so far is kept in the draft.
    fn quit(&mut self, cx: &Context) -> Step {
        Step::quit().with_effects(self.keep_sign_off(&cx.profile()))
    }

    fn render(&self, cx: &Context, area: Rect, buf: &mut Buffer) -> Option<Position> {
        view::render(cx, self, area, buf)
    }
}

/// The review's own words for the problems an inspector meets most; the domain's for the rest.
fn problem_text(t: Text, r: &ReviewState, problem: &FinalProblem) -> String {
    match problem {
        FinalProblem::NothingChecked => t.need_result().into(),
        FinalProblem::NeedSecondInspector => t.need_second().into(),
        FinalProblem::NeedDeadline => {
            let (from, to) = r.deadline_range();
            t.need_deadline(from, to)
        }
        FinalProblem::NeedSignatory => t.need_signatory().into(),
        other => t.lang().final_problem(other),
    }
}

/// The colleagues who may be the second inspector: everyone offered but the first.
pub(super) fn second_candidates(colleagues: &[Inspector], r: &ReviewState) -> Vec<Inspector> {
    let me = r
        .form
        .inspection
        .inspectors
        .first()
        .map(|i| i.badge.clone());
    colleagues
        .iter()
        .filter(|c| Some(&c.badge) != me.as_ref())
        .cloned()
        .collect()
}
