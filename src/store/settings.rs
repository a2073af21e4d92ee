//! The station's settings (docs/settings.md): the ones a person reads and sets, each a variant of
//! [`Setting`], and the store's own bookkeeping keys, which never leave this module's callers in
//! `store/`.

use rusqlite::{Connection, OptionalExtension};

use super::{Result, Store};
use crate::domain::codes::codes;

codes! {
    /// A setting a person may read and set, by its key in the `settings` table.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Setting {
        /// The inspector's name, on the record form.
        InspectorName => "inspector_name",
        /// The inspector's 执法证号.
        InspectorBadge => "inspector_badge",
        /// The inspecting authority on the record form.
        Bureau => "bureau",
        /// The last second inspector, filled in on the next review.
        ColleagueName => "colleague_name",
        ColleagueBadge => "colleague_badge",
        /// Inspections a year by risk grade (`domain::frequencies`).
        Frequencies => "inspection_frequency",
        /// The screens' default folders.
        BundleFolder => "tui.bundle_folder",
        ReportFolder => "tui.report_folder",
    }
}

/// The frequencies' key before the home screen and the summary shared one.
const OLD_FREQUENCIES: &str = "report.frequencies";

impl Store {
    pub fn setting(&self, setting: Setting) -> Result<Option<String>> {
        get(&self.conn, setting.code())
    }

    pub fn set_setting(&self, setting: Setting, value: &str) -> Result<()> {
        put(&self.conn, setting.code(), value)
    }

    /// The district's inspection frequencies as set (docs/settings.md): the one setting, else
    /// the summary's key from before the home screen and the summary shared one.
    pub fn frequencies_text(&self) -> Result<Option<String>> {
        match self.setting(Setting::Frequencies)? {
            Some(text) => Ok(Some(text)),
            None => get(&self.conn, OLD_FREQUENCIES),
        }
    }
}

/// A value by key: the settings above, or one of the store's own keys.
pub(super) fn get(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

pub(super) fn put(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, value],
    )?;
    Ok(())
}

/// The key that holds this station's own public key (hex), as its records are signed.
pub(super) const OWN_PUBLIC_KEY: &str = "station_public_key";

/// Remembers this station's public key, so its own records that come back through the office
/// are known as its own (docs/trust.md).
pub(super) fn remember_own_key(conn: &Connection, public_key: &str) -> Result<()> {
    put(conn, OWN_PUBLIC_KEY, public_key)
}
