//! An office's decision that closes a rectification with a written reason, where no 复查 will
//! (the operator closed down, the order was issued in error…). Only an office may make one, and
//! it is signed by the office's key like every record (docs/trust.md, rule 7).

use chrono::{DateTime, Utc};
use ed25519_dalek::SigningKey;
use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use crate::authorship::{self, AuthorshipError, RecordKind, RecordSignature};
use crate::domain::final_check::MAX_LONG_TEXT_CHARS;
use crate::store::rows::timestamp;
use crate::store::{Result, Store, StoreError, signatures};

/// The office's decision on one rectification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub rectification_id: String,
    /// Why the order closes without a follow-up; `rectifications list` shows it.
    pub reason: String,
    pub decided_at: String,
    /// The office station that decided.
    pub station: String,
    pub signed: Option<RecordSignature>,
}

/// What a decision's signature covers.
#[derive(Serialize)]
struct SignedDecision<'a> {
    rectification_id: &'a str,
    reason: &'a str,
    decided_at: &'a str,
    station: &'a str,
}

impl Decision {
    fn signed_part(&self) -> SignedDecision<'_> {
        SignedDecision {
            rectification_id: &self.rectification_id,
            reason: &self.reason,
            decided_at: &self.decided_at,
            station: &self.station,
        }
    }

    pub fn sign(&self, key: &SigningKey) -> std::result::Result<RecordSignature, AuthorshipError> {
        authorship::sign(key, RecordKind::RectificationDecision, &self.signed_part())
    }

    pub fn verify(&self) -> std::result::Result<ed25519_dalek::VerifyingKey, AuthorshipError> {
        let signed = self.signed.as_ref().ok_or(AuthorshipError::Unsigned)?;
        authorship::verify(
            signed,
            RecordKind::RectificationDecision,
            &self.signed_part(),
        )
    }
}

/// Why a decision is not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecisionRefusal {
    /// The rectification is closed already.
    Closed,
    /// No reason was given, or one longer than a note may be.
    Reason,
}

impl Store {
    /// Closes an open rectification by the office's decision with `reason`, signed with
    /// `author`, in one transaction.
    pub fn close_rectification_by_decision(
        &mut self,
        rectification_id: &str,
        reason: &str,
        author: &SigningKey,
        now: DateTime<Utc>,
    ) -> Result<Decision> {
        let reason = reason.trim();
        let refused = |why| StoreError::DecisionRefused {
            id: rectification_id.to_string(),
            why,
        };
        if reason.is_empty() || reason.chars().count() > MAX_LONG_TEXT_CHARS {
            return Err(refused(DecisionRefusal::Reason));
        }
        let tx = self.write_transaction()?;
        let status: Option<String> = tx
            .prepare_cached("SELECT status FROM rectifications WHERE id = ?1")?
            .query_row([rectification_id], |r| r.get(0))
            .optional()?;
        match status.as_deref() {
            None => {
                return Err(StoreError::NotFound {
                    what: "rectification",
                    id: rectification_id.to_string(),
                });
            }
            Some("open") => {}
            Some(_) => return Err(refused(DecisionRefusal::Closed)),
        }
        let mut decision = Decision {
            rectification_id: rectification_id.to_string(),
            reason: reason.to_string(),
            decided_at: timestamp(now),
            station: crate::identity::station_code(&author.verifying_key()),
            signed: None,
        };
        let signed = decision.sign(author).map_err(|e| StoreError::Damaged {
            table: "rectification_decisions",
            detail: e.to_string(),
        })?;
        decision.signed = Some(signed);
        insert(&tx, &decision)?;
        tx.prepare_cached(
            "UPDATE rectifications SET status = 'closed', closed_at = ?2 WHERE id = ?1",
        )?
        .execute(params![rectification_id, decision.decided_at])?;
        tx.commit()?;
        Ok(decision)
    }

    /// The office's decision on a rectification, if one closed it.
    pub fn rectification_decision(&self, rectification_id: &str) -> Result<Option<Decision>> {
        get(&self.conn, rectification_id)
    }
}

pub(in crate::store) fn get(conn: &Connection, rectification_id: &str) -> Result<Option<Decision>> {
    let row = conn
        .prepare_cached(
            "SELECT reason, decided_at, station FROM rectification_decisions
             WHERE rectification_id = ?1",
        )?
        .query_row([rectification_id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })
        .optional()?;
    let Some((reason, decided_at, station)) = row else {
        return Ok(None);
    };
    Ok(Some(Decision {
        rectification_id: rectification_id.to_string(),
        reason,
        decided_at,
        station,
        signed: signatures::get(conn, signatures::DECISION, rectification_id)?,
    }))
}

/// Keeps a decision with its signature; one arriving again is the same decision.
pub(in crate::store) fn insert(conn: &Connection, d: &Decision) -> Result<()> {
    conn.prepare_cached(
        "INSERT OR IGNORE INTO rectification_decisions (rectification_id, reason, decided_at,
             station)
         VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![
        d.rectification_id,
        d.reason,
        d.decided_at,
        d.station
    ])?;
    if let Some(signed) = &d.signed {
        signatures::put(conn, signatures::DECISION, &d.rectification_id, signed)?;
    }
    Ok(())
}
