//! The SQL text of a period report's queries, built once here so the store runs them and the
//! query-plan check (plans.rs) looks at the very same statements.

use crate::store::rows::INSPECTION_COLUMNS;

/// The local date of `started_at`, in SQL.
const LOCAL_DATE: &str = "date(i.started_at, i.utc_offset || ' seconds')";

/// The final, not superseded inspections of a period (?1..?2 local dates, ?3 town or null).
/// The UTC range a day wider on each side than any offset keeps the search on the
/// (status, started_at) index; the local date then decides exactly.
pub(in crate::store) fn period_inspections_sql() -> String {
    let columns = INSPECTION_COLUMNS
        .split(", ")
        .map(|c| format!("i.{}", c.trim()))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "SELECT {columns} FROM inspections i
         JOIN establishments e ON e.id = i.establishment_id
         WHERE i.status = 'final' AND {LOCAL_DATE} BETWEEN ?1 AND ?2
           AND i.started_at >= date(?1, '-1 day') AND i.started_at < date(?2, '+2 day')
           AND (?3 IS NULL OR e.town = ?3)
           AND NOT EXISTS (SELECT 1 FROM inspections s
                           WHERE s.supersedes = i.id AND s.status = 'final')
         ORDER BY i.started_at, i.id"
    )
}

pub(in crate::store) fn answers_of_sql() -> String {
    "SELECT item_id, verdict, value, note FROM answers WHERE inspection_id = ?1".to_string()
}

pub(in crate::store) fn period_rectifications_sql() -> String {
    // The open orders from the status index, then the closed ones ordered in the period from
    // the inspections' date index: two disjoint parts, so no de-duplication and no lookup by id
    // (an OR, or a UNION of ids, read every order twice over). Sorted by the caller.
    let part = |from: &str, status: &str| {
        format!(
            "SELECT r.establishment_id, r.inspection_id, i.serial, {LOCAL_DATE}, i.checklist_hash,
                    r.item_id, r.deadline, r.status, date(r.closed_at, i.utc_offset || ' seconds')
             FROM {from}
             WHERE {status}
               AND (?3 IS NULL OR r.establishment_id IN (SELECT id FROM establishments
                                                         WHERE town = ?3))"
        )
    };
    format!(
        "{} UNION ALL {}",
        part(
            "rectifications r JOIN inspections i ON i.id = r.inspection_id",
            "r.status = 'open'"
        ),
        part(
            "inspections i JOIN rectifications r ON r.inspection_id = i.id",
            &format!(
                "r.status <> 'open'
                 AND i.started_at >= date(?1, '-1 day') AND i.started_at < date(?2, '+2 day')
                 AND {LOCAL_DATE} BETWEEN ?1 AND ?2"
            )
        )
    )
}

pub(in crate::store) fn last_inspected_sql() -> String {
    // Per establishment, its finals newest first from the (establishment, status, started_at)
    // index, stopping at the first whose local date is on or before the day: a handful of rows
    // each instead of every final inspection grouped (issue 7). A 复查 is not a visit toward the
    // frequency (issue 13).
    format!(
        "SELECT id, d FROM (
             SELECT e.id, (SELECT {LOCAL_DATE} FROM inspections i
                           WHERE i.establishment_id = e.id AND i.status = 'final'
                             AND i.kind <> 'follow_up'
                             AND i.started_at < date(?1, '+2 day') AND {LOCAL_DATE} <= ?1
                           ORDER BY i.started_at DESC LIMIT 1) AS d
             FROM establishments e)
         WHERE d IS NOT NULL"
    )
}
