//! The shipped checklist library (checklists/*.toml): it loads without errors, the 2016 tables
//! keep their numbering and key items, measurements carry units and the right limits, and every
//! item tells the inspector how to check it and on what basis.

use std::collections::BTreeSet;
use std::path::PathBuf;

use shian::checklists::Catalog;
use shian::domain::checklist::{Checklist, Item, ItemKind};

fn library_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("checklists")
}

/// The ids of the files in checklists/, from their file names.
fn file_ids() -> BTreeSet<String> {
    std::fs::read_dir(library_dir())
        .expect("checklists/ is readable")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "toml"))
        .filter_map(|path| path.file_stem().and_then(|s| s.to_str()).map(String::from))
        .collect()
}

fn shipped() -> Catalog {
    let catalog = Catalog::shipped();
    assert!(
        catalog.errors.is_empty(),
        "shipped checklists have errors:\n{}",
        catalog
            .errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    );
    catalog
}

fn checklist<'a>(catalog: &'a Catalog, id: &str) -> &'a Checklist {
    catalog
        .get(id)
        .unwrap_or_else(|| panic!("checklist {id} is not shipped"))
}

fn key_ids(checklist: &Checklist) -> Vec<&str> {
    checklist
        .items()
        .filter(|item| item.key)
        .map(|item| item.id.as_str())
        .collect()
}

fn item<'a>(checklist: &'a Checklist, id: &str) -> &'a Item {
    checklist
        .item(id)
        .unwrap_or_else(|| panic!("{} has no item {id}", checklist.id))
}

fn limits(item: &Item) -> (&str, Option<f64>, Option<f64>) {
    match &item.kind {
        ItemKind::Measurement { unit, min, max } => (unit.as_str(), *min, *max),
        other => panic!("{} is not a measurement: {other:?}", item.id),
    }
}

#[test]
fn every_shipped_file_loads_without_errors() {
    let catalog = shipped();
    let loaded: BTreeSet<String> = catalog.checklists.iter().map(|c| c.id.clone()).collect();
    assert_eq!(
        loaded,
        file_ids(),
        "every file in checklists/ loads, under its file name"
    );

    // The files on disk, checked the way an office worker would check them.
    let validated = Catalog::validate(&[library_dir()]);
    assert!(
        validated.errors.is_empty(),
        "checklists validate reports: {:?}",
        validated.errors
    );
    assert_eq!(validated.checklists.len(), file_ids().len());
}

#[test]
fn the_expected_checklists_are_shipped() {
    let catalog = shipped();
    for id in [
        "bright-kitchen",
        "food-sample",
        "purchase-records",
        "school-canteen",
        "kindergarten-canteen",
        "meal-delivery",
        "catering-daily",
        "sales-daily",
        "health-food",
        "infant-formula",
        "market",
        "campus-vendor",
    ] {
        let checklist = checklist(&catalog, id);
        assert!(!checklist.applies_to.is_empty(), "{id} applies to no kind");
    }
}

#[test]
fn catering_daily_is_the_2016_table() {
    let catalog = shipped();
    let catering = checklist(&catalog, "catering-daily");
    let ids: Vec<&str> = catering.items().map(|i| i.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "1.1", "2.1", "2.2", "2.3", "3.1", "3.2", "4.1", "4.2", "4.3", "4.4", "5.1", "5.2",
            "5.3", "5.4", "6.1", "6.2", "6.3", "7.1", "7.2", "7.3", "7.4", "7.5", "7.6", "8.1",
            "8.2", "8.3", "8.4", "9.1", "9.2", "9.3",
        ]
    );
    assert_eq!(ids.len(), 30);
    assert_eq!(catering.sections.len(), 9);
    assert_eq!(
        key_ids(catering),
        ["3.1", "3.2", "4.1", "4.2", "6.1", "8.4", "9.3"]
    );
}

#[test]
fn sales_daily_is_the_2016_table() {
    let catalog = shipped();
    let sales = checklist(&catalog, "sales-daily");
    assert_eq!(sales.items().count(), 35);
    assert_eq!(sales.sections.len(), 6);
    assert_eq!(
        key_ids(sales),
        [
            "3.1", "3.2", "3.3", "3.5", "3.7", "3.10", "3.11", "6.1", "6.3", "6.6", "6.7", "6.8"
        ]
    );
}

#[test]
fn canteen_and_delivery_checklists_keep_the_2016_catering_items() {
    let catalog = shipped();
    let catering = checklist(&catalog, "catering-daily");
    let table: Vec<&str> = catering.items().map(|i| i.id.as_str()).collect();
    for id in ["school-canteen", "kindergarten-canteen", "meal-delivery"] {
        let checklist = checklist(&catalog, id);
        let first: Vec<&str> = checklist.items().take(30).map(|i| i.id.as_str()).collect();
        assert_eq!(first, table, "{id} starts with the 30 catering items");
        assert_eq!(
            key_ids(checklist),
            ["3.1", "3.2", "4.1", "4.2", "6.1", "8.4", "9.3"],
            "{id} marks the catering key items and no others"
        );
    }
}

