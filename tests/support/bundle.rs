//! Helpers shared by the bundle tests: the real binary on temporary data folders, a dump of
//! every table, and ZIP surgery with the zip crate alone.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use ed25519_dalek::{Signer, SigningKey};

use super::cli::{shian_en, stdout};

/// A field station with a small demo district, an office that trusts it, and the field's first
/// bundle, in one temporary folder.
pub struct FieldAndOffice {
    pub tmp: tempfile::TempDir,
    pub field: PathBuf,
    pub office: PathBuf,
    pub bundle: PathBuf,
}

impl FieldAndOffice {
    pub fn new(establishments: usize, inspections: usize, seed: u64) -> FieldAndOffice {
        let tmp = tempfile::TempDir::new().unwrap();
        let field = tmp.path().join("field");
        let office = tmp.path().join("office");
        demo(&field, establishments, inspections, seed);
        stdout(shian_en(&office).arg("devices").arg("list"));
        trust(&office, &field);
        let bundle = export(&field, &tmp.path().join("out"), &[]);
        FieldAndOffice {
            tmp,
            field,
            office,
            bundle,
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.tmp.path().join(name)
    }
}

/// Fills `dir` with a small synthetic district.
pub fn demo(dir: &Path, establishments: usize, inspections: usize, seed: u64) {
    stdout(
        shian_en(dir)
            .arg("demo")
            .arg("--establishments")
            .arg(establishments.to_string())
            .arg("--inspections")
            .arg(inspections.to_string())
            .arg("--seed")
            .arg(seed.to_string())
            .arg("--until")
            .arg("2026-06-30"),
    );
}

/// The fingerprint `identity show` prints.
pub fn fingerprint(dir: &Path) -> String {
    let out = stdout(shian_en(dir).arg("identity").arg("show"));
    out.lines()
        .find_map(|l| l.strip_prefix("Key fingerprint: "))
        .unwrap()
        .to_string()
}

/// Makes `office` trust `field` through an identity file.
pub fn trust(office: &Path, field: &Path) {
    let id = field.join("identity-for-test.json");
    stdout(shian_en(field).arg("identity").arg("export").arg(&id));
    stdout(shian_en(office).arg("devices").arg("trust").arg(&id));
}

/// Exports a field bundle into `folder` and returns its path.
pub fn export(dir: &Path, folder: &Path, extra: &[&str]) -> PathBuf {
    std::fs::create_dir_all(folder).unwrap();
    let out = stdout(
        shian_en(dir)
            .arg("export")
            .arg("--out")
            .arg(folder)
            .args(extra),
    );
    PathBuf::from(out.lines().next().unwrap())
}

/// Imports `bundle` into the station at `dir`, trusting its signer, the station at `signer`, by
/// the fingerprint that station shows (first contact).
/// `shian export --roster` at `office` into `folder`: the office bundle's path.
pub fn office_bundle(office: &Path, folder: &Path) -> PathBuf {
    std::fs::create_dir_all(folder).unwrap();
    let out = stdout(
        shian_en(office)
            .arg("export")
            .arg("--roster")
            .arg("--out")
            .arg(folder),
    );
    PathBuf::from(out.lines().next().unwrap())
}

/// Imports `bundle` at `dir`, trusting its signer by the fingerprint given.
pub fn import_office_bundle(dir: &Path, bundle: &Path, office_fingerprint: &str) {
    stdout(
        shian_en(dir)
            .arg("import")
            .arg(bundle)
            .arg("--trust-fingerprint")
            .arg(office_fingerprint),
    );
}

pub fn import_trusting(dir: &Path, bundle: &Path, signer: &Path) {
    import_office_bundle(dir, bundle, &fingerprint(signer));
}

pub fn signing_key(dir: &Path) -> SigningKey {
    let text = std::fs::read_to_string(dir.join("station.key")).unwrap();
    let mut secret = [0u8; 32];
    hex::decode_to_slice(text.trim(), &mut secret).unwrap();
    SigningKey::from_bytes(&secret)
}

/// Every table, its rows sorted, with the schema version: equal dumps mean equal content.
pub fn dump(dir: &Path, skip: &[&str]) -> String {
    let conn = rusqlite::Connection::open_with_flags(
        dir.join("shian.db"),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )
    .unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    let mut out = format!("user_version {version}\n");
    let tables: Vec<(String, String)> = conn
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    for (table, sql) in tables {
        if skip.contains(&table.as_str()) {
            continue;
        }
        out.push_str(&format!("== {sql}\n"));
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
        let columns = stmt.column_count();
        let mut rows: Vec<String> = stmt
            .query_map([], |r| {
                let mut row = Vec::new();
                for i in 0..columns {
                    let v: rusqlite::types::Value = r.get(i)?;
                    row.push(format!("{v:?}"));
                }
                Ok(row.join("|"))
            })
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        rows.sort();
        for row in rows {
            out.push_str(&row);
            out.push('\n');
        }
    }
    out
}

/// The tables that record sync bookkeeping rather than inspection data.
pub const BOOKKEEPING: &[&str] = &["bundle_log", "sync_marks"];

/// A ZIP's entries, in order, decompressed.
pub fn entries(path: &Path) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut f = archive.by_index(i).unwrap();
            let name = f.name().unwrap().to_string();
            let mut bytes = Vec::new();
            f.read_to_end(&mut bytes).unwrap();
            (name, bytes)
        })
        .collect()
}

