//! Small station settings (the inspector's name, the bureau), as text by key.

use rusqlite::OptionalExtension;

use super::{Result, Store};

impl Store {
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    pub fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )?;
        Ok(())
    }

    /// The district's inspection frequencies as set (docs/settings.md): the one setting, else
    /// the summary's key from before the home screen and the summary shared one.
    pub fn frequencies_text(&self) -> Result<Option<String>> {
        use crate::domain::frequencies::Frequencies;
        match self.setting(Frequencies::SETTING)? {
            Some(text) => Ok(Some(text)),
            None => self.setting(Frequencies::OLD_SETTING),
        }
    }
}

/// The setting that holds this station's own public key (hex), as its records are signed.
pub(super) const OWN_PUBLIC_KEY: &str = "station_public_key";

/// Remembers this station's public key, so its own records that come back through the office
/// are known as its own (docs/trust.md).
pub(super) fn remember_own_key(conn: &rusqlite::Connection, public_key: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [OWN_PUBLIC_KEY, public_key],
    )?;
    Ok(())
}
