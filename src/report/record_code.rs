//! The short record code printed on every page of a record form: it ties the paper to the record
//! in the database (docs/reports.md), so `shian report verify` can tell a true print from a
//! wrong or changed one.

use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::store::{InspectionRecord, PhotoBytes};

/// How many hex digits of the SHA-256 are printed: 48 bits, enough that a wrong paper or a
/// changed record is caught, short enough to read out on the phone.
pub const CODE_LEN: usize = 12;

/// The record code: the first 12 hex digits of the SHA-256 of the canonical JSON (object keys
/// sorted, no spaces) of the inspection as stored, its answers in item order, and its photos.
/// It covers everything the form prints about the record (docs/reports.md):
///
/// - A record that keeps the establishment's facts of its day (`inspection.establishment`, every
///   record finalized since shian keeps them) is covered with those facts, and each photo with
///   its file name, the caption under it on the form.
/// - A record from before keeps none and prints the roster's current facts; its code is made as
///   it always was (without the facts, the photos by item and hash only), so a paper printed
///   before still verifies, and a roster edit does not change it.
pub fn record_code(record: &InspectionRecord, photos: &[PhotoBytes]) -> String {
    let mut answers = record.answers.clone();
    answers.sort_by(|a, b| a.item_id.cmp(&b.item_id));
    let keeps_facts = record.inspection.establishment.is_some();
    let mut inspection = json!(record.inspection);
    if let (false, Value::Object(members)) = (keeps_facts, &mut inspection) {
        members.remove("establishment");
    }
    let mut photo_keys: Vec<Vec<&str>> = photos
        .iter()
        .map(|p| {
            let mut key = vec![p.item_id.as_str(), p.sha256.as_str()];
            if keeps_facts {
                key.push(p.file_name.as_str());
            }
            key
        })
        .collect();
    photo_keys.sort_unstable();
    let value = json!({
        "inspection": inspection,
        "answers": answers,
        "photos": photo_keys,
    });
    let mut canonical = String::new();
    write_canonical(&value, &mut canonical);
    let digest = hex::encode(Sha256::digest(canonical.as_bytes()));
    digest[..CODE_LEN].to_string()
}

pub(super) fn write_canonical(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (n, key) in keys.into_iter().enumerate() {
                if n > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(key.clone()).to_string());
                out.push(':');
                write_canonical(&map[key], out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (n, item) in items.iter().enumerate() {
                if n > 0 {
                    out.push(',');
                }
                write_canonical(item, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}
