//! The import streams the inspections (issue 16): a bundle of several batches goes in whole,
//! and a record refused in the last batch, after earlier batches were written in the import's
//! transaction, leaves the office database exactly as it was, for the import and the dry run.

use crate::support::bundle::*;
use crate::support::cli::{shian_en, stdout};

/// More inspections than one batch of the stream holds (500), so that three batches pass.
const INSPECTIONS: usize = 1_100;

fn count(dir: &std::path::Path, table: &str) -> i64 {
    let conn = rusqlite::Connection::open(dir.join("shian.db")).unwrap();
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_bundle_of_many_batches_goes_in_whole_and_a_late_refusal_undoes_every_batch() {
    let s = FieldAndOffice::new(40, INSPECTIONS, 7);
    let finals = count(&s.field, "inspections WHERE status = 'final'");
    assert!(finals > 1_000, "{finals}");

    // The last inspection of the file altered after it was signed; the manifest is signed
    // again by the field's own key, so only the record's signature can tell.
    let mut e = entries(&s.bundle);
    let inspections = entry(&mut e, "records/inspections.json");
    let mut records: Vec<serde_json::Value> = serde_json::from_slice(inspections).unwrap();
    let last = records.last_mut().unwrap();
    let serial = last["inspection"]["serial"].as_str().unwrap().to_string();
    last["inspection"]["bureau"] = "冒名顶替".into();
    *inspections = serde_json::to_vec(&records).unwrap();
    let (hash, size) = (sha256_hex(inspections), inspections.len());
    resign(&mut e, &signing_key(&s.field), |m| {
        m["entries"]["records/inspections.json"] =
            serde_json::json!({ "sha256": hash, "size": size });
    });
    let altered = s.path("altered.shian");
    write_entries(&altered, &e);

    let before = dump(&s.office, &[]);
    for dry in [true, false] {
        let mut cmd = shian_en(&s.office);
        cmd.arg("import").arg(&altered);
        if dry {
            cmd.arg("--dry-run");
        }
        let out = cmd.output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "imported (dry run: {dry})");
        assert!(stderr.contains(&serial), "the record is named: {stderr}");
    }
    assert_eq!(before, dump(&s.office, &[]));

    // The bundle as exported: every record in, once.
    let dry = stdout(
        shian_en(&s.office)
            .arg("import")
            .arg(&s.bundle)
            .arg("--dry-run"),
    );
    assert_eq!(before, dump(&s.office, &[]), "a dry run writes nothing");
    let out = stdout(shian_en(&s.office).arg("import").arg(&s.bundle));
    // The same plan, to the last line before "dry run" / "imported".
    let plan = |text: &str| {
        text.lines()
            .skip(1)
            .collect::<Vec<_>>()
            .split_last()
            .unwrap()
            .1
            .join("\n")
    };
    assert_eq!(plan(&dry), plan(&out));
    assert!(out.contains("inspections: new 1100"), "{out}");
    assert_eq!(count(&s.office, "inspections"), finals);
    assert_eq!(
        count(&s.office, "answers"),
        count(
            &s.field,
            "answers JOIN inspections ON id = inspection_id WHERE status = 'final'"
        )
    );
}

/// A batch is written while the next one is checked (issue 20); what is refused, and which
/// refusal is told, stays as if each batch were checked and written in turn: a record of the
/// first batch that cannot go in (its establishment is nowhere) is named, not the altered
/// record of a later batch that was checked before the first batch was written.
#[test]
fn the_refusal_told_is_the_first_in_the_bundle_though_batches_overlap() {
    let s = FieldAndOffice::new(40, INSPECTIONS, 11);
    let mut e = entries(&s.bundle);
    let inspections = entry(&mut e, "records/inspections.json");
    let mut records: Vec<serde_json::Value> = serde_json::from_slice(inspections).unwrap();
    // In the first batch (500 records): the establishment it names leaves the bundle.
    let gone = records[100]["inspection"]["establishment_id"]
        .as_str()
        .unwrap()
        .to_string();
    // In the second batch: altered after it was signed.
    let altered_serial = records[700]["inspection"]["serial"]
        .as_str()
        .unwrap()
        .to_string();
    records[700]["inspection"]["bureau"] = "冒名顶替".into();
    *inspections = serde_json::to_vec(&records).unwrap();
    let (hash, size) = (sha256_hex(inspections), inspections.len());
    let revisions = entry(&mut e, "records/establishment_revisions.json");
    let mut kept: Vec<serde_json::Value> = serde_json::from_slice(revisions).unwrap();
    kept.retain(|r| r["establishment_id"] != gone.as_str());
    *revisions = serde_json::to_vec(&kept).unwrap();
    let (rev_hash, rev_size, rev_count) = (sha256_hex(revisions), revisions.len(), kept.len());
    resign(&mut e, &signing_key(&s.field), |m| {
        m["entries"]["records/inspections.json"] =
            serde_json::json!({ "sha256": hash, "size": size });
        m["entries"]["records/establishment_revisions.json"] =
            serde_json::json!({ "sha256": rev_hash, "size": rev_size });
        m["counts"]["establishment_revisions"] = rev_count.into();
    });
    let both = s.path("both.shian");
    write_entries(&both, &e);

    let before = dump(&s.office, &[]);
    let out = shian_en(&s.office)
        .arg("import")
        .arg(&both)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        stderr.contains(&gone),
        "the missing establishment: {stderr}"
    );
    assert!(!stderr.contains(&altered_serial), "{stderr}");
    assert_eq!(before, dump(&s.office, &[]));

    // Without the first batch's fault, the altered record of the second is what is told.
    let mut e = entries(&s.bundle);
    let inspections = entry(&mut e, "records/inspections.json");
    *inspections = serde_json::to_vec(&records).unwrap();
    resign(&mut e, &signing_key(&s.field), |m| {
        m["entries"]["records/inspections.json"] =
            serde_json::json!({ "sha256": hash, "size": size });
    });
    let altered = s.path("altered.shian");
    write_entries(&altered, &e);
    let out = shian_en(&s.office)
        .arg("import")
        .arg(&altered)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(stderr.contains(&altered_serial), "{stderr}");
    assert_eq!(before, dump(&s.office, &[]));
}
