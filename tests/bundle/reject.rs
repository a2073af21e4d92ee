//! Every way a bundle can be wrong is refused, and a refused bundle leaves the database as it
//! was (a dump of every table before and after is the same).

use std::path::{Path, PathBuf};

use crate::support::bundle::*;
use crate::support::cli::{shian_en, stdout};
use ed25519_dalek::SigningKey;

type Setup = FieldAndOffice;

fn setup() -> Setup {
    FieldAndOffice::new(5, 8, 3)
}

impl FieldAndOffice {
    /// Imports `path` with the real binary; it must fail saying `why`, and change nothing.
    fn refused(&self, path: &Path, why: &str) {
        let before = dump(&self.office, &[]);
        let stderr = import_refused(&self.office, path);
        assert!(stderr.contains("refused"), "{stderr}");
        assert!(stderr.contains(why), "expected {why:?} in: {stderr}");
        assert_eq!(before, dump(&self.office, &[]), "{}", path.display());
    }

    fn variant(&self, name: &str, edit: impl FnOnce(&mut Vec<(String, Vec<u8>)>)) -> PathBuf {
        let mut e = entries(&self.bundle);
        edit(&mut e);
        let path = self.path(name);
        write_entries(&path, &e);
        path
    }

    fn bytes_variant(&self, name: &str, edit: impl FnOnce(&mut Vec<u8>)) -> PathBuf {
        let mut bytes = std::fs::read(&self.bundle).unwrap();
        edit(&mut bytes);
        let path = self.path(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }
}

/// Where each entry's data starts and how long it is in the file, from the local headers.
fn data_regions(path: &Path) -> Vec<(String, u64, u64)> {
    let bytes = std::fs::read(path).unwrap();
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    (0..archive.len())
        .map(|i| {
            let f = archive.by_index_raw(i).unwrap();
            let header = f.header_start() as usize;
            let u16_at = |at: usize| u64::from(u16::from_le_bytes([bytes[at], bytes[at + 1]]));
            let start = header as u64 + 30 + u16_at(header + 26) + u16_at(header + 28);
            (f.name().unwrap().to_string(), start, f.compressed_size())
        })
        .collect()
}

#[test]
fn a_flipped_byte_in_any_entry_is_refused() {
    let s = setup();
    for (name, start, len) in data_regions(&s.bundle) {
        // Not the last bytes: a deflate decoder stops at the final block and never reads what
        // follows it (the sweep below covers those).
        for at in [start, start + 1, start + len / 3, start + len / 2] {
            let path = s.bytes_variant("flipped.shian", |b| b[at as usize] ^= 0x01);
            eprintln!("{name}: byte {at}");
            s.refused(&path, "");
        }
    }
    // The ZIP's own structure: the first local header, the end-of-central-directory record.
    let len = std::fs::metadata(&s.bundle).unwrap().len() as usize;
    for at in [0, 1, len - 22] {
        let path = s.bytes_variant("flipped.shian", |b| b[at] ^= 0x80);
        s.refused(&path, "");
    }
}

/// A sweep over the whole file: a flipped byte is refused without a trace, or (where it only
/// touches bits that no content depends on: an entry's timestamp in the ZIP headers, deflate
/// padding) the import gives exactly what the intact bundle gives. Altered records never get in.
#[test]
fn a_flipped_byte_anywhere_never_lets_altered_data_in() {
    let s = setup();
    let pristine = s.path("pristine");
    copy_dir(&s.office, &pristine);
    let clean = s.path("clean");
    copy_dir(&s.office, &clean);
    stdout(shian_en(&clean).arg("import").arg(&s.bundle));
    let expected = dump(&clean, BOOKKEEPING);

    let bytes = std::fs::read(&s.bundle).unwrap();
    let path = s.path("sweep.shian");
    let mut refused = 0;
    let mut accepted = 0;
    for at in (0..bytes.len()).step_by(41) {
        let mut flipped = bytes.clone();
        flipped[at] ^= 0x10;
        std::fs::write(&path, &flipped).unwrap();
        let before = dump(&s.office, &[]);
        let result = {
            let mut store = shian::store::Store::open(&s.office).unwrap();
            shian::bundle::import_bundle(&mut store, &path, false, &mut |_| false)
        };
        match result {
            Err(_) => {
                refused += 1;
                assert_eq!(before, dump(&s.office, &[]), "byte {at}");
            }
            Ok(_) => {
                accepted += 1;
                assert_eq!(expected, dump(&s.office, BOOKKEEPING), "byte {at}");
                std::fs::remove_dir_all(&s.office).unwrap();
                copy_dir(&pristine, &s.office);
            }
        }
    }
    assert!(
        refused > 0 && refused >= accepted,
        "{refused} refused, {accepted} accepted"
    );
}

#[test]
fn truncated_bundles_are_refused() {
    let s = setup();
    let len = std::fs::metadata(&s.bundle).unwrap().len() as usize;
    for keep in [0, 100, len / 2, len - 22, len - 1] {
        let path = s.bytes_variant("short.shian", |b| b.truncate(keep));
        s.refused(&path, "");
    }
}

#[test]
fn a_removed_entry_is_refused() {
    let s = setup();
    for name in [
        "records/rectifications.json",
        "manifest.sig",
        "manifest.json",
    ] {
        let path = s.variant("removed.shian", |e| e.retain(|(n, _)| n != name));
        s.refused(&path, "missing");
    }
}

#[test]
fn an_added_entry_is_refused() {
    let s = setup();
    let path = s.variant("added.shian", |e| {
        e.push(("records/extra.json".into(), b"[]".to_vec()))
    });
    s.refused(&path, "records/extra.json");
    let photo = b"not really a photo".to_vec();
    let name = format!("attachments/{}", sha256_hex(&photo));
    let path = s.variant("added.shian", |e| e.push((name.clone(), photo)));
    s.refused(&path, "does not list");
}

#[test]
fn a_bundle_re_signed_by_an_untrusted_key_is_refused_with_its_fingerprint() {
    let s = setup();
    let stranger = SigningKey::from_bytes(&[7u8; 32]);
    let code = shian::identity::station_code(&stranger.verifying_key());
    let fp = shian::identity::fingerprint(&stranger.verifying_key());
    let path = s.variant("stranger.shian", |e| {
        resign(e, &stranger, |m| {
            m["source"]["public_key"] = hex::encode(stranger.verifying_key().as_bytes()).into();
            m["source"]["station"] = code.clone().into();
        })
    });
    s.refused(&path, &fp);
    s.refused(&path, "devices trust");
    // Signed by another key while claiming to be the trusted laptop.
    let path = s.variant("forged.shian", |e| resign(e, &stranger, |_| {}));
    s.refused(&path, "signature");
}

#[test]
fn path_traversal_names_are_refused() {
    let s = setup();
    for bad in [
        "../evil.json",
        "/etc/evil",
        "records/../../evil",
        "attachments\\..\\x",
    ] {
        let path = s.variant("traversal.shian", |e| e.push((bad.into(), b"x".to_vec())));
        s.refused(&path, "unsafe");
    }
    // Listed in a properly signed manifest, too.
    let key = signing_key(&s.field);
    let path = s.variant("traversal.shian", |e| {
        e.push(("../evil.json".into(), b"x".to_vec()));
        resign(e, &key, |m| {
            m["entries"]["../evil.json"] =
                serde_json::json!({"sha256": sha256_hex(b"x"), "size": 1});
        });
    });
    s.refused(&path, "unsafe");
}

#[test]
fn decompression_bombs_are_refused() {
    let s = setup();
    // A manifest far beyond any real one.
    let path = s.variant("bomb1.shian", |e| {
        *entry(e, "manifest.json") = vec![b' '; 8 << 20];
    });
    s.refused(&path, "limit");
    // A record entry much larger than the signed manifest says: only its declared size (plus
    // one byte) is ever read.
    let path = s.variant("bomb2.shian", |e| {
        *entry(e, "records/rectifications.json") = vec![0u8; 32 << 20];
    });
    assert!(std::fs::metadata(&path).unwrap().len() < 1 << 20);
    s.refused(&path, "damaged");
}

#[test]
fn a_newer_format_version_is_refused_with_a_clear_message() {
    let s = setup();
    let key = signing_key(&s.field);
    let path = s.variant("newer.shian", |e| {
        resign(e, &key, |m| m["format_version"] = 5.into())
    });
    s.refused(&path, "upgrade");
    let before = dump(&s.office, &[]);
    let out = assert_cmd::Command::cargo_bin("shian")
        .unwrap()
        .arg("--data-dir")
        .arg(&s.office)
        .args(["--lang", "zh", "import"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("升级"));
    assert_eq!(before, dump(&s.office, &[]));
}

/// Properly signed, but incomplete: inspections whose establishments are neither in the bundle
/// nor here. Refused whole, nothing written.
#[test]
fn a_bundle_that_refers_to_records_nowhere_is_refused_whole() {
    let s = setup();
    let key = signing_key(&s.field);
    let path = s.variant("incomplete.shian", |e| {
        let empty = b"[]".to_vec();
        *entry(e, "records/establishment_revisions.json") = empty.clone();
        resign(e, &key, |m| {
            m["entries"]["records/establishment_revisions.json"] =
                serde_json::json!({"sha256": sha256_hex(&empty), "size": 2});
            m["counts"]["establishment_revisions"] = 0.into();
        });
    });
    s.refused(&path, "neither in it nor here");
}
