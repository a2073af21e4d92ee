//! `A` in the checklist form: the rest of the current section is in order (issue 15). A
//! compliant 80-item canteen then takes a key per section, not per item.

use super::{FormState, MUST_GROUP};
use crate::domain::checklist::ItemKind;
use crate::domain::outcome::Verdict;
use crate::i18n::tui::Text;
use crate::tui::app::Effect;

impl FormState {
    /// Marks the open check items of the cursor's section 符合, one saved answer each, and
    /// says how many. Measurements, choices and text items say more than 符合 and stay open;
    /// the cursor goes to the first of them, else to the next section. The 必查 group (items
    /// that failed last time) is not marked in bulk: each is looked at again.
    pub(super) fn pass_rest_of_section(&mut self, t: Text, effects: &mut Vec<Effect>) -> String {
        let Some(group) = self.group_of(self.cursor) else {
            return String::new();
        };
        if group == MUST_GROUP {
            return t.must_check_one_by_one().into();
        }
        let positions: Vec<usize> = (0..self.order.len())
            .filter(|p| self.group_of(*p) == Some(group))
            .collect();
        let (mut marked, mut open, mut first_open) = (0, 0, None);
        for &p in &positions {
            let Some(item) = self.item_at(p).cloned() else {
                continue;
            };
            if self.is_answered(&item) {
                continue;
            }
            if matches!(item.kind, ItemKind::Check) {
                effects.push(self.save(&item, Verdict::Pass, None, None, None));
                marked += 1;
            } else {
                open += 1;
                first_open = first_open.or(Some(p));
            }
        }
        let after = positions.last().map_or(self.cursor, |p| p + 1);
        self.cursor = first_open
            .unwrap_or(after)
            .min(self.order.len().saturating_sub(1));
        t.section_passed(marked, open)
    }
}