#[test]
fn every_measurement_has_a_unit_and_a_limit() {
    let catalog = shipped();
    let mut measurements = 0;
    for checklist in &catalog.checklists {
        for item in checklist.items() {
            if let ItemKind::Measurement { unit, min, max } = &item.kind {
                measurements += 1;
                assert!(
                    !unit.trim().is_empty(),
                    "{}/{}: no unit",
                    checklist.id,
                    item.id
                );
                assert!(
                    min.is_some() || max.is_some(),
                    "{}/{}: no limit",
                    checklist.id,
                    item.id
                );
                if let (Some(min), Some(max)) = (min, max) {
                    assert!(min <= max, "{}/{}: min above max", checklist.id, item.id);
                }
            }
        }
    }
    assert!(measurements > 0);
}

#[test]
fn food_sample_limits_are_125_g_48_h_and_0_to_8_degrees() {
    let catalog = shipped();
    let sample = checklist(&catalog, "food-sample");
    let found: Vec<(&str, Option<f64>, Option<f64>)> = sample
        .items()
        .filter(|i| matches!(i.kind, ItemKind::Measurement { .. }))
        .map(limits)
        .collect();
    assert!(found.contains(&("g", Some(125.0), None)), "{found:?}");
    assert!(found.contains(&("h", Some(48.0), None)), "{found:?}");
    assert!(found.contains(&("°C", Some(0.0), Some(8.0))), "{found:?}");
    assert_eq!(found.len(), 3, "{found:?}");

    // The same limits reach the school canteen through its include.
    let school = checklist(&catalog, "school-canteen");
    assert_eq!(
        limits(item(school, "food-sample/1.2")),
        ("g", Some(125.0), None)
    );
    assert_eq!(
        limits(item(school, "food-sample/2.2")),
        ("°C", Some(0.0), Some(8.0))
    );
    assert_eq!(
        limits(item(school, "food-sample/2.3")),
        ("h", Some(48.0), None)
    );
}

#[test]
fn delivery_time_and_temperature_limits() {
    let catalog = shipped();
    let delivery = checklist(&catalog, "meal-delivery");
    assert_eq!(limits(item(delivery, "10.1")), ("°C", Some(60.0), None));
    assert_eq!(limits(item(delivery, "10.2")), ("h", None, Some(4.0)));
    assert_eq!(limits(item(delivery, "10.3")), ("°C", None, Some(8.0)));
    assert_eq!(limits(item(delivery, "10.4")), ("h", None, Some(24.0)));
    assert_eq!(limits(item(delivery, "10.5")), ("°C", Some(70.0), None));
}

#[test]
fn every_item_has_guidance_and_a_basis() {
    let catalog = shipped();
    for checklist in &catalog.checklists {
        for item in checklist.items() {
            let guidance = item.guidance.as_deref().unwrap_or_default();
            assert!(
                !guidance.trim().is_empty(),
                "{}/{}: no guidance",
                checklist.id,
                item.id
            );
            // The loader already falls back to the section's, then the checklist's basis.
            let basis = item.basis.as_deref().unwrap_or_default();
            assert!(
                !basis.trim().is_empty(),
                "{}/{}: no basis",
                checklist.id,
                item.id
            );
            assert!(!item.text.trim().is_empty());
        }
    }
}

#[test]
fn school_canteen_includes_the_three_special_checklists() {
    let catalog = shipped();
    let school = checklist(&catalog, "school-canteen");
    for special in ["bright-kitchen", "food-sample", "purchase-records"] {
        let own = checklist(&catalog, special);
        let own_ids: Vec<String> = own.items().map(|i| format!("{special}/{}", i.id)).collect();
        let spliced: Vec<String> = school
            .items()
            .filter(|i| i.id.starts_with(&format!("{special}/")))
            .map(|i| i.id.clone())
            .collect();
        assert!(!own_ids.is_empty());
        assert_eq!(
            spliced, own_ids,
            "school-canteen carries every item of {special}"
        );
        let short = own
            .short
            .as_deref()
            .expect("an included checklist has a short name");
        for (spliced, original) in school
            .items()
            .filter(|i| i.id.starts_with(&format!("{special}/")))
            .zip(own.items())
        {
            assert_eq!(spliced.text, original.text);
            assert_eq!(spliced.number, format!("{short} {}", original.id));
        }
    }
}

#[test]
fn included_checklists_have_a_short_name() {
    let catalog = shipped();
    let included: BTreeSet<&str> = catalog
        .checklists
        .iter()
        .flat_map(|c| c.sections.iter())
        .filter_map(|s| s.origin.as_deref())
        .collect();
    assert!(included.contains("food-sample"));
    for id in included {
        let short = checklist(&catalog, id).short.as_deref().unwrap_or_default();
        let chars = short.chars().count();
        assert!((2..=4).contains(&chars), "{id}: short name {short:?}");
    }
}

#[test]
fn choice_items_offer_a_failing_option() {
    let catalog = shipped();
    let kitchen = checklist(&catalog, "bright-kitchen");
    match &item(kitchen, "1.1").kind {
        ItemKind::Choice { options } => {
            let labels: Vec<(&str, bool)> =
                options.iter().map(|o| (o.label.as_str(), o.ok)).collect();
            assert_eq!(
                labels,
                [
                    ("透明厨房", true),
                    ("视频厨房", true),
                    ("互联网+明厨亮灶", true),
                    ("未实施", false)
                ]
            );
        }
        other => panic!("bright-kitchen/1.1 is not a choice: {other:?}"),
    }
}
