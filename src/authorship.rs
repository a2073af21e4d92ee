//! Who wrote a record: each record a station makes (a final inspection revision, an
//! establishment revision, an office decision on a rectification) is signed by that station's
//! key when it is made, and the signature travels with the record in every bundle. A relay
//! (laptop → district office → city office) carries the record without being able to change it
//! or claim it (docs/trust.md, docs/bundle-format.md section 6).
//!
//! What is signed is a *canonical* JSON text of the record: objects with their members sorted by
//! name, no whitespace, behind a line that names the kind of record, so a signature made for one
//! kind can never pass as another's. Pure: no I/O.

use ed25519_dalek::{Signature, Signer as _, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};

mod canonical;
mod map_key;

/// The signature of a record and the public key of the station that made it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordSignature {
    /// The author station's Ed25519 public key, 64 hexadecimal digits.
    pub key: String,
    /// The Ed25519 signature of the canonical payload, 128 hexadecimal digits.
    pub signature: String,
}

/// The kinds of signed records; the tag begins every payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordKind {
    Inspection,
    EstablishmentRevision,
    RectificationDecision,
}

impl RecordKind {
    fn tag(self) -> &'static str {
        match self {
            Self::Inspection => "shian-record/inspection/2",
            Self::EstablishmentRevision => "shian-record/establishment-revision/2",
            Self::RectificationDecision => "shian-record/rectification-decision/2",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AuthorshipError {
    #[error("the record carries no signature")]
    Unsigned,
    #[error("the author key is not an Ed25519 public key")]
    BadKey,
    #[error("the signature does not match the record: it was altered, or not made by its author")]
    BadSignature,
    #[error("the record cannot be written as JSON: {0}")]
    Unserializable(String),
}

/// The bytes a signature covers: the kind's tag, a newline, the canonical JSON of `record`.
pub fn payload<T: Serialize>(kind: RecordKind, record: &T) -> Result<Vec<u8>, AuthorshipError> {
    // An inspection with its answers is a few kilobytes.
    let mut out = Vec::with_capacity(8192);
    out.extend_from_slice(kind.tag().as_bytes());
    out.push(b'\n');
    canonical::write(record, &mut out)
        .map_err(|e| AuthorshipError::Unserializable(e.to_string()))?;
    Ok(out)
}

/// Signs `record` as `kind` with `key`.
pub fn sign<T: Serialize>(
    key: &SigningKey,
    kind: RecordKind,
    record: &T,
) -> Result<RecordSignature, AuthorshipError> {
    let bytes = payload(kind, record)?;
    Ok(RecordSignature {
        key: hex::encode(key.verifying_key().as_bytes()),
        signature: hex::encode(key.sign(&bytes).to_bytes()),
    })
}

/// Checks that `signature` was made over `record` as `kind` by the key it names. Who that key
/// belongs to, and whether it may write this record, is the caller's question.
pub fn verify<T: Serialize>(
    signature: &RecordSignature,
    kind: RecordKind,
    record: &T,
) -> Result<VerifyingKey, AuthorshipError> {
    let key = author_key(&signature.key).ok_or(AuthorshipError::BadKey)?;
    let mut sig = [0u8; 64];
    hex::decode_to_slice(&signature.signature, &mut sig)
        .map_err(|_| AuthorshipError::BadSignature)?;
    let bytes = payload(kind, record)?;
    key.verify_strict(&bytes, &Signature::from_bytes(&sig))
        .map_err(|_| AuthorshipError::BadSignature)?;
    Ok(key)
}

/// [`parse_key`], remembering the last key parsed on this thread: the records of a bundle
/// nearly all name one author, and each parse decompresses the point, a square root (2–3 % of
/// a district year's import, issue 20). The same digits always give the same key.
fn author_key(hex_key: &str) -> Option<VerifyingKey> {
    thread_local! {
        static LAST: std::cell::RefCell<Option<(String, VerifyingKey)>> =
            const { std::cell::RefCell::new(None) };
    }
    LAST.with_borrow_mut(|last| {
        if let Some((text, key)) = last.as_ref()
            && text == hex_key
        {
            return Some(*key);
        }
        let key = parse_key(hex_key)?;
        *last = Some((hex_key.to_string(), key));
        Some(key)
    })
}

/// A public key from its 64 hexadecimal digits.
pub fn parse_key(hex_key: &str) -> Option<VerifyingKey> {
    let mut bytes = [0u8; 32];
    hex::decode_to_slice(hex_key, &mut bytes).ok()?;
    VerifyingKey::from_bytes(&bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    #[derive(Serialize)]
    struct Rec {
        zeta: u32,
        alpha: &'static str,
        nested: serde_json::Value,
    }

    fn key(n: u8) -> SigningKey {
        SigningKey::from_bytes(&[n; 32])
    }

    #[test]
    fn the_payload_sorts_members_and_names_the_kind() {
        let rec = Rec {
            zeta: 1,
            alpha: "鲅鱼圈",
            nested: serde_json::json!({"b": [1, {"d": null, "c": 2.5}], "a": true}),
        };
        let bytes = payload(RecordKind::Inspection, &rec).unwrap();
        assert_eq!(
            String::from_utf8(bytes).unwrap(),
            "shian-record/inspection/2\n\
             {\"alpha\":\"鲅鱼圈\",\"nested\":{\"a\":true,\"b\":[1,{\"c\":2.5,\"d\":null}]},\"zeta\":1}"
        );
    }

    #[test]
    fn the_remembered_key_is_the_one_named() {
        let [a, b] = [key(1), key(2)].map(|k| hex::encode(k.verifying_key().as_bytes()));
        for text in [&a, &b, &b, &a, &"00".repeat(31), &a] {
            assert_eq!(author_key(text), parse_key(text));
        }
        assert_eq!(author_key("not hex"), None);
    }

    #[test]
    fn a_signature_holds_only_for_its_record_kind_and_key() {
        let rec = Rec {
            zeta: 7,
            alpha: "a",
            nested: Value::Null,
        };
        let sig = sign(&key(1), RecordKind::Inspection, &rec).unwrap();
        assert!(verify(&sig, RecordKind::Inspection, &rec).is_ok());
        assert_eq!(
            verify(&sig, RecordKind::EstablishmentRevision, &rec),
            Err(AuthorshipError::BadSignature)
        );
        let altered = Rec { zeta: 8, ..rec };
        assert_eq!(
            verify(&sig, RecordKind::Inspection, &altered),
            Err(AuthorshipError::BadSignature)
        );
        // Another station's key in place of the author's.
        let other = RecordSignature {
            key: hex::encode(key(2).verifying_key().as_bytes()),
            ..sig
        };
        assert_eq!(
            verify(&other, RecordKind::Inspection, &altered),
            Err(AuthorshipError::BadSignature)
        );
    }
}
