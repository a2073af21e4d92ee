//! One thing once (issue 16): a bundle that names a ZIP entry twice, a JSON key twice, or holds
//! one record twice is refused whole, by the import and by `--dry-run` alike, in the user's
//! language and naming what is doubled, with the database as it was.

use std::path::Path;

use crate::support::bundle::*;
use crate::support::cli::shian_en;

type Setup = FieldAndOffice;

fn setup() -> Setup {
    FieldAndOffice::new(4, 8, 31)
}

impl FieldAndOffice {
    /// Both the dry run and the import refuse `path` saying `why`; nothing changes.
    fn refused_by_dry_run_and_import(&self, path: &Path, why: &str) {
        let before = dump(&self.office, &[]);
        for dry in [true, false] {
            let mut cmd = shian_en(&self.office);
            cmd.arg("import").arg(path);
            if dry {
                cmd.arg("--dry-run");
            }
            let out = cmd.output().unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(!out.status.success(), "imported (dry run: {dry})");
            assert!(stderr.contains(why), "expected {why:?} in: {stderr}");
            assert!(!stderr.contains("UNIQUE"), "{stderr}");
        }
        assert_eq!(before, dump(&self.office, &[]));
    }
}

#[test]
fn a_zip_that_names_the_manifest_twice_is_refused() {
    let s = setup();
    let mut e = entries(&s.bundle);
    // A bogus manifest first, under a name of the same length, then renamed in the bytes.
    e.insert(
        0,
        (
            "manifest.jsoX".into(),
            br#"{"format":"shian-bundle"}"#.to_vec(),
        ),
    );
    let path = s.path("two-manifests.shian");
    write_entries(&path, &e);
    let mut bytes = std::fs::read(&path).unwrap();
    let from = b"manifest.jsoX";
    let mut at = 0;
    while let Some(i) = bytes[at..].windows(from.len()).position(|w| w == from) {
        bytes[at + i..at + i + from.len()].copy_from_slice(b"manifest.json");
        at += i + from.len();
    }
    std::fs::write(&path, bytes).unwrap();
    s.refused_by_dry_run_and_import(&path, "appears twice");
}

#[test]
fn a_manifest_that_names_a_key_twice_is_refused() {
    let s = setup();
    let mut e = entries(&s.bundle);
    let key = signing_key(&s.field);
    let manifest = entry(&mut e, "manifest.json");
    let text = String::from_utf8(manifest.clone()).unwrap();
    // The same member again, at the end of the object: a reader that keeps the last one would
    // see another bundle id than one that keeps the first.
    let doubled = format!(
        "{},\n  \"bundle_id\": \"01a2275a-0000-7000-8000-00000000dead\"\n}}",
        text.trim_end().trim_end_matches('}').trim_end()
    );
    *manifest = doubled.into_bytes();
    use ed25519_dalek::Signer;
    let signature = key.sign(entry(&mut e, "manifest.json"));
    *entry(&mut e, "manifest.sig") = hex::encode(signature.to_bytes()).into_bytes();
    let path = s.path("doubled-key.shian");
    write_entries(&path, &e);
    s.refused_by_dry_run_and_import(&path, "appears twice");
}

#[test]
fn one_record_twice_in_a_bundle_is_refused_naming_it() {
    let s = setup();
    let mut e = entries(&s.bundle);
    let records = entry(&mut e, "records/inspections.json");
    let mut list: Vec<serde_json::Value> = serde_json::from_slice(records).unwrap();
    list.push(list[0].clone());
    let serial = list[0]["inspection"]["serial"]
        .as_str()
        .unwrap()
        .to_string();
    let answers: usize = list
        .iter()
        .map(|i| i["answers"].as_array().unwrap().len())
        .sum();
    *records = serde_json::to_vec(&list).unwrap();
    let digest = sha256_hex(records);
    let size = records.len();
    let count = list.len();
    resign(&mut e, &signing_key(&s.field), |m| {
        m["entries"]["records/inspections.json"]["sha256"] = digest.into();
        m["entries"]["records/inspections.json"]["size"] = size.into();
        m["counts"]["inspections"] = count.into();
        m["counts"]["answers"] = answers.into();
    });
    let path = s.path("twice.shian");
    write_entries(&path, &e);
    s.refused_by_dry_run_and_import(&path, &serial);
    s.refused_by_dry_run_and_import(&path, "appears twice in the bundle");
}
