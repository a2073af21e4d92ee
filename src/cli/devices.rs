//! `shian identity export` and `shian devices list|trust|revoke`: which stations this one
//! accepts bundles from.

use super::out::outln;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use clap::Subcommand;

use super::{Context, Localized};
use crate::bundle::{self, PublicIdentity, identity_file::same_fingerprint};
use crate::i18n::Lang;
use crate::store::StationRow;

#[derive(Subcommand, Debug)]
pub enum DevicesCommand {
    /// List the stations this one knows.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Trust a station, from its identity file (shian identity export) or from one of its
    /// bundles. Compare the fingerprint with its user first.
    Trust {
        /// An identity file (.json) or a bundle (.shian).
        path: PathBuf,
        /// The fingerprint you compared; required when trusting from a bundle.
        #[arg(long, value_name = "FP")]
        fingerprint: Option<String>,
        /// Replace the known station with this code by the new key (when their codes collide).
        #[arg(long, value_name = "CODE")]
        replace: Option<String>,
    },
    /// Stop accepting bundles from a station.
    Revoke {
        /// The station code, as `devices list` shows it.
        code: String,
    },
}

/// `shian identity export PATH`: this station's public identity, for another station to trust.
pub fn export_identity(ctx: &Context, path: &Path, name: &str, office: bool) -> Result<()> {
    let identity = ctx.identity()?;
    let public = PublicIdentity::of(&identity, name, if office { "office" } else { "field" });
    let mut bytes = serde_json::to_vec_pretty(&public)?;
    bytes.push(b'\n');
    write_atomically(path, &bytes)?;
    let lang = ctx.lang;
    outln!(
        "{}: {}\n{}: {}\n{}: {}",
        lang.wrote(),
        path.display(),
        lang.station_code_label(),
        public.station,
        lang.key_fingerprint_label(),
        public.fingerprint
    )?;
    Ok(())
}

fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let tmp = path.with_extension("json.tmp");
    let mut file = std::fs::File::create(&tmp)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    drop(file);
    std::fs::rename(&tmp, path)?;
    crate::platform::sync_parent(path);
    Ok(())
}

pub fn run(ctx: &Context, cmd: DevicesCommand) -> Result<()> {
    let lang = ctx.lang;
    let store = ctx.open_store()?;
    match cmd {
        DevicesCommand::List { json } => {
            let stations = store.stations().localized(lang)?;
            if json {
                outln!("{}", serde_json::to_string_pretty(&stations)?)?;
                return Ok(());
            }
            for s in &stations {
                let state = if s.revoked_at.is_some() {
                    lang.revoked()
                } else if s.trusted {
                    lang.trusted()
                } else {
                    lang.not_trusted()
                };
                let fingerprint = bundle::identity_file::parse_key(&s.public_key)
                    .map(|k| crate::identity::fingerprint(&k))
                    .unwrap_or_default();
                outln!(
                    "{}\t{}\t{}\t{}\t{}",
                    s.code,
                    role(lang, &s.role),
                    state,
                    fingerprint,
                    s.name
                )?;
            }
            Ok(())
        }
        DevicesCommand::Trust {
            path,
            fingerprint,
            replace,
        } => {
            let row = station_from(ctx, &path, fingerprint.as_deref())?;
            // Codes are 24 bits of the key: a key that collides with a known station's code is
            // easy to make, and would take that station's place (docs/trust.md, rule 9).
            if let Some(known) = store
                .station_sharing_code(&row.code, &row.public_key)
                .localized(lang)?
                && replace.as_deref().map(str::to_ascii_uppercase) != Some(known.code.clone())
            {
                let known_fp = bundle::identity_file::parse_key(&known.public_key)
                    .map(|k| crate::identity::fingerprint(&k))
                    .unwrap_or_default();
                bail!(lang.code_taken(&row.code, &known_fp, &known.name));
            }
            store.trust_station(&row).localized(lang)?;
            let key = bundle::identity_file::parse_key(&row.public_key);
            let fp = key
                .map(|k| crate::identity::fingerprint(&k))
                .unwrap_or_default();
            outln!(
                "{} {} ({}) — {}: {fp}",
                lang.trusted_station(),
                row.code,
                role(lang, &row.role),
                lang.key_fingerprint(),
            )?;
            Ok(())
        }
        DevicesCommand::Revoke { code } => {
            let code = code.trim().to_ascii_uppercase();
            if !store
                .revoke_station(&code, &crate::bundle::now_text())
                .localized(lang)?
            {
                bail!("{}: {code}", lang.no_such_station());
            }
            outln!("{} {code}", lang.revoked_refused_from_now())?;
            Ok(())
        }
    }
}

fn role(lang: Lang, role: &str) -> &'static str {
    if role == "office" {
        lang.station_kind_office()
    } else {
        lang.station_kind_field()
    }
}

/// The station in an identity file or a bundle's manifest. A bundle's signature is checked, and
/// its fingerprint must be the one given; an identity file's must match when one is given.
fn station_from(ctx: &Context, path: &Path, fingerprint: Option<&str>) -> Result<StationRow> {
    let lang = ctx.lang;
    let head = std::fs::read(path).map(|b| b.into_iter().take(1).collect::<Vec<u8>>())?;
    let (row, fp) = if head.first() == Some(&b'{') {
        let bytes = std::fs::read(path)?;
        let id = PublicIdentity::parse(&bytes).map_err(|e| {
            anyhow::anyhow!(
                "{}: {} ({e})",
                path.display(),
                lang.not_shian_identity_file()
            )
        })?;
        let row = StationRow {
            code: id.station.clone(),
            public_key: id.public_key.clone(),
            name: id.name.clone(),
            role: id.role.clone(),
            trusted: true,
            added_at: bundle::now_text(),
            revoked_at: None,
        };
        (row, id.fingerprint)
    } else {
        let store = ctx.open_store()?;
        let (_, signer) = bundle::open_and_check_signer(&store, path)
            .map_err(|e| anyhow::anyhow!(lang.bundle_error(&e, "", None)))?;
        if fingerprint.is_none() {
            bail!(
                "{} {}\n  shian devices trust {} --fingerprint \"{}\"",
                lang.trusting_from_bundle_needs_fingerprint(),
                signer.fingerprint,
                path.display(),
                signer.fingerprint
            );
        }
        let fp = signer.fingerprint.clone();
        (signer.station_row(), fp)
    };
    if let Some(given) = fingerprint
        && !same_fingerprint(given, &fp)
    {
        bail!("{} {fp}", lang.fingerprints_differ_nothing_was_trusted());
    }
    Ok(row)
}
