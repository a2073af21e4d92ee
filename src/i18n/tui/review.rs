//! The words of the review's 2022 steps (issue 18): the 告知页 and a result set against the
//! computed one, in both languages (the review's other words are in `i18n/tui/mod.rs`).

use super::Text;

impl Text {
    pub fn notice_credentials(self) -> &'static str {
        self.0
            .pick("告知：出示执法证件", "Notice: credentials shown")
    }

    pub fn notice_task_letter(self) -> &'static str {
        self.0
            .pick("告知：出示检查任务书", "Notice: task letter shown")
    }

    pub fn notice_recusal(self) -> &'static str {
        self.0.pick("申请回避", "Recusal requested")
    }

    pub fn notice_recusal_action(self) -> &'static str {
        self.0.pick("回避处理情况", "What was done")
    }

    /// Beside the recusal action when none was requested.
    pub fn no_recusal(self) -> &'static str {
        self.0.pick("（未申请回避）", "(no recusal requested)")
    }

    /// The result field: the one the inspectors set.
    pub fn result_set(self) -> &'static str {
        self.0.pick("确定结果", "Result set")
    }

    pub fn result_reason(self) -> &'static str {
        self.0.pick("改判理由", "Reason")
    }

    /// Beside the reason field while the result is the computed one.
    pub fn no_reason_needed(self) -> &'static str {
        self.0.pick(
            "（与计算结果相同，无需理由）",
            "(the computed result; no reason needed)",
        )
    }

    /// After the result under the 2016 rule: the rule decided it.
    pub fn by_rule(self) -> &'static str {
        self.0.pick("按规则计算", "by the rule")
    }

    /// After the result under `judgement`: shian's proposal for the inspectors to confirm.
    pub fn proposal(self) -> &'static str {
        self.0
            .pick("建议，由检查人员确定", "proposed; the inspectors decide")
    }

    /// After a result the inspectors changed: what the counts gave.
    pub fn computed_was(self, computed: &str) -> String {
        match self.0 {
            crate::i18n::Lang::Zh => format!("计算结果：{computed}"),
            crate::i18n::Lang::En => format!("computed: {computed}"),
        }
    }
}
