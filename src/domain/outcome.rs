//! How the result of an inspection is decided (判定), from the notes of the 2016 catering table,
//! and the handling (结果处理) it suggests. See docs/outcome.md.

use serde::{Deserialize, Serialize};

use super::codes::codes;

codes! {
    /// The inspector's finding on one item.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Verdict {
        /// 符合
        Pass => "pass",
        /// 不符合
        Fail => "fail",
        /// 合理缺项: the item does not apply here; left out of the rates.
        NotApplicable => "not_applicable",
        /// 未检查
        NotChecked => "not_checked",
    }
}

codes! {
    /// 检查结果
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Outcome {
        /// 符合
        Compliant => "compliant",
        /// 基本符合
        BasicallyCompliant => "basically_compliant",
        /// 不符合
        NonCompliant => "non_compliant",
    }
}

impl Outcome {
    /// The handling the form's common practice ties to the result; the inspector may choose
    /// another (Order 49 arts. 32–33 allow on-the-spot rectification or investigation).
    pub fn suggested_handling(self) -> Handling {
        match self {
            Self::Compliant => Handling::Pass,
            Self::BasicallyCompliant => Handling::RectifyByDeadline,
            Self::NonCompliant => Handling::StopOperations,
        }
    }
}

codes! {
    /// 结果处理
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Handling {
        /// 通过
        Pass => "pass",
        /// 当场整改
        RectifyOnSite => "rectify_on_site",
        /// 书面限期整改 (with a deadline)
        RectifyByDeadline => "rectify_by_deadline",
        /// 依法调查处理
        Investigate => "investigate",
        /// 立即停止经营活动
        StopOperations => "stop_operations",
    }
}

impl Handling {
    pub fn needs_deadline(self) -> bool {
        self == Self::RectifyByDeadline
    }
}

/// The counts behind an outcome, as the record form prints them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub key_passed: u32,
    pub key_failed: u32,
    pub key_not_applicable: u32,
    pub general_passed: u32,
    pub general_failed: u32,
    pub general_not_applicable: u32,
    /// Scored items without a verdict (or 未检查).
    pub unanswered: u32,
}

impl Tally {
    /// Counts the verdicts of scored items: `(is key item, verdict)`.
    pub fn count(verdicts: impl IntoIterator<Item = (bool, Verdict)>) -> Self {
        let mut tally = Self::default();
        for (key, verdict) in verdicts {
            let slot = match (key, verdict) {
                (true, Verdict::Pass) => &mut tally.key_passed,
                (true, Verdict::Fail) => &mut tally.key_failed,
                (true, Verdict::NotApplicable) => &mut tally.key_not_applicable,
                (false, Verdict::Pass) => &mut tally.general_passed,
                (false, Verdict::Fail) => &mut tally.general_failed,
                (false, Verdict::NotApplicable) => &mut tally.general_not_applicable,
                (_, Verdict::NotChecked) => &mut tally.unanswered,
            };
            *slot += 1;
        }
        tally
    }

    /// Key items looked at, 合理缺项 included (the form's "重点项 N 项").
    pub fn key_checked(&self) -> u32 {
        self.key_passed + self.key_failed + self.key_not_applicable
    }

    pub fn general_checked(&self) -> u32 {
        self.general_passed + self.general_failed + self.general_not_applicable
    }

    pub fn not_applicable(&self) -> u32 {
        self.key_not_applicable + self.general_not_applicable
    }

    /// General-item pass rate in percent: passed ÷ (checked − 合理缺项). `None` when no general
    /// item was passed or failed.
    pub fn general_pass_rate(&self) -> Option<f64> {
        let applicable = self.general_passed + self.general_failed;
        (applicable > 0).then(|| f64::from(self.general_passed) * 100.0 / f64::from(applicable))
    }

