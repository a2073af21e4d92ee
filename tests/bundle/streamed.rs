//! The export streams each record file into its entry, a record at a time (issue 20): the
//! entry's bytes, and so its hash and every signature over them, are those the whole file
//! serialized at once gives.

use crate::support::bundle::*;
use sha2::{Digest, Sha256};
use shian::bundle::records::{self, RecordsRef};
use tempfile::TempDir;

#[test]
fn a_streamed_entry_is_the_buffered_file_byte_for_byte() {
    let tmp = TempDir::new().unwrap();
    let field = tmp.path().join("field");
    demo(&field, 8, 30, 11);
    let bundle = export(&field, &tmp.path().join("out"), &[]);

    // The same set again (`--all`, every record signed by now), serialized whole.
    let identity = shian::identity::Identity::load_or_create(&field).unwrap();
    let store = shian::store::Store::open(&field).unwrap();
    let set = store.field_export(&identity.station_code(), true).unwrap();
    let records = RecordsRef::of_export(&set);
    assert!(!set.inspections.is_empty() && !set.rectifications.is_empty());

    let entries: std::collections::BTreeMap<String, Vec<u8>> =
        entries(&bundle).into_iter().collect();
    let manifest: serde_json::Value = serde_json::from_slice(&entries["manifest.json"]).unwrap();
    let buffered = [
        (records::INSPECTIONS, records::json(&records.inspections)),
        (
            records::ESTABLISHMENT_REVISIONS,
            records::json(&records.establishment_revisions),
        ),
        (records::CHECKLISTS, records::json(&records.checklists)),
        (
            records::RECTIFICATIONS,
            records::json(&records.rectifications),
        ),
        (records::ATTACHMENTS, records::json(&records.attachments)),
        (records::STATIONS, records::json(&records.stations)),
        (records::DECISIONS, records::json(&records.decisions)),
    ];
    for (name, whole) in buffered {
        assert!(
            entries[name] == whole,
            "{name}: the entry is not the whole file's bytes"
        );
        let mut streamed = Vec::new();
        let mut count = 0;
        records
            .write(name, &mut streamed, &mut || count += 1)
            .unwrap();
        assert!(streamed == whole, "{name}: streamed differs from whole");
        let parsed: Vec<serde_json::Value> = serde_json::from_slice(&whole).unwrap();
        assert_eq!(count, parsed.len(), "{name}: one call per record");
        let digest = &manifest["entries"][name];
        assert_eq!(digest["sha256"], hex::encode(Sha256::digest(&whole)));
        assert_eq!(digest["size"], whole.len() as u64);
    }
}
