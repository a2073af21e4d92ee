//! The roster: establishments with their revision history.

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;

use crate::domain::establishment::{Establishment, EstablishmentFacts};
use crate::store::rows::{self, ESTABLISHMENT_COLUMNS, timestamp};
use crate::store::tables::revisions;
use crate::store::{EstablishmentRevision, Result, Store, StoreError};

/// What a roster import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct RosterOutcome {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
}

impl Store {
    pub fn establishments(&self) -> Result<Vec<Establishment>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {ESTABLISHMENT_COLUMNS} FROM establishments ORDER BY town, name"
        ))?;
        let rows = stmt.query_map([], rows::establishment)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn establishment(&self, id: &str) -> Result<Establishment> {
        self.conn
            .query_row(
                &format!("SELECT {ESTABLISHMENT_COLUMNS} FROM establishments WHERE id = ?1"),
                [id],
                rows::establishment,
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound {
                what: "establishment",
                id: id.to_string(),
            })
    }

    /// Adds an establishment at revision 1.
    pub fn add_establishment(
        &mut self,
        facts: &EstablishmentFacts,
        station: &str,
    ) -> Result<Establishment> {
        let author = self.author.clone();
        let tx = self.write_transaction()?;
        let added = insert(&tx, facts, (station, author.as_ref()), Utc::now())?;
        tx.commit()?;
        Ok(added)
    }

    /// Saves new facts as the next revision; the old ones stay in the history.
    pub fn update_establishment(
        &mut self,
        id: &str,
        facts: &EstablishmentFacts,
        station: &str,
    ) -> Result<Establishment> {
        let author = self.author.clone();
        let tx = self.write_transaction()?;
        let updated = update(&tx, id, facts, (station, author.as_ref()), Utc::now())?;
        tx.commit()?;
        Ok(updated)
    }

    /// Every revision of an establishment, oldest first.
    pub fn establishment_history(&self, id: &str) -> Result<Vec<(i64, EstablishmentFacts)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT revision, facts FROM establishment_revisions
             WHERE establishment_id = ?1 ORDER BY revision, changed_by",
        )?;
        let rows = stmt.query_map([id], |r| Ok((r.get(0)?, r.get::<_, String>(1)?)))?;
        let mut history = Vec::new();
        for row in rows {
            let (revision, json) = row?;
            let facts = serde_json::from_str(&json).map_err(|e| StoreError::Damaged {
                table: "establishment_revisions",
                detail: format!("{id} r{revision}: {e}"),
            })?;
            history.push((revision, facts));
        }
        Ok(history)
    }

    /// Applies a whole roster in one transaction: each row updates the establishment it matches
    /// (by license number, else credit code, else the same name and address) or adds a new one.
    /// Each lookup is one index search (`roster_import_queries`), so the import takes time in
    /// proportion to the rows (BENCHMARKS.md: a million rows). The revisions it makes are signed
    /// when they first leave the station, not here: a signature per row would double the time
    /// of a large roster (docs/trust.md).
    pub fn import_roster(
        &mut self,
        roster: &[EstablishmentFacts],
        station: &str,
    ) -> Result<RosterOutcome> {
        let tx = self.write_transaction()?;
        let now = Utc::now();
        let mut outcome = RosterOutcome::default();
        // Stalls without licence or credit code are known by name and address, which no index
        // holds: read them once, not once per row. (Rows of one file never share a name and
        // address, so rows added below need not be looked up here.)
        let by_name_address = if roster
            .iter()
            .any(|f| f.license_no.is_empty() && f.credit_code.is_empty())
        {
            unidentified(&tx)?
        } else {
            HashMap::new()
        };
        for facts in roster {
            match find_match(&tx, facts, &by_name_address)? {
                None => {
                    insert(&tx, facts, (station, None), now)?;
                    outcome.added += 1;
                }
                Some(existing) if existing.facts == *facts => outcome.unchanged += 1,
                Some(existing) => {
                    update(&tx, &existing.id, facts, (station, None), now)?;
                    outcome.updated += 1;
                }
            }
        }
        tx.commit()?;
        Ok(outcome)
    }
}

/// The lookups a roster import makes per row, for `tests/store/query_plans.rs`: each must search an
/// index. The `<> ''` repeats the partial indexes' condition, without which SQLite cannot use
/// them for `= ?1` and scans the table per row.
pub fn roster_import_queries() -> Vec<(&'static str, String)> {
    vec![
        ("roster import: by licence", BY_LICENCE.clone()),
        ("roster import: by credit code", BY_CREDIT_CODE.clone()),
        ("roster import: by id", BY_ID.clone()),
        (
            "roster import: history of the matched",
            revisions::HISTORY.to_string(),
        ),
    ]
}

