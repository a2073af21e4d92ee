//! The bundle read by a program that is not shian: the zip crate, serde_json, sha2 and
//! ed25519-dalek only, following docs/bundle-format.md.

use std::collections::BTreeSet;
use std::io::Read;

use crate::support::bundle::*;
use crate::support::cli::{shian_en, stdout};
use ed25519_dalek::{Signature, VerifyingKey};
use sha2::{Digest, Sha256};
use tempfile::TempDir;

#[test]
fn a_plain_zip_reader_checks_every_hash_and_the_signature() {
    let tmp = TempDir::new().unwrap();
    let field = tmp.path().join("field");
    demo(&field, 6, 12, 5);

    // A photo on one answer (the store has no command for photos yet; written as the TUI will).
    let photo: Vec<u8> = (0..5000u32).map(|i| (i * 7 % 251) as u8).collect();
    let photo_hash = sha256_hex(&photo);
    {
        let conn = rusqlite::Connection::open(field.join("shian.db")).unwrap();
        let (id, item): (String, String) = conn
            .query_row(
                "SELECT inspection_id, item_id FROM answers ORDER BY inspection_id LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        conn.execute(
            "INSERT INTO attachments (sha256, size, media_type, bytes, stored_at)
             VALUES (?1, ?2, 'image/jpeg', ?3, '2026-06-01T08:00:00.000Z')",
            rusqlite::params![photo_hash, photo.len() as i64, photo],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO answer_attachments (inspection_id, item_id, sha256, file_name, added_at)
             VALUES (?1, ?2, ?3, '冰箱.jpg', '2026-06-01T08:00:00.000Z')",
            rusqlite::params![id, item, photo_hash],
        )
        .unwrap();
    }
    let bundle = export(&field, &tmp.path().join("out"), &[]);

    let mut archive = zip::ZipArchive::new(std::fs::File::open(&bundle).unwrap()).unwrap();
    let mut read = |name: &str| {
        let mut bytes = Vec::new();
        archive
            .by_name(name)
            .unwrap()
            .read_to_end(&mut bytes)
            .unwrap();
        bytes
    };
    let manifest_bytes = read("manifest.json");
    let manifest: serde_json::Value = serde_json::from_slice(&manifest_bytes).unwrap();
    assert_eq!(manifest["format"], "shian-bundle");
    assert_eq!(manifest["format_version"], 4);
    assert_eq!(manifest["kind"], "field");

    // The signature: Ed25519 over the exact bytes of manifest.json, by the key it names.
    let key_bytes: [u8; 32] = hex::decode(manifest["source"]["public_key"].as_str().unwrap())
        .unwrap()
        .try_into()
        .unwrap();
    let key = VerifyingKey::from_bytes(&key_bytes).unwrap();
    let sig_bytes: [u8; 64] = hex::decode(read("manifest.sig"))
        .unwrap()
        .try_into()
        .unwrap();
    key.verify_strict(&manifest_bytes, &Signature::from_bytes(&sig_bytes))
        .unwrap();
    let code = hex::encode_upper(&Sha256::digest(key_bytes)[..3]);
    assert_eq!(manifest["source"]["station"], code.as_str());

    // Every other entry is listed with its size and SHA-256, and nothing else is there.
    let entries = manifest["entries"].as_object().unwrap();
    let mut listed: BTreeSet<String> = entries.keys().cloned().collect();
    for (name, digest) in entries {
        let bytes = read(name);
        assert_eq!(
            bytes.len() as u64,
            digest["size"].as_u64().unwrap(),
            "{name}"
        );
        assert_eq!(
            sha256_hex(&bytes),
            digest["sha256"].as_str().unwrap(),
            "{name}"
        );
    }
    listed.insert("manifest.json".into());
    listed.insert("manifest.sig".into());
    let present: BTreeSet<String> = zip::ZipArchive::new(std::fs::File::open(&bundle).unwrap())
        .unwrap()
        .file_names()
        .map(|n| n.unwrap().to_string())
        .collect();
    assert_eq!(listed, present);

    // The records are plain JSON, counted in the manifest; the photo travels by its hash.
    let inspections: serde_json::Value =
        serde_json::from_slice(&read("records/inspections.json")).unwrap();
    let inspections = inspections.as_array().unwrap();
    assert_eq!(manifest["counts"]["inspections"], inspections.len());
    assert_eq!(inspections.len(), 12);
    let answers: usize = inspections
        .iter()
        .map(|i| i["answers"].as_array().unwrap().len())
        .sum();
    assert_eq!(manifest["counts"]["answers"], answers);
    // Each record's own signature, checked as docs/bundle-format.md 6.6 says, without shian:
    // serde_json's own Value sorts an object's members and writes no whitespace.
    for i in inspections {
        let mut record = i.clone();
        let signed = record.as_object_mut().unwrap().remove("signed").unwrap();
        let author: [u8; 32] = hex::decode(signed["key"].as_str().unwrap())
            .unwrap()
            .try_into()
            .unwrap();
        assert_eq!(
            hex::encode_upper(&Sha256::digest(author)[..3]),
            i["inspection"]["station"].as_str().unwrap()
        );
        let mut payload = b"shian-record/inspection/2\n".to_vec();
        payload.extend(serde_json::to_vec(&record).unwrap());
        let sig: [u8; 64] = hex::decode(signed["signature"].as_str().unwrap())
            .unwrap()
            .try_into()
            .unwrap();
        VerifyingKey::from_bytes(&author)
            .unwrap()
            .verify_strict(&payload, &Signature::from_bytes(&sig))
            .unwrap();
    }
    assert_eq!(read(&format!("attachments/{photo_hash}")), photo);
    assert_eq!(manifest["counts"]["attachments"], 1);

    // And shian itself brings the photo across.
    let office = tmp.path().join("office");
    stdout(shian_en(&office).args(["devices", "list"]));
    trust(&office, &field);
    stdout(shian_en(&office).arg("import").arg(&bundle));
    let stored: Vec<u8> = rusqlite::Connection::open(office.join("shian.db"))
        .unwrap()
        .query_row(
            "SELECT a.bytes FROM attachments a JOIN answer_attachments l ON l.sha256 = a.sha256
             WHERE l.file_name = '冰箱.jpg'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(stored, photo);
}
