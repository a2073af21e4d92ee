//! manifest.json: what the bundle is, who made it, and the SHA-256 of every other entry.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{BundleError, BundleKind, FORMAT_NAME, FORMAT_VERSION, OLDEST_FORMAT_VERSION, Result};

pub const MANIFEST: &str = "manifest.json";
pub const SIGNATURE: &str = "manifest.sig";

/// The station that made and signed the bundle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub station: String,
    /// The Ed25519 public key, 64 hexadecimal digits.
    pub public_key: String,
    #[serde(default)]
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntryDigest {
    pub sha256: String,
    pub size: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub format: String,
    pub format_version: u32,
    pub bundle_id: String,
    pub kind: BundleKind,
    pub source: Source,
    pub created_at: String,
    /// Records per kind, as in records/*.json.
    pub counts: BTreeMap<String, u64>,
    /// Every entry except manifest.json and manifest.sig, by name.
    pub entries: BTreeMap<String, EntryDigest>,
}

impl Manifest {
    pub fn new(
        kind: BundleKind,
        source: Source,
        counts: BTreeMap<String, u64>,
        entries: BTreeMap<String, EntryDigest>,
    ) -> Manifest {
        Manifest {
            format: FORMAT_NAME.to_string(),
            format_version: FORMAT_VERSION,
            bundle_id: uuid::Uuid::now_v7().to_string(),
            kind,
            source,
            created_at: super::now_text(),
            counts,
            entries,
        }
    }

    /// Parses manifest bytes: the format name and version first, so a newer bundle is reported
    /// as newer rather than as damaged.
    pub fn parse(bytes: &[u8]) -> Result<Manifest> {
        let value: serde_json::Value =
            serde_json::from_slice(bytes).map_err(|e| BundleError::BadManifest(e.to_string()))?;
        let format = value.get("format").and_then(|f| f.as_str()).unwrap_or("");
        if format != FORMAT_NAME {
            return Err(BundleError::NotShian(format.to_string()));
        }
        let version = value
            .get("format_version")
            .and_then(|v| v.as_u64())
            .ok_or_else(|| BundleError::BadManifest("no format_version".into()))?;
        if version > u64::from(FORMAT_VERSION) {
            return Err(BundleError::NewerFormat {
                found: version,
                known: FORMAT_VERSION,
            });
        }
        if version < u64::from(OLDEST_FORMAT_VERSION) {
            return Err(BundleError::OlderFormat {
                found: version,
                known: OLDEST_FORMAT_VERSION,
            });
        }
        // From the bytes, not the value above: a member named twice is refused (serde's derive
        // does, where a JSON value keeps the last one silently), and no map may name a key twice.
        refuse_duplicate_keys(bytes)?;
        let manifest: Manifest =
            serde_json::from_slice(bytes).map_err(|e| BundleError::BadManifest(e.to_string()))?;
        for name in manifest.entries.keys() {
            check_name(name)?;
            if name == MANIFEST || name == SIGNATURE {
                return Err(BundleError::BadManifest(format!("lists {name}")));
            }
        }
        Ok(manifest)
    }
}

