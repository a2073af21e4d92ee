//! Inspections: drafts saved answer by answer, finalized once, corrected only by new revisions.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension};

use crate::domain::checklist::Checklist;
use crate::domain::establishment::Establishment;
use crate::domain::inspection::{
    self as rules, Answer, Conclusion, Inspection, InspectionKind, Inspector, Status,
};
use crate::domain::outcome::Tally;
use crate::store::queries::inspection_lists::list_sql;
use crate::store::rows::{self, ANSWER_COLUMNS, INSPECTION_COLUMNS, to_json};
use crate::store::tables::checklists;
use crate::store::tables::inspection_rows::{UPSERT_ANSWER, insert, insert_answers, write_answer};
use crate::store::types::{InspectionFilter, InspectionSummary};
use crate::store::{Result, Store, StoreError};

/// What is needed to start a draft.
pub struct NewInspection<'a> {
    pub establishment_id: &'a str,
    pub checklist: &'a Checklist,
    pub kind: InspectionKind,
    pub station: &'a str,
    pub bureau: &'a str,
    pub inspectors: Vec<Inspector>,
    pub started_at: DateTime<Utc>,
    pub utc_offset_seconds: i32,
}

/// Everything a record form shows.
#[derive(Debug, Clone)]
pub struct InspectionRecord {
    pub inspection: Inspection,
    pub establishment: Establishment,
    pub checklist: Checklist,
    pub answers: Vec<Answer>,
    pub tally: Tally,
    /// Later revisions that correct this one.
    pub superseded_by: Vec<String>,
    /// For a 复查: the serial numbers of the records whose written orders it follows up
    /// (issue 13); the form names them.
    pub follows_up: Vec<String>,
}

impl Store {
    pub fn start_inspection(&mut self, new: NewInspection) -> Result<Inspection> {
        let tx = self.write_transaction()?;
        let hash = checklists::put(&tx, new.checklist)?;
        let inspection = Inspection {
            id: uuid::Uuid::now_v7().to_string(),
            establishment_id: new.establishment_id.to_string(),
            checklist_id: new.checklist.id.clone(),
            checklist_hash: hash,
            kind: new.kind,
            status: Status::Draft,
            serial: None,
            revision: 1,
            supersedes: None,
            revision_reason: None,
            station: new.station.to_string(),
            bureau: new.bureau.to_string(),
            inspectors: new.inspectors,
            started_at: new.started_at,
            utc_offset_seconds: new.utc_offset_seconds,
            finalized_at: None,
            outcome: None,
            conclusion: Conclusion::default(),
            year_sequence: None,
            current_item: None,
            establishment: None,
        };
        insert(&tx, &inspection)?;
        tx.commit()?;
        Ok(inspection)
    }

    /// Starts a correction of a final inspection: a draft that copies its answers and points at
    /// it. The original stays as it was.
    pub fn start_revision(&mut self, final_id: &str, reason: &str) -> Result<Inspection> {
        let tx = self.write_transaction()?;
        let original = get(&tx, final_id)?;
        if original.status != Status::Final {
            return Err(StoreError::NotFound {
                what: "final inspection",
                id: final_id.to_string(),
            });
        }
        let revision = Inspection {
            id: uuid::Uuid::now_v7().to_string(),
            status: Status::Draft,
            serial: None,
            revision: original.revision + 1,
            supersedes: Some(original.id.clone()),
            revision_reason: Some(reason.to_string()),
            finalized_at: None,
            outcome: None,
            year_sequence: None,
            ..original
        };
        insert(&tx, &revision)?;
        insert_answers(&tx, &revision.id, &answers(&tx, final_id)?)?;
        tx.commit()?;
        Ok(revision)
    }

    /// Saves one answer of a draft, durably, replacing any earlier answer to the item.
    pub fn save_answer(&self, inspection_id: &str, answer: &Answer) -> Result<()> {
        require_draft(&self.conn, inspection_id)?;
        upsert_answer(&self.conn, inspection_id, answer)
    }

