//! Helpers shared by the planning tests: office bundles to laptops, and an inspection made at a
//! station through the store.
#![allow(dead_code)] // each test binary uses part of it

use std::path::{Path, PathBuf};

use chrono::{Duration, Utc};
use shian::checklists::Catalog;
use shian::domain::inspection::{Conclusion, InspectionKind, Inspector};
use shian::domain::outcome::{Handling, Verdict};
use shian::identity::Identity;
use shian::store::{NewInspection, Store};

use crate::bundle_common::{shian, stdout};
use crate::store_common;

pub fn station_code(dir: &Path) -> String {
    Identity::load_or_create(dir).unwrap().station_code()
}

pub fn office_bundle(office: &Path, folder: &Path) -> PathBuf {
    std::fs::create_dir_all(folder).unwrap();
    let out = stdout(
        shian(office)
            .arg("export")
            .arg("--roster")
            .arg("--out")
            .arg(folder),
    );
    PathBuf::from(out.lines().next().unwrap())
}

pub fn import(dir: &Path, bundle: &Path, office_fingerprint: &str) {
    stdout(
        shian(dir)
            .arg("import")
            .arg(bundle)
            .arg("--trust-fingerprint")
            .arg(office_fingerprint),
    );
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
            inspectors: vec![store_common::zhou(), second],
            started_at: Utc::now() - Duration::minutes(30),
            utc_offset_seconds: 8 * 3600,
        })
        .unwrap();
    for item in ["1.1", "2.1"] {
        store
            .save_answer(&draft.id, &store_common::answer(item, Verdict::Pass))
            .unwrap();
    }
    let conclusion = Conclusion {
        handling: Some(Handling::Pass),
        ..store_common::signed_off(Conclusion::default())
    };
    store_common::cover_the_rest(&store, &draft.id);
    store
        .finalize_inspection(&draft.id, &conclusion, identity.signing_key(), Utc::now())
        .map(|i| i.id)
}

/// `shian --data-dir DIR` in Chinese, the default language.
pub fn shian_zh(dir: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("shian").unwrap();
    cmd.arg("--data-dir").arg(dir);
    cmd.env_remove("SHIAN_DATA_DIR").env_remove("SHIAN_LANG");
    cmd
}

pub fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap()
}