/// Refuses JSON in which one object names a key twice, at any depth: readers disagree on which
/// of the two counts (issue 16), so neither does.
fn refuse_duplicate_keys(bytes: &[u8]) -> Result<()> {
    use serde::de::{Deserialize, Deserializer, Error, MapAccess, SeqAccess, Visitor};

    struct Strict;
    impl<'de> Deserialize<'de> for Strict {
        fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Strict, D::Error> {
            d.deserialize_any(StrictVisitor)
        }
    }
    struct StrictVisitor;
    impl<'de> Visitor<'de> for StrictVisitor {
        type Value = Strict;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("JSON")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<Strict, A::Error> {
            let mut keys = std::collections::BTreeSet::new();
            while let Some(key) = map.next_key::<String>()? {
                if !keys.insert(key.clone()) {
                    return Err(A::Error::custom(format!("the key {key:?} appears twice")));
                }
                map.next_value::<Strict>()?;
            }
            Ok(Strict)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<Strict, A::Error> {
            while seq.next_element::<Strict>()?.is_some() {}
            Ok(Strict)
        }
        fn visit_bool<E>(self, _: bool) -> std::result::Result<Strict, E> {
            Ok(Strict)
        }
        fn visit_i64<E>(self, _: i64) -> std::result::Result<Strict, E> {
            Ok(Strict)
        }
        fn visit_u64<E>(self, _: u64) -> std::result::Result<Strict, E> {
            Ok(Strict)
        }
        fn visit_f64<E>(self, _: f64) -> std::result::Result<Strict, E> {
            Ok(Strict)
        }
        fn visit_str<E>(self, _: &str) -> std::result::Result<Strict, E> {
            Ok(Strict)
        }
        fn visit_unit<E>(self) -> std::result::Result<Strict, E> {
            Ok(Strict)
        }
    }
    serde_json::from_slice::<Strict>(bytes)
        .map(|_| ())
        .map_err(|e| BundleError::BadManifest(e.to_string()))
}

/// Entry names a bundle may hold: the manifest, its signature, the known record files and
/// attachments named by their lowercase SHA-256. Anything else is refused by name, so no path
/// can be absolute or climb out with `..`.
pub fn check_name(name: &str) -> Result<()> {
    let unsafe_name = name.is_empty()
        || name.starts_with('/')
        || name.starts_with('\\')
        || name.contains('\\')
        || name.contains('\0')
        || name.contains(':')
        || name
            .split('/')
            .any(|part| part == ".." || part == "." || part.is_empty());
    if unsafe_name {
        return Err(BundleError::UnsafeName(name.to_string()));
    }
    let known = name == MANIFEST
        || name == SIGNATURE
        || super::records::RECORD_FILES.contains(&name)
        || name == super::records::IDENTITY
        || name == super::planning::ENTRY
        || name == super::planning::UNTAGGED
        || attachment_hash(name).is_some();
    if known {
        Ok(())
    } else {
        Err(BundleError::UnexpectedEntry(name.to_string()))
    }
}

/// The hash in `attachments/<sha256>`, when the name is one.
pub fn attachment_hash(name: &str) -> Option<&str> {
    let hash = name.strip_prefix("attachments/")?;
    (hash.len() == 64
        && hash
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)))
    .then_some(hash)
}

pub fn attachment_name(sha256: &str) -> String {
    format!("attachments/{sha256}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_outside_the_whitelist_are_refused() {
        for bad in [
            "../x",
            "/etc/passwd",
            "records/../manifest.json",
            "records//inspections.json",
            "a\\b",
            "C:/x",
            "",
        ] {
            assert!(
                matches!(check_name(bad), Err(BundleError::UnsafeName(_))),
                "{bad}"
            );
        }
        assert!(matches!(
            check_name("records/other.json"),
            Err(BundleError::UnexpectedEntry(_))
        ));
        assert!(check_name("records/inspections.json").is_ok());
        assert!(check_name(&attachment_name(&"ab".repeat(32))).is_ok());
        assert!(check_name(&attachment_name(&"AB".repeat(32))).is_err());
    }

    #[test]
    fn a_key_named_twice_is_refused_at_any_depth() {
        for text in [
            r#"{"a": 1, "a": 2}"#,
            r#"{"entries": {"records/inspections.json": {}, "records/inspections.json": {}}}"#,
            r#"[{"x": [{"k": 1, "k": 1}]}]"#,
        ] {
            assert!(
                matches!(refuse_duplicate_keys(text.as_bytes()), Err(BundleError::BadManifest(d)) if d.contains("appears twice")),
                "{text}"
            );
        }
        assert!(
            refuse_duplicate_keys(br#"{"a": {"a": [1, "a", null, true, 2.5]}, "b": -1}"#).is_ok()
        );
    }

    #[test]
    fn a_newer_format_is_reported_as_newer() {
        let bytes = br#"{"format":"shian-bundle","format_version":5,"whatever":1}"#;
        assert!(matches!(
            Manifest::parse(bytes),
            Err(BundleError::NewerFormat { found: 5, .. })
        ));
        // Version 1 carried no record signatures: refused by name, not as damage.
        let bytes = br#"{"format":"shian-bundle","format_version":1,"whatever":1}"#;
        assert!(matches!(
            Manifest::parse(bytes),
            Err(BundleError::OlderFormat { found: 1, .. })
        ));
        assert!(matches!(
            Manifest::parse(br#"{"format":"x"}"#),
            Err(BundleError::NotShian(_))
        ));
    }
}
