//! What the record form prints since the 2022 tables (issue 18): the 告知页 on the 2022 form
//! (表2-2), and beside the counts how the result was reached (docs/outcome.md).

use super::Labels;
use super::record::Tick;
use crate::domain::checklist::OutcomeRule;
use crate::domain::sign_off::Notice;
use crate::i18n::Lang;
use crate::i18n::report_2022::Labels2022;
use crate::store::InspectionRecord;

/// The 告知页's boxes and its 回避 line; none for a record that has none (a draft not reviewed,
/// or a record finalized before the 告知页 was asked for).
pub(super) fn notice(notice: Option<&Notice>, lang: Lang) -> Option<(Vec<Tick>, String)> {
    let n = notice?;
    let t = Labels::of(lang);
    let t2 = Labels2022::of(lang);
    let ticks = vec![
        Tick {
            label: t2.credentials,
            on: n.credentials_shown,
        },
        Tick {
            label: t2.task_letter,
            on: n.task_letter_shown,
        },
    ];
    let recusal = if n.recusal_requested {
        format!(
            "{}{}{}{}{}{}",
            t2.recusal, t.lp, t2.recusal_action, t.colon, n.recusal_action, t.rp
        )
    } else {
        t2.recusal_none.to_string()
    };
    Some((ticks, recusal))
}

/// What the form prints beside the counts about how the result was reached (docs/outcome.md).
pub(super) fn result_note(r: &InspectionRecord, lang: Lang) -> String {
    let i = &r.inspection;
    let (t, t2) = (Labels::of(lang), Labels2022::of(lang));
    match &i.conclusion.outcome_override {
        Some(o) => {
            let space = lang.word_space();
            format!(
                "{}{space}{}{}{}{space}{}{}{}{}{}{}",
                t2.result_set,
                lang.outcome(o.chosen),
                t.lp,
                t2.computed,
                lang.outcome(o.computed),
                t.rp,
                t.semi,
                t2.reason,
                t.colon,
                o.reason
            )
        }
        None if r.checklist.outcome == OutcomeRule::Judgement && i.outcome.is_some() => {
            t2.judged.to_string()
        }
        None => String::new(),
    }
}
