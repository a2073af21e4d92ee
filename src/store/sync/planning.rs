//! What bundles carry of planning (issue 14, docs/bundle-format.md 6.9): the office's planning
//! whole, and a station's untags of its own inspections; and applying them in an import.

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::domain::planning::campaign::Campaign;
use crate::domain::planning::{OfficeInspector, Task};
use crate::store::tables::planning::{PLANNED_AT, put_campaign, put_inspector, put_task};
use crate::store::{Result, Store};

/// An inspection an inspector took out of a campaign (`shian campaigns untag`, or `u` on the
/// opened record), or put back in (`tagged`), and when: the later choice wins.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Untag {
    pub inspection_id: String,
    pub campaign_id: String,
    /// Back in the campaign (a re-tag); absent in bundle format 3, which carries untags only.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub tagged: bool,
    /// When the inspector chose (RFC 3339 UTC); absent in untags written before it was kept.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub changed_at: String,
}

/// What a bundle carries of planning: an office's planning, or a station's untags of its own
/// inspections (src/bundle/planning.rs).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CarriedPlanning {
    Office(PlanningSet),
    Untagged(Vec<Untag>),
}

/// The planning an office bundle carries to every laptop, whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanningSet {
    /// When the office's planning last changed (RFC 3339 UTC).
    pub planned_at: String,
    pub inspectors: Vec<OfficeInspector>,
    pub campaigns: Vec<Campaign>,
    pub tasks: Vec<Task>,
}

impl Store {
    /// The untags and re-tags of this station's own final inspections, which its field
    /// bundles carry to the office.
    pub fn own_untags(&self, station: &str) -> Result<Vec<Untag>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT u.inspection_id, u.campaign_id, u.tagged, u.changed_at
             FROM campaign_untagged u
             JOIN inspections i ON i.id = u.inspection_id
             WHERE i.station = ?1 AND i.status = 'final'
             ORDER BY u.inspection_id, u.campaign_id",
        )?;
        let rows = stmt.query_map([station], |r| {
            Ok(Untag {
                inspection_id: r.get(0)?,
                campaign_id: r.get(1)?,
                tagged: r.get(2)?,
                changed_at: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// What an office bundle carries: `None` when there is no planning here at all, so a
    /// bundle from an office that plans nothing is the same as before.
    pub fn planning_set(&self) -> Result<Option<PlanningSet>> {
        let inspectors = self.office_inspectors()?;
        let campaigns = self.campaigns()?;
        let tasks = self.tasks()?;
        if inspectors.is_empty() && campaigns.is_empty() && tasks.is_empty() {
            return Ok(None);
        }
        let planned_at = crate::store::settings::get(&self.conn, PLANNED_AT)?.unwrap_or_default();
        Ok(Some(PlanningSet {
            planned_at,
            inspectors,
            campaigns,
            tasks,
        }))
    }
}

/// Applies what a bundle carries of planning inside its import's transaction.
pub(in crate::store) fn apply_carried(conn: &Connection, carried: &CarriedPlanning) -> Result<()> {
    match carried {
        CarriedPlanning::Office(set) => apply(conn, set),
        CarriedPlanning::Untagged(list) => {
            // The later choice wins: an older bundle imported late never undoes a newer one;
            // an untag of format 3 (no time) only adds, as it did.
            for u in list {
                conn.prepare_cached(
                    "INSERT INTO campaign_untagged (inspection_id, campaign_id, tagged, changed_at)
                     VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT (inspection_id, campaign_id) DO UPDATE
                     SET tagged = excluded.tagged, changed_at = excluded.changed_at
                     WHERE excluded.changed_at > campaign_untagged.changed_at",
                )?
                .execute(rusqlite::params![
                    u.inspection_id,
                    u.campaign_id,
                    u.tagged,
                    u.changed_at
                ])?;
            }
            Ok(())
        }
    }
}

/// The setting that holds the `planned_at` of the office planning last applied here. Kept apart
/// from this station's own `planning_changed_at`: a planning edit made here (by mistake, on a
/// laptop) must not make every later office bundle look older.
const RECEIVED_AT: &str = "planning_received_at";

/// Applies an office's planning: it replaces the planning here whole, unless the planning
/// received before is newer (an older bundle imported late changes nothing).
fn apply(conn: &Connection, set: &PlanningSet) -> Result<()> {
    let here: Option<String> = conn
        .query_row(
            "SELECT value FROM settings WHERE key = ?1",
            [RECEIVED_AT],
            |r| r.get(0),
        )
        .optional()?;
    if here.is_some_and(|h| h.as_str() >= set.planned_at.as_str()) {
        return Ok(());
    }
    conn.execute_batch("DELETE FROM office_inspectors; DELETE FROM campaigns; DELETE FROM tasks;")?;
    for i in &set.inspectors {
        put_inspector(conn, i)?;
    }
    for c in &set.campaigns {
        put_campaign(conn, c, "")?;
    }
    for t in &set.tasks {
        put_task(conn, t)?;
    }
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [RECEIVED_AT, &set.planned_at],
    )?;
    Ok(())
}
