//! 责令改正通知书: the written rectification order handed to the operator when the handling is
//! 书面限期整改 (Order 49 art. 33; docs/reports.md). One A4 page through the same offline HTML
//! and print CSS as the record form: the issuing bureau, the order's number (from the record's
//! serial), the operator and its licence, each failed item with the finding in the inspector's
//! words, the legal basis, the deadline, how the operator reports back, the 复查 that follows,
//! signature and seal spaces for both sides, and the record code that ties it to the record.

use askama::Template;

use super::record::{format_date, record_code};
use super::{BASE_CSS, Result};
use crate::domain::checklist::ItemKind;
use crate::domain::outcome::{Handling, Verdict};
use crate::i18n::Lang;
use crate::store::{InspectionRecord, PhotoBytes};

/// The article every order rests on; the articles each item's checklist cites are added, never
/// made up (an item without a basis adds nothing).
const ORDER_49_ART_33_ZH: &str =
    "《食品生产经营监督检查管理办法》（国家市场监督管理总局令第49号）第三十三条";
const ORDER_49_ART_33_EN: &str = "Measures for the Supervision and Inspection of Food Production and Operation (SAMR Order No. 49), Article 33";

/// Why an order cannot be printed for a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NoOrder {
    #[error("the record is not final")]
    NotFinal,
    #[error("the record's handling is not a written order with a deadline")]
    NotWritten,
}

impl NoOrder {
    /// Why, in the user's words.
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
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

/// The order's number: the record's serial under the order's mark, so one record gives one
/// order and the paper names the record it comes from.
pub fn order_number(serial: &str, lang: Lang) -> String {
    lang.pick(&format!("责改〔{serial}〕号"), &format!("Order {serial}"))
        .to_string()
}

struct Labels {
    lang_tag: &'static str,
    title: &'static str,
    number: &'static str,
    operator: &'static str,
    license: &'static str,
    address: &'static str,
    person: &'static str,
    item: &'static str,
    requirement: &'static str,
    finding: &'static str,
    basis: &'static str,
    deadline: &'static str,
    report_back: &'static str,
    follow_up: &'static str,
    inspectors: &'static str,
    operator_sign: &'static str,
    seal: &'static str,
    date: &'static str,
    record: &'static str,
    record_code: &'static str,
    colon: &'static str,
}

impl Labels {
    fn of(lang: Lang) -> Labels {
        let p = |zh, en| lang.pick(zh, en);
        Labels {
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

struct Row {
    number: String,
    text: String,
    finding: String,
}

#[derive(Template)]
#[template(path = "order.html")]
struct OrderPage {
    t: Labels,
    css: &'static str,
    number: String,
    bureau: String,
    name: String,
    license: String,
    address: String,
    person: String,
    opening: String,
    rows: Vec<Row>,
    basis: Vec<String>,
    deadline: String,
    report_back: String,
    follow_up: String,
    inspectors: Vec<(String, String)>,
    date: String,
    serial: String,
    code: String,
}

/// The order of a final record whose handling is 书面限期整改, as one HTML page.
pub fn render_order(
    record: &InspectionRecord,
    photos: &[PhotoBytes],
    lang: Lang,
) -> Result<String> {
    let i = &record.inspection;
    if i.status != crate::domain::inspection::Status::Final {
        return Err(NoOrder::NotFinal.into());
    }
    let c = &i.conclusion;
    let (Some(Handling::RectifyByDeadline), Some(deadline)) = (c.handling, c.deadline) else {
        return Err(NoOrder::NotWritten.into());
    };
    let f = i.facts_or(&record.establishment.facts);
    let serial = i.serial.clone().unwrap_or_else(|| i.id.clone());
    let date = format_date(i.local_started_at().date_naive(), lang);
    let mut rows = Vec::new();
    let mut basis = vec![
        lang.pick(ORDER_49_ART_33_ZH, ORDER_49_ART_33_EN)
            .to_string(),
    ];
    for item in record.checklist.items() {
        let Some(a) = record
            .answers
            .iter()
            .find(|a| a.item_id == item.id && a.verdict == Verdict::Fail)
        else {
            continue;
        };
        // The finding in the inspector's words, with what was measured or chosen.
        let mut finding = a.note.clone();
        if let (Some(v), ItemKind::Measurement { unit, .. }) = (a.value, &item.kind) {
            finding = format!("{finding} {}{v}{unit}", lang.pick("实测 ", "measured "));
        }
        if let Some(choice) = &a.choice {
            finding = format!("{finding} [{choice}]");
        }
        rows.push(Row {
            number: format!("{}{}", if item.key { "*" } else { "" }, item.number),
            text: item.text.clone(),
            finding: finding.trim().to_string(),
        });
        if let Some(b) = &item.basis
            && !basis.contains(b)
        {
            basis.push(b.clone());
        }
    }
    let deadline = format_date(deadline, lang);
    let bureau = i.bureau.clone();
    let page = OrderPage {
        opening: match lang {
            Lang::Zh => format!(
                "{date}，本局执法人员对你单位进行了{}（检查记录编号 {serial}），发现下列问题，不符合食品安全法律法规和标准的规定。现责令你单位于 {deadline} 前改正："
                , lang.inspection_kind(i.kind)
            ),
            Lang::En => format!(
                "On {date} inspectors of this bureau carried out a {} of your premises (record {serial}) and found the following, which do not meet food-safety law and standards. You are ordered to rectify them by {deadline}:",
                lang.inspection_kind(i.kind)
            ),
        },
        report_back: match lang {
            Lang::Zh => format!(
                "请于 {deadline} 前将整改情况（整改报告，附整改前后照片等材料）书面报送{bureau}。"
            ),
            Lang::En => format!(
                "Report the rectification in writing (a report with photos before and after) to {bureau} by {deadline}."
            ),
        },
        follow_up: lang
            .pick(
                "期限届满后，本局将对上列问题逐项复查。逾期不改正或复查仍不符合的，依法调查处理（第49号令第三十二条、第三十三条）。",
                "After the deadline this bureau follows each item up (复查). Items not rectified in time, or failing again, are investigated under the law (Order 49 arts. 32-33).",
            )
            .to_string(),
        t: Labels::of(lang),
        css: BASE_CSS,
        number: order_number(&serial, lang),
        bureau,
        name: f.name.clone(),
        license: f.license_no.clone(),
        address: f.address.clone(),
        person: f.person_in_charge.clone(),
        rows,
        basis,
        deadline,
        inspectors: i
            .inspectors
            .iter()
            .map(|p| (p.name.clone(), p.badge.clone()))
            .collect(),
        date,
        code: record_code(record, photos),
        serial,
    };
    Ok(page.render()?)
}

/// `复查：检查记录 X（责令改正通知书 责改〔X〕号）`, for each record a 复查 follows up.
pub(super) fn follows_up_line(serials: &[String], lang: Lang) -> String {
    serials
        .iter()
        .map(|s| {
            lang.pick(
                &format!("检查记录 {s}（责令改正通知书 {}）", order_number(s, lang)),
                &format!("record {s} (order {})", order_number(s, lang)),
            )
            .to_string()
        })
        .collect::<Vec<_>>()
        .join(lang.pick("；", "; "))
}
