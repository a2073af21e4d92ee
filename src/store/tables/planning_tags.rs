//! Which campaigns count an inspection (issue 14, docs/planning.md): an inspection of a
//! campaign's target started within its period counts, unless its inspector untagged it; the
//! latest choice (untagged, or tagged again) is kept with its time, so it travels to the office
//! and an older bundle imported late never undoes a newer choice (store/sync/planning.rs).

use rusqlite::{OptionalExtension, params};

use crate::domain::planning::campaign::Campaign;
use crate::store::tables::planning::damaged;
use crate::store::{Result, Store};

/// A campaign an inspection falls in, and whether it counts there now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CampaignTag {
    pub campaign_id: String,
    pub name: String,
    pub tagged: bool,
}

impl Store {
    /// Takes an inspection out of a campaign (the inspector's untag), or puts it back, as the
    /// latest choice with its time. Tagging one never untagged changes nothing.
    pub fn set_campaign_tag(
        &self,
        inspection_id: &str,
        campaign_id: &str,
        tagged: bool,
    ) -> Result<()> {
        let now = crate::store::rows::timestamp(chrono::Utc::now());
        let sql = if tagged {
            "UPDATE campaign_untagged SET tagged = 1, changed_at = ?3
             WHERE inspection_id = ?1 AND campaign_id = ?2"
        } else {
            "INSERT INTO campaign_untagged (inspection_id, campaign_id, tagged, changed_at)
             VALUES (?1, ?2, 0, ?3)
             ON CONFLICT (inspection_id, campaign_id)
             DO UPDATE SET tagged = 0, changed_at = excluded.changed_at"
        };
        self.conn
            .execute(sql, params![inspection_id, campaign_id, now])?;
        Ok(())
    }

    /// `(inspection id, campaign id)` of every inspection out of a campaign now.
    pub fn campaign_untagged(&self) -> Result<Vec<(String, String)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT inspection_id, campaign_id FROM campaign_untagged WHERE tagged = 0",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The campaigns inspection `id` falls in: those with a task for its establishment whose
    /// period holds the local day it started; each with whether it counts there now.
    pub fn campaign_tags(&self, id: &str) -> Result<Vec<CampaignTag>> {
        let inspection = self.inspection(id)?;
        let day = inspection.local_started_at().date_naive();
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.content,
                    NOT EXISTS (SELECT 1 FROM campaign_untagged u
                                WHERE u.inspection_id = ?1 AND u.campaign_id = c.id
                                  AND u.tagged = 0)
             FROM campaigns c
             WHERE EXISTS (SELECT 1 FROM tasks t
                           WHERE t.establishment_id = ?2
                             AND json_extract(t.source, '$.kind') = 'campaign'
                             AND json_extract(t.source, '$.id') = c.id)
             ORDER BY c.id",
        )?;
        let rows = stmt.query_map(params![id, inspection.establishment_id], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, bool>(1)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (content, tagged) = row?;
            let c: Campaign = serde_json::from_str(&content).map_err(damaged("campaigns"))?;
            if c.covers(day) {
                out.push(CampaignTag {
                    campaign_id: c.id,
                    name: c.name,
                    tagged,
                });
            }
        }
        Ok(out)
    }

    /// Whether an inspector here changed a tag of one of this station's inspections since its
    /// last field bundle: reason enough for a new bundle, with no new record in it.
    pub fn tag_changes_unexported(&self, station: &str) -> Result<bool> {
        let last: Option<String> = self
            .conn
            .query_row(
                "SELECT max(at) FROM bundle_log WHERE direction = 'export' AND kind = 'field'",
                [],
                |r| r.get(0),
            )
            .optional()?
            .flatten();
        Ok(self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM campaign_untagged u
                            JOIN inspections i ON i.id = u.inspection_id
                            WHERE i.station = ?1 AND i.status = 'final'
                              AND u.changed_at > ?2)",
            params![station, last.unwrap_or_default()],
            |r| r.get(0),
        )?)
    }
}
