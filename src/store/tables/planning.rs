//! Planning tables (issue 14, docs/planning.md): the office's inspectors, campaigns, draws and
//! tasks, and the untags of inspections. What bundles carry of them is `planning_sync.rs`.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use crate::domain::planning::campaign::Campaign;
use crate::domain::planning::draw::DrawRecord;
use crate::domain::planning::{OfficeInspector, Task, TaskSource};
use crate::store::{Result, Store, StoreError};

/// The setting that holds when this station's planning last changed (office) or the time of the
/// planning last received (laptop): an older office bundle never takes newer planning back.
pub(in crate::store) const PLANNED_AT: &str = "planning_changed_at";

pub(in crate::store) fn damaged(table: &'static str) -> impl Fn(serde_json::Error) -> StoreError {
    move |e| StoreError::Damaged {
        table,
        detail: e.to_string(),
    }
}

pub(in crate::store) fn json<T: Serialize>(value: &T) -> String {
    // Plain data (strings, numbers, dates, vectors) always serializes.
    serde_json::to_string(value).unwrap_or_default()
}

pub(in crate::store) fn touch(conn: &Connection) -> Result<()> {
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [
            PLANNED_AT,
            &crate::store::rows::timestamp(chrono::Utc::now()),
        ],
    )?;
    Ok(())
}

fn read_inspectors(conn: &Connection) -> Result<Vec<OfficeInspector>> {
    let mut stmt = conn.prepare_cached(
        "SELECT badge, name, unit, station, active, towns FROM office_inspectors ORDER BY badge",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, bool>(4)?,
            r.get::<_, String>(5)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (badge, name, unit, station, active, towns) = row?;
        out.push(OfficeInspector {
            badge,
            name,
            unit,
            station,
            active,
            towns: serde_json::from_str(&towns).map_err(damaged("office_inspectors"))?,
        });
    }
    Ok(out)
}

pub(in crate::store) fn put_inspector(conn: &Connection, i: &OfficeInspector) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO office_inspectors (badge, name, unit, station, active, towns)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (badge) DO UPDATE SET name = excluded.name, unit = excluded.unit,
             station = excluded.station, active = excluded.active, towns = excluded.towns",
    )?
    .execute(params![
        i.badge,
        i.name,
        i.unit,
        i.station,
        i.active,
        json(&i.towns)
    ])?;
    Ok(())
}

pub(in crate::store) fn put_task(conn: &Connection, t: &Task) -> Result<()> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO tasks (id, source, establishment_id, from_day, deadline,
             inspectors, stations)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        t.id,
        json(&t.source),
        t.establishment_id,
        t.from.to_string(),
        t.deadline.to_string(),
        json(&t.inspectors),
        json(&t.stations)
    ])?;
    Ok(())
}

pub(in crate::store) fn put_campaign(conn: &Connection, c: &Campaign, source: &str) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO campaigns (id, content, source) VALUES (?1, ?2, ?3)
         ON CONFLICT (id) DO UPDATE SET content = excluded.content, source = excluded.source",
    )?
    .execute(params![c.id, json(c), source])?;
    Ok(())
}

fn date(text: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|e| StoreError::Damaged {
        table: "tasks",
        detail: e.to_string(),
    })
}

impl Store {
    /// The bureau's inspectors as the office keeps them (or as its last bundle brought them).
    pub fn office_inspectors(&self) -> Result<Vec<OfficeInspector>> {
        read_inspectors(&self.conn)
    }

