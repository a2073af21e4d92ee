//! For the crate's tests: answers 合理缺项 to every scored item a test leaves alone, as an
//! inspector covers the whole checklist before a routine inspection is final (docs/outcome.md).
//! 合理缺项 leaves the result as the test's own answers give it.

use chrono::Utc;

use super::Store;
use crate::domain::inspection::Answer;
use crate::domain::outcome::Verdict;

/// Covers the rest of the draft `id`'s checklist; nothing for a kind that need not.
pub(crate) fn cover_the_rest(store: &Store, id: &str) {
    let record = store.inspection_record(id).expect("draft");
    if !record.inspection.kind.covers_whole_checklist() {
        return;
    }
    for item in record.checklist.items() {
        let answered = record.answers.iter().any(|a| a.item_id == item.id);
        if item.kind.is_scored() && !answered {
            let answer = Answer {
                item_id: item.id.clone(),
                verdict: Verdict::NotApplicable,
                value: None,
                choice: None,
                note: String::new(),
                answered_at: Utc::now(),
            };
            store.save_answer(id, &answer).expect("answer");
        }
    }
}
