//! Lists of inspections, newest first: the SQL behind the home screen, the roster's history and
//! the records screen, whose list is a page with the count of all it matches (issue 7).

use crate::store::rows::{self, SUMMARY_COLUMNS};
use crate::store::types::{InspectionFilter, InspectionSummary};
use crate::store::{Result, Store};

/// The first inspections of a list, newest first, and how many the whole list holds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InspectionPage {
    pub inspections: Vec<InspectionSummary>,
    pub total: usize,
}

impl Store {
    /// The newest `filter.limit` inspections and how many match in all, read in one
    /// transaction so that the count and the page agree while another process writes.
    pub fn inspection_page(&self, filter: &InspectionFilter) -> Result<InspectionPage> {
        let tx = self.conn.unchecked_transaction()?;
        let (sql, args) = list_sql(filter);
        let inspections = tx
            .prepare(&sql)?
            .query_map(rusqlite::params_from_iter(args.iter()), rows::summary)?
            .collect::<rusqlite::Result<_>>()?;
        let (sql, args) = count_sql(filter);
        let total: i64 = tx
            .prepare(&sql)?
            .query_row(rusqlite::params_from_iter(args.iter()), |r| r.get(0))?;
        tx.finish()?;
        Ok(InspectionPage {
            inspections,
            total: usize::try_from(total).unwrap_or(0),
        })
    }
}

/// The SQL and arguments of a list of inspections, newest first.
pub(in crate::store) fn list_sql(filter: &InspectionFilter) -> (String, Vec<String>) {
    let (conditions, args) = conditions(filter);
    let mut sql = format!(
        "SELECT {SUMMARY_COLUMNS}
         FROM inspections i JOIN establishments e ON e.id = i.establishment_id{conditions}
         ORDER BY i.started_at DESC"
    );
    if let Some(limit) = filter.limit {
        sql.push_str(&format!(" LIMIT {limit}"));
    }
    (sql, args)
}

/// The SQL and arguments that count the whole list of [`list_sql`]. The establishments are not
/// joined: every inspection has its establishment (a foreign key), and without the join the
/// count reads an index only.
pub(in crate::store) fn count_sql(filter: &InspectionFilter) -> (String, Vec<String>) {
    let (conditions, args) = conditions(filter);
    (
        format!("SELECT count(*) FROM inspections i{conditions}"),
        args,
    )
}

/// ` WHERE …` (or nothing) and its arguments. With no condition there is no WHERE at all, so
/// that SQLite counts every row from its smallest index.
fn conditions(filter: &InspectionFilter) -> (String, Vec<String>) {
    let mut clauses: Vec<String> = Vec::new();
    let mut args: Vec<String> = Vec::new();
    // `?` in a clause becomes the number of its argument.
    let mut add = |clause: &str, value: String| {
        args.push(value);
        clauses.push(clause.replace('?', &format!("?{}", args.len())));
    };
    if let Some(status) = filter.status {
        // With a typed name the establishments are the narrow part: `+` keeps SQLite from
        // walking every final record by status and testing each against the name's list.
        let column = if filter.establishment_ids.is_some() {
            "+i.status = ?"
        } else {
            "i.status = ?"
        };
        add(column, status.code().to_string());
    }
    if let Some(id) = &filter.establishment_id {
        add("i.establishment_id = ?", id.clone());
    }
    if let Some(ids) = &filter.establishment_ids {
        // A list of strings always serializes.
        let json = serde_json::to_string(ids).unwrap_or_else(|_| "[]".into());
        add(
            "i.establishment_id IN (SELECT value FROM json_each(?))",
            json,
        );
    }
    if let Some(kind) = filter.kind {
        add("i.kind = ?", kind.code().to_string());
    }
    if let Some(outcome) = filter.outcome {
        add("i.outcome = ?", outcome.code().to_string());
    }
    if let Some(from) = filter.from {
        add("i.started_at >= ?", from.to_string());
    }
    if let Some(to) = filter.to {
        add("i.started_at < ?", (to + chrono::Days::new(1)).to_string());
    }
    if clauses.is_empty() {
        return (String::new(), args);
    }
    (format!(" WHERE {}", clauses.join(" AND ")), args)
}