    /// Saves an answer and the item the form moved on to in one durable commit: the keypress
    /// that answers and moves on costs one fsync, not two (issue 7).
    pub fn save_answer_and_move(
        &mut self,
        inspection_id: &str,
        answer: &Answer,
        current_item: &str,
    ) -> Result<()> {
        let tx = self.write_transaction()?;
        require_draft(&tx, inspection_id)?;
        upsert_answer(&tx, inspection_id, answer)?;
        write_current_item(&tx, inspection_id, current_item)?;
        tx.commit()?;
        Ok(())
    }

    pub fn clear_answer(&self, inspection_id: &str, item_id: &str) -> Result<()> {
        require_draft(&self.conn, inspection_id)?;
        self.conn
            .prepare_cached("DELETE FROM answers WHERE inspection_id = ?1 AND item_id = ?2")?
            .execute([inspection_id, item_id])?;
        Ok(())
    }

    /// Remembers where the inspector moved without answering, so a draft resumes at the same
    /// item. (Answering and moving on is [`Store::save_answer_and_move`].)
    pub fn set_current_item(&self, inspection_id: &str, item_id: &str) -> Result<()> {
        require_draft(&self.conn, inspection_id)?;
        // Where the inspector is, is a convenience and not part of the record: it is written
        // without its own fsync, so moving the cursor never waits for the disk. WAL frames
        // reach the disk in order, so the next durable commit carries it too; a crash before
        // that resumes the draft a few items back.
        self.conn.execute_batch("PRAGMA synchronous = NORMAL")?;
        let written = write_current_item(&self.conn, inspection_id, item_id);
        self.conn.execute_batch("PRAGMA synchronous = FULL")?;
        written?;
        Ok(())
    }

    /// Keeps in a draft what its review holds (the inspectors and the sign-off being typed),
    /// so leaving the review or quitting loses none of it; finalizing writes both again.
    pub fn keep_sign_off(
        &self,
        inspection_id: &str,
        inspectors: &[Inspector],
        conclusion: &Conclusion,
    ) -> Result<()> {
        require_draft(&self.conn, inspection_id)?;
        let inspectors = to_json("inspections", inspectors)?;
        let conclusion = to_json("inspections", conclusion)?;
        self.conn
            .prepare_cached(
                "UPDATE inspections SET inspectors = ?2, conclusion = ?3 WHERE id = ?1",
            )?
            .execute([inspection_id, inspectors.as_str(), conclusion.as_str()])?;
        Ok(())
    }

    pub fn set_inspectors(&self, inspection_id: &str, inspectors: &[Inspector]) -> Result<()> {
        require_draft(&self.conn, inspection_id)?;
        let json = to_json("inspections", inspectors)?;
        self.conn
            .prepare_cached("UPDATE inspections SET inspectors = ?2 WHERE id = ?1")?
            .execute([inspection_id, json.as_str()])?;
        Ok(())
    }

    /// Deletes a draft and its answers (a draft started by mistake). Final records stay.
    pub fn discard_draft(&mut self, inspection_id: &str) -> Result<()> {
        let tx = self.write_transaction()?;
        if get(&tx, inspection_id)?.status != Status::Draft {
            return Err(StoreError::ReadOnly {
                id: inspection_id.to_string(),
            });
        }
        tx.execute(
            "DELETE FROM answers WHERE inspection_id = ?1",
            [inspection_id],
        )?;
        tx.execute("DELETE FROM inspections WHERE id = ?1", [inspection_id])?;
        tx.commit()?;
        Ok(())
    }

    pub fn inspection(&self, id: &str) -> Result<Inspection> {
        get(&self.conn, id)
    }

    pub fn answers(&self, inspection_id: &str) -> Result<Vec<Answer>> {
        answers(&self.conn, inspection_id)
    }

