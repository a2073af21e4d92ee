//! The tasks on 首页 (issue 14): what the office's campaigns and draws give this station, not
//! yet done, soonest deadline first.

use chrono::NaiveDate;

use crate::domain::planning::{TaskSource, TaskState};
use crate::store::{Result, Store};

/// One task as 首页 lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HomeTask {
    pub establishment_id: String,
    pub establishment: String,
    pub source: TaskSource,
    pub deadline: NaiveDate,
    pub state: TaskState,
}

/// The tasks for `station` not done by `today`: overdue ones first, then by deadline.
pub fn load(store: &Store, station: &str, today: NaiveDate) -> Result<Vec<HomeTask>> {
    let tasks = store.tasks()?;
    if tasks.is_empty() {
        return Ok(Vec::new());
    }
    let days = store.task_inspection_days()?;
    let names: std::collections::HashMap<String, String> = store
        .establishments()?
        .into_iter()
        .map(|e| (e.id, e.facts.name))
        .collect();
    let mut out: Vec<HomeTask> = tasks
        .into_iter()
        .filter(|t| t.is_for(station))
        .filter_map(|t| {
            let done = days.get(&t.establishment_id).map_or(&[][..], Vec::as_slice);
            let state = t.state(done, today);
            (state != TaskState::Done).then(|| HomeTask {
                establishment: names.get(&t.establishment_id).cloned().unwrap_or_default(),
                establishment_id: t.establishment_id,
                source: t.source,
                deadline: t.deadline,
                state,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        (a.state != TaskState::Overdue, a.deadline, &a.establishment).cmp(&(
            b.state != TaskState::Overdue,
            b.deadline,
            &b.establishment,
        ))
    });
    Ok(out)
}
