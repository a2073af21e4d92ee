//! The words of the 复查 and the rectification cycle (issue 13), in both languages (the fixed
//! words of the screens are in `i18n/tui/mod.rs`).

use super::Text;

impl Text {
    pub fn follow_up_section(self) -> &'static str {
        self.0.pick(
            "整改项（复查，按 w 显示全部检查项）",
            "Under rectification (follow-up; w shows every item)",
        )
    }

    pub fn under_rectification(self) -> &'static str {
        self.0.pick("整改", "Order")
    }

    pub fn original_finding(self) -> &'static str {
        self.0.pick("原检查", "Found")
    }

    pub fn deadline_in_force(self) -> &'static str {
        self.0.pick("整改期限", "Deadline")
    }

    pub fn failed_again_mark(self) -> &'static str {
        self.0.pick("复查不合格", "failed at follow-up")
    }

    pub fn overdue_mark(self) -> &'static str {
        self.0.pick("逾期未改", "overdue")
    }

    pub fn widened(self) -> &'static str {
        self.0.pick(
            "已显示全部检查项（整改项在前）；再按 w 只显示整改项",
            "Every item shown (those under rectification first); w again shows only those",
        )
    }

    pub fn narrowed(self) -> &'static str {
        self.0.pick(
            "只显示整改项；按 w 显示全部检查项",
            "Only the items under rectification; w shows every item",
        )
    }

    pub fn not_a_follow_up(self) -> &'static str {
        self.0.pick(
            "w 只用于复查：本次检查已列出全部检查项",
            "w is for a follow-up: this inspection lists every item already",
        )
    }

    pub fn answered_outside_follow_up(self) -> &'static str {
        self.0.pick(
            "已有整改项以外的答案：先按 0 清除，才能只显示整改项",
            "Items outside the order are answered: clear them with 0 to show only the order's",
        )
    }

    /// On the review of a 复查 that failed an item under rectification again.
    pub fn follow_up_failed_again(self, items: &str) -> String {
        match self.0 {
            crate::i18n::Lang::Zh => format!(
                "复查不合格：{items} 仍不符合，整改记录保持未完成，建议依法调查处理（第49号令第三十二条）"
            ),
            crate::i18n::Lang::En => format!(
                "Failed at follow-up: {items} still not compliant; the order stays open, and investigation (依法调查处理, Order 49 art. 32) is proposed"
            ),
        }
    }

    /// 首页's heading over the orders to follow up.
    pub fn to_follow_up(self) -> &'static str {
        self.0.pick(
            "整改待复查（逾期在前）",
            "Orders to follow up (overdue first)",
        )
    }

    /// `f` on a record that gave no written order.
    pub fn no_order_to_follow_up(self) -> &'static str {
        self.0.pick(
            "此记录不是书面限期整改，没有要复查的整改项",
            "This record gave no written order: nothing to follow up",
        )
    }

    pub fn report_order(self) -> &'static str {
        self.0.pick("责令改正通知书", "Order to rectify")
    }

    pub fn keys_print_order(self) -> &'static str {
        self.0
            .pick("打印责令改正通知书", "print the order to rectify")
    }

    /// After finalizing a written order.
    pub fn order_with_key(self) -> &'static str {
        self.0
            .pick("按 O 打印责令改正通知书", "O prints the order to rectify")
    }

    pub fn keys_follow_up_record(self) -> &'static str {
        self.0.pick(
            "复查打开的限期整改记录",
            "follow up the opened written order",
        )
    }
}
