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
    let p = |zh, en| lang.pick(zh, en);
    CycleWords {
        heading: p("整改与复查", "Orders and follow-ups"),
        what: p("项目", "What"),
        count: p("数量", "Count"),
        names: p("涉及单位", "Establishments"),
        follow_up_note: p(
            "复查是对整改的跟进，不计入按风险等级的检查频次。",
            "A follow-up (复查) follows an order up; it does not count toward the frequency by grade.",
        ),
    }
}

pub(super) fn rows(cycle: &Cycle, lang: Lang) -> Vec<CycleRow> {
    let p = |zh, en| lang.pick(zh, en);
    let row = |label, f: &Figure, count: String| CycleRow {
        label,
        count,
        names: names(f, lang),
    };
    vec![
        row(
            p("下达责令改正通知书", "Orders to rectify issued"),
            &cycle.orders,
            match lang {
                Lang::Zh => format!("{} 份（{} 项）", cycle.orders.count, cycle.ordered_items),
                Lang::En => format!("{} ({} items)", cycle.orders.count, cycle.ordered_items),
            },
        ),
        row(
            p("按期整改（复查合格）", "Closed on time"),
            &cycle.closed_on_time,
            cycle.closed_on_time.count.to_string(),
        ),
        row(
            p("逾期整改（复查合格）", "Closed late"),
            &cycle.closed_late,
            cycle.closed_late.count.to_string(),
        ),
        row(
            p("复查不合格", "Failed at follow-up"),
            &cycle.failed_again,
            cycle.failed_again.count.to_string(),
        ),
        row(
            p("转依法调查处理", "Escalated to investigation"),
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
    let mut text = shown.join(lang.pick("、", ", "));
    let more = f.establishments.len().saturating_sub(NAMES);
    if more > 0 {
        text.push_str(&match lang {
            Lang::Zh => format!(" 等 {} 家", f.establishments.len()),
            Lang::En => format!(" and {more} more"),
        });
    }
    text
}
