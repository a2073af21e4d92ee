//! Planning the year (issue 14, docs/planning.md): the bureau's inspectors, its 专项行动
//! (campaigns), 双随机 draws, and the tasks they give each laptop. Pure rules, no I/O.

pub mod campaign;
pub mod draw;
pub mod rng;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One of the bureau's inspectors as the office keeps them (`shian inspectors`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficeInspector {
    /// 执法证号: the one key of a person, as on the record form.
    pub badge: String,
    pub name: String,
    /// The unit they belong to (e.g. 望海市场监督管理所).
    pub unit: String,
    /// The station code of the laptop they use; empty when not known.
    pub station: String,
    /// A retired inspector stays on the list (their records name them) but is never drawn and
    /// never accepted as the second inspector of a new record.
    pub active: bool,
    /// The towns of their unit's 辖区: marked by the office as conflicts, so a draw never sends
    /// them to an establishment there.
    #[serde(default)]
    pub towns: Vec<String>,
}

/// Where a task comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum TaskSource {
    Campaign { id: String, name: String },
    Draw { number: i64 },
}

/// An establishment to inspect between two dates, for the stations of the assigned inspectors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Task {
    /// `campaign:<id>:<establishment>` or `draw:<n>:<establishment>`: the same task made twice
    /// is one task.
    pub id: String,
    pub source: TaskSource,
    pub establishment_id: String,
    pub from: NaiveDate,
    pub deadline: NaiveDate,
    /// The assigned inspectors' 执法证号 (empty: anyone).
    pub inspectors: Vec<String>,
    /// The stations the task is for; empty: every station.
    pub stations: Vec<String>,
}

impl Task {
    pub fn id_for(source: &TaskSource, establishment_id: &str) -> String {
        match source {
            TaskSource::Campaign { id, .. } => format!("campaign:{id}:{establishment_id}"),
            TaskSource::Draw { number } => format!("draw:{number}:{establishment_id}"),
        }
    }

    /// Whether this station is to do it.
    pub fn is_for(&self, station: &str) -> bool {
        self.stations.is_empty() || self.stations.iter().any(|s| s == station)
    }

    /// Done when a final inspection of the establishment started (local day) within the
    /// task's period; overdue when not done after the deadline.
    pub fn state(&self, inspected_on: &[NaiveDate], today: NaiveDate) -> TaskState {
        if inspected_on
            .iter()
            .any(|d| *d >= self.from && *d <= self.deadline)
        {
            TaskState::Done
        } else if today > self.deadline {
            TaskState::Overdue
        } else {
            TaskState::Pending
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskState {
    Done,
    Pending,
    Overdue,
}

impl TaskState {
    pub fn code(self) -> &'static str {
        match self {
            TaskState::Done => "done",
            TaskState::Pending => "pending",
            TaskState::Overdue => "overdue",
        }
    }
}

/// Why a second inspector is refused on a new record (issue 14): the list the office sent knows
/// them as retired, or their 执法证号 as someone else's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InspectorRefusal {
    Retired { name: String, badge: String },
    BadgeOfAnother { badge: String, listed_name: String },
}

/// Checks the inspectors of a record about to become final against the office's list. A
/// person not on the list (a colleague from elsewhere on a joint inspection) is accepted as
/// typed; the same person twice is the domain's rule (`final_check`).
pub fn check_inspectors(
    named: &[crate::domain::inspection::Inspector],
    list: &[OfficeInspector],
) -> Result<(), InspectorRefusal> {
    for person in named {
        let badge = person.badge.trim();
        let Some(listed) = list.iter().find(|i| i.badge == badge) else {
            continue;
        };
        if listed.name != person.name.trim() {
            return Err(InspectorRefusal::BadgeOfAnother {
                badge: badge.to_string(),
                listed_name: listed.name.clone(),
            });
        }
        if !listed.active {
            return Err(InspectorRefusal::Retired {
                name: listed.name.clone(),
                badge: badge.to_string(),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::inspection::Inspector;

    fn listed(name: &str, badge: &str, active: bool) -> OfficeInspector {
        OfficeInspector {
            badge: badge.into(),
            name: name.into(),
            unit: "望海所".into(),
            station: String::new(),
            active,
            towns: Vec::new(),
        }
    }

    fn person(name: &str, badge: &str) -> Inspector {
        Inspector {
            name: name.into(),
            badge: badge.into(),
        }
    }

    #[test]
    fn retired_and_borrowed_badges_are_refused() {
        let list = [listed("王明", "001", true), listed("李静", "002", false)];
        assert!(check_inspectors(&[person("王明", "001"), person("外区", "900")], &list).is_ok());
        assert_eq!(
            check_inspectors(&[person("王明", "001"), person("李静", "002")], &list),
            Err(InspectorRefusal::Retired {
                name: "李静".into(),
                badge: "002".into()
            })
        );
        assert_eq!(
            check_inspectors(&[person("张三", "001")], &list),
            Err(InspectorRefusal::BadgeOfAnother {
                badge: "001".into(),
                listed_name: "王明".into()
            })
        );
    }

    #[test]
    fn a_task_is_done_by_an_inspection_in_its_period() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let task = Task {
            id: "draw:1:e".into(),
            source: TaskSource::Draw { number: 1 },
            establishment_id: "e".into(),
            from: d("2027-03-01"),
            deadline: d("2027-03-31"),
            inspectors: vec![],
            stations: vec!["AAAAAA".into()],
        };
        assert_eq!(
            task.state(&[d("2027-02-28")], d("2027-03-10")),
            TaskState::Pending
        );
        assert_eq!(
            task.state(&[d("2027-03-31")], d("2027-04-10")),
            TaskState::Done
        );
        assert_eq!(task.state(&[], d("2027-04-01")), TaskState::Overdue);
        assert!(task.is_for("AAAAAA") && !task.is_for("BBBBBB"));
    }
}
