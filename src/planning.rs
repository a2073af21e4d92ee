//! The office's planning acts, shared by the command line (`shian inspectors add`, `shian draw`)
//! and the office's screens (src/tui/screens/inspectors/, draws/), so both follow one set of
//! rules (issue 14, docs/planning.md).

use std::collections::HashSet;

use chrono::{Local, NaiveDate};

use crate::domain::planning::draw::{self, DrawFilter, DrawProblem, DrawRecord, FilterProblem};
use crate::domain::planning::{OfficeInspector, Task, TaskSource};
use crate::store::{Setting, Store, StoreError};

/// Days a draw's tasks get when no deadline is given.
pub const DEFAULT_DRAW_DAYS: u64 = 30;

#[derive(Debug, thiserror::Error)]
pub enum PlanningError {
    #[error("{0:?}")]
    Filter(FilterProblem),
    #[error("count and inspectors must be positive")]
    NotPositive,
    #[error("the deadline is before today")]
    DeadlineBeforeToday,
    #[error("a draw records who ran it")]
    NoRunner,
    #[error("{0:?}")]
    Draw(DrawProblem),
    #[error("random seed: {0}")]
    Seed(String),
    #[error("name and enforcement ID must not be empty")]
    NoNameOrBadge,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// One inspector as typed by the office: the 执法证号 normalized as the roster's identifiers, the
/// station code in capitals, the towns of the 辖区 split on 、 | , or ，.
pub fn new_inspector(
    name: &str,
    badge: &str,
    unit: &str,
    station: &str,
    towns: &str,
) -> Result<OfficeInspector, PlanningError> {
    let (name, badge) = (
        name.trim().to_string(),
        crate::roster::normalize_identifier(badge),
    );
    if name.is_empty() || badge.is_empty() {
        return Err(PlanningError::NoNameOrBadge);
    }
    Ok(OfficeInspector {
        badge,
        name,
        unit: unit.trim().to_string(),
        station: station.trim().to_ascii_uppercase(),
        active: true,
        towns: towns
            .split(['、', '|', ',', '，'])
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect(),
    })
}

/// A 双随机 draw as asked for, before it is made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrawRequest {
    /// `kind=学校食堂|幼儿园食堂,town=望海街道,grade=C|D`, or `all`.
    pub filter: String,
    pub count: usize,
    /// Inspectors for each establishment.
    pub per: usize,
    /// Made up when none is given; always recorded.
    pub seed: Option<u64>,
    /// Default: [`DEFAULT_DRAW_DAYS`] from today.
    pub deadline: Option<NaiveDate>,
    pub allow_own_unit: bool,
    /// Who runs it; when blank, the station's inspector as set.
    pub by: String,
}

/// Makes a draw and keeps it under the next number with its tasks: the 3-month rule (Order 49
/// art. 42), the conflicts of the inspectors' own units, and the record of who ran it. A draw
/// is never re-run: each call is a new number.
pub fn run_draw(
    store: &mut Store,
    req: &DrawRequest,
    station: &str,
) -> Result<DrawRecord, PlanningError> {
    let filter = DrawFilter::parse(&req.filter).map_err(PlanningError::Filter)?;
    if req.count == 0 || req.per == 0 {
        return Err(PlanningError::NotPositive);
    }
    let today = Local::now().date_naive();
    let deadline = req
        .deadline
        .unwrap_or_else(|| today + chrono::Days::new(DEFAULT_DRAW_DAYS));
    if deadline < today {
        return Err(PlanningError::DeadlineBeforeToday);
    }
    let made_by = match req.by.trim() {
        "" => store.setting(Setting::InspectorName)?.unwrap_or_default(),
        by => by.to_string(),
    };
    if made_by.trim().is_empty() {
        return Err(PlanningError::NoRunner);
    }
    let since = draw::three_months_before(today);
    let recent: HashSet<String> = store
        .last_final_inspections()?
        .into_iter()
        .filter(|(_, at)| at.with_timezone(&Local).date_naive() >= since)
        .map(|(id, _)| id)
        .collect();
    let matched: Vec<_> = store
        .establishments()?
        .into_iter()
        .filter(|e| filter.matches(e))
        .collect();
    let candidates: Vec<_> = matched
        .iter()
        .filter(|e| !recent.contains(&e.id))
        .cloned()
        .collect();
    let inspectors = store.office_inspectors()?;
    let avoid_own_unit = !req.allow_own_unit && inspectors.iter().any(|i| !i.towns.is_empty());
    let seed = match req.seed {
        Some(s) => s,
        None => getrandom::u64().map_err(|e| PlanningError::Seed(e.to_string()))?,
    };
    let drawn = draw::draw(
        &candidates,
        &inspectors,
        req.count,
        req.per,
        avoid_own_unit,
        seed,
    )
    .map_err(PlanningError::Draw)?;
    let mut record = DrawRecord {
        number: 0,
        id: uuid::Uuid::now_v7().to_string(),
        filter_text: req.filter.clone(),
        filter,
        seed: seed.to_string(),
        count: req.count,
        per: req.per,
        avoid_own_unit,
        day: today,
        deadline,
        made_at: crate::bundle::now_text(),
        made_by,
        station: station.to_string(),
        matched: matched.len(),
        excluded_recent: matched.len() - candidates.len(),
        drawn,
    };
    let tasks: Vec<Task> = record
        .drawn
        .iter()
        .map(|d| {
            let source = TaskSource::Draw { number: 0 };
            Task {
                id: Task::id_for(&source, &d.establishment_id),
                source,
                establishment_id: d.establishment_id.clone(),
                from: today,
                deadline,
                inspectors: d.inspectors.iter().map(|p| p.badge.clone()).collect(),
                stations: d
                    .inspectors
                    .iter()
                    .map(|p| p.station.clone())
                    .filter(|s| !s.is_empty())
                    .collect(),
            }
        })
        .collect();
    store.record_draw(&mut record, &tasks)?;
    Ok(record)
}

/// The drawn establishments whose task goes to every laptop: none of their inspectors has a
/// station code.
pub fn unrouted(record: &DrawRecord) -> impl Iterator<Item = &draw::Drawn> {
    record
        .drawn
        .iter()
        .filter(|d| d.inspectors.iter().all(|p| p.station.is_empty()))
}
