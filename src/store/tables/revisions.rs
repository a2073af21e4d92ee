//! Establishment revisions: an establishment's history, adding a revision to it, and settling
//! its current row and conflicts from the merge of all of them (docs/data-model.md,
//! "Establishment revisions"). The current row is always what the merge gives, however the
//! revisions arrived: typed here, by roster import or in a bundle.

use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use crate::authorship::{self, AuthorshipError, RecordKind, RecordSignature};
use crate::domain::establishment::EstablishmentFacts;
use crate::domain::establishment_merge::{
    Fact, MergeError, Merged, Revision as MergeRevision, RevisionRef, merge,
};
use crate::store::rows::to_json;
use crate::store::types::revision_key;
use crate::store::{Result, StoreError, signatures};

/// One entry of an establishment's history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EstablishmentRevision {
    pub establishment_id: String,
    pub revision: i64,
    pub facts: EstablishmentFacts,
    pub changed_at: String,
    pub changed_by: String,
    /// The revisions it was made from; absent in revisions made before they were named, which
    /// follow the one numbered one less (docs/data-model.md, "Establishment revisions").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parents: Option<Vec<RevisionRef>>,
    /// The facts whose conflict it settles (an office's choice, docs/trust.md rule 8).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resolves: Vec<Fact>,
    /// The signature of the station that made the revision (docs/trust.md).
    pub signed: Option<RecordSignature>,
}

/// What an establishment revision's signature covers. A revision from before parents were
/// named has neither member, so its signature still checks.
#[derive(Serialize)]
struct SignedRevision<'a> {
    establishment_id: &'a str,
    revision: i64,
    facts: &'a EstablishmentFacts,
    changed_at: &'a str,
    changed_by: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    parents: Option<&'a [RevisionRef]>,
    #[serde(skip_serializing_if = "<[Fact]>::is_empty")]
    resolves: &'a [Fact],
}

impl EstablishmentRevision {
    fn signed_part(&self) -> SignedRevision<'_> {
        SignedRevision {
            establishment_id: &self.establishment_id,
            revision: self.revision,
            facts: &self.facts,
            changed_at: &self.changed_at,
            changed_by: &self.changed_by,
            parents: self.parents.as_deref(),
            resolves: &self.resolves,
        }
    }

    /// Which revision this is: its number and its station.
    pub fn at(&self) -> RevisionRef {
        RevisionRef {
            revision: self.revision,
            station: self.changed_by.clone(),
        }
    }

    /// The id under which it is marked, signed and reported.
    pub fn key(&self) -> String {
        revision_key(&self.establishment_id, self.revision, &self.changed_by)
    }

    /// What the merge reads of it.
    pub fn view<'a>(&'a self, at: &'a RevisionRef) -> MergeRevision<'a> {
        MergeRevision {
            at,
            parents: self.parents.as_deref(),
            facts: &self.facts,
            changed_at: &self.changed_at,
            resolves: &self.resolves,
        }
    }

    pub fn sign(
        &self,
        key: &ed25519_dalek::SigningKey,
    ) -> std::result::Result<RecordSignature, AuthorshipError> {
        authorship::sign(key, RecordKind::EstablishmentRevision, &self.signed_part())
    }

    pub fn verify(&self) -> std::result::Result<ed25519_dalek::VerifyingKey, AuthorshipError> {
        let signed = self.signed.as_ref().ok_or(AuthorshipError::Unsigned)?;
        authorship::verify(
            signed,
            RecordKind::EstablishmentRevision,
            &self.signed_part(),
        )
    }
}

const TABLE: &str = "establishment_revisions";

pub(in crate::store) const HISTORY: &str =
    "SELECT revision, changed_by, facts, changed_at, parents, resolves
     FROM establishment_revisions WHERE establishment_id = ?1 ORDER BY revision, changed_by";

/// Every revision of one establishment, oldest first.
pub(in crate::store) fn history(conn: &Connection, id: &str) -> Result<Vec<EstablishmentRevision>> {
    let mut stmt = conn.prepare_cached(HISTORY)?;
    let rows = stmt.query_map([id], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, Option<String>>(4)?,
            r.get::<_, Option<String>>(5)?,
        ))
    })?;
    let mut revisions = Vec::new();
    for row in rows {
        let (revision, changed_by, facts, changed_at, parents, resolves) = row?;
        let damaged = |e: serde_json::Error| StoreError::Damaged {
            table: "establishment_revisions",
            detail: format!("{id} r{revision}@{changed_by}: {e}"),
        };
        let key = revision_key(id, revision, &changed_by);
        revisions.push(EstablishmentRevision {
            establishment_id: id.to_string(),
            revision,
            facts: serde_json::from_str(&facts).map_err(damaged)?,
            changed_at,
            parents: parents
                .map(|p| serde_json::from_str(&p))
                .transpose()
                .map_err(damaged)?,
            resolves: resolves
                .map(|p| serde_json::from_str(&p))
                .transpose()
                .map_err(damaged)?
                .unwrap_or_default(),
            signed: signatures::get(conn, signatures::ESTABLISHMENT_REVISION, &key)?,
            changed_by,
        });
    }
    Ok(revisions)
}

