//! A synthetic district: fictional establishments in the real towns of 鲅鱼圈区 and final
//! inspections over the past years, made with the shipped checklists. The same seed and end date
//! give the same district, ids included.

mod establishments;
mod names;

use chrono::{DateTime, Days, Months, NaiveDate, NaiveTime, TimeZone, Utc};

use crate::domain::checklist::{Checklist, ItemKind};
use crate::domain::establishment::{Establishment, RiskGrade};
use crate::domain::inspection::{
    self as rules, Answer, Conclusion, Inspection, InspectionKind, Inspector, Rectification, Status,
};
use crate::domain::outcome::{Handling, Outcome, Verdict};

/// Beijing time: the district's inspections are made at UTC+8.
const OFFSET_SECONDS: i32 = 8 * 3600;

pub struct Demo {
    rng: fastrand::Rng,
    pub until: NaiveDate,
    /// Orders still open, by establishment: the next visit there is their follow-up.
    pending: std::collections::BTreeMap<String, Vec<Pending>>,
}

/// An open rectification and the checklist its order was made with.
struct Pending {
    rectification: Rectification,
    checklist_hash: String,
}

/// One generated inspection with what goes with it.
pub struct Generated {
    pub inspection: Inspection,
    pub answers: Vec<Answer>,
    pub rectifications: Vec<Rectification>,
}

impl Demo {
    pub fn new(seed: u64, until: NaiveDate) -> Demo {
        Demo {
            rng: fastrand::Rng::with_seed(seed),
            until,
            pending: Default::default(),
        }
    }

