//! The checklist form as a 复查 (issue 13): only the items under rectification are listed, each
//! with its original finding beside it, until the inspector widens it to the whole checklist
//! (`w`). Items it does not list are not asked for: a 复查 finalizes on the items it covers.

use ratatui::text::Line;

use super::{FormState, MUST_GROUP};
use crate::domain::checklist::Item;
use crate::domain::outcome::Verdict;
use crate::domain::rectification::Case;
use crate::i18n::tui::Text;
use crate::tui::text::wrap;
use crate::tui::theme::Theme;

impl FormState {
    /// A 复查 with items under rectification.
    pub fn is_follow_up(&self) -> bool {
        !self.follow_up.is_empty()
    }

    pub fn case_of(&self, item_id: &str) -> Option<&Case> {
        self.follow_up
            .iter()
            .find(|c| c.rectification.item_id == item_id)
    }

    /// Lists only the items under rectification; a draft that already answered others (widened
    /// before a restart) opens widened, so no answer is hidden.
    pub(super) fn limit_to_follow_up(&mut self) {
        if !self.is_follow_up() {
            return;
        }
        self.widened = self.answers.keys().any(|id| self.case_of(id).is_none());
        self.rebuild_order();
    }

    /// `w`: the whole checklist, or back to the items under rectification. Narrowing is refused
    /// while an item outside them is answered (it would count unseen); the error says so.
    pub fn toggle_widened(&mut self) -> Result<bool, fn(Text) -> &'static str> {
        if !self.is_follow_up() {
            return Err(|t| t.not_a_follow_up());
        }
        if self.widened && self.answers.keys().any(|id| self.case_of(id).is_none()) {
            return Err(|t| t.answered_outside_follow_up());
        }
        let current = self.current().map(|i| i.id.clone());
        self.widened = !self.widened;
        self.rebuild_order();
        self.cursor = current.and_then(|id| self.position_of(&id)).unwrap_or(0);
        Ok(self.widened)
    }

    /// The items under rectification first (in the checklist's order), then, widened, the
    /// rest by section.
    fn rebuild_order(&mut self) {
        let under = |item: &Item| {
            self.follow_up
                .iter()
                .any(|c| c.rectification.item_id == item.id)
        };
        let mut order: Vec<(usize, usize)> = self
            .items
            .iter()
            .enumerate()
            .filter(|(_, (_, item))| under(item))
            .map(|(i, _)| (i, MUST_GROUP))
            .collect();
        if self.widened {
            order.extend(
                self.items
                    .iter()
                    .enumerate()
                    .filter(|(_, (_, item))| !under(item))
                    .map(|(i, (s, _))| (i, *s)),
            );
        }
        self.order = order;
    }

    /// Whether an item under rectification failed again: the review then proposes
    /// 依法调查处理.
    pub fn failed_again(&self) -> Vec<String> {
        self.follow_up
            .iter()
            .filter(|c| {
                self.answers
                    .get(&c.rectification.item_id)
                    .is_some_and(|a| a.verdict == Verdict::Fail)
            })
            .filter_map(|c| {
                let id = &c.rectification.item_id;
                self.checklist.item(id).map(|i| i.number.clone())
            })
            .collect()
    }
}

/// The original finding of an item under rectification, for the detail pane: the order's
/// record and day, its verdict, value, note and photos, the deadline in force, and each 复查
/// since.
pub fn finding_lines(
    t: Text,
    theme: Theme,
    case: &Case,
    today: chrono::NaiveDate,
    width: usize,
) -> Vec<Line<'static>> {
    let lang = t.lang();
    let o = &case.order;
    let mut text = format!(
        "{} {} {}: {}",
        t.original_finding(),
        o.date,
        o.serial.as_deref().unwrap_or(""),
        lang.verdict(o.verdict)
    );
    if let Some(v) = o.value {
        text.push_str(&format!(" {v}"));
    }
    if let Some(c) = &o.choice {
        text.push_str(&format!(" [{c}]"));
    }
    if !o.note.is_empty() {
        text.push_str(&format!(" {}", o.note));
    }
    if !o.photos.is_empty() {
        text.push_str(&format!("  {}: {}", t.photos(), o.photos.join(", ")));
    }
    let marks = case.marks(today);
    let mut deadline = format!(
        "{}: {}",
        t.deadline_in_force(),
        case.deadline()
            .map_or_else(|| "-".to_string(), |d| d.to_string())
    );
    if marks.failed_again {
        deadline.push_str(&format!("  {}", t.failed_again_mark()));
    }
    if marks.overdue {
        deadline.push_str(&format!("  {}", t.overdue_mark()));
    }
    let mut lines: Vec<Line<'static>> = wrap(&text, width)
        .into_iter()
        .map(|l| Line::styled(l, theme.must()))
        .collect();
    lines.extend(
        wrap(&deadline, width)
            .into_iter()
            .map(|l| Line::styled(l, theme.must())),
    );
    for v in &case.follow_ups {
        let text = format!(
            "{} {} {}: {} {}",
            lang.inspection_kind(crate::domain::inspection::InspectionKind::FollowUp),
            v.date,
            v.serial.as_deref().unwrap_or(""),
            lang.verdict(v.verdict),
            v.note
        );
        lines.extend(
            wrap(&text, width)
                .into_iter()
                .map(|l| Line::styled(l, theme.dim())),
        );
    }
    lines
}
