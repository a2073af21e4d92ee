//! Establishment facts in conflict: the list the office reads, and its choice, a revision that
//! settles one fact (docs/data-model.md, "Establishment revisions"; docs/trust.md, rule 8).

use serde::Serialize;

use crate::domain::establishment::Establishment;
use crate::domain::establishment_merge::{Fact, FactConflict};
use crate::store::rows::timestamp;
use crate::store::tables::revisions::{merged, next};
use crate::store::{Result, Store, StoreError};

/// An establishment with facts in conflict, for the office to settle.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EstablishmentConflicts {
    pub establishment_id: String,
    pub name: String,
    pub conflicts: Vec<FactConflict>,
}

impl Store {
    /// The establishments whose facts are in conflict, by name.
    pub fn establishment_conflicts(&self) -> Result<Vec<EstablishmentConflicts>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.establishment_id, e.name, c.conflicts FROM establishment_conflicts c
             JOIN establishments e ON e.id = c.establishment_id ORDER BY e.name, e.id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        let mut list = Vec::new();
        for row in rows {
            let (establishment_id, name, json) = row?;
            let conflicts = serde_json::from_str(&json).map_err(|e| StoreError::Damaged {
                table: "establishment_conflicts",
                detail: format!("{establishment_id}: {e}"),
            })?;
            list.push(EstablishmentConflicts {
                establishment_id,
                name,
                conflicts,
            });
        }
        Ok(list)
    }

    /// Settles a conflict on `fact` of an establishment with `value` (one of the sides, or a
    /// new value): a revision made from every side, marked as settling it, signed by this
    /// station (docs/trust.md, rule 8).
    pub fn resolve_conflict(
        &mut self,
        id: &str,
        fact: Fact,
        value: &str,
        station: &str,
    ) -> Result<Establishment> {
        let author = self.author.clone();
        // A station that answers to an office (it trusts one that is not itself) is a field
        // station: the office settles, and would refuse its whole next bundle for it
        // (docs/trust.md, rule 8). Refused here, before anything is written.
        let own = author
            .as_ref()
            .map(|k| crate::identity::station_code(&k.verifying_key()));
        if let Some(office) = self.office_above(own.as_deref())? {
            return Err(StoreError::NotTheOffice {
                office: if office.name.is_empty() {
                    office.code
                } else {
                    format!("{} {}", office.name, office.code)
                },
            });
        }
        let tx = self.write_transaction()?;
        let current = merged(&tx, id)?;
        if !current.conflicts.iter().any(|c| c.fact == fact) {
            return Err(StoreError::NoConflict {
                id: id.to_string(),
                fact: fact.code(),
            });
        }
        let mut facts = current.facts.clone();
        fact.set(&mut facts, value)
            .ok_or_else(|| StoreError::BadFactValue {
                fact: fact.code(),
                value: value.to_string(),
            })?;
        let now = timestamp(chrono::Utc::now());
        let mut revision = next(&tx, id, &facts, station, &now)?;
        revision.resolves = vec![fact];
        let settled =
            crate::store::tables::establishments::add_revision(&tx, revision, author.as_ref())?;
        tx.commit()?;
        Ok(settled)
    }
}
