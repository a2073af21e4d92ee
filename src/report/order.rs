//! 责令改正通知书: the written rectification order handed to the operator when the handling is
//! 书面限期整改 (Order 49 art. 33; docs/reports.md). One A4 page through the same offline HTML
//! and print CSS as the record form: the issuing bureau, the order's number (from the record's
//! serial), the operator and its licence, each failed item with the finding in the inspector's
//! words, the legal basis, the deadline, how the operator reports back, the 复查 that follows,
//! signature and seal spaces for both sides, and the record code that ties it to the record.

use askama::Template;

use super::record_code::record_code;
use super::{BASE_CSS, Result};
use crate::domain::checklist::ItemKind;
use crate::domain::outcome::{Handling, Verdict};
use crate::i18n::Lang;
use crate::i18n::order::OrderLabels;
use crate::store::{InspectionRecord, PhotoBytes};

/// Why an order cannot be printed for a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NoOrder {
    #[error("the record is not final")]
    NotFinal,
    #[error("the record's handling is not a written order with a deadline")]
    NotWritten,
}

struct Row {
    number: String,
    text: String,
    finding: String,
}

#[derive(Template)]
#[template(path = "order.html")]
struct OrderPage {
    t: OrderLabels,
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
    let date = lang.printed_date(i.local_started_at().date_naive());
    let mut rows = Vec::new();
    let mut basis = vec![lang.order_49_art_33().to_string()];
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
            finding = format!("{finding} {}{v}{unit}", lang.measured());
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
    let deadline = lang.printed_date(deadline);
    let bureau = i.bureau.clone();
    let page = OrderPage {
        opening: lang.order_opening(&date, i.kind, &serial, &deadline),
        report_back: lang.order_report_back(&deadline, &bureau),
        follow_up: lang.order_follow_up().to_string(),
        t: OrderLabels::of(lang),
        css: BASE_CSS,
        number: lang.order_number(&serial),
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
