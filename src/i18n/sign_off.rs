//! The words of the sign-off added with the 2022 tables (src/domain/sign_off.rs): a result set
//! against the computed one, the 告知页, and the coverage of the checklist.

use crate::domain::sign_off::SignOffProblem;
use crate::i18n::Lang;

impl Lang {
    /// Why the sign-off is not complete.
    pub fn sign_off_problem(self, problem: &SignOffProblem) -> String {
        match problem {
            SignOffProblem::NeedOutcomeReason => self
                .pick(
                    "检查结果与计算结果不同，需写明理由",
                    "a result other than the computed one needs a written reason",
                )
                .into(),
            SignOffProblem::Uncovered { item } if self == Lang::Zh => {
                format!("第 {item} 项未检查：除飞行检查和复查外，须检查全部项目（合理缺项也算）")
            }
            SignOffProblem::Uncovered { item } => format!(
                "item {item} is not checked: every inspection but a 飞行检查 or a 复查 covers every item (合理缺项 counts)"
            ),
            SignOffProblem::NeedNotice => self
                .pick(
                    "2022 年版记录表需要先填写告知页",
                    "the 2022 record form needs its 告知页 (notice) first",
                )
                .into(),
            SignOffProblem::NoticeShowsNothing => self
                .pick(
                    "告知页：需出示执法证件或检查任务书",
                    "告知页: the inspectors' credentials or the task letter must be shown",
                )
                .into(),
            SignOffProblem::NeedRecusalAction => self
                .pick(
                    "告知页：被检查单位申请回避，需写明处理情况",
                    "告知页: 回避 (recusal) was requested; write what was done",
                )
                .into(),
        }
    }

    /// 飞行检查 and 体系检查, the kinds Order 49 art. 53 adds.
    pub(crate) fn inspection_kind_2022(self, flight: bool) -> &'static str {
        if flight {
            self.pick("飞行检查", "Unannounced")
        } else {
            self.pick("体系检查", "System")
        }
    }
}
