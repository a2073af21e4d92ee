//! The words of the summary's sections on the cycle after the finding (`report/summary_cycle.rs`)
//! and on each 专项行动 (`report/summary_campaigns.rs`).

use super::Lang;

words! { Lang;
    // 整改与复查
    cycle_heading => "整改与复查", "Orders and follow-ups";
    cycle_what => "项目", "What";
    cycle_count => "数量", "Count";
    cycle_names => "涉及单位", "Establishments";
    cycle_follow_up_note => "复查是对整改的跟进，不计入按风险等级的检查频次。", "A follow-up (复查) follows an order up; it does not count toward the frequency by grade.";
    cycle_orders_issued => "下达责令改正通知书", "Orders to rectify issued";
    cycle_closed_on_time => "按期整改（复查合格）", "Closed on time";
    cycle_closed_late => "逾期整改（复查合格）", "Closed late";
    cycle_failed_again => "复查不合格", "Failed at follow-up";
    cycle_escalated => "转依法调查处理", "Escalated to investigation";
    // 专项行动
    campaign_heading => "专项行动：", "Campaign: ";
    campaign_period => "行动时间：", "Period: ";
    campaign_goal_label => "目标", "Goal";
    campaign_covered => "已检查 / 目标单位", "Covered / targets";
    campaign_inspections => "检查次数", "Inspections";
    campaign_orders => "责令整改项", "Orders";
    campaign_open => "未关闭", "Open";
    campaign_failures => "不符合项", "Failed items";
    campaign_cases => "实例", "Cases";
    campaign_not_covered => "尚未检查的目标单位", "Targets not inspected yet";
}

impl Lang {
    /// The orders issued, and how many items they name.
    pub fn cycle_orders_count(self, orders: usize, items: usize) -> String {
        match self {
            Lang::Zh => format!("{orders} 份（{items} 项）"),
            Lang::En => format!("{orders} ({items} items)"),
        }
    }

    /// After the names a line shows: how many there are in all, or how many more.
    pub fn and_more(self, total: usize, more: usize) -> String {
        match self {
            Lang::Zh => format!(" 等 {total} 家"),
            Lang::En => format!(" and {more} more"),
        }
    }

    /// A campaign's goal: every target, or a number of them.
    pub fn campaign_goal(self, target_count: Option<u32>) -> String {
        match (target_count, self) {
            (None, _) => self.pick("全覆盖", "full coverage").to_string(),
            (Some(n), Lang::Zh) => format!("计划检查 {n} 家"),
            (Some(n), Lang::En) => format!("{n} planned"),
        }
    }
}
