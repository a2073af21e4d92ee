//! The summary's lines on the cycle after the finding (issue 13): orders issued, closed on time
//! and late, 复查不合格 and escalated, each with the establishments named, in the user's words.

use crate::domain::rectification_cycle::{Cycle, Figure};
use crate::i18n::Lang;

/// How many names a line shows before "and N more".
const NAMES: usize = 30;

/// One line of the table: what, how many, who.
pub(super) struct CycleRow {
    pub label: &'static str,
    pub count: String,
    pub names: String,
}

/// The words the section prints besides its rows.
pub(super) struct CycleWords {
    pub heading: &'static str,
    pub what: &'static str,
    pub count: &'static str,
    pub names: &'static str,
    /// Under the frequencies: a 复查 is not a visit the grade asks for.
    pub follow_up_note: &'static str,
}

pub(super) fn words(lang: Lang) -> CycleWords {
    CycleWords {
        heading: lang.cycle_heading(),
        what: lang.cycle_what(),
        count: lang.cycle_count(),
        names: lang.cycle_names(),
        follow_up_note: lang.cycle_follow_up_note(),
    }
}

pub(super) fn rows(cycle: &Cycle, lang: Lang) -> Vec<CycleRow> {
    let row = |label, f: &Figure, count: String| CycleRow {
        label,
        count,
        names: names(f, lang),
    };
    vec![
        row(
            lang.cycle_orders_issued(),
            &cycle.orders,
            lang.cycle_orders_count(cycle.orders.count, cycle.ordered_items),
        ),
        row(
            lang.cycle_closed_on_time(),
            &cycle.closed_on_time,
            cycle.closed_on_time.count.to_string(),
        ),
        row(
            lang.cycle_closed_late(),
            &cycle.closed_late,
            cycle.closed_late.count.to_string(),
        ),
        row(
            lang.cycle_failed_again(),
            &cycle.failed_again,
            cycle.failed_again.count.to_string(),
        ),
        row(
            lang.cycle_escalated(),
            &cycle.escalated,
            cycle.escalated.count.to_string(),
        ),
    ]
}

fn names(f: &Figure, lang: Lang) -> String {
    let shown: Vec<&str> = f
        .establishments
        .iter()
        .take(NAMES)
        .map(String::as_str)
        .collect();
    let mut text = shown.join(lang.list_separator());
    let more = f.establishments.len().saturating_sub(NAMES);
    if more > 0 {
        text.push_str(&lang.and_more(f.establishments.len(), more));
    }
    text
}
