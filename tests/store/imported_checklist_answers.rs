//! A checklist imported from a table answers like the same checklist written by hand: loaded
//! through the data folder's catalog, answered and finalized in the store.

use crate::support::store;
use crate::support::store::FinalizeAsAuthor;
use crate::support::store::answer;
use crate::support::table::{SAMPLE, import_sample};
use chrono::{TimeZone, Utc};
use shian::checklists::Catalog;
use shian::domain::checklist::Checklist;
use shian::domain::inspection::{Conclusion, InspectionKind};
use shian::domain::outcome::{Outcome, Verdict};
use shian::store::{NewInspection, Store};

/// Starts, answers (failing `failed`, passing the rest) and finalizes an inspection.
fn finalize_with(
    store: &mut Store,
    establishment: &str,
    c: &Checklist,
    failed: &[&str],
) -> Outcome {
    let id = store
        .start_inspection(NewInspection {
            establishment_id: establishment,
            checklist: c,
            kind: InspectionKind::Routine,
            station: "AB12CD",
            bureau: "营口市鲅鱼圈区市场监督管理局",
            inspectors: vec![store::zhou(), store::sun()],
            started_at: Utc
                .with_ymd_and_hms(2026, 3, 2, 1, 30, 0)
                .single()
                .expect("time"),
            utc_offset_seconds: 8 * 3600,
        })
        .expect("start")
        .id;
    for item in c.items() {
        let verdict = if failed.contains(&item.id.as_str()) {
            Verdict::Fail
        } else {
            Verdict::Pass
        };
        store
            .save_answer(&id, &answer(&item.id, verdict))
            .expect("save");
    }
    store
        .finalize_as_author(&id, Conclusion::default())
        .expect("finalize")
        .outcome
        .expect("outcome")
}

#[test]
fn the_imported_checklist_answers_like_a_hand_written_one() {
    let data = tempfile::tempdir().expect("tempdir");
    import_sample(data.path());
    let catalog = Catalog::load(Some(&data.path().join("checklists")));
    let imported = catalog.get("sample-table").expect("loaded").clone();

    // The same table written by hand, in a folder of its own.
    let hand = tempfile::tempdir().expect("tempdir");
    let mut toml = String::from(
        "id = \"sample-table\"\nversion = \"1\"\ntitle = \"示例要点表\"\napplies_to = [\"餐馆\", \"学校食堂\"]\n",
    );
    let mut section = 0;
    for (heading, number, text, method, basis) in SAMPLE {
        if !heading.is_empty() {
            section += 1;
            let title = heading
                .split('、')
                .nth(1)
                .and_then(|t| t.split('（').next());
            toml += &format!(
                "\n[[section]]\nid = \"{section}\"\ntitle = \"{}\"\n",
                title.expect("title")
            );
        }
        toml += &format!(
            "\n[[section.item]]\nid = \"{}\"\ntext = \"{text}\"\nkey = {}\nguidance = \"{method}\"\nbasis = \"{basis}\"\n",
            number.trim_start_matches('*'),
            number.starts_with('*')
        );
    }
    std::fs::write(hand.path().join("sample-table.toml"), toml).expect("write");
    let written = Catalog::load(Some(hand.path()));
    let by_hand = written.get("sample-table").expect("loaded");
    assert_eq!(&imported, by_hand);
    assert_eq!(imported.content_hash(), by_hand.content_hash());

    let mut store = Store::open(data.path()).expect("open");
    // A fictional establishment, as the demo district makes them.
    let facts = shian::demo::Demo::new(
        7,
        chrono::NaiveDate::from_ymd_opt(2026, 6, 30).expect("date"),
    )
    .establishments(1)
    .remove(0);
    let shop = store.add_establishment(&facts, "AB12CD").expect("add").id;
    // One key item and one of five general items: 基本符合; two key items: 不符合.
    for (failed, expected) in [
        (&["2.1", "2.2"][..], Outcome::BasicallyCompliant),
        (&["1.1", "3.1"][..], Outcome::NonCompliant),
        (&[][..], Outcome::Compliant),
    ] {
        assert_eq!(
            finalize_with(&mut store, &shop, &imported, failed),
            expected
        );
        assert_eq!(finalize_with(&mut store, &shop, by_hand, failed), expected);
    }
}