    /// The 2016 rule. `None` when no item was passed or failed: there is nothing to judge.
    ///
    /// - 符合: no key and no general item failed.
    /// - 不符合: two or more key items failed, or the general pass rate is under 70%.
    /// - 基本符合: everything else — at most one key item failed and the rate is at least 70%,
    ///   which includes the case the rule's text leaves open (one key item failed, every
    ///   general item passed).
    pub fn outcome(&self) -> Option<Outcome> {
        let general_applicable = self.general_passed + self.general_failed;
        if self.key_passed + self.key_failed + general_applicable == 0 {
            return None;
        }
        // Integer arithmetic: exactly 70% must not fall on the wrong side by rounding.
        let rate_below_70 = self.general_passed * 10 < general_applicable * 7;
        Some(if self.key_failed == 0 && self.general_failed == 0 {
            Outcome::Compliant
        } else if self.key_failed >= 2 || rate_below_70 {
            Outcome::NonCompliant
        } else {
            Outcome::BasicallyCompliant
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Verdict::{Fail, NotApplicable as Na, NotChecked, Pass};
    use super::*;

    fn tally(key: &[Verdict], general: &[Verdict]) -> Tally {
        Tally::count(
            key.iter()
                .map(|v| (true, *v))
                .chain(general.iter().map(|v| (false, *v))),
        )
    }

    fn general(passed: usize, failed: usize) -> Vec<Verdict> {
        let mut v = vec![Pass; passed];
        v.extend(vec![Fail; failed]);
        v
    }

    #[test]
    fn no_failure_is_compliant() {
        let t = tally(&[Pass, Pass, Pass], &general(7, 0));
        assert_eq!(t.outcome(), Some(Outcome::Compliant));
        assert_eq!(t.general_pass_rate(), Some(100.0));
    }

    #[test]
    fn zero_one_and_two_failed_key_items() {
        let g = general(10, 1);
        assert_eq!(
            tally(&[Pass, Pass, Pass], &g).outcome(),
            Some(Outcome::BasicallyCompliant)
        );
        assert_eq!(
            tally(&[Fail, Pass, Pass], &g).outcome(),
            Some(Outcome::BasicallyCompliant)
        );
        assert_eq!(
            tally(&[Fail, Fail, Pass], &g).outcome(),
            Some(Outcome::NonCompliant)
        );
        assert_eq!(
            tally(&[Fail, Fail, Pass], &general(10, 0)).outcome(),
            Some(Outcome::NonCompliant)
        );
    }

    #[test]
    fn general_rate_exactly_70_is_basically_compliant() {
        let t = tally(&[Pass, Pass, Pass], &general(7, 3));
        assert_eq!(t.general_pass_rate(), Some(70.0));
        assert_eq!(t.outcome(), Some(Outcome::BasicallyCompliant));
    }

    #[test]
    fn general_rate_just_under_70_is_non_compliant() {
        // 69 of 100 and 699 of 1000: just under, however fine the steps.
        let t = tally(&[Pass], &general(69, 31));
        assert_eq!(t.outcome(), Some(Outcome::NonCompliant));
        let t = tally(&[Pass], &general(699, 301));
        assert_eq!(t.outcome(), Some(Outcome::NonCompliant));
        let t = tally(&[Pass], &general(700, 300));
        assert_eq!(t.outcome(), Some(Outcome::BasicallyCompliant));
    }

    #[test]
    fn not_applicable_is_left_out_of_the_rate() {
        // 7 passed, 3 failed, 5 合理缺项: 7 / 10 = 70%, not 7 / 15.
        let mut g = general(7, 3);
        g.extend(vec![Na; 5]);
        let t = tally(&[Pass, Na], &g);
        assert_eq!(t.general_pass_rate(), Some(70.0));
        assert_eq!(t.outcome(), Some(Outcome::BasicallyCompliant));
        assert_eq!(t.not_applicable(), 6);
        assert_eq!(t.general_checked(), 15);
        assert_eq!(t.key_checked(), 2);
    }

    #[test]
    fn one_key_failure_with_all_general_passed_is_basically_compliant() {
        let t = tally(&[Fail, Pass, Pass], &general(7, 0));
        assert_eq!(t.general_pass_rate(), Some(100.0));
        assert_eq!(t.outcome(), Some(Outcome::BasicallyCompliant));
    }

    #[test]
    fn one_key_failure_and_low_rate_is_non_compliant() {
        let t = tally(&[Fail, Pass, Pass], &general(6, 4));
        assert_eq!(t.outcome(), Some(Outcome::NonCompliant));
    }

    #[test]
    fn nothing_answered_has_no_outcome() {
        assert_eq!(tally(&[], &[]).outcome(), None);
        let t = tally(&[NotChecked], &[NotChecked, NotChecked]);
        assert_eq!(t.outcome(), None);
        assert_eq!(t.unanswered, 3);
    }

    #[test]
    fn only_not_applicable_has_no_outcome() {
        let t = tally(&[Na, Na], &[Na]);
        assert_eq!(t.outcome(), None);
        assert_eq!(t.general_pass_rate(), None);
    }

    #[test]
    fn only_key_items_checked() {
        assert_eq!(tally(&[Pass], &[]).outcome(), Some(Outcome::Compliant));
        assert_eq!(
            tally(&[Fail], &[Na]).outcome(),
            Some(Outcome::BasicallyCompliant)
        );
    }

    #[test]
    fn suggested_handling_follows_the_form() {
        assert_eq!(Outcome::Compliant.suggested_handling(), Handling::Pass);
        assert_eq!(
            Outcome::BasicallyCompliant.suggested_handling(),
            Handling::RectifyByDeadline
        );
        assert_eq!(
            Outcome::NonCompliant.suggested_handling(),
            Handling::StopOperations
        );
    }

    #[test]
    fn codes_round_trip() {
        for o in Outcome::ALL {
            assert_eq!(Outcome::from_code(o.code()), Some(o));
        }
        for h in Handling::ALL {
            assert_eq!(Handling::from_code(h.code()), Some(h));
        }
        for v in [Pass, Fail, Na, NotChecked] {
            assert_eq!(Verdict::from_code(v.code()), Some(v));
        }
    }
}
