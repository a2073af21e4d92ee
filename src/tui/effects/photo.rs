//! The shell's side of attaching a photo: the file checked, then its bytes stored once by
//! SHA-256.

use chrono::Utc;

use crate::i18n::tui::Text;
use crate::tui::app::Action;
use crate::tui::log;

use super::{Failure, Shell};

use crate::store::MAX_PHOTO_BYTES;

impl Shell {
    /// Copies a photo into the store; a missing, unreadable, too large or non-photo file (by its
    /// content: JPEG, PNG, HEIC or WebP) is refused with a message saying which.
    pub(super) fn attach_photo(
        &mut self,
        inspection_id: &str,
        item_id: &str,
        path: &str,
    ) -> Result<Vec<Action>, Failure> {
        let t = Text(self.lang);
        let file = crate::tui::paths::expand(path);
        let refuse = |why: &str| Failure::Text(format!("{}: {why}", file.display()));
        let meta = std::fs::metadata(&file).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => refuse(t.no_such_file()),
            _ => refuse(&format!("{}: {e}", t.unreadable_file())),
        })?;
        if !meta.is_file() {
            return Err(refuse(t.no_such_file()));
        }
        if meta.len() > MAX_PHOTO_BYTES {
            return Err(refuse(t.photo_too_large()));
        }
        let bytes =
            std::fs::read(&file).map_err(|e| refuse(&format!("{}: {e}", t.unreadable_file())))?;
        // The content decides, not the name: a text file renamed `fake.jpg` is no photo, and a
        // HEIC photo saved as `.jpg` is one (issue 15, item 6). The store checks it again.
        let media_type =
            crate::store::photo_media_type(&bytes).ok_or_else(|| refuse(t.not_a_photo()))?;
        let file_name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let sha256 = self.store.attach_photo(
            inspection_id,
            item_id,
            &file_name,
            media_type,
            &bytes,
            Utc::now(),
        )?;
        log::info(&format!("photo {sha256} on {inspection_id}/{item_id}"));
        Ok(vec![Action::PhotoAttached(crate::store::Photo {
            item_id: item_id.to_string(),
            sha256,
            file_name,
        })])
    }
}