    /// Finds an inspection by its id, its serial number or a unique prefix of its id.
    pub fn find_inspection(&self, key: &str) -> Result<Inspection> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {INSPECTION_COLUMNS} FROM inspections
             WHERE id = ?1 OR serial = ?1 OR (length(?1) >= 8 AND id LIKE ?1 || '%') LIMIT 2"
        ))?;
        let found: Vec<Inspection> = stmt
            .query_map([key], rows::inspection)?
            .collect::<rusqlite::Result<_>>()?;
        match found.as_slice() {
            [one] => Ok(one.clone()),
            _ => Err(StoreError::NotFound {
                what: "inspection",
                id: key.to_string(),
            }),
        }
    }

    pub fn inspection_record(&self, id: &str) -> Result<InspectionRecord> {
        let inspection = get(&self.conn, id)?;
        let establishment = self.establishment(&inspection.establishment_id)?;
        let checklist = checklist_of(&self.conn, &inspection)?;
        let answers = answers(&self.conn, id)?;
        let tally = rules::tally(&checklist, &answers);
        let superseded_by = self
            .conn
            .prepare_cached("SELECT id FROM inspections WHERE supersedes = ?1 ORDER BY revision")?
            .query_map([id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let follows_up = self
            .follows_up(id)?
            .into_iter()
            .map(|(id, serial)| serial.unwrap_or(id))
            .collect();
        Ok(InspectionRecord {
            inspection,
            establishment,
            checklist,
            answers,
            tally,
            superseded_by,
            follows_up,
        })
    }

    /// Inspections, newest first.
    pub fn inspections(&self, filter: &InspectionFilter) -> Result<Vec<InspectionSummary>> {
        let (sql, args) = list_sql(filter);
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(args.iter()), rows::summary)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// Answers can change only while the inspection is a draft; the triggers guard finals anyway,
/// this says which record and why.
pub(in crate::store) fn require_draft(conn: &Connection, inspection_id: &str) -> Result<()> {
    let status: Option<String> = conn
        .prepare_cached("SELECT status FROM inspections WHERE id = ?1")?
        .query_row([inspection_id], |r| r.get(0))
        .optional()?;
    match status.as_deref() {
        Some("draft") => Ok(()),
        Some(_) => Err(StoreError::ReadOnly {
            id: inspection_id.to_string(),
        }),
        None => Err(StoreError::NotFound {
            what: "inspection",
            id: inspection_id.to_string(),
        }),
    }
}

fn write_current_item(conn: &Connection, inspection_id: &str, item_id: &str) -> Result<()> {
    conn.prepare_cached("UPDATE inspections SET current_item = ?2 WHERE id = ?1")?
        .execute([inspection_id, item_id])?;
    Ok(())
}

/// An answer given or changed in the form.
fn upsert_answer(conn: &Connection, inspection_id: &str, a: &Answer) -> Result<()> {
    write_answer(conn, &UPSERT_ANSWER, inspection_id, a)
}

pub(in crate::store) fn get(conn: &Connection, id: &str) -> Result<Inspection> {
    conn.prepare_cached(&format!(
        "SELECT {INSPECTION_COLUMNS} FROM inspections WHERE id = ?1"
    ))?
    .query_row([id], rows::inspection)
    .optional()?
    .ok_or_else(|| StoreError::NotFound {
        what: "inspection",
        id: id.to_string(),
    })
}

pub(in crate::store) fn answers(conn: &Connection, inspection_id: &str) -> Result<Vec<Answer>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {ANSWER_COLUMNS} FROM answers WHERE inspection_id = ?1"
    ))?;
    let rows = stmt.query_map([inspection_id], rows::answer)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(in crate::store) fn checklist_of(
    conn: &Connection,
    inspection: &Inspection,
) -> Result<Checklist> {
    let content: String = conn
        .prepare_cached("SELECT content FROM checklist_versions WHERE hash = ?1")?
        .query_row([&inspection.checklist_hash], |r| r.get(0))?;
    serde_json::from_str(&content).map_err(|e| StoreError::Damaged {
        table: "checklist_versions",
        detail: format!("{}: {e}", inspection.checklist_hash),
    })
}
