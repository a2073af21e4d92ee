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

/// A campaign not over yet, as the checklist chooser needs it: an inspection of one of its
/// targets started within its period starts on its checklists (issue 14).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunningCampaign {
    pub name: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Its targets: the establishments of its tasks.
    pub targets: std::collections::BTreeSet<String>,
    pub checklists: Vec<String>,
}

impl RunningCampaign {
    /// Whether an inspection of `establishment_id` started on `day` counts for it.
    pub fn counts(&self, establishment_id: &str, day: NaiveDate) -> bool {
        day >= self.from && day <= self.to && self.targets.contains(establishment_id)
    }
}

/// The campaigns here that end on or after `today`, with their targets.
pub fn running_campaigns(store: &Store, today: NaiveDate) -> Result<Vec<RunningCampaign>> {
    let campaigns = store.campaigns()?;
    if campaigns.is_empty() {
        return Ok(Vec::new());
    }
    let tasks = store.tasks()?;
    Ok(campaigns
        .into_iter()
        .filter(|c| c.to >= today)
        .map(|c| RunningCampaign {
            targets: tasks
                .iter()
                .filter(|t| matches!(&t.source, TaskSource::Campaign { id, .. } if *id == c.id))
                .map(|t| t.establishment_id.clone())
                .collect(),
            name: c.name,
            from: c.from,
            to: c.to,
            checklists: c.checklists,
        })
        .collect())
}
