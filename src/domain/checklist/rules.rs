//! What a checklist says about the result and the paper: which rule decides the outcome
//! (docs/outcome.md) and which record form prints it (docs/checklist-format.md).

use serde::{Deserialize, Serialize};

use crate::domain::outcome::{Outcome, Tally};

/// How the result of an inspection with this checklist is decided.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum OutcomeRule {
    /// The rule in the notes of the 2016 tables: key failures and the 70% general-item rate
    /// decide (`Tally::outcome`).
    #[default]
    #[serde(rename = "key-general-70")]
    KeyGeneral70,
    /// Order 49 art. 31: the inspectors judge the inspection as a whole. shian proposes an
    /// outcome from the counts; it binds no one.
    #[serde(rename = "judgement")]
    Judgement,
}

/// Which record form (结果记录表) prints an inspection made with this checklist.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum RecordForm {
    /// 日常监督检查结果记录表 (2016).
    #[default]
    #[serde(rename = "2016")]
    Form2016,
    /// 食品经营监督检查结果记录表 (2022, 表2-2), with its 告知页.
    #[serde(rename = "2022")]
    Form2022,
}

/// The outcome shian puts forward for the inspectors, and whether a rule decided it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Proposal {
    pub outcome: Outcome,
    /// True when the checklist's rule decides (key-general-70); false when the counts only
    /// suggest and the inspectors must choose (judgement).
    pub by_rule: bool,
}

impl OutcomeRule {
    pub fn code(self) -> &'static str {
        match self {
            Self::KeyGeneral70 => "key-general-70",
            Self::Judgement => "judgement",
        }
    }

    /// The outcome to put forward from the counts; `None` when no item was passed or failed
    /// and there is nothing to judge. Under `judgement` the 2016 yardstick is still the
    /// proposal: it is the only reading of the counts inspectors know, and the order sets no
    /// other; the difference is that the inspectors decide.
    pub fn propose(self, tally: &Tally) -> Option<Proposal> {
        tally.outcome().map(|outcome| Proposal {
            outcome,
            by_rule: self == Self::KeyGeneral70,
        })
    }

    pub(super) fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

impl RecordForm {
    pub fn code(self) -> &'static str {
        match self {
            Self::Form2016 => "2016",
            Self::Form2022 => "2022",
        }
    }

    pub(super) fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::outcome::Verdict::{self, Fail, NotApplicable, Pass};

    fn tally(key: &[Verdict], general_passed: usize, general_failed: usize) -> Tally {
        let general = std::iter::repeat_n(Pass, general_passed)
            .chain(std::iter::repeat_n(Fail, general_failed))
            .map(|v| (false, v));
        Tally::count(key.iter().map(|v| (true, *v)).chain(general))
    }

    fn outcome(rule: OutcomeRule, tally: &Tally) -> Option<(Outcome, bool)> {
        rule.propose(tally).map(|p| (p.outcome, p.by_rule))
    }

    #[test]
    fn the_70_rule_decides_at_every_boundary() {
        let rule = OutcomeRule::KeyGeneral70;
        use Outcome::*;
        let cases = [
            (tally(&[Pass, Pass], 10, 0), Compliant),
            // exactly 70% general items passed, no key failure
            (tally(&[Pass, Pass], 7, 3), BasicallyCompliant),
            // just under 70%
            (tally(&[Pass, Pass], 699, 301), NonCompliant),
            // one key failure, every general item passed: the case the text leaves open
            (tally(&[Fail, Pass], 10, 0), BasicallyCompliant),
            // one key failure at exactly 70%
            (tally(&[Fail, Pass], 7, 3), BasicallyCompliant),
            // two key failures, general items all passed
            (tally(&[Fail, Fail], 10, 0), NonCompliant),
        ];
        for (t, expected) in cases {
            assert_eq!(outcome(rule, &t), Some((expected, true)), "{t:?}");
        }
    }

    #[test]
    fn judgement_proposes_from_the_counts_but_does_not_decide() {
        let rule = OutcomeRule::Judgement;
        assert_eq!(
            outcome(rule, &tally(&[Pass], 7, 3)),
            Some((Outcome::BasicallyCompliant, false))
        );
        assert_eq!(
            outcome(rule, &tally(&[Fail, Fail], 10, 0)),
            Some((Outcome::NonCompliant, false))
        );
        assert_eq!(outcome(rule, &tally(&[NotApplicable], 0, 0)), None);
    }

    #[test]
    fn codes_are_the_words_of_the_file() {
        for (rule, code) in [
            (OutcomeRule::KeyGeneral70, "\"key-general-70\""),
            (OutcomeRule::Judgement, "\"judgement\""),
        ] {
            assert_eq!(serde_json::to_string(&rule).ok().as_deref(), Some(code));
            assert_eq!(format!("\"{}\"", rule.code()), code);
        }
        for (form, code) in [
            (RecordForm::Form2016, "2016"),
            (RecordForm::Form2022, "2022"),
        ] {
            assert_eq!(form.code(), code);
            assert_eq!(
                serde_json::to_string(&form).ok(),
                Some(format!("\"{code}\""))
            );
        }
    }
}