/// Merges revisions of one establishment.
pub fn merge_revisions(
    revisions: &[EstablishmentRevision],
) -> std::result::Result<Merged, crate::domain::establishment_merge::MergeError> {
    let refs: Vec<RevisionRef> = revisions.iter().map(EstablishmentRevision::at).collect();
    let views: Vec<_> = revisions
        .iter()
        .zip(&refs)
        .map(|(r, at)| r.view(at))
        .collect();
    merge(&views)
}

pub(in crate::store) fn merged(conn: &Connection, id: &str) -> Result<Merged> {
    merge_revisions(&history(conn, id)?).map_err(|e| damaged_history(id, e))
}

fn damaged_history(id: &str, e: MergeError) -> StoreError {
    StoreError::Damaged {
        table: "establishment_revisions",
        detail: format!("{id}: {e}"),
    }
}

/// Adds one revision and its signature, as made (the current row is [`settle`]d after).
pub(in crate::store) fn insert(conn: &Connection, r: &EstablishmentRevision) -> Result<()> {
    let parents = match &r.parents {
        Some(p) => Some(to_json(TABLE, p)?),
        None => None,
    };
    let resolves = if r.resolves.is_empty() {
        None
    } else {
        Some(to_json(TABLE, &r.resolves)?)
    };
    conn.prepare_cached(
        "INSERT INTO establishment_revisions (establishment_id, revision, changed_by, facts,
             changed_at, parents, resolves)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        r.establishment_id,
        r.revision,
        r.changed_by,
        to_json(TABLE, &r.facts)?,
        r.changed_at,
        parents,
        resolves,
    ])?;
    if let Some(signed) = &r.signed {
        signatures::put(conn, signatures::ESTABLISHMENT_REVISION, &r.key(), signed)?;
    }
    Ok(())
}

/// Writes the current row and the kept conflicts of an establishment from the merge of all its
/// revisions. The row must exist (a new establishment's is written with its first revision).
pub(in crate::store) fn settle(conn: &Connection, id: &str) -> Result<Merged> {
    let m = merged(conn, id)?;
    write_row(
        conn,
        id,
        &m.facts,
        (m.revision, &m.latest_at, &m.latest.station),
        false,
    )?;
    if m.conflicts.is_empty() {
        conn.prepare_cached("DELETE FROM establishment_conflicts WHERE establishment_id = ?1")?
            .execute([id])?;
    } else {
        conn.prepare_cached(
            "INSERT INTO establishment_conflicts (establishment_id, conflicts) VALUES (?1, ?2)
             ON CONFLICT (establishment_id) DO UPDATE SET conflicts = excluded.conflicts",
        )?
        .execute(params![
            id,
            to_json("establishment_conflicts", &m.conflicts)?
        ])?;
    }
    Ok(m)
}

/// Writes the current row of an establishment (`new`: inserts it; else updates it), with its
/// highest revision number and its latest change (when, by which station).
pub(in crate::store) fn write_row(
    conn: &Connection,
    id: &str,
    f: &EstablishmentFacts,
    (revision, updated_at, updated_by): (i64, &str, &str),
    new: bool,
) -> Result<()> {
    let sql = if new {
        "INSERT OR IGNORE INTO establishments (id, revision, name, kind, address, town,
             person_in_charge, phone, license_no, credit_code, risk_grade, bright_kitchen,
             updated_at, updated_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
    } else {
        "UPDATE establishments SET revision = ?2, name = ?3, kind = ?4, address = ?5, town = ?6,
             person_in_charge = ?7, phone = ?8, license_no = ?9, credit_code = ?10,
             risk_grade = ?11, bright_kitchen = ?12, updated_at = ?13, updated_by = ?14
         WHERE id = ?1"
    };
    conn.prepare_cached(sql)?.execute(params![
        id,
        revision,
        f.name,
        f.kind.code(),
        f.address,
        f.town,
        f.person_in_charge,
        f.phone,
        f.license_no,
        f.credit_code,
        f.risk_grade.map(|g| g.code()),
        f.bright_kitchen.map(|b| b.code()),
        updated_at,
        updated_by,
    ])?;
    Ok(())
}

/// The next revision of an establishment made here: numbered after every one known, made from
/// the ones no other has seen.
pub(in crate::store) fn next(
    conn: &Connection,
    id: &str,
    facts: &EstablishmentFacts,
    station: &str,
    changed_at: &str,
) -> Result<EstablishmentRevision> {
    let exists = conn
        .prepare_cached("SELECT 1 FROM establishments WHERE id = ?1")?
        .query_row([id], |_| Ok(()))
        .optional()?;
    if exists.is_none() {
        return Err(StoreError::NotFound {
            what: "establishment",
            id: id.to_string(),
        });
    }
    let revisions = history(conn, id)?;
    // A row without any history (written by hand, or by a tool): the edit starts one.
    let (number, parents) = if revisions.is_empty() {
        let number: i64 = conn
            .prepare_cached("SELECT revision FROM establishments WHERE id = ?1")?
            .query_row([id], |r| r.get(0))?;
        (number + 1, Vec::new())
    } else {
        let m = merge_revisions(&revisions).map_err(|e| damaged_history(id, e))?;
        (m.revision + 1, m.heads)
    };
    Ok(EstablishmentRevision {
        establishment_id: id.to_string(),
        revision: number,
        facts: facts.clone(),
        changed_at: changed_at.to_string(),
        changed_by: station.to_string(),
        parents: Some(parents),
        resolves: Vec::new(),
        signed: None,
    })
}