    /// `count` final inspections of `establishments` spread over the five years before `until`,
    /// in time order, each made with a checklist that applies to the establishment.
    pub fn inspections<'a>(
        &'a mut self,
        count: usize,
        establishments: &'a [Establishment],
        checklists: &'a [(Checklist, String)],
        station: &'a str,
    ) -> impl Iterator<Item = Generated> + 'a {
        let end = self.until;
        let start = end.checked_sub_months(Months::new(60)).unwrap_or(end);
        let span_days = (end - start).num_days().max(1) as u64;
        let mut plan: Vec<(u64, usize, u32)> = (0..count)
            .map(|_| {
                (
                    self.rng.u64(..span_days),
                    self.rng.usize(..establishments.len().max(1)),
                    self.rng.u32(8 * 3600..17 * 3600),
                )
            })
            .collect();
        plan.sort_unstable();
        let mut state = Sequences::default();
        plan.into_iter().filter_map(move |(day, which, second)| {
            let establishment = establishments.get(which)?;
            let date = start + Days::new(day);
            let local = date.and_time(NaiveTime::from_num_seconds_from_midnight_opt(second, 0)?);
            let started_at =
                Utc.from_utc_datetime(&local) - chrono::Duration::seconds(OFFSET_SECONDS.into());
            self.inspection(establishment, checklists, station, started_at, &mut state)
        })
    }

    fn inspection(
        &mut self,
        establishment: &Establishment,
        checklists: &[(Checklist, String)],
        station: &str,
        started_at: DateTime<Utc>,
        seq: &mut Sequences,
    ) -> Option<Generated> {
        let kind = establishment.facts.kind;
        let mut fitting: Vec<&(Checklist, String)> = checklists
            .iter()
            .filter(|(c, _)| c.applies_to_kind(kind))
            .collect();
        // The fullest checklist is the routine one; the smaller ones serve special campaigns.
        fitting.sort_by_key(|(c, _)| std::cmp::Reverse(c.items().count()));
        // A visit to a place with open orders is their follow-up, with the orders' checklist
        // (docs/trust.md: an order closes only through a follow-up that passes its item).
        let pending = self.pending.remove(&establishment.id).unwrap_or_default();
        let follow_up_of = pending
            .first()
            .and_then(|p| checklists.iter().find(|(_, h)| *h == p.checklist_hash));
        let (inspection_kind, (checklist, hash)) = match (follow_up_of, self.rng.u32(..100)) {
            (Some(order), _) => (InspectionKind::FollowUp, order),
            (None, 0..10) if fitting.len() > 1 => (
                InspectionKind::Special,
                *fitting.get(1 + self.rng.usize(..fitting.len() - 1))?,
            ),
            (None, _) => (InspectionKind::Routine, *fitting.first()?),
        };
        let failure_rate = match establishment.facts.risk_grade {
            Some(RiskGrade::A) => 0.01,
            Some(RiskGrade::B) | None => 0.03,
            Some(RiskGrade::C) => 0.07,
            Some(RiskGrade::D) => 0.15,
        };
        let id = self.uuid(started_at);
        let rectified: Vec<&str> = pending
            .iter()
            .map(|p| p.rectification.item_id.as_str())
            .collect();
        let answers = self.answers(checklist, failure_rate, started_at, &rectified);
        // Nothing judged (every item 合理缺项) makes no record.
        let outcome = rules::tally(checklist, &answers).outcome()?;
        let handling = Some(outcome.suggested_handling());
        let date = started_at.date_naive();
        let deadline =
            (handling == Some(Handling::RectifyByDeadline)).then(|| date + Days::new(15));
        let year = chrono::Datelike::year(
            &(started_at + chrono::Duration::seconds(OFFSET_SECONDS.into())),
        );
        let serial = rules::serial_number(station, year, seq.next_serial(year));
        let year_sequence = seq.next_visit(&establishment.id, year);
        let finalized_at = started_at + chrono::Duration::minutes(90);
        // The orders this visit follows up: closed where the item now passes, still open (and
        // followed up) where it fails again.
        let mut rectifications = Vec::new();
        let mut still_open = Vec::new();
        for mut p in pending {
            let verdict = answers
                .iter()
                .find(|a| a.item_id == p.rectification.item_id)
                .map(|a| a.verdict);
            p.rectification.follow_up_id = Some(id.clone());
            if verdict == Some(Verdict::Pass) {
                p.rectification.open = false;
                p.rectification.closed_at = Some(finalized_at);
                rectifications.push(p.rectification);
            } else {
                still_open.push(p);
            }
        }
        if let Some(deadline) = deadline {
            for a in answers.iter().filter(|a| a.verdict == Verdict::Fail) {
                if still_open
                    .iter()
                    .any(|p| p.rectification.item_id == a.item_id)
                {
                    continue;
                }
                still_open.push(Pending {
                    rectification: Rectification {
                        id: self.uuid(started_at),
                        establishment_id: establishment.id.clone(),
                        inspection_id: id.clone(),
                        item_id: a.item_id.clone(),
                        deadline: Some(deadline),
                        open: true,
                        follow_up_id: None,
                        closed_at: None,
                    },
                    checklist_hash: hash.clone(),
                });
            }
        }
        if !still_open.is_empty() {
            self.pending.insert(establishment.id.clone(), still_open);
        }
        let (first, second) = self.inspector_pair();
        let inspection = Inspection {
            id,
            establishment_id: establishment.id.clone(),
            checklist_id: checklist.id.clone(),
            checklist_hash: hash.clone(),
            kind: inspection_kind,
            status: Status::Final,
            serial: Some(serial),
            revision: 1,
            supersedes: None,
            revision_reason: None,
            station: station.to_string(),
            bureau: "营口市鲅鱼圈区市场监督管理局".to_string(),
            inspectors: vec![first, second],
            started_at,
            utc_offset_seconds: OFFSET_SECONDS,
            finalized_at: Some(finalized_at),
            outcome: Some(outcome),
            conclusion: Conclusion {
                handling,
                deadline,
                remarks: String::new(),
                operator_signatory: establishment.facts.person_in_charge.clone(),
                operator_opinion: match outcome {
                    Outcome::Compliant => "无异议".to_string(),
                    _ => "已知晓检查结果，按要求整改".to_string(),
                },
                operator_refused: false,
                witness: String::new(),
                // Made under no rules version: the demo's inspections answer part of their
                // checklist, as records made before the coverage rule did (docs/outcome.md).
                ..Conclusion::default()
            },
            year_sequence: Some(year_sequence),
            current_item: None,
            establishment: Some(establishment.facts.clone()),
        };
        Some(Generated {
            inspection,
            answers,
            rectifications,
        })
    }

    /// The answers of one inspection. Items under rectification pass nine times in ten; an
    /// item that needs a photo when it fails is never failed (the demo has no photos).
    fn answers(
        &mut self,
        checklist: &Checklist,
        failure_rate: f64,
        at: DateTime<Utc>,
        rectified: &[&str],
    ) -> Vec<Answer> {
        checklist
            .items()
            .map(|item| {
                let roll = self.rng.f64();
                let fail_rate = if item.on_fail.needs_photo() {
                    0.0
                } else if rectified.contains(&item.id.as_str()) {
                    0.1
                } else if item.key {
                    failure_rate / 2.0
                } else {
                    failure_rate
                };
                let verdict = if roll < fail_rate {
                    Verdict::Fail
                } else if !item.key && roll > 0.96 {
                    Verdict::NotApplicable
                } else {
                    Verdict::Pass
                };
                let (value, choice) = match &item.kind {
                    ItemKind::Measurement { min, max, .. } => {
                        (Some(self.measured(*min, *max, verdict)), None)
                    }
                    ItemKind::Choice { options } => {
                        let wanted = verdict != Verdict::Fail;
                        let choice = options.iter().find(|o| o.ok == wanted).or(options.first());
                        (None, choice.map(|o| o.label.clone()))
                    }
                    _ => (None, None),
                };
                let note = if verdict == Verdict::Fail {
                    names::FINDINGS[self.rng.usize(..names::FINDINGS.len())].to_string()
                } else {
                    String::new()
                };
                Answer {
                    item_id: item.id.clone(),
                    // A text item is recorded, not judged.
                    verdict: if item.kind.is_scored() {
                        verdict
                    } else {
                        Verdict::Pass
                    },
                    value,
                    choice,
                    note,
                    answered_at: at,
                }
            })
            .collect()
    }

    /// The orders left open when the generated years end, to be written after the records.
    pub fn open_rectifications(&mut self) -> Vec<Rectification> {
        std::mem::take(&mut self.pending)
            .into_values()
            .flatten()
            .map(|p| p.rectification)
            .collect()
    }

    /// A value inside the limits for a pass, outside for a failure.
    fn measured(&mut self, min: Option<f64>, max: Option<f64>, verdict: Verdict) -> f64 {
        let inside = match (min, max) {
            (Some(lo), Some(hi)) => lo + (hi - lo) * self.rng.f64(),
            (Some(lo), None) => lo * (1.0 + self.rng.f64() * 0.5),
            (None, Some(hi)) => hi * (0.5 + self.rng.f64() * 0.5),
            (None, None) => 0.0,
        };
        let value = match (verdict, min, max) {
            (Verdict::Fail, _, Some(hi)) => hi + 1.0 + self.rng.f64() * 5.0,
            (Verdict::Fail, Some(lo), None) => lo * (0.5 + self.rng.f64() * 0.4),
            _ => inside,
        };
        (value * 10.0).round() / 10.0
    }

    fn inspector_pair(&mut self) -> (Inspector, Inspector) {
        let a = self.rng.usize(..INSPECTORS.len());
        let b = (a + 1 + self.rng.usize(..INSPECTORS.len() - 1)) % INSPECTORS.len();
        let person = |i: usize| Inspector {
            name: INSPECTORS[i].to_string(),
            badge: format!("2108040{:03}", 101 + i),
        };
        (person(a), person(b))
    }

    /// A UUIDv7 at the given time with random bits from the seeded generator.
    fn uuid(&mut self, at: DateTime<Utc>) -> String {
        let mut random = [0u8; 10];
        self.rng.fill(&mut random);
        let millis = u64::try_from(at.timestamp_millis()).unwrap_or(0);
        uuid::Builder::from_unix_timestamp_millis(millis, &random)
            .into_uuid()
            .to_string()
    }
}

/// Fictional inspectors of the bureau.
const INSPECTORS: [&str; 8] = [
    "周海明",
    "孙晓燕",
    "高立新",
    "林雪莲",
    "马文博",
    "何佳怡",
    "罗宏伟",
    "朱春生",
];

/// Serial numbers per year and 本年度第 N 次 per establishment and year.
#[derive(Default)]
struct Sequences {
    serials: std::collections::HashMap<i32, i64>,
    visits: std::collections::HashMap<(String, i32), i64>,
}

impl Sequences {
    fn next_serial(&mut self, year: i32) -> i64 {
        let n = self.serials.entry(year).or_default();
        *n += 1;
        *n
    }

    fn next_visit(&mut self, establishment: &str, year: i32) -> i64 {
        let n = self
            .visits
            .entry((establishment.to_string(), year))
            .or_default();
        *n += 1;
        *n
    }
}
