//! The words of planning on the screens (issue 14): tasks on 首页, picking an inspector.

use chrono::NaiveDate;

use super::Text;
use crate::i18n::Lang;

impl Text {
    pub fn tasks(self) -> &'static str {
        self.0.pick(
            "任务（专项行动、双随机抽查）",
            "Tasks (campaigns, random checks)",
        )
    }

    pub fn task_deadline(self, deadline: NaiveDate) -> String {
        match self.0 {
            Lang::Zh => format!("期限 {deadline}"),
            Lang::En => format!("due {deadline}"),
        }
    }

    pub fn task_overdue(self, deadline: NaiveDate) -> String {
        match self.0 {
            Lang::Zh => format!("已逾期 {deadline}"),
            Lang::En => format!("overdue {deadline}"),
        }
    }

    /// Beside a name field when the bureau's list is here: how many match what is typed.
    pub fn pick_from_list(self, n: usize) -> String {
        match self.0 {
            Lang::Zh => format!("名单中 {n} 人符合，←→ 选择"),
            Lang::En => format!("{n} on the list match; ←→ picks"),
        }
    }
}
