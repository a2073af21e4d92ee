//! One checklist file, from TOML text to a `Draft` whose includes are not yet spliced in.

use std::collections::HashSet;
use std::ops::Range;

use toml::Spanned;

use super::problem::{ChecklistError, Positions, Problem};
use super::{ChoiceOption, ItemKind, OnFail, OutcomeRule, RecordForm};
use crate::domain::establishment::EstablishmentKind;

mod raw;

use raw::{Basis, RawChecklist, RawItem, RawKind, RawOnFail};

/// A checklist file that parsed and passed the checks that need no other file.
#[derive(Debug, Clone)]
pub struct Draft {
    pub file: String,
    pub id: String,
    pub version: String,
    pub title: String,
    pub short: Option<String>,
    pub description: Option<String>,
    pub applies_to: Vec<EstablishmentKind>,
    pub basis: Vec<String>,
    pub parts: Vec<DraftPart>,
    pub outcome: OutcomeRule,
    pub form: RecordForm,
    /// Where `id` stands, for errors found later (duplicate ids across files).
    pub id_at: (usize, usize),
}

#[derive(Debug, Clone)]
pub enum DraftPart {
    Own(OwnSection),
    Include { id: String, at: (usize, usize) },
}

#[derive(Debug, Clone)]
pub struct OwnSection {
    pub id: String,
    pub title: String,
    pub basis: Option<String>,
    pub items: Vec<DraftItem>,
}

#[derive(Debug, Clone)]
pub struct DraftItem {
    pub id: String,
    pub text: String,
    pub key: bool,
    pub guidance: Option<String>,
    pub basis: Option<String>,
    pub kind: ItemKind,
    pub on_fail: OnFail,
    pub local: bool,
    pub at: (usize, usize),
}

/// Collects problems with their positions in one file.
struct Report<'a> {
    file: &'a str,
    positions: Positions<'a>,
    errors: Vec<ChecklistError>,
}

impl Report<'_> {
    fn at(&self, span: Range<usize>) -> (usize, usize) {
        self.positions.line_col(span.start)
    }

    fn push(&mut self, span: Range<usize>, problem: Problem) {
        let (line, column) = self.at(span);
        self.errors.push(ChecklistError {
            file: self.file.to_string(),
            line,
            column,
            problem,
        });
    }
}

/// Parses one file and checks everything that needs no other file. All problems found are
/// returned; serde stops at the first structural one, the semantic checks report every one.
pub fn parse_draft(file: &str, source: &str) -> Result<Draft, Vec<ChecklistError>> {
    let mut report = Report {
        file,
        positions: Positions::new(source),
        errors: Vec::new(),
    };
    let raw: RawChecklist = match toml::from_str(source) {
        Ok(raw) => raw,
        Err(error) => {
            let span = error.span().unwrap_or(0..0);
            report.push(span, classify(error.message()));
            return Err(report.errors);
        }
    };
    let draft = check(raw, &mut report);
    if report.errors.is_empty() {
        Ok(draft)
    } else {
        Err(report.errors)
    }
}

/// Gives the parser's message a rule, so people see which rule was broken.
fn classify(message: &str) -> Problem {
    let quoted = || message.split('`').nth(1).unwrap_or_default().to_string();
    if message.starts_with("unknown field") {
        Problem::UnknownField(quoted())
    } else if message.starts_with("missing field") {
        Problem::MissingField(quoted())
    } else if message.starts_with("unknown variant") {
        Problem::UnknownValue(message.trim().to_string())
    } else {
        Problem::Syntax(message.trim().to_string())
    }
}

fn is_valid_id(id: &str) -> bool {
    id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn non_empty(report: &mut Report, text: &Spanned<String>, field: &'static str) -> String {
    let trimmed = text.get_ref().trim();
    if trimmed.is_empty() {
        report.push(text.span(), Problem::EmptyText(field));
    }
    trimmed.to_string()
}

fn check(raw: RawChecklist, report: &mut Report) -> Draft {
    let id = raw.id.get_ref().trim().to_string();
    if !is_valid_id(&id) {
        report.push(raw.id.span(), Problem::BadChecklistId(id.clone()));
    }
    let version = non_empty(report, &raw.version, "version");
    let title = non_empty(report, &raw.title, "title");

    if raw.applies_to.get_ref().is_empty() {
        report.push(raw.applies_to.span(), Problem::NoAppliesTo);
    }
    let mut applies_to = Vec::new();
    for name in raw.applies_to.get_ref() {
        match EstablishmentKind::parse(name.get_ref()) {
            Some(kind) if !applies_to.contains(&kind) => applies_to.push(kind),
            Some(_) => {}
            None => report.push(
                name.span(),
                Problem::UnknownEstablishmentKind(name.get_ref().clone()),
            ),
        }
    }

    if raw.section.is_empty() {
        report.push(raw.title.span(), Problem::NoSections);
    }
    let mut section_ids = HashSet::new();
    let mut item_ids = HashSet::new();
    let mut parts = Vec::new();
    for section in raw.section {
        let span = section.span();
        let section = section.into_inner();
        if let Some(include) = section.include {
            if section.id.is_some() || section.title.is_some() || !section.item.is_empty() {
                report.push(span, Problem::IncludeWithItems);
            }
            parts.push(DraftPart::Include {
                id: include.get_ref().trim().to_string(),
                at: report.at(include.span()),
            });
            continue;
        }
        let Some(section_id) = section.id else {
            report.push(span, Problem::MissingField("id".into()));
            continue;
        };
        let Some(section_title) = section.title else {
            report.push(span, Problem::SectionWithoutTitle);
            continue;
        };
        let sid = non_empty(report, &section_id, "id");
        if !section_ids.insert(sid.clone()) {
            report.push(section_id.span(), Problem::DuplicateSection(sid.clone()));
        }
        if section.item.is_empty() {
            report.push(span, Problem::EmptySection(sid.clone()));
        }
        let items = section
            .item
            .into_iter()
            .filter_map(|item| check_item(item, report, &mut item_ids))
            .collect();
        parts.push(DraftPart::Own(OwnSection {
            id: sid,
            title: non_empty(report, &section_title, "title"),
            basis: section.basis.and_then(Basis::joined),
            items,
        }));
    }

    Draft {
        file: report.file.to_string(),
        id_at: report.at(raw.id.span()),
        id,
        version,
        title,
        short: raw
            .short
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty()),
        description: raw.description,
        applies_to,
        basis: raw.basis.map(Basis::into_vec).unwrap_or_default(),
        parts,
        outcome: raw.outcome,
        form: raw.form,
    }
}

