//! The words of the 责令改正通知书 (`report/order.rs`): its labels, sentences and legal basis.

use crate::domain::inspection::InspectionKind;
use crate::i18n::Lang;
use crate::report::NoOrder;

/// The article every order rests on; the articles each item's checklist cites are added, never
/// made up (an item without a basis adds nothing).
const ORDER_49_ART_33_ZH: &str =
    "《食品生产经营监督检查管理办法》（国家市场监督管理总局令第49号）第三十三条";
const ORDER_49_ART_33_EN: &str = "Measures for the Supervision and Inspection of Food Production and Operation (SAMR Order No. 49), Article 33";

/// The labels of the order's page.
pub struct OrderLabels {
    pub lang_tag: &'static str,
    pub title: &'static str,
    pub number: &'static str,
    pub operator: &'static str,
    pub license: &'static str,
    pub address: &'static str,
    pub person: &'static str,
    pub item: &'static str,
    pub requirement: &'static str,
    pub finding: &'static str,
    pub basis: &'static str,
    pub deadline: &'static str,
    pub report_back: &'static str,
    pub follow_up: &'static str,
    pub inspectors: &'static str,
    pub operator_sign: &'static str,
    pub seal: &'static str,
    pub date: &'static str,
    pub record: &'static str,
    pub record_code: &'static str,
    pub colon: &'static str,
}

impl OrderLabels {
    pub fn of(lang: Lang) -> OrderLabels {
        let p = |zh, en| lang.pick(zh, en);
        OrderLabels {
            lang_tag: p("zh-CN", "en"),
            title: p("责令改正通知书", "Order to Rectify (责令改正通知书)"),
            number: p("编号", "No."),
            operator: p("被检查单位", "Operator"),
            license: p("许可证编号", "Licence No."),
            address: p("地址", "Address"),
            person: p(
                "法定代表人（负责人）",
                "Legal representative (person in charge)",
            ),
            item: p("检查项", "Item"),
            requirement: p("检查内容", "Requirement"),
            finding: p("发现的问题", "Finding"),
            basis: p("依据", "Legal basis"),
            deadline: p("整改期限", "Deadline"),
            report_back: p("整改报告", "Reporting back"),
            follow_up: p("复查", "Follow-up"),
            inspectors: p("执法人员（签名）", "Inspectors (signatures)"),
            operator_sign: p(
                "被检查单位签收（签名或盖章）",
                "Received by the operator (signature or seal)",
            ),
            seal: p("（印章）", "(seal)"),
            date: p("日期", "Date"),
            record: p("检查记录", "Inspection record"),
            record_code: p("核验码", "Record code"),
            colon: p("：", ": "),
        }
    }
}

impl Lang {
    /// Why an order cannot be printed, in the user's words.
    pub fn no_order(self, why: NoOrder) -> &'static str {
        let lang = self;
        match why {
            NoOrder::NotFinal => lang.pick(
                "记录尚未定稿，定稿后才能打印责令改正通知书",
                "the record is not final: an order is printed once it is",
            ),
            NoOrder::NotWritten => lang.pick(
                "结果处理不是书面限期整改，没有责令改正通知书",
                "the handling is not a written order with a deadline: there is no order to print",
            ),
        }
    }
}

impl Lang {
    /// The order's number: the record's serial under the order's mark, so one record gives one
    /// order and the paper names the record it comes from.
    pub fn order_number(self, serial: &str) -> String {
        match self {
            Lang::Zh => format!("责改〔{serial}〕号"),
            Lang::En => format!("Order {serial}"),
        }
    }

    /// `复查：检查记录 X（责令改正通知书 责改〔X〕号）`, for each record a 复查 follows up.
    pub fn follows_up_line(self, serials: &[String]) -> String {
        let lang = self;
        serials
            .iter()
            .map(|s| {
                lang.pick(
                    &format!("检查记录 {s}（责令改正通知书 {}）", lang.order_number(s)),
                    &format!("record {s} (order {})", lang.order_number(s)),
                )
                .to_string()
            })
            .collect::<Vec<_>>()
            .join(lang.pick("；", "; "))
    }

    /// The article every order rests on.
    pub fn order_49_art_33(self) -> &'static str {
        self.pick(ORDER_49_ART_33_ZH, ORDER_49_ART_33_EN)
    }

    pub fn measured(self) -> &'static str {
        self.pick("实测 ", "measured ")
    }

    /// The order's first sentence: when, which inspection, and the deadline.
    pub fn order_opening(
        self,
        date: &str,
        kind: InspectionKind,
        serial: &str,
        deadline: &str,
    ) -> String {
        let kind = self.inspection_kind(kind);
        match self {
            Lang::Zh => format!(
                "{date}，本局执法人员对你单位进行了{kind}（检查记录编号 {serial}），发现下列问题，不符合食品安全法律法规和标准的规定。现责令你单位于 {deadline} 前改正："
            ),
            Lang::En => format!(
                "On {date} inspectors of this bureau carried out a {kind} of your premises (record {serial}) and found the following, which do not meet food-safety law and standards. You are ordered to rectify them by {deadline}:"
            ),
        }
    }

    /// How the operator reports back.
    pub fn order_report_back(self, deadline: &str, bureau: &str) -> String {
        match self {
            Lang::Zh => format!(
                "请于 {deadline} 前将整改情况（整改报告，附整改前后照片等材料）书面报送{bureau}。"
            ),
            Lang::En => format!(
                "Report the rectification in writing (a report with photos before and after) to {bureau} by {deadline}."
            ),
        }
    }

    /// The 复查 that follows the deadline.
    pub fn order_follow_up(self) -> &'static str {
        self.pick(
            "期限届满后，本局将对上列问题逐项复查。逾期不改正或复查仍不符合的，依法调查处理（第49号令第三十二条、第三十三条）。",
            "After the deadline this bureau follows each item up (复查). Items not rectified in time, or failing again, are investigated under the law (Order 49 arts. 32-33).",
        )
    }
}
