//! Helpers shared by the tests that drive the store directly: a draft started as the form
//! starts one.

use chrono::{TimeZone, Utc};
use shian::checklists::Catalog;
use shian::domain::establishment::{EstablishmentFacts, EstablishmentKind, RiskGrade};
use shian::domain::inspection::{Answer, Conclusion, InspectionKind, Inspector};
use shian::domain::outcome::Verdict;
use shian::domain::sign_off::uncovered;
use shian::identity::Identity;
use shian::store::{NewInspection, Store};

pub fn zhou() -> Inspector {
    Inspector {
        name: "周海明".into(),
        badge: "21080401".into(),
    }
}

pub fn sun() -> Inspector {
    Inspector {
        name: "孙晓燕".into(),
        badge: "21080402".into(),
    }
}

/// A catering-daily draft started at 09:30 Beijing time on `day` of March 2026; its id.
pub fn start_draft(
    store: &mut Store,
    establishment_id: &str,
    kind: InspectionKind,
    inspectors: Vec<Inspector>,
    day: u32,
) -> String {
    let checklist = Catalog::shipped()
        .get("catering-daily")
        .expect("shipped")
        .clone();
    store
        .start_inspection(NewInspection {
            establishment_id,
            checklist: &checklist,
            kind,
            station: "AB12CD",
            bureau: "营口市鲅鱼圈区市场监督管理局",
            inspectors,
            started_at: Utc
                .with_ymd_and_hms(2026, 3, day, 1, 30, 0)
                .single()
                .expect("time"),
            utc_offset_seconds: 8 * 3600,
        })
        .expect("start")
        .id
}

/// The station the store tests finalize as.
pub fn author() -> Identity {
    Identity::from_secret([0xAB; 32])
}

/// A conclusion as the review screen requires it: the operator's signatory named.
pub fn signed_off(conclusion: Conclusion) -> Conclusion {
    Conclusion {
        operator_signatory: "张立新".into(),
        ..conclusion
    }
}

/// An answer given now; a failed item carries the note the review requires.
pub fn answer(item: &str, verdict: Verdict) -> Answer {
    Answer {
        item_id: item.into(),
        verdict,
        value: None,
        choice: None,
        note: if verdict == Verdict::Fail {
            "现场发现问题".into()
        } else {
            String::new()
        },
        answered_at: Utc::now(),
    }
}

/// The store tests' finalize: the rest of the checklist answered 合理缺项 ([`cover_the_rest`]),
/// signed off as the review requires, by [`author`], now.
pub trait FinalizeAsAuthor {
    fn finalize_as_author(
        &mut self,
        id: &str,
        conclusion: Conclusion,
    ) -> shian::store::Result<shian::domain::inspection::Inspection>;
}

impl FinalizeAsAuthor for Store {
    fn finalize_as_author(
        &mut self,
        id: &str,
        conclusion: Conclusion,
    ) -> shian::store::Result<shian::domain::inspection::Inspection> {
        cover_the_rest(self, id);
        self.finalize_inspection(
            id,
            &signed_off(conclusion),
            author().signing_key(),
            Utc::now(),
        )
    }
}

/// 鲅鱼圈区星帆小学食堂 as the store tests add it: a school canteen of grade C.
pub fn school() -> EstablishmentFacts {
    EstablishmentFacts {
        name: "鲅鱼圈区星帆小学食堂".into(),
        kind: EstablishmentKind::SchoolCanteen,
        address: "鲅鱼圈区红海街道星帆街8号".into(),
        town: "红海街道".into(),
        person_in_charge: "王晓梅".into(),
        phone: "0417-5550101".into(),
        license_no: "JY32108040000001".into(),
        credit_code: String::new(),
        risk_grade: Some(RiskGrade::C),
        bright_kitchen: None,
    }
}

/// Answers 合理缺项 to every scored item of the draft's checklist the test leaves alone: a
/// routine inspection covers the whole checklist before it is final (docs/outcome.md), and
/// 合理缺项 leaves the result as the test's own answers give it. Tests about coverage itself
/// do not call this.
pub fn cover_the_rest(store: &Store, id: &str) {
    let record = store.inspection_record(id).expect("draft");
    let kind = record.inspection.kind;
    for item in uncovered(&record.checklist, kind, &record.answers) {
        store
            .save_answer(id, &answer(&item, Verdict::NotApplicable))
            .expect("answer");
    }
}

/// 鲅鱼圈区海韵餐馆, a restaurant with no risk grade yet.
pub fn restaurant() -> EstablishmentFacts {
    EstablishmentFacts {
        name: "鲅鱼圈区海韵餐馆".into(),
        kind: EstablishmentKind::Restaurant,
        address: "鲅鱼圈区红海街道海韵路1号".into(),
        town: "红海街道".into(),
        person_in_charge: "王晓梅".into(),
        phone: "0417-5550102".into(),
        license_no: "JY32108040000002".into(),
        credit_code: String::new(),
        risk_grade: None,
        bright_kitchen: None,
    }
}
