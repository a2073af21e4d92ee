//! Stations this one knows (trusted, revoked) and the bundle log.

use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use crate::store::{Result, Store};

/// A station as stored: its code, public key (hexadecimal), name and role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StationRow {
    pub code: String,
    pub public_key: String,
    pub name: String,
    /// `field` (a laptop) or `office`.
    pub role: String,
    pub trusted: bool,
    pub added_at: String,
    pub revoked_at: Option<String>,
}

impl StationRow {
    /// Bundles signed by this station are accepted.
    pub fn accepted(&self) -> bool {
        self.trusted && self.revoked_at.is_none()
    }
}

/// One line of the bundle log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleLogEntry {
    pub id: String,
    pub bundle_id: String,
    /// `export` or `import`.
    pub direction: String,
    /// `field` or `office`.
    pub kind: String,
    /// The station that made the bundle.
    pub station: String,
    pub file_name: String,
    /// SHA-256 of the whole bundle file.
    pub sha256: String,
    /// What the bundle held or what the import did, as JSON.
    pub counts: String,
    pub at: String,
    /// Imports: the SHA-256 of the bundle's manifest and the signer's public key (schema 6;
    /// `None` in lines written before).
    pub manifest_sha256: Option<String>,
    pub signer_key: Option<String>,
}

const STATION_COLUMNS: &str = "code, public_key, name, role, trusted, added_at, revoked_at";

fn station(row: &rusqlite::Row) -> rusqlite::Result<StationRow> {
    Ok(StationRow {
        code: row.get(0)?,
        public_key: row.get(1)?,
        name: row.get(2)?,
        role: row.get(3)?,
        trusted: row.get(4)?,
        added_at: row.get(5)?,
        revoked_at: row.get(6)?,
    })
}

impl Store {
    pub fn stations(&self) -> Result<Vec<StationRow>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {STATION_COLUMNS} FROM stations ORDER BY added_at, code"
        ))?;
        let rows = stmt.query_map([], station)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The office this station answers to: a trusted office other than itself (`own`, its
    /// code). `None` on the office itself, and on a station that has trusted no office yet;
    /// such a station is its own office (settles conflicts, keeps the inspectors and draws).
    pub fn office_above(&self, own: Option<&str>) -> Result<Option<StationRow>> {
        Ok(self
            .stations()?
            .into_iter()
            .find(|s| s.role == "office" && s.accepted() && Some(s.code.as_str()) != own))
    }

    pub fn station_by_key(&self, public_key: &str) -> Result<Option<StationRow>> {
        station_by_key(&self.conn, public_key)
    }

    /// A known station with this code but another key: trusting the new key would put it in
    /// that station's place.
    pub fn station_sharing_code(&self, code: &str, public_key: &str) -> Result<Option<StationRow>> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {STATION_COLUMNS} FROM stations WHERE code = ?1 AND public_key <> ?2"
            ))?
            .query_row(params![code, public_key], station)
            .optional()?)
    }

    /// Trusts a station (again): a revoked station is reinstated only by this explicit call.
    pub fn trust_station(&self, s: &StationRow) -> Result<()> {
        trust(&self.conn, s)
    }

    /// Stops accepting bundles from the station; returns false when the code is unknown.
    pub fn revoke_station(&self, code: &str, at: &str) -> Result<bool> {
        let changed = self.conn.execute(
            "UPDATE stations SET trusted = 0, revoked_at = coalesce(revoked_at, ?2)
             WHERE code = ?1",
            params![code, at],
        )?;
        Ok(changed > 0)
    }

    pub fn bundle_log(&self) -> Result<Vec<BundleLogEntry>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, bundle_id, direction, kind, station, file_name, sha256, counts, at,
                 manifest_sha256, signer_key
             FROM bundle_log ORDER BY at, id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(BundleLogEntry {
                id: r.get(0)?,
                bundle_id: r.get(1)?,
                direction: r.get(2)?,
                kind: r.get(3)?,
                station: r.get(4)?,
                file_name: r.get(5)?,
                sha256: r.get(6)?,
                counts: r.get(7)?,
                at: r.get(8)?,
                manifest_sha256: r.get(9)?,
                signer_key: r.get(10)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The imports of a bundle id here before: each one's manifest SHA-256 and signer key.
    pub fn imports_of_bundle(
        &self,
        bundle_id: &str,
    ) -> Result<Vec<(Option<String>, Option<String>)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT manifest_sha256, signer_key FROM bundle_log
             WHERE bundle_id = ?1 AND direction = 'import'",
        )?;
        let rows = stmt.query_map([bundle_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// This station's own public key, as its finalized records and exports were signed with.
    pub fn own_public_key(&self) -> Result<Option<String>> {
        crate::store::settings::get(&self.conn, crate::store::settings::OWN_PUBLIC_KEY)
    }

    /// Remembers this station's public key (see `settings::remember_own_key`).
    pub fn remember_own_key(&self, public_key: &str) -> Result<()> {
        if self.own_public_key()?.as_deref() != Some(public_key) {
            crate::store::settings::remember_own_key(&self.conn, public_key)?;
        }
        Ok(())
    }

    /// How many bundles this station exported; numbers the next file name.
    pub fn exports_count(&self) -> Result<i64> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM bundle_log WHERE direction = 'export'",
            [],
            |r| r.get(0),
        )?)
    }
}

pub(in crate::store) fn station_by_key(
    conn: &Connection,
    public_key: &str,
) -> Result<Option<StationRow>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {STATION_COLUMNS} FROM stations WHERE public_key = ?1"
        ))?
        .query_row([public_key], station)
        .optional()?)
}

/// A station the office lists (an office bundle): a new one is added as the office says; a
/// known one only takes the office's revocation, never a reinstatement.
pub(in crate::store) fn from_office(conn: &Connection, s: &StationRow) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO stations (code, public_key, name, role, trusted, added_at, revoked_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (public_key) DO UPDATE SET
             trusted = CASE WHEN excluded.revoked_at IS NOT NULL THEN 0 ELSE trusted END,
             revoked_at = coalesce(revoked_at, excluded.revoked_at)
         ON CONFLICT DO NOTHING",
    )?
    .execute(params![
        s.code,
        s.public_key,
        s.name,
        s.role,
        s.trusted && s.revoked_at.is_none(),
        s.added_at,
        s.revoked_at
    ])?;
    Ok(())
}

pub(in crate::store) fn trust(conn: &Connection, s: &StationRow) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO stations (code, public_key, name, role, trusted, added_at, revoked_at)
         VALUES (?1, ?2, ?3, ?4, 1, ?5, NULL)
         ON CONFLICT (code) DO UPDATE SET public_key = excluded.public_key,
             name = CASE WHEN excluded.name <> '' THEN excluded.name ELSE name END,
             role = excluded.role, trusted = 1, revoked_at = NULL",
    )?
    .execute(params![s.code, s.public_key, s.name, s.role, s.added_at])?;
    Ok(())
}

pub(in crate::store) fn log(conn: &Connection, e: &BundleLogEntry) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO bundle_log (id, bundle_id, direction, kind, station, file_name, sha256,
             counts, at, manifest_sha256, signer_key)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        e.id,
        e.bundle_id,
        e.direction,
        e.kind,
        e.station,
        e.file_name,
        e.sha256,
        e.counts,
        e.at,
        e.manifest_sha256,
        e.signer_key
    ])?;
    Ok(())
}
