//! A full disk and a read-only target: a data folder or export folder on a small tmpfs. Every
//! case wants a clear message (Chinese by default) that names what is full, no panic, nothing
//! saved before lost, and a sound database afterwards.
//!
//! Mounting needs root (or a user namespace); where it is not permitted the cases say so on
//! stderr and pass without running.
#![cfg(target_os = "linux")]

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::bundle::*;
use crate::support::cli::{process, shian_en, stdout};
use crate::support::store::school;
use chrono::Utc;
use shian::domain::inspection::{Answer, InspectionKind, Inspector};
use shian::domain::outcome::Verdict;
use shian::i18n::Lang;
use shian::store::{NewInspection, Store};

const FULL_ZH: &str = "磁盘空间已满";

/// A tmpfs mounted on a temporary folder, unmounted when dropped.
struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    fn mount(size: &str, read_only: bool) -> Option<Tmpfs> {
        let dir = tempfile::tempdir().unwrap();
        let options = format!("size={size}{}", if read_only { ",ro" } else { "" });
        let status = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &options, "tmpfs"])
            .arg(dir.path())
            .stderr(std::process::Stdio::null())
            .status();
        if status.map(|s| s.success()).unwrap_or(false) {
            Some(Tmpfs { dir })
        } else {
            eprintln!("skipped: mounting a tmpfs is not permitted here");
            None
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

/// Fills the file system of `dir` up to the last `keep` bytes with a file that
/// [`free`] removes again.
fn fill(dir: &Path, keep: u64) -> PathBuf {
    let filler = dir.join("filler");
    let mut size = 0u64;
    let chunk = vec![0u8; 4096];
    let mut file = std::fs::File::create(&filler).unwrap();
    use std::io::Write;
    while file.write_all(&chunk).is_ok() {
        size += chunk.len() as u64;
    }
    drop(file);
    std::fs::OpenOptions::new()
        .write(true)
        .open(&filler)
        .unwrap()
        .set_len(size.saturating_sub(keep))
        .unwrap();
    filler
}

/// The binary in its default language, Chinese.
fn assert_clear_failure(out: &std::process::Output, expected: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "did not fail: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.contains(expected), "no clear message: {stderr}");
}

fn sound(data: &Path) {
    let store = Store::open(data).unwrap();
    assert!(store.integrity_check().unwrap().is_empty());
}

#[test]
fn answering_on_a_full_disk_keeps_what_was_saved() {
    let Some(fs) = Tmpfs::mount("2m", false) else {
        return;
    };
    let data = fs.path().join("data");
    let mut store = Store::open(&data).unwrap();
    let establishment = store.add_establishment(&school(), "AB12CD").unwrap().id;
    let checklist = shian::checklists::Catalog::shipped()
        .get("catering-daily")
        .unwrap()
        .clone();
    let inspection = store
        .start_inspection(NewInspection {
            establishment_id: &establishment,
            checklist: &checklist,
            kind: InspectionKind::Routine,
            station: "AB12CD",
            bureau: "鲅鱼圈区市场监督管理局",
            inspectors: vec![Inspector {
                name: "张三".into(),
                badge: "21080001".into(),
            }],
            started_at: Utc::now(),
            utc_offset_seconds: 8 * 3600,
        })
        .unwrap()
        .id;
    let filler = fill(fs.path(), 96 << 10);
    let items: Vec<String> = checklist.items().map(|i| i.id.clone()).collect();
    let mut saved = Vec::new();
    let mut failure = None;
    // Long notes, item after item, until the disk is full.
    'outer: for round in 0..50 {
        for item in &items {
            let answer = Answer {
                item_id: item.clone(),
                verdict: Verdict::Fail,
                value: None,
                choice: None,
                note: format!("{round} {}", "现场发现问题".repeat(400)),
                answered_at: Utc::now(),
            };
            match store.save_answer(&inspection, &answer) {
                Ok(()) => saved.push(answer),
                Err(e) => {
                    failure = Some(e);
                    break 'outer;
                }
            }
        }
    }
    let failure = failure.expect("the disk never filled");
    let message = Lang::Zh.store_error(&failure);
    assert!(message.contains(FULL_ZH), "{message}");
    // Everything saved before is there, as saved (the last saving of each item counts).
    let mut last = std::collections::BTreeMap::new();
    for a in &saved {
        last.insert(a.item_id.clone(), a.note.clone());
    }
    let stored = store.answers(&inspection).unwrap();
    for (item, note) in &last {
        let found = stored
            .iter()
            .find(|a| &a.item_id == item)
            .expect("answer kept");
        assert_eq!(&found.note, note);
    }
    drop(store);
    std::fs::remove_file(filler).unwrap();
    sound(&data);
    eprintln!(
        "{} answers saved before the disk was full; none lost: {message}",
        saved.len()
    );
}

