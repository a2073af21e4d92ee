//! The public identity file (`shian identity export`): what another station needs to trust this
//! one. Office bundles carry the office's identity as records/identity.json in the same form.

use ed25519_dalek::VerifyingKey;
use serde::{Deserialize, Serialize};

use super::{BundleError, Result};
use crate::identity::{self, Identity};

pub const IDENTITY_FORMAT: &str = "shian-identity";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicIdentity {
    pub format: String,
    pub format_version: u32,
    pub station: String,
    /// The Ed25519 public key, 64 hexadecimal digits.
    pub public_key: String,
    /// For people to compare; recomputed from the key when read.
    pub fingerprint: String,
    #[serde(default)]
    pub name: String,
    /// `field` or `office`.
    #[serde(default = "field")]
    pub role: String,
}

fn field() -> String {
    "field".to_string()
}

impl PublicIdentity {
    pub fn of(identity: &Identity, name: &str, role: &str) -> PublicIdentity {
        PublicIdentity {
            format: IDENTITY_FORMAT.to_string(),
            format_version: 1,
            station: identity.station_code(),
            public_key: hex::encode(identity.public_key().as_bytes()),
            fingerprint: identity.fingerprint(),
            name: name.to_string(),
            role: role.to_string(),
        }
    }

    /// Parses and checks an identity: the key is a valid Ed25519 key and the station code is the
    /// one it derives. The fingerprint is recomputed, never taken from the file.
    pub fn parse(bytes: &[u8]) -> Result<PublicIdentity> {
        let bad = |detail: String| BundleError::BadRecord {
            entry: "identity".into(),
            detail,
        };
        let mut id: PublicIdentity =
            serde_json::from_slice(bytes).map_err(|e| bad(e.to_string()))?;
        if id.format != IDENTITY_FORMAT {
            return Err(bad(format!("format {:?}", id.format)));
        }
        let key = parse_key(&id.public_key).ok_or_else(|| bad("bad public key".into()))?;
        if identity::station_code(&key) != id.station {
            return Err(bad("station code does not match the key".into()));
        }
        if id.role != "field" && id.role != "office" {
            return Err(bad(format!("role {:?}", id.role)));
        }
        id.fingerprint = identity::fingerprint(&key);
        Ok(id)
    }
}

pub fn parse_key(hex_key: &str) -> Option<VerifyingKey> {
    let mut bytes = [0u8; 32];
    hex::decode_to_slice(hex_key, &mut bytes).ok()?;
    VerifyingKey::from_bytes(&bytes).ok()
}

/// Fingerprints compare without spaces and case, so a pasted one matches however it was typed.
pub fn same_fingerprint(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.chars()
            .filter(|c| !c.is_whitespace() && *c != '-' && *c != ':')
            .collect::<String>()
            .to_ascii_uppercase()
    };
    !norm(a).is_empty() && norm(a) == norm(b)
}
