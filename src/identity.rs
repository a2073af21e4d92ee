//! The station's identity: an Ed25519 key pair made on first use, kept in the data folder with
//! owner-only permissions. The station code (in serial numbers) derives from the public key.

use std::path::{Path, PathBuf};

use ed25519_dalek::{SigningKey, VerifyingKey};
use sha2::{Digest, Sha256};

use crate::platform;

pub const KEY_FILE: &str = "station.key";

#[derive(Debug, thiserror::Error)]
pub enum IdentityError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: not a station key (expected 64 hexadecimal digits)")]
    Damaged { path: PathBuf },
    #[error("the system's random number source failed: {0}")]
    Random(String),
}

pub struct Identity {
    key: SigningKey,
}

impl Identity {
    /// Loads the station key from `data_dir`, making one if there is none.
    pub fn load_or_create(data_dir: &Path) -> Result<Identity, IdentityError> {
        let path = data_dir.join(KEY_FILE);
        let io = |source| IdentityError::Io {
            path: path.clone(),
            source,
        };
        let mut secret = [0u8; 32];
        if !path.exists() {
            std::fs::create_dir_all(data_dir).map_err(io)?;
            getrandom::fill(&mut secret).map_err(|e| IdentityError::Random(e.to_string()))?;
            let created =
                platform::create_private_file(&path, hex::encode(secret).as_bytes()).map_err(io)?;
            if created {
                return Ok(Identity {
                    key: SigningKey::from_bytes(&secret),
                });
            }
            // Another process made the key first: use its key.
        }
        let text = std::fs::read_to_string(&path).map_err(io)?;
        hex::decode_to_slice(text.trim(), &mut secret)
            .map_err(|_| IdentityError::Damaged { path: path.clone() })?;
        Ok(Identity {
            key: SigningKey::from_bytes(&secret),
        })
    }

    /// An identity from a known secret: tests and benchmarks that need stable stations.
    pub fn from_secret(secret: [u8; 32]) -> Identity {
        Identity {
            key: SigningKey::from_bytes(&secret),
        }
    }

    pub fn public_key(&self) -> VerifyingKey {
        self.key.verifying_key()
    }

    /// Six letters and digits naming this station in serial numbers, e.g. `3FA9C2`.
    pub fn station_code(&self) -> String {
        station_code(&self.public_key())
    }

    /// The SHA-256 of the public key in groups of four, for people to compare by eye.
    pub fn fingerprint(&self) -> String {
        fingerprint(&self.public_key())
    }

    pub fn signing_key(&self) -> &SigningKey {
        &self.key
    }
}

pub fn station_code(key: &VerifyingKey) -> String {
    hex::encode_upper(&Sha256::digest(key.as_bytes())[..3])
}

pub fn fingerprint(key: &VerifyingKey) -> String {
    let digest = hex::encode_upper(Sha256::digest(key.as_bytes()));
    digest
        .as_bytes()
        .chunks(4)
        .take(8)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_is_made_once_owner_only_and_kept() {
        let dir = tempfile::tempdir().expect("tempdir");
        let first = Identity::load_or_create(dir.path()).expect("create");
        let again = Identity::load_or_create(dir.path()).expect("load");
        assert_eq!(first.public_key(), again.public_key());
        assert_eq!(first.station_code().len(), 6);
        let path = dir.path().join(KEY_FILE);
        assert!(!platform::readable_by_others(&path).expect("metadata"));
    }

    #[test]
    fn racing_processes_agree_on_one_key() {
        let dir = tempfile::tempdir().expect("tempdir");
        let keys: Vec<VerifyingKey> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..8)
                .map(|_| s.spawn(|| Identity::load_or_create(dir.path()).map(|i| i.public_key())))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("thread").expect("identity"))
                .collect()
        });
        assert!(keys.windows(2).all(|w| w[0] == w[1]));
        let leftovers = std::fs::read_dir(dir.path()).expect("dir").count();
        assert_eq!(leftovers, 1, "only station.key remains");
    }
}