/// A CSV with `n` establishments.
fn roster_csv(path: &Path, n: usize) {
    let mut text = String::from(
        "名称,类型,地址,镇街道,负责人,电话,许可证编号,统一社会信用代码,风险等级,明厨亮灶\n",
    );
    for i in 0..n {
        text.push_str(&format!(
            "测试餐馆{i},学校食堂,鲅鱼圈区测试路{i}号,红海街道,负责人{i},0417-555{i:04},JY3210804{i:07},,B,\n"
        ));
    }
    std::fs::write(path, text).unwrap();
}

#[test]
fn roster_import_into_a_full_disk_imports_nothing() {
    let Some(fs) = Tmpfs::mount("3m", false) else {
        return;
    };
    let data = fs.path().join("data");
    let csv = tempfile::NamedTempFile::new().unwrap();
    roster_csv(csv.path(), 20_000);
    stdout(shian_en(&data).args(["roster", "list"]));
    let before = dump(&data, &[]);
    let filler = fill(fs.path(), 256 << 10);
    let out = process(&data)
        .args(["roster", "import"])
        .arg(csv.path())
        .output()
        .unwrap();
    assert_clear_failure(&out, FULL_ZH);
    std::fs::remove_file(filler).unwrap();
    sound(&data);
    assert_eq!(
        dump(&data, &[]),
        before,
        "a failed roster import changed the data"
    );
}

#[test]
fn export_to_a_full_or_read_only_target_leaves_no_bundle() {
    let (Some(full), Some(read_only)) = (Tmpfs::mount("64k", false), Tmpfs::mount("1m", true))
    else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let field = tmp.path().join("field");
    demo(&field, 60, 300, 5);
    let before = dump(&field, &[]);
    for (target, expected) in [(full.path(), FULL_ZH), (read_only.path(), "只读")] {
        let out = process(&field)
            .args(["export", "--out"])
            .arg(target)
            .output()
            .unwrap();
        assert_clear_failure(&out, expected);
        let left: Vec<_> = std::fs::read_dir(target).unwrap().collect();
        assert!(left.is_empty(), "left behind: {left:?}");
        sound(&field);
        assert_eq!(dump(&field, &[]), before, "a failed export was logged");
    }
    // Onto a good stick, the same export works.
    export(&field, &tmp.path().join("stick"), &[]);
}

#[test]
fn bundle_import_into_a_full_disk_changes_nothing() {
    let Some(fs) = Tmpfs::mount("4m", false) else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let field = tmp.path().join("field");
    let office = fs.path().join("office");
    demo(&field, 60, 300, 6);
    stdout(shian_en(&office).args(["roster", "list"]));
    trust(&office, &field);
    let bundle = export(&field, &tmp.path().join("stick"), &[]);
    let before = dump(&office, &[]);
    let filler = fill(fs.path(), 128 << 10);
    let out = process(&office)
        .arg("import")
        .arg(&bundle)
        .output()
        .unwrap();
    assert_clear_failure(&out, FULL_ZH);
    std::fs::remove_file(filler).unwrap();
    sound(&office);
    assert_eq!(
        dump(&office, &[]),
        before,
        "a failed import changed the data"
    );
    // With room again, the same bundle imports.
    stdout(shian_en(&office).arg("import").arg(&bundle));
}
