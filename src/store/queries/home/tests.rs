//! The field UI's queries and photo storage on a temporary database.

use chrono::{Datelike, Days, Utc};

use crate::domain::inspection::{Answer, Conclusion, InspectionKind, Inspector};
use crate::domain::outcome::{Handling, Verdict};
use crate::store::{NewInspection, Store, StoreError};

fn store_with_roster() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let (rows, _) =
        crate::roster::parse(include_bytes!("../../../../data/roster-sample.csv")).unwrap();
    store.import_roster(&rows, "TEST01").unwrap();
    (dir, store)
}

fn inspectors() -> Vec<Inspector> {
    vec![
        Inspector {
            name: "张三".into(),
            badge: "21080001".into(),
        },
        Inspector {
            name: "李四".into(),
            badge: "21080002".into(),
        },
    ]
}

fn answer(item: &str, verdict: Verdict) -> Answer {
    Answer {
        item_id: item.into(),
        verdict,
        value: None,
        choice: None,
        // A failed item is noted, as the review requires.
        note: if verdict == Verdict::Fail {
            "留样不足".into()
        } else {
            String::new()
        },
        answered_at: Utc::now(),
    }
}

#[test]
fn a_finalized_failure_is_due_again_and_its_rectification_overdue() {
    let (_dir, mut store) = store_with_roster();
    let school = store
        .establishments()
        .unwrap()
        .into_iter()
        .find(|e| e.facts.name == "鲅鱼圈区星帆小学")
        .unwrap();
    let catalog = crate::checklists::Catalog::shipped();
    let checklist = catalog.get("food-sample").unwrap();
    let now = Utc::now();
    // Ten days ago, so that its order's deadline (two days ago) is overdue today.
    let started_at = now - chrono::Duration::days(10);
    let draft = store
        .start_inspection(NewInspection {
            establishment_id: &school.id,
            checklist,
            kind: InspectionKind::Routine,
            station: "TEST01",
            bureau: "",
            inspectors: inspectors(),
            started_at,
            utc_offset_seconds: 0,
        })
        .unwrap();
    store
        .save_answer(&draft.id, &answer("1.1", Verdict::Fail))
        .unwrap();
    store
        .attach_photo(
            &draft.id,
            "1.1",
            "留样柜.jpg",
            "image/jpeg",
            b"\xff\xd8\xff",
            now,
        )
        .unwrap();
    store
        .save_answer(&draft.id, &answer("2.1", Verdict::Pass))
        .unwrap();
    assert!(
        store
            .failed_at_last_inspection(&school.id)
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        store.finals_in_year(&school.id, started_at.year()).unwrap(),
        0
    );
    let today = now.date_naive();
    let conclusion = Conclusion {
        handling: Some(Handling::RectifyByDeadline),
        deadline: Some(today - Days::new(2)),
        operator_signatory: "王五".into(),
        ..Default::default()
    };
    crate::store::test_cover::cover_the_rest(&store, &draft.id);
    store
        .finalize_inspection(
            &draft.id,
            &conclusion,
            crate::identity::Identity::from_secret([1; 32]).signing_key(),
            now,
        )
        .unwrap();

    assert_eq!(
        store.failed_at_last_inspection(&school.id).unwrap(),
        vec!["1.1".to_string()]
    );
    assert_eq!(
        store.finals_in_year(&school.id, started_at.year()).unwrap(),
        1
    );
    let last = store.last_final_inspections().unwrap();
    assert_eq!(last.len(), 1);
    assert_eq!(last[0].0, school.id);
    let overdue = store.overdue_rectifications(today).unwrap();
    assert_eq!(overdue.len(), 1);
    assert_eq!(
        (
            overdue[0].item_id.as_str(),
            overdue[0].establishment.as_str()
        ),
        ("1.1", "鲅鱼圈区星帆小学")
    );
    assert!(
        store
            .overdue_rectifications(today - Days::new(5))
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        store
            .open_rectifications(&school.id)
            .unwrap()
            .into_iter()
            .map(|r| (r.item_id, r.deadline))
            .collect::<Vec<_>>(),
        vec![("1.1".to_string(), Some(today - Days::new(2)))]
    );
    assert_eq!(store.known_inspectors().unwrap(), inspectors());
}

#[test]
fn photos_are_stored_once_and_only_on_drafts() {
    let (_dir, mut store) = store_with_roster();
    let e = store.establishments().unwrap().remove(0);
    let catalog = crate::checklists::Catalog::shipped();
    let checklist = catalog.get("food-sample").unwrap();
    let draft = store
        .start_inspection(NewInspection {
            establishment_id: &e.id,
            checklist,
            kind: InspectionKind::Special,
            station: "TEST01",
            bureau: "",
            inspectors: inspectors(),
            started_at: Utc::now(),
            utc_offset_seconds: 28800,
        })
        .unwrap();
    let bytes = b"\xff\xd8\xff a photo";
    let a = store
        .attach_photo(&draft.id, "1.1", "a.jpg", "image/jpeg", bytes, Utc::now())
        .unwrap();
    let b = store
        .attach_photo(&draft.id, "2.1", "b.jpg", "image/jpeg", bytes, Utc::now())
        .unwrap();
    assert_eq!(a, b);
    let stored: i64 = store
        .conn
        .query_row("SELECT count(*) FROM attachments", [], |r| r.get(0))
        .unwrap();
    assert_eq!(stored, 1);
    assert_eq!(store.photos(&draft.id).unwrap().len(), 2);
    store
        .save_answer(&draft.id, &answer("1.1", Verdict::Pass))
        .unwrap();
    crate::store::test_cover::cover_the_rest(&store, &draft.id);
    store
        .finalize_inspection(
            &draft.id,
            &signed_off(),
            crate::identity::Identity::from_secret([1; 32]).signing_key(),
            Utc::now(),
        )
        .unwrap();
    let refused = store.attach_photo(
        &draft.id,
        "1.1",
        "c.jpg",
        "image/jpeg",
        b"other",
        Utc::now(),
    );
    assert!(matches!(refused, Err(StoreError::ReadOnly { .. })));
    let revision = store.start_revision(&draft.id, "笔误").unwrap();
    store.copy_photos(&draft.id, &revision.id).unwrap();
    assert_eq!(store.photos(&revision.id).unwrap().len(), 2);
}

fn signed_off() -> Conclusion {
    Conclusion {
        operator_signatory: "王五".into(),
        ..Default::default()
    }
}
