//! For the crate's tests: answers 合理缺项 to every scored item a test leaves alone, as an
//! inspector covers the whole checklist before a routine inspection is final (docs/outcome.md).
//! 合理缺项 leaves the result as the test's own answers give it.

use chrono::Utc;

use super::Store;
use crate::domain::inspection::Answer;
use crate::domain::outcome::Verdict;
use crate::domain::sign_off::uncovered;

/// Covers the rest of the draft `id`'s checklist (`domain::sign_off::uncovered`): nothing for a
/// kind that need not cover it.
pub(crate) fn cover_the_rest(store: &Store, id: &str) {
    let record = store.inspection_record(id).expect("draft");
    let kind = record.inspection.kind;
    for item_id in uncovered(&record.checklist, kind, &record.answers) {
        let answer = Answer {
            item_id,
            verdict: Verdict::NotApplicable,
            value: None,
            choice: None,
            note: String::new(),
            answered_at: Utc::now(),
        };
        store.save_answer(id, &answer).expect("answer");
    }
}
