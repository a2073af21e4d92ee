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

    /// Over the checklist chooser of a campaign's target within its period.
    pub fn campaign_checklists_first(self, names: &str) -> String {
        match self.0 {
            Lang::Zh => format!("专项行动“{names}”的检查表已排在最前并选中"),
            Lang::En => format!("The checklists of {names} come first, selected"),
        }
    }

    /// The opened record's line of campaigns (screens/records/record/tags.rs).
    pub fn campaigns_label(self) -> &'static str {
        self.0.pick("专项行动：", "Campaigns:")
    }

    pub fn tag_state(self, tagged: bool) -> &'static str {
        match tagged {
            true => self.0.pick("计入", "counted"),
            false => self.0.pick("已移出", "taken out"),
        }
    }

    pub fn untag_hint(self) -> &'static str {
        self.0.pick("u 移出/计入", "u takes out / back")
    }

    pub fn in_no_campaign(self) -> &'static str {
        self.0.pick(
            "这次检查不属于任何专项行动（对象和日期都要在专项行动之内）",
            "This inspection is in no campaign (its establishment and day must both fall in one)",
        )
    }

    /// After `u`: the campaign and what the record is now; the next field bundle carries it.
    pub fn campaign_tag_changed(self, name: &str, tagged: bool) -> String {
        match (self.0, tagged) {
            (Lang::Zh, true) => format!("已重新计入“{name}”，下次导出数据包时报给办公室"),
            (Lang::Zh, false) => format!("已从“{name}”移出，下次导出数据包时报给办公室"),
            (Lang::En, true) => {
                format!("Counted for {name} again; the next bundle tells the office")
            }
            (Lang::En, false) => format!("Taken out of {name}; the next bundle tells the office"),
        }
    }

    pub fn keys_untag(self) -> &'static str {
        self.0.pick(
            "移出或重新计入专项行动",
            "take out of the campaign, or back in",
        )
    }

    /// Beside a name field when the bureau's list is here: how many match what is typed.
    pub fn pick_from_list(self, n: usize) -> String {
        match self.0 {
            Lang::Zh => format!("名单中 {n} 人符合，←→ 选择"),
            Lang::En => format!("{n} on the list match; ←→ picks"),
        }
    }
}
