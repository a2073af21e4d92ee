//! The shell's side of the office's planning screens (issue 14): the same store functions and
//! rules as `shian inspectors` and `shian draw` (src/planning.rs).

use crate::store::{Setting, Store, StoreError};
use crate::tui::app::{Action, Effect};
use crate::tui::msg::InspectorChange;

use super::{Failure, Shell};

/// Whether this station plans for the district: it trusts no other station as the office. A
/// laptop trusts its office at the first office bundle (docs/trust.md); the office trusts only
/// field stations, and a fresh station has not met an office yet.
pub fn is_office(store: &Store, station: &str) -> Result<bool, StoreError> {
    Ok(store.office_above(Some(station))?.is_none())
}

impl Shell {
    pub(super) fn planning(&mut self, effect: Effect) -> Result<Vec<Action>, Failure> {
        let lang = self.lang;
        let refused = |e: crate::planning::PlanningError| Failure::Text(lang.planning_error(&e));
        let changed = match effect {
            Effect::LoadInspectors => None,
            Effect::AddInspector(f) => {
                let person = crate::planning::new_inspector(
                    &f.name, &f.badge, &f.unit, &f.station, &f.towns,
                )
                .map_err(refused)?;
                self.store
                    .put_office_inspectors(std::slice::from_ref(&person))?;
                crate::tui::log::info(&format!("inspector {} saved", person.badge));
                Some(InspectorChange::Added(person.badge))
            }
            Effect::RetireInspector(badge) => {
                self.store.retire_inspector(&badge)?;
                crate::tui::log::info(&format!("inspector {badge} retired"));
                Some(InspectorChange::Retired(badge))
            }
            Effect::LoadDraws => {
                return Ok(vec![Action::DrawsLoaded {
                    list: self.store.draws()?,
                    folder: self.store.setting(Setting::ReportFolder)?,
                }]);
            }
            Effect::RunDraw(request) => {
                let record = crate::planning::run_draw(&mut self.store, &request, &self.station)
                    .map_err(refused)?;
                crate::tui::log::info(&format!("draw {} seed {}", record.number, record.seed));
                return Ok(vec![Action::DrawMade(Box::new(record))]);
            }
            Effect::LoadCampaignTags(id) => {
                return Ok(vec![Action::CampaignTagsLoaded {
                    tags: self.store.campaign_tags(&id)?,
                    inspection_id: id,
                    changed: None,
                }]);
            }
            Effect::SetCampaignTag {
                inspection_id,
                campaign_id,
                tagged,
            } => {
                self.store
                    .set_campaign_tag(&inspection_id, &campaign_id, tagged)?;
                crate::tui::log::info(&format!(
                    "{inspection_id} {} campaign {campaign_id}",
                    if tagged { "tagged" } else { "untagged" }
                ));
                let tags = self.store.campaign_tags(&inspection_id)?;
                let changed = tags.iter().find(|t| t.campaign_id == campaign_id).cloned();
                return Ok(vec![Action::CampaignTagsLoaded {
                    inspection_id,
                    tags,
                    changed,
                }]);
            }
            _ => return Ok(Vec::new()),
        };
        Ok(vec![Action::InspectorsLoaded {
            list: self.store.office_inspectors()?,
            changed,
        }])
    }
}
