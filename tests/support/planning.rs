//! Helpers shared by the planning tests: office bundles to laptops, and an inspection made at a
//! station through the store.

use std::path::Path;

use chrono::{Duration, Utc};
use shian::checklists::Catalog;
use shian::domain::inspection::{Conclusion, InspectionKind, Inspector};
use shian::domain::outcome::{Handling, Verdict};
use shian::identity::Identity;
use shian::store::{NewInspection, Store};

use super::store;

/// The UTC offset of the bureau, which [`inspect`] records on its inspections.
const BUREAU_OFFSET: i32 = 8 * 3600;

/// Today in the bureau's calendar, where the reports date an inspection: on a machine whose
/// clock is UTC, its own date is a day behind from 16:00 to 24:00.
pub fn bureau_today() -> chrono::NaiveDate {
    let bureau = chrono::FixedOffset::east_opt(BUREAU_OFFSET).unwrap();
    Utc::now().with_timezone(&bureau).date_naive()
}

pub fn station_code(dir: &Path) -> String {
    Identity::load_or_create(dir).unwrap().station_code()
}

/// A passed food-sample inspection of `establishment` started now by 周海明 and `second`,
/// finalized at `dir`; its id.
pub fn inspect(
    dir: &Path,
    establishment: &str,
    second: Inspector,
) -> Result<String, shian::store::StoreError> {
    let identity = Identity::load_or_create(dir).unwrap();
    let mut store = Store::open(dir).unwrap();
    let catalog = Catalog::shipped();
    let draft = store
        .start_inspection(NewInspection {
            establishment_id: establishment,
            checklist: catalog.get("food-sample").unwrap(),
            kind: InspectionKind::Routine,
            station: &identity.station_code(),
            bureau: "营口市鲅鱼圈区市场监督管理局",
            inspectors: vec![store::zhou(), second],
            started_at: Utc::now() - Duration::minutes(30),
            utc_offset_seconds: BUREAU_OFFSET,
        })
        .unwrap();
    for item in ["1.1", "2.1"] {
        store
            .save_answer(&draft.id, &store::answer(item, Verdict::Pass))
            .unwrap();
    }
    let conclusion = Conclusion {
        handling: Some(Handling::Pass),
        ..store::signed_off(Conclusion::default())
    };
    store::cover_the_rest(&store, &draft.id);
    store
        .finalize_inspection(&draft.id, &conclusion, identity.signing_key(), Utc::now())
        .map(|i| i.id)
}
