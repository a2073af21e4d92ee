//! Turning rows into domain values and back. A row that does not decode is reported as damaged
//! rather than shown wrong.

use chrono::{DateTime, Utc};
use rusqlite::Row;
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ValueRef};

use super::types::InspectionSummary;
use crate::domain::establishment::{
    BrightKitchen, Establishment, EstablishmentFacts, EstablishmentKind, RiskGrade,
};
use crate::domain::inspection::{Answer, Inspection, InspectionKind, Status};
use crate::domain::outcome::{Outcome, Verdict};

/// Plain data as the text of a JSON column. These types always serialize; were one ever not
/// to, the write fails naming its table rather than storing an empty text.
pub fn to_json<T: serde::Serialize + ?Sized>(
    table: &'static str,
    value: &T,
) -> super::Result<String> {
    serde_json::to_string(value).map_err(|e| super::StoreError::Damaged {
        table,
        detail: e.to_string(),
    })
}

/// UTC instants are stored as RFC 3339 text with milliseconds, which sorts in time order.
pub fn timestamp(at: DateTime<Utc>) -> String {
    crate::domain::utc_text::millis(&at)
}

/// A column decoded by a code lookup; an unknown code is a conversion error, not a panic.
struct Coded<T>(T);

fn coded<T>(value: ValueRef<'_>, parse: impl Fn(&str) -> Option<T>) -> FromSqlResult<Coded<T>> {
    let text = value.as_str()?;
    parse(text)
        .map(Coded)
        .ok_or_else(|| FromSqlError::Other(format!("unknown code {text:?}").into()))
}

macro_rules! coded_column {
    ($type:ty, $parse:expr) => {
        impl FromSql for Coded<$type> {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                coded(value, $parse)
            }
        }
    };
}

coded_column!(EstablishmentKind, EstablishmentKind::from_code);
coded_column!(RiskGrade, RiskGrade::from_code);
coded_column!(BrightKitchen, BrightKitchen::from_code);
coded_column!(Verdict, Verdict::from_code);
coded_column!(Outcome, Outcome::from_code);
coded_column!(InspectionKind, InspectionKind::from_code);
coded_column!(Status, Status::from_code);

struct Time(DateTime<Utc>);

impl FromSql for Time {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let text = value.as_str()?;
        if let Some(quick) = crate::domain::utc_text::quick_parse(text) {
            return Ok(Time(quick));
        }
        DateTime::parse_from_rfc3339(text)
            .map(|t| Time(t.with_timezone(&Utc)))
            .map_err(|e| FromSqlError::Other(Box::new(e)))
    }
}

struct Json<T>(T);

impl<T: serde::de::DeserializeOwned> FromSql for Json<T> {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        serde_json::from_str(value.as_str()?)
            .map(Json)
            .map_err(|e| FromSqlError::Other(Box::new(e)))
    }
}

pub const ESTABLISHMENT_COLUMNS: &str = "id, revision, name, kind, address, town, \
     person_in_charge, phone, license_no, credit_code, risk_grade, bright_kitchen";

pub fn establishment(row: &Row) -> rusqlite::Result<Establishment> {
    Ok(Establishment {
        id: row.get(0)?,
        revision: row.get(1)?,
        facts: EstablishmentFacts {
            name: row.get(2)?,
            kind: row.get::<_, Coded<_>>(3)?.0,
            address: row.get(4)?,
            town: row.get(5)?,
            person_in_charge: row.get(6)?,
            phone: row.get(7)?,
            license_no: row.get(8)?,
            credit_code: row.get(9)?,
            risk_grade: row.get::<_, Option<Coded<_>>>(10)?.map(|c| c.0),
            bright_kitchen: row.get::<_, Option<Coded<_>>>(11)?.map(|c| c.0),
        },
    })
}

pub const INSPECTION_COLUMNS: &str = "id, establishment_id, checklist_id, checklist_hash, kind, \
     status, serial, revision, supersedes, revision_reason, station, bureau, inspectors, \
     started_at, utc_offset, finalized_at, outcome, conclusion, year_sequence, current_item, \
     establishment";

pub fn inspection(row: &Row) -> rusqlite::Result<Inspection> {
    Ok(Inspection {
        id: row.get(0)?,
        establishment_id: row.get(1)?,
        checklist_id: row.get(2)?,
        checklist_hash: row.get(3)?,
        kind: row.get::<_, Coded<_>>(4)?.0,
        status: row.get::<_, Coded<_>>(5)?.0,
        serial: row.get(6)?,
        revision: row.get(7)?,
        supersedes: row.get(8)?,
        revision_reason: row.get(9)?,
        station: row.get(10)?,
        bureau: row.get(11)?,
        inspectors: row.get::<_, Json<_>>(12)?.0,
        started_at: row.get::<_, Time>(13)?.0,
        utc_offset_seconds: row.get(14)?,
        finalized_at: row.get::<_, Option<Time>>(15)?.map(|t| t.0),
        outcome: row.get::<_, Option<Coded<_>>>(16)?.map(|c| c.0),
        conclusion: row.get::<_, Json<_>>(17)?.0,
        year_sequence: row.get(18)?,
        current_item: row.get(19)?,
        establishment: row.get::<_, Option<Json<_>>>(20)?.map(|j| j.0),
    })
}

pub const ANSWER_COLUMNS: &str = "item_id, verdict, value, choice, note, answered_at";

pub fn answer(row: &Row) -> rusqlite::Result<Answer> {
    Ok(Answer {
        item_id: row.get(0)?,
        verdict: row.get::<_, Coded<_>>(1)?.0,
        value: row.get(2)?,
        choice: row.get(3)?,
        note: row.get(4)?,
        answered_at: row.get::<_, Time>(5)?.0,
    })
}

/// The columns [`summary`] reads, from `inspections i` joined with `establishments e`.
pub const SUMMARY_COLUMNS: &str = "i.id, i.serial, i.establishment_id, e.name, i.checklist_id, \
     i.kind, i.status, i.revision, i.started_at, i.outcome, i.utc_offset";

pub fn summary(r: &Row) -> rusqlite::Result<InspectionSummary> {
    Ok(InspectionSummary {
        id: r.get(0)?,
        serial: r.get(1)?,
        establishment_id: r.get(2)?,
        establishment: r.get(3)?,
        checklist_id: r.get(4)?,
        kind: r.get::<_, Coded<_>>(5)?.0,
        status: r.get::<_, Coded<_>>(6)?.0,
        revision: r.get(7)?,
        started_at: r.get::<_, Time>(8)?.0,
        outcome: r.get::<_, Option<Coded<_>>>(9)?.map(|c| c.0),
        utc_offset_seconds: r.get(10)?,
    })
}