    /// Adds or updates inspectors by 执法证号, all or none.
    pub fn put_office_inspectors(&mut self, list: &[OfficeInspector]) -> Result<()> {
        let tx = self.write_transaction()?;
        for i in list {
            put_inspector(&tx, i)?;
        }
        touch(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// Marks an inspector retired; `false` when the 执法证号 is not on the list.
    pub fn retire_inspector(&mut self, badge: &str) -> Result<bool> {
        let tx = self.write_transaction()?;
        let n = tx.execute(
            "UPDATE office_inspectors SET active = 0 WHERE badge = ?1",
            [badge],
        )?;
        touch(&tx)?;
        tx.commit()?;
        Ok(n > 0)
    }

    /// Saves a campaign (replacing one with the same id) with its tasks: the tasks it had
    /// before are replaced by `tasks`.
    pub fn put_campaign(&mut self, c: &Campaign, source: &str, tasks: &[Task]) -> Result<()> {
        let tx = self.write_transaction()?;
        put_campaign(&tx, c, source)?;
        tx.execute(
            "DELETE FROM tasks WHERE json_extract(source, '$.kind') = 'campaign'
                 AND json_extract(source, '$.id') = ?1",
            [&c.id],
        )?;
        for t in tasks {
            put_task(&tx, t)?;
        }
        touch(&tx)?;
        tx.commit()?;
        Ok(())
    }

    pub fn campaigns(&self) -> Result<Vec<Campaign>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT content FROM campaigns ORDER BY id")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        let mut out = Vec::new();
        for row in rows {
            out.push(serde_json::from_str(&row?).map_err(damaged("campaigns"))?);
        }
        Ok(out)
    }

    /// A campaign and the TOML text it was added from (empty when it came in a bundle).
    pub fn campaign(&self, id: &str) -> Result<Option<(Campaign, String)>> {
        let row = self
            .conn
            .query_row(
                "SELECT content, source FROM campaigns WHERE id = ?1",
                [id],
                |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)),
            )
            .optional()?;
        match row {
            Some((content, source)) => Ok(Some((
                serde_json::from_str(&content).map_err(damaged("campaigns"))?,
                source,
            ))),
            None => Ok(None),
        }
    }

    /// Keeps a draw under the next number, with the tasks it gives, in one transaction; the
    /// record's `number` is set here.
    pub fn record_draw(&mut self, draw: &mut DrawRecord, tasks: &[Task]) -> Result<i64> {
        let tx = self.write_transaction()?;
        let number: i64 =
            tx.query_row("SELECT coalesce(max(number), 0) + 1 FROM draws", [], |r| {
                r.get(0)
            })?;
        draw.number = number;
        tx.execute(
            "INSERT INTO draws (number, id, content) VALUES (?1, ?2, ?3)",
            params![number, draw.id, json(draw)],
        )?;
        for t in tasks {
            let t = Task {
                id: Task::id_for(&TaskSource::Draw { number }, &t.establishment_id),
                source: TaskSource::Draw { number },
                ..t.clone()
            };
            put_task(&tx, &t)?;
        }
        touch(&tx)?;
        tx.commit()?;
        Ok(number)
    }

    pub fn draws(&self) -> Result<Vec<DrawRecord>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT content FROM draws ORDER BY number")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        let mut out = Vec::new();
        for row in rows {
            out.push(serde_json::from_str(&row?).map_err(damaged("draws"))?);
        }
        Ok(out)
    }

    pub fn tasks(&self) -> Result<Vec<Task>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, source, establishment_id, from_day, deadline, inspectors, stations
             FROM tasks ORDER BY deadline, id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok([
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, String>(6)?,
            ])
        })?;
        let mut out = Vec::new();
        for row in rows {
            let [
                id,
                source,
                establishment_id,
                from,
                deadline,
                inspectors,
                stations,
            ] = row?;
            out.push(Task {
                id,
                source: serde_json::from_str(&source).map_err(damaged("tasks"))?,
                establishment_id,
                from: date(&from)?,
                deadline: date(&deadline)?,
                inspectors: serde_json::from_str(&inspectors).map_err(damaged("tasks"))?,
                stations: serde_json::from_str(&stations).map_err(damaged("tasks"))?,
            });
        }
        Ok(out)
    }

    /// The local days on which each establishment with a task had a final inspection started.
    pub fn task_inspection_days(&self) -> Result<HashMap<String, Vec<NaiveDate>>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT i.establishment_id, date(i.started_at, i.utc_offset || ' seconds')
             FROM inspections i
             WHERE i.status = 'final'
               AND i.establishment_id IN (SELECT establishment_id FROM tasks)",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
        })?;
        let mut out: HashMap<String, Vec<NaiveDate>> = HashMap::new();
        for row in rows {
            let (id, day) = row?;
            if let Some(day) = day.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()) {
                out.entry(id).or_default().push(day);
            }
        }
        Ok(out)
    }
}

/// The office's list, for the store's check of a record's inspectors at finalize.
pub(in crate::store) fn listed_inspectors(conn: &Connection) -> Result<Vec<OfficeInspector>> {
    read_inspectors(conn)
}
