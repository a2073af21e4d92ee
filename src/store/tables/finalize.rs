//! Finalizing a draft: outcome, serial number, 本年度第 N 次, rectifications and follow-ups, all in
//! one transaction.

use chrono::{DateTime, Datelike, Utc};
use rusqlite::{Connection, params};

use ed25519_dalek::SigningKey;

use crate::domain::establishment::EstablishmentFacts;
use crate::domain::final_check::{FinalContext, FinalProblem, check_final};
use crate::domain::inspection::{
    self as rules, Answer, Conclusion, Inspection, InspectionKind, Status,
};
use crate::domain::outcome::{Handling, Verdict};
use crate::domain::rectification::{Step, step};
use crate::domain::sign_off::RULES_VERSION;
use crate::store::rows::{self, ESTABLISHMENT_COLUMNS, timestamp, to_json};
use crate::store::tables::inspections::{answers, checklist_of, get};
use crate::store::{Result, Store, StoreError, signatures, sync};

impl Store {
    /// Makes a draft final: the outcome is computed from the stored answers (or set by the
    /// inspectors in `conclusion`, with their reason, docs/outcome.md), the serial number
    /// and 本年度第 N 次 are given, rectifications are opened for failed items when the handling
    /// is a written deadline, and a follow-up closes the rectifications whose items now pass.
    /// Every rule of a final record is checked first (`domain::final_check`), and the record is
    /// signed with `author`, this station's key, in the same transaction (docs/trust.md).
    pub fn finalize_inspection(
        &mut self,
        inspection_id: &str,
        conclusion: &Conclusion,
        author: &SigningKey,
        now: DateTime<Utc>,
    ) -> Result<Inspection> {
        let station_code = &crate::identity::station_code(&author.verifying_key());
        let tx = self.write_transaction()?;
        let draft = get(&tx, inspection_id)?;
        if draft.status != Status::Draft {
            return Err(StoreError::ReadOnly {
                id: inspection_id.to_string(),
            });
        }
        let checklist = checklist_of(&tx, &draft)?;
        let answers = answers(&tx, inspection_id)?;
        let items_with_photos = tx
            .prepare_cached(
                "SELECT DISTINCT item_id FROM answer_attachments WHERE inspection_id = ?1",
            )?
            .query_map([inspection_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        // The establishment's facts the record keeps (docs/data-model.md): a correction keeps
        // those of the day its original was made, a first record takes the roster's now.
        let facts = match &draft.establishment {
            Some(kept) => kept.clone(),
            None => facts_now(&tx, &draft.establishment_id)?,
        };
        // Made under today's rules (coverage, the 告知页, a set result's reason): the record
        // says so, and the import holds it to them (docs/outcome.md, "Older records"). A
        // correction keeps the rules of its original, as it keeps the facts of its day: fixing
        // a typo in an older record must not ask for items nobody looked at then.
        let rules = match &draft.supersedes {
            Some(original) => get(&tx, original)?.conclusion.rules,
            None => RULES_VERSION,
        };
        let conclusion = &Conclusion {
            rules,
            ..conclusion.clone()
        };
        let to_check = Inspection {
            conclusion: conclusion.clone(),
            finalized_at: Some(now),
            establishment: Some(facts.clone()),
            ..draft.clone()
        };
        let cx = FinalContext {
            items_with_photos: &items_with_photos,
            now,
        };
        let outcome = match check_final(&checklist, &to_check, &answers, &cx) {
            Ok((outcome, _)) => outcome,
            Err(FinalProblem::NothingChecked) => {
                return Err(StoreError::NothingChecked {
                    id: inspection_id.to_string(),
                });
            }
            Err(problem) => {
                return Err(StoreError::NotFinal {
                    id: inspection_id.to_string(),
                    problem,
                });
            }
        };
        // The office's list refuses a retired inspector, or a name under another's 执法证号, on
        // a new record (issue 14); a correction keeps the people of its original.
        if draft.supersedes.is_none() {
            let list = crate::store::tables::planning::listed_inspectors(&tx)?;
            crate::domain::planning::check_inspectors(&draft.inspectors, &list).map_err(|why| {
                StoreError::InspectorRefused {
                    id: inspection_id.to_string(),
                    why,
                }
            })?;
        }
        let local_year = draft.local_started_at().year();

        let (serial, year_sequence) = match &draft.supersedes {
            Some(original) => {
                let original = get(&tx, original)?;
                let serial = original.serial.unwrap_or_default();
                (
                    format!("{serial}-r{}", draft.revision),
                    original.year_sequence,
                )
            }
            None => (
                next_serial(&tx, station_code, local_year)?,
                Some(year_sequence(&tx, &draft, local_year)? + 1),
            ),
        };
        // A final record has no place in a form to resume: it is left out of what is signed.
        tx.prepare_cached(
            "UPDATE inspections SET status = 'final', serial = ?2, outcome = ?3, conclusion = ?4,
                 finalized_at = ?5, year_sequence = ?6, current_item = NULL, station = ?7,
                 establishment = ?8
             WHERE id = ?1",
        )?
        .execute(params![
            inspection_id,
            serial,
            outcome.code(),
            to_json("inspections", conclusion)?,
            timestamp(now),
            year_sequence,
            station_code,
            to_json("inspections", &facts)?,
        ])?;

        let failed: Vec<&str> = answers
            .iter()
            .filter(|a| a.verdict == Verdict::Fail)
            .map(|a| a.item_id.as_str())
            .collect();
        if conclusion.handling == Some(Handling::RectifyByDeadline) && draft.supersedes.is_none() {
            for item_id in &failed {
                // An item already under an open order stays under that one order: a 复查 that
                // fails it again follows that order up (below), it does not open a second one
                // with another deadline (issue 13).
                let under_order = tx
                    .prepare_cached(
                        "SELECT 1 FROM rectifications
                         WHERE establishment_id = ?1 AND item_id = ?2 AND status = 'open'",
                    )?
                    .exists(params![draft.establishment_id, item_id])?;
                if under_order {
                    continue;
                }
                tx.prepare_cached(
                    "INSERT INTO rectifications (id, establishment_id, inspection_id, item_id,
                         deadline, status)
                     VALUES (?1, ?2, ?3, ?4, ?5, 'open')",
                )?
                .execute(params![
                    uuid::Uuid::now_v7().to_string(),
                    draft.establishment_id,
                    inspection_id,
                    item_id,
                    conclusion.deadline.map(|d| d.to_string()),
                ])?;
            }
        }
        if draft.kind == InspectionKind::FollowUp {
            close_rectifications(&tx, &draft, &answers, now)?;
        }
        let entry =
            sync::inspection_entry(&tx, inspection_id)?.ok_or_else(|| StoreError::NotFound {
                what: "inspection",
                id: inspection_id.to_string(),
            })?;
        let signed = entry.sign(author).map_err(|e| StoreError::Damaged {
            table: "inspections",
            detail: format!("{inspection_id}: {e}"),
        })?;
        signatures::put(&tx, signatures::INSPECTION, inspection_id, &signed)?;
        crate::store::settings::remember_own_key(&tx, &signed.key)?;
        let finalized = get(&tx, inspection_id)?;
        tx.commit()?;
        Ok(finalized)
    }
}

/// The establishment's facts in the roster now, kept with a record as it becomes final
/// (docs/data-model.md): later roster edits do not reach its printed form.
fn facts_now(conn: &Connection, establishment_id: &str) -> Result<EstablishmentFacts> {
    let sql = format!("SELECT {ESTABLISHMENT_COLUMNS} FROM establishments WHERE id = ?1");
    let establishment = conn
        .prepare_cached(&sql)?
        .query_row([establishment_id], rows::establishment)?;
    Ok(establishment.facts)
}

/// The prefix as a range (`~` sorts after the digits and `-r` of every serial), so the lookup
/// stays on the serial's index; a LIKE with a bound prefix would read the whole index.
pub(in crate::store) const NEXT_SERIAL: &str =
    "SELECT max(CAST(substr(serial, length(?1) + 1) AS INTEGER)) FROM inspections
     WHERE serial > ?1 AND serial < ?1 || '~' AND serial NOT LIKE '%-r%'";

pub(in crate::store) const YEAR_SEQUENCE: &str = "SELECT count(*) FROM inspections
     WHERE establishment_id = ?1 AND status = 'final' AND supersedes IS NULL
       AND strftime('%Y', started_at, utc_offset || ' seconds') = ?2
       AND started_at <= ?3";

fn next_serial(conn: &Connection, station_code: &str, year: i32) -> Result<String> {
    let prefix = format!("{station_code}-{year}-");
    // Revisions carry an `-rN` suffix and do not take a sequence number of their own.
    let last: Option<i64> = conn
        .prepare_cached(NEXT_SERIAL)?
        .query_row([&prefix], |r| r.get(0))?;
    Ok(rules::serial_number(
        station_code,
        year,
        last.unwrap_or(0) + 1,
    ))
}

/// How many first revisions of final inspections this establishment had earlier in the year.
fn year_sequence(conn: &Connection, draft: &Inspection, local_year: i32) -> Result<i64> {
    Ok(conn.prepare_cached(YEAR_SEQUENCE)?.query_row(
        params![
            draft.establishment_id,
            local_year.to_string(),
            timestamp(draft.started_at)
        ],
        |r| r.get(0),
    )?)
}

/// What a 复查 does to the open rectifications of its items is `domain::rectification::step`'s:
/// a pass closes the order with the 复查 recorded, a fail keeps the same order open with the 复查
/// recorded (its history then shows both visits), an item not looked at leaves it as it was.
/// Only orders given before the 复查 started are its own: a correction of an older 复查,
/// finalized after a newer order, must not follow that order up (the import refuses it,
/// docs/trust.md rule 6; found by `tests/bundle/order.rs`).
fn close_rectifications(
    conn: &Connection,
    follow_up: &Inspection,
    answers: &[Answer],
    now: DateTime<Utc>,
) -> Result<()> {
    for answer in answers {
        let closed = match step(answer.verdict) {
            Step::Untouched => continue,
            Step::Closes => true,
            Step::FailsAgain => false,
        };
        conn.prepare_cached(
            "UPDATE rectifications SET follow_up_id = ?3,
                 status = CASE WHEN ?4 THEN 'closed' ELSE status END,
                 closed_at = CASE WHEN ?4 THEN ?5 ELSE closed_at END
             WHERE establishment_id = ?1 AND item_id = ?2 AND status = 'open'
               AND inspection_id IN (
                   SELECT id FROM inspections WHERE id = rectifications.inspection_id
                     AND started_at <= ?6)",
        )?
        .execute(params![
            follow_up.establishment_id,
            answer.item_id,
            follow_up.id,
            closed,
            timestamp(now),
            timestamp(follow_up.started_at),
        ])?;
    }
    Ok(())
}
