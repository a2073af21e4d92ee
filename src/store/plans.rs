//! The SQL behind the screens, listed so that a test can ask SQLite how it runs each one
//! (`EXPLAIN QUERY PLAN`): on the five-year database a full scan of inspections or answers is
//! what makes a screen slow (tests/query_plans.rs, BENCHMARKS.md).

use super::inspections::{InspectionFilter, list_sql};
use super::{finalize, home, reports};
use crate::domain::inspection::Status;
use crate::domain::outcome::Outcome;

/// (what the query is for, its SQL) for every query a TUI screen or a report runs against
/// inspections and answers. Parameters stay unbound: the plan does not depend on their values.
pub fn screen_queries() -> Vec<(&'static str, String)> {
    let list = |filter: InspectionFilter| list_sql(&filter).0;
    let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 1);
    vec![
        (
            "home: drafts",
            list(InspectionFilter {
                status: Some(Status::Draft),
                ..Default::default()
            }),
        ),
        (
            "home: recent finals",
            list(InspectionFilter {
                status: Some(Status::Final),
                limit: Some(20),
                ..Default::default()
            }),
        ),
        (
            "home: last final per establishment",
            home::LAST_FINALS.into(),
        ),
        ("home: overdue rectifications", home::OVERDUE.into()),
        ("start-up: known inspectors", home::KNOWN_INSPECTORS.into()),
        (
            "roster: history of an establishment",
            list(InspectionFilter {
                establishment_id: Some(String::new()),
                limit: Some(8),
                ..Default::default()
            }),
        ),
        (
            "form: last final of an establishment",
            home::LAST_FINAL_OF.into(),
        ),
        ("form: items failed last time", home::FAILED_ITEMS.into()),
        ("form: finals in the year", home::FINALS_IN_YEAR.into()),
        ("finalize: next serial number", finalize::NEXT_SERIAL.into()),
        ("finalize: 本年度第 N 次", finalize::YEAR_SEQUENCE.into()),
        (
            "records: last 30 days",
            list(InspectionFilter {
                from: day,
                ..Default::default()
            }),
        ),
        (
            "records: finals of a period with an outcome",
            list(InspectionFilter {
                status: Some(Status::Final),
                outcome: Some(Outcome::Compliant),
                from: day,
                ..Default::default()
            }),
        ),
        (
            "records: a month of finals (record forms)",
            list(InspectionFilter {
                status: Some(Status::Final),
                from: day,
                to: day,
                ..Default::default()
            }),
        ),
        (
            "report: inspections of a period",
            reports::period_inspections_sql(),
        ),
        (
            "report: answers of an inspection",
            reports::answers_of_sql(),
        ),
        (
            "report: rectifications",
            reports::period_rectifications_sql(),
        ),
        ("report: last inspected", reports::last_inspected_sql()),
    ]
}