/// Writes entries as a ZIP (deflated).
pub fn write_entries(path: &Path, entries: &[(String, Vec<u8>)]) {
    let file = std::fs::File::create(path).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    for (name, bytes) in entries {
        zip.start_file(name.as_str(), options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
}

pub fn entry<'a>(entries: &'a mut [(String, Vec<u8>)], name: &str) -> &'a mut Vec<u8> {
    &mut entries.iter_mut().find(|(n, _)| n == name).unwrap().1
}

/// Rewrites the manifest with `edit` and signs it with `key`.
pub fn resign(
    entries: &mut [(String, Vec<u8>)],
    key: &SigningKey,
    edit: impl FnOnce(&mut serde_json::Value),
) {
    let manifest = entry(entries, "manifest.json");
    let mut value: serde_json::Value = serde_json::from_slice(manifest).unwrap();
    edit(&mut value);
    *manifest = serde_json::to_vec_pretty(&value).unwrap();
    let signature = key.sign(manifest);
    *entry(entries, "manifest.sig") = hex::encode(signature.to_bytes()).into_bytes();
}

/// The bundle at `bundle` with the entry `name` set to `bytes` (added when missing), listed in
/// its manifest under a new bundle id and signed again with `key`: what a trusted laptop that
/// forges could send. Written to `path`.
pub fn forge_entry(bundle: &Path, path: &Path, key: &SigningKey, name: &str, bytes: &[u8]) {
    let mut forged = entries(bundle);
    match forged.iter_mut().find(|(n, _)| n == name) {
        Some(entry) => entry.1 = bytes.to_vec(),
        None => forged.push((name.to_string(), bytes.to_vec())),
    }
    resign(&mut forged, key, |m| {
        m["bundle_id"] = serde_json::json!(uuid::Uuid::now_v7().to_string());
        m["entries"][name] =
            serde_json::json!({ "sha256": sha256_hex(bytes), "size": bytes.len() });
    });
    write_entries(path, &forged);
}

/// An import into `dir` that must be refused; what it said on stderr.
pub fn import_refused(dir: &Path, bundle: &Path) -> String {
    let out = shian_en(dir).arg("import").arg(bundle).output().unwrap();
    assert!(!out.status.success(), "the import was not refused");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(bytes))
}

/// Copies a data folder (the database has been closed: no WAL left to copy).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_file() {
            std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
        }
    }
}

/// Imports at `office` the sample roster's first three establishments (school canteens), through
/// a CSV written in `tmp`.
pub fn import_sample_schools(office: &Path, tmp: &Path) {
    let sample = include_str!("../../data/roster-sample.csv");
    let csv = tmp.join("roster.csv");
    std::fs::write(&csv, sample.lines().take(4).collect::<Vec<_>>().join("\n")).unwrap();
    stdout(shian_en(office).arg("roster").arg("import").arg(&csv));
}
