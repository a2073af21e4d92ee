//! The SQL behind the screens, listed so that a test can ask SQLite how it runs each one
//! (`EXPLAIN QUERY PLAN`): on the five-year database a full scan of inspections or answers is
//! what makes a screen slow (tests/store/query_plans.rs, BENCHMARKS.md).

use crate::domain::inspection::Status;
use crate::domain::outcome::Outcome;
use crate::store::queries::inspection_lists::{count_sql, list_sql};
use crate::store::queries::{home, report_sql};
use crate::store::sync::unexported;
use crate::store::tables::finalize;
use crate::store::types::InspectionFilter;

/// (what the query is for, its SQL) for every query a TUI screen or a report runs against
/// inspections and answers. Parameters stay unbound: the plan does not depend on their values.
pub fn screen_queries() -> Vec<(&'static str, String)> {
    let list = |filter: InspectionFilter| list_sql(&filter).0;
    let count = |filter: InspectionFilter| count_sql(&filter).0;
    let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 1);
    let named = || Some(vec![String::new()]);
    let page = Some(500);
    // Not listed, because they read to the end by nature: the records count with no filter
    // walks the smallest index without reading a row; the count of one result over all years
    // (`o` with period 全部) reads the table, as no index leads with `outcome`. The pages beside
    // them stop at their LIMIT.
    vec![
        (
            "home: drafts",
            list(InspectionFilter {
                status: Some(Status::Draft),
                ..Default::default()
            }),
        ),
        (
            "home: newest unexported finals",
            unexported::unexported_newest_sql(),
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
            "records: the newest page",
            list(InspectionFilter {
                limit: page,
                ..Default::default()
            }),
        ),
        (
            "records: a page of drafts or finals",
            list(InspectionFilter {
                status: Some(Status::Final),
                limit: page,
                ..Default::default()
            }),
        ),
        (
            "records: a page of one result",
            list(InspectionFilter {
                outcome: Some(Outcome::NonCompliant),
                limit: page,
                ..Default::default()
            }),
        ),
        (
            "records: a page of the establishments a name found",
            list(InspectionFilter {
                establishment_ids: named(),
                limit: page,
                ..Default::default()
            }),
        ),
        (
            "records: a page of finals of a period, by name",
            list(InspectionFilter {
                status: Some(Status::Final),
                outcome: Some(Outcome::Compliant),
                establishment_ids: named(),
                from: day,
                limit: page,
                ..Default::default()
            }),
        ),
        (
            "records: how many drafts or finals",
            count(InspectionFilter {
                status: Some(Status::Final),
                ..Default::default()
            }),
        ),
        (
            "records: how many in a period",
            count(InspectionFilter {
                outcome: Some(Outcome::Compliant),
                from: day,
                ..Default::default()
            }),
        ),
        (
            "records: how many of the establishments a name found",
            count(InspectionFilter {
                establishment_ids: named(),
                ..Default::default()
            }),
        ),
        (
            "records: how many finals of a period, by name",
            count(InspectionFilter {
                status: Some(Status::Final),
                establishment_ids: named(),
                from: day,
                ..Default::default()
            }),
        ),
        (
            "report: inspections of a period",
            report_sql::period_inspections_sql(),
        ),
        (
            "report: answers of an inspection",
            report_sql::answers_of_sql(),
        ),
        (
            "report: rectifications",
            report_sql::period_rectifications_sql(),
        ),
        ("report: last inspected", report_sql::last_inspected_sql()),
    ]
    .into_iter()
    .chain(crate::store::queries::rectification_cases::screen_queries())
    .collect()
}
