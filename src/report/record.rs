//! The record form (日常监督检查结果记录表), one per inspection, page-broken between them, with the
//! short record code (`record_code.rs`) printed on every page.

use askama::Template;
use base64::Engine as _;

use super::record_2022::{notice, result_note};
use super::record_code::record_code;
use super::{BASE_CSS, Labels, Result};
use crate::domain::checklist::RecordForm;
use crate::domain::inspection::Status;
use crate::domain::outcome::{Handling, Outcome, Verdict};
use crate::i18n::Lang;
use crate::i18n::report_2022::Labels2022;
use crate::store::{InspectionRecord, PhotoBytes};

/// Photo types a browser shows inline; anything else is listed by name only.
const IMAGE_TYPES: [&str; 4] = ["image/jpeg", "image/png", "image/webp", "image/gif"];

/// One inspection to print.
pub struct RecordInput<'a> {
    pub record: &'a InspectionRecord,
    pub photos: &'a [PhotoBytes],
    /// Serial numbers (or ids) of the revisions that correct this record.
    pub superseded_by: Vec<String>,
}

#[derive(Template)]
#[template(path = "record.html")]
struct RecordPage<'a> {
    t: &'a Labels,
    t2: &'a Labels2022,
    css: &'a str,
    title: String,
    forms: Vec<Form>,
}

pub(super) struct Tick {
    pub(super) label: &'static str,
    pub(super) on: bool,
}

struct Finding {
    number: String,
    key: bool,
    text: String,
    note: String,
    measured: String,
    photos: Vec<Thumb>,
}

struct Thumb {
    src: String,
    name: String,
}

struct Form {
    /// 日常监督检查结果记录表 (2016) or 表2-2 (2022), as the pinned checklist's `form` says.
    form_title: &'static str,
    /// The 告知页 as recorded, printed on the 2022 form: what was shown, and the 回避 line.
    notice: Option<(Vec<Tick>, String)>,
    /// Beside the counts: a result the inspectors set, with the computed one and the reason,
    /// or under `judgement` that they confirmed the proposal.
    result_note: String,
    code: String,
    draft: bool,
    superseded_by: Vec<String>,
    revision_reason: Option<String>,
    /// A 复查 names the records and orders it follows up (issue 13).
    follows_up: String,
    bureau: String,
    serial: String,
    /// What `shian report verify` takes: the serial, or the id of a draft.
    verify_key: String,
    name: String,
    address: String,
    contact: String,
    phone: String,
    license: String,
    year_sequence: String,
    kind: &'static str,
    inspectors: Vec<(String, String)>,
    date: String,
    checklist: String,
    total_checked: u32,
    key_checked: u32,
    key_failed: String,
    general_checked: u32,
    general_failed: String,
    not_applicable: u32,
    unanswered: u32,
    pass_rate: String,
    findings: Vec<Finding>,
    outcomes: Vec<Tick>,
    handlings: Vec<Tick>,
    deadline: String,
    remarks: String,
    /// What of a long 说明 continues on the attached page (附页); empty when it fits.
    remarks_more: String,
    operator_signatory: String,
    operator_opinion: String,
    refused: bool,
    witness: String,
    sign_date: String,
}

/// Renders the record forms of `inputs` into one self-contained HTML document.
pub fn render_records(inputs: &[RecordInput], lang: Lang) -> Result<String> {
    let t = Labels::of(lang);
    let forms: Vec<Form> = inputs.iter().map(|input| form(input, lang)).collect();
    let title = match (inputs, forms.as_slice()) {
        ([one], [f]) => format!(
            "{} {}",
            f.form_title,
            one.record.inspection.serial.as_deref().unwrap_or_default()
        ),
        _ => t.form_title.to_string(),
    };
    Ok(RecordPage {
        t,
        t2: Labels2022::of(lang),
        css: BASE_CSS,
        title,
        forms,
    }
    .render()?)
}