static BY_LICENCE: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT {ESTABLISHMENT_COLUMNS} FROM establishments WHERE license_no = ?1 AND license_no <> ''"
    )
});
static BY_CREDIT_CODE: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT {ESTABLISHMENT_COLUMNS} FROM establishments WHERE credit_code = ?1 AND credit_code <> ''"
    )
});
static BY_ID: LazyLock<String> =
    LazyLock::new(|| format!("SELECT {ESTABLISHMENT_COLUMNS} FROM establishments WHERE id = ?1"));

/// The establishments without licence or credit code, by name and address.
fn unidentified(conn: &Connection) -> Result<HashMap<(String, String), String>> {
    let mut stmt = conn.prepare(
        "SELECT name, address, id FROM establishments WHERE license_no = '' AND credit_code = ''",
    )?;
    let rows = stmt.query_map([], |r| Ok(((r.get(0)?, r.get(1)?), r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn find_match(
    conn: &Connection,
    facts: &EstablishmentFacts,
    by_name_address: &HashMap<(String, String), String>,
) -> Result<Option<Establishment>> {
    let found = if !facts.license_no.is_empty() {
        conn.prepare_cached(&BY_LICENCE)?
            .query_row([&facts.license_no], rows::establishment)
    } else if !facts.credit_code.is_empty() {
        conn.prepare_cached(&BY_CREDIT_CODE)?
            .query_row([&facts.credit_code], rows::establishment)
    } else {
        // A stall without license or credit code is known by its name and address.
        let key = (facts.name.clone(), facts.address.clone());
        let Some(id) = by_name_address.get(&key) else {
            return Ok(None);
        };
        conn.prepare_cached(&BY_ID)?
            .query_row([id], rows::establishment)
    };
    Ok(found.optional()?)
}

/// Who makes a revision: the station code, and its key when the store has one.
type Maker<'a> = (&'a str, Option<&'a ed25519_dalek::SigningKey>);

fn insert(
    conn: &Connection,
    facts: &EstablishmentFacts,
    (station, author): Maker,
    now: DateTime<Utc>,
) -> Result<Establishment> {
    let id = uuid::Uuid::now_v7().to_string();
    let at = timestamp(now);
    let first = EstablishmentRevision {
        establishment_id: id.clone(),
        revision: 1,
        facts: facts.clone(),
        changed_at: at.clone(),
        changed_by: station.to_string(),
        parents: Some(Vec::new()),
        resolves: Vec::new(),
        signed: None,
    };
    let first = signed_by(first, author)?;
    revisions::write_row(conn, &id, facts, (1, &at, &first.changed_by), true)?;
    revisions::insert(conn, &first)?;
    Ok(Establishment {
        id,
        revision: 1,
        facts: facts.clone(),
    })
}

fn update(
    conn: &Connection,
    id: &str,
    facts: &EstablishmentFacts,
    (station, author): Maker,
    now: DateTime<Utc>,
) -> Result<Establishment> {
    let revision = revisions::next(conn, id, facts, station, &timestamp(now))?;
    add_revision(conn, revision, author)
}

/// Adds a revision made here (signed when the store has a key) and settles the current row.
pub(in crate::store) fn add_revision(
    conn: &Connection,
    revision: EstablishmentRevision,
    author: Option<&ed25519_dalek::SigningKey>,
) -> Result<Establishment> {
    let revision = signed_by(revision, author)?;
    revisions::insert(conn, &revision)?;
    let merged = revisions::settle(conn, &revision.establishment_id)?;
    Ok(Establishment {
        id: revision.establishment_id,
        revision: merged.revision,
        facts: merged.facts,
    })
}

/// A signed revision names its signer's code as its station, whatever the caller passed.
fn signed_by(
    mut revision: EstablishmentRevision,
    author: Option<&ed25519_dalek::SigningKey>,
) -> Result<EstablishmentRevision> {
    let Some(key) = author else {
        return Ok(revision);
    };
    revision.changed_by = crate::identity::station_code(&key.verifying_key());
    let signed = revision.sign(key).map_err(|err| StoreError::Damaged {
        table: "establishment_revisions",
        detail: err.to_string(),
    })?;
    revision.signed = Some(signed);
    Ok(revision)
}