fn check_item(
    item: Spanned<RawItem>,
    report: &mut Report,
    seen: &mut HashSet<String>,
) -> Option<DraftItem> {
    let span = item.span();
    let item = item.into_inner();
    let id = non_empty(report, &item.id, "id");
    if !seen.insert(id.clone()) {
        report.push(item.id.span(), Problem::DuplicateItem(id.clone()));
    }
    let text = non_empty(report, &item.text, "text");
    let kind = check_kind(&item, span.clone(), report)?;
    Some(DraftItem {
        at: report.at(item.id.span()),
        id,
        text,
        key: item.key,
        guidance: item
            .guidance
            .map(|g| g.trim().to_string())
            .filter(|g| !g.is_empty()),
        basis: item.basis.and_then(Basis::joined),
        kind,
        on_fail: match item.on_fail {
            RawOnFail::None => OnFail::None,
            RawOnFail::Note => OnFail::Note,
            RawOnFail::Photo => OnFail::Photo,
            RawOnFail::NoteAndPhoto => OnFail::NoteAndPhoto,
        },
        local: item.local,
    })
}

fn check_kind(item: &RawItem, span: Range<usize>, report: &mut Report) -> Option<ItemKind> {
    let before = report.errors.len();
    let limits = [&item.min, &item.max];
    if item.kind != RawKind::Measurement {
        if let Some(unit) = &item.unit {
            report.push(unit.span(), Problem::LimitsOnNonMeasurement);
        }
        for limit in limits.into_iter().flatten() {
            report.push(limit.span(), Problem::LimitsOnNonMeasurement);
        }
    }
    if item.kind != RawKind::Choice
        && let Some(options) = &item.options
    {
        report.push(options.span(), Problem::OptionsOnNonChoice);
    }
    let kind = match item.kind {
        RawKind::Check => ItemKind::Check,
        RawKind::Text => ItemKind::Text,
        RawKind::Measurement => {
            let unit = item
                .unit
                .as_ref()
                .map(|u| u.get_ref().trim().to_string())
                .unwrap_or_default();
            if unit.is_empty() {
                report.push(span.clone(), Problem::MeasurementWithoutUnit);
            }
            let min = item.min.as_ref().map(|n| n.get_ref().value());
            let max = item.max.as_ref().map(|n| n.get_ref().value());
            for limit in limits.into_iter().flatten() {
                if !limit.get_ref().value().is_finite() {
                    report.push(limit.span(), Problem::LimitNotFinite);
                }
            }
            match (min, max, &item.min) {
                (None, None, _) => report.push(span, Problem::MeasurementWithoutLimits),
                (Some(min), Some(max), Some(at)) if min > max => {
                    report.push(at.span(), Problem::MinAboveMax { min, max })
                }
                _ => {}
            }
            ItemKind::Measurement { unit, min, max }
        }
        RawKind::Choice => {
            let mut options = Vec::new();
            match &item.options {
                None => report.push(span, Problem::TooFewOptions),
                Some(raw) => {
                    if raw.get_ref().len() < 2 {
                        report.push(raw.span(), Problem::TooFewOptions);
                    }
                    for option in raw.get_ref() {
                        let label = option.get_ref().label.trim().to_string();
                        if label.is_empty() {
                            report.push(option.span(), Problem::EmptyOption);
                        } else if options.iter().any(|o: &ChoiceOption| o.label == label) {
                            report.push(option.span(), Problem::DuplicateOption(label.clone()));
                        }
                        options.push(ChoiceOption {
                            label,
                            ok: option.get_ref().ok,
                        });
                    }
                }
            }
            ItemKind::Choice { options }
        }
    };
    (report.errors.len() == before).then_some(kind)
}