fn form(input: &RecordInput, lang: Lang) -> Form {
    let r = input.record;
    let i = &r.inspection;
    // The facts of the inspection's day when the record keeps them (docs/reports.md).
    let f = i.facts_or(&r.establishment.facts);
    let t = &r.tally;
    let outcome = i.outcome.or(t.outcome());
    let c = &i.conclusion;
    let (remarks, remarks_more) = split_remarks(&c.remarks);
    let failed_numbers = |key: bool| {
        let numbers: Vec<&str> = r
            .checklist
            .items()
            .filter(|item| item.key == key)
            .filter(|item| {
                r.answers
                    .iter()
                    .any(|a| a.item_id == item.id && a.verdict == Verdict::Fail)
            })
            .map(|item| item.number.as_str())
            .collect();
        let unit = Labels::of(lang).items_unit;
        match numbers.len() {
            0 => format!("0{unit}"),
            n => format!(
                "{n}{unit}{}{}{}",
                Labels::of(lang).lp,
                numbers.join(lang.list_separator()),
                Labels::of(lang).rp
            ),
        }
    };
    let findings = r
        .checklist
        .items()
        .filter_map(|item| {
            let answer = r
                .answers
                .iter()
                .find(|a| a.item_id == item.id && a.verdict == Verdict::Fail)?;
            let unit = match &item.kind {
                crate::domain::checklist::ItemKind::Measurement { unit, .. } => unit.as_str(),
                _ => "",
            };
            Some(Finding {
                number: item.number.clone(),
                key: item.key,
                text: item.text.clone(),
                note: answer.note.clone(),
                measured: answer
                    .value
                    .map(|v| format!("{} {v}{unit}", Labels::of(lang).measured))
                    .unwrap_or_default(),
                photos: input
                    .photos
                    .iter()
                    .filter(|p| p.item_id == item.id)
                    .map(thumb)
                    .collect(),
            })
        })
        .collect();
    let date = i.local_started_at().date_naive();
    let form2022 = r.checklist.form == RecordForm::Form2022;
    Form {
        form_title: if form2022 {
            Labels2022::of(lang).form_title
        } else {
            Labels::of(lang).form_title
        },
        notice: form2022.then(|| notice(c.notice.as_ref(), lang)).flatten(),
        result_note: result_note(r, lang),
        code: record_code(r, input.photos),
        draft: i.status == Status::Draft,
        superseded_by: input.superseded_by.clone(),
        revision_reason: i.supersedes.as_ref().map(|_| {
            i.revision_reason
                .clone()
                .unwrap_or_else(|| Labels::of(lang).none.to_string())
        }),
        follows_up: lang.follows_up_line(&r.follows_up),
        bureau: i.bureau.clone(),
        serial: i.serial.clone().unwrap_or_default(),
        verify_key: i.serial.clone().unwrap_or_else(|| i.id.clone()),
        name: f.name.clone(),
        address: f.address.clone(),
        contact: f.person_in_charge.clone(),
        phone: f.phone.clone(),
        license: f.license_no.clone(),
        year_sequence: i.year_sequence.map(|n| n.to_string()).unwrap_or_default(),
        kind: lang.inspection_kind(i.kind),
        inspectors: i
            .inspectors
            .iter()
            .map(|p| (p.name.clone(), p.badge.clone()))
            .collect(),
        date: lang.printed_date(date),
        checklist: format!(
            "{}{}{}{}",
            r.checklist.title,
            Labels::of(lang).lp,
            r.checklist.version,
            Labels::of(lang).rp
        ),
        total_checked: t.key_checked() + t.general_checked(),
        key_checked: t.key_checked(),
        key_failed: failed_numbers(true),
        general_checked: t.general_checked(),
        general_failed: failed_numbers(false),
        not_applicable: t.not_applicable(),
        unanswered: t.unanswered,
        pass_rate: t
            .general_pass_rate()
            .map(|rate| format!("{rate:.1}%"))
            .unwrap_or_else(|| "—".to_string()),
        findings,
        outcomes: Outcome::ALL
            .into_iter()
            .map(|o| Tick {
                label: lang.outcome(o),
                on: outcome == Some(o),
            })
            .collect(),
        handlings: Handling::ALL
            .into_iter()
            .map(|h| Tick {
                label: lang.handling(h),
                on: c.handling == Some(h),
            })
            .collect(),
        deadline: c.deadline.map(|d| lang.printed_date(d)).unwrap_or_default(),
        remarks,
        remarks_more,
        operator_signatory: c.operator_signatory.clone(),
        operator_opinion: c.operator_opinion.clone(),
        refused: c.operator_refused,
        witness: c.witness.clone(),
        sign_date: i
            .finalized_at
            .map(|at| {
                lang.printed_date(
                    at.with_timezone(&i.local_started_at().timezone())
                        .date_naive(),
                )
            })
            .unwrap_or_default(),
    }
}

/// Characters of 说明 the form's cell holds: about three lines of the A4 form. More would push
/// the signatures to a second sheet, where a signature no longer stands under what it signs.
const REMARKS_ON_FORM: usize = 120;

/// 说明 as the form's cell shows it and the rest that continues on the attached page (附页).
/// The cut is at the last sentence or clause end in the cell's second half, else at the limit.
fn split_remarks(remarks: &str) -> (String, String) {
    let remarks = remarks.trim();
    if remarks.chars().count() <= REMARKS_ON_FORM {
        return (remarks.to_string(), String::new());
    }
    let limit = remarks
        .char_indices()
        .nth(REMARKS_ON_FORM)
        .map_or(remarks.len(), |(at, _)| at);
    let half = remarks
        .char_indices()
        .nth(REMARKS_ON_FORM / 2)
        .map_or(0, |(at, _)| at);
    let cut = remarks[..limit]
        .char_indices()
        .rev()
        .find(|(at, c)| *at >= half && "。；！？;!?\n，,".contains(*c))
        .map(|(at, c)| at + c.len_utf8())
        .unwrap_or(limit);
    (
        remarks[..cut].trim_end().to_string(),
        remarks[cut..].trim_start().to_string(),
    )
}

fn thumb(photo: &PhotoBytes) -> Thumb {
    let media = photo.media_type.to_ascii_lowercase();
    let src = if IMAGE_TYPES.contains(&media.as_str()) {
        format!(
            "data:{media};base64,{}",
            base64::engine::general_purpose::STANDARD.encode(&photo.bytes)
        )
    } else {
        String::new()
    };
    Thumb {
        src,
        name: photo.file_name.clone(),
    }
}

#[cfg(test)]
mod tests;
