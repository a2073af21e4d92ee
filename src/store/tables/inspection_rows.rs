//! Writing an inspection's rows: whole final records (demo data, imports, a revision's copy)
//! and the answer statements the form shares, made once per process.

use std::sync::LazyLock;

use rusqlite::{Connection, Statement, params};

use crate::domain::inspection::{Answer, Inspection, Rectification};
use crate::store::rows::{ANSWER_COLUMNS, INSPECTION_COLUMNS, timestamp, to_json};
use crate::store::{Result, Store};

impl Store {
    /// Writes whole final records (with answers) and their rectifications in one transaction:
    /// for `demo` and imports.
    pub fn insert_final_records(
        &mut self,
        records: &[(Inspection, Vec<Answer>)],
        rectifications: &[Rectification],
    ) -> Result<()> {
        let tx = self.write_transaction()?;
        for (inspection, answers) in records {
            // Final from the start: the triggers guard a final record's rows against change,
            // not its first writing, and a draft sealed afterwards rewrote every row twice.
            insert(&tx, inspection)?;
            insert_answers(&tx, &inspection.id, answers)?;
        }
        for r in rectifications {
            crate::store::tables::rectifications::insert(&tx, r)?;
        }
        tx.commit()?;
        Ok(())
    }
}

pub(in crate::store) fn insert(conn: &Connection, i: &Inspection) -> Result<()> {
    let inspectors = to_json("inspections", &i.inspectors)?;
    let conclusion = to_json("inspections", &i.conclusion)?;
    let facts = match &i.establishment {
        Some(facts) => Some(to_json("inspections", facts)?),
        None => None,
    };
    conn.prepare_cached(&INSERT_INSPECTION)?.execute(params![
        i.id,
        i.establishment_id,
        i.checklist_id,
        i.checklist_hash,
        i.kind.code(),
        i.status.code(),
        i.serial,
        i.revision,
        i.supersedes,
        i.revision_reason,
        i.station,
        i.bureau,
        inspectors,
        timestamp(i.started_at),
        i.utc_offset_seconds,
        i.finalized_at.map(timestamp),
        i.outcome.map(|o| o.code()),
        conclusion,
        i.year_sequence,
        i.current_item,
        facts,
    ])?;
    Ok(())
}

/// The answers of an inspection written whole (demo data, imports, a revision's copy). A plain
/// insert, not the form's upsert: an upsert may fire the read-only trigger, so SQLite keeps a
/// statement journal for every row (15–20 % of the inserts' time, issue 7). One statement for
/// all of them: looked up in the statement cache and given back once per answer, it was a
/// tenth of an import's writing (issue 20).
pub(in crate::store) fn insert_answers(
    conn: &Connection,
    inspection_id: &str,
    answers: &[Answer],
) -> Result<()> {
    let mut statement = conn.prepare_cached(&INSERT_ANSWER)?;
    answers
        .iter()
        .try_for_each(|a| execute_answer(&mut statement, inspection_id, a))
}

// The SQL of the statements run once per row of an import, made once rather than formatted
// for every row before the statement cache looks it up.
static INSERT_ANSWER: LazyLock<String> = LazyLock::new(|| {
    format!(
        "INSERT INTO answers (inspection_id, {ANSWER_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
    )
});
pub(in crate::store) static UPSERT_ANSWER: LazyLock<String> = LazyLock::new(|| {
    format!(
        "{} ON CONFLICT (inspection_id, item_id) DO UPDATE SET verdict = excluded.verdict,
             value = excluded.value, choice = excluded.choice, note = excluded.note,
             answered_at = excluded.answered_at",
        *INSERT_ANSWER
    )
});
static INSERT_INSPECTION: LazyLock<String> = LazyLock::new(|| {
    format!(
        "INSERT INTO inspections ({INSPECTION_COLUMNS})
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                 ?18, ?19, ?20, ?21)"
    )
});

pub(in crate::store) fn write_answer(
    conn: &Connection,
    sql: &str,
    inspection_id: &str,
    a: &Answer,
) -> Result<()> {
    execute_answer(&mut *conn.prepare_cached(sql)?, inspection_id, a)
}

fn execute_answer(statement: &mut Statement<'_>, inspection_id: &str, a: &Answer) -> Result<()> {
    statement.execute(params![
        inspection_id,
        a.item_id,
        a.verdict.code(),
        a.value,
        a.choice,
        a.note,
        timestamp(a.answered_at)
    ])?;
    Ok(())
}
