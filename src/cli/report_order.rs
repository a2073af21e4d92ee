//! `shian report order ID`: the 责令改正通知书 of a final record under a written order, through
//! `crate::report::render_order` (docs/reports.md).

use anyhow::{Result, bail};

use super::Localized;
use crate::i18n::Lang;
use crate::report::{self, ReportError};
use crate::store::Store;

/// The order's page, or a refusal naming the record and why it gives no order.
pub(super) fn order_html(store: &Store, key: &str, lang: Lang) -> Result<String> {
    let found = store.find_inspection(key).localized(lang)?;
    let record = store.inspection_record(&found.id).localized(lang)?;
    let photos = store.photo_bytes(&found.id).localized(lang)?;
    let serial = found.serial.clone().unwrap_or(found.id);
    match report::render_order(&record, &photos, lang) {
        Ok(html) => Ok(html),
        Err(ReportError::NoOrder(why)) => bail!("{serial}: {}", lang.no_order(why)),
        Err(e) => Err(e.into()),
    }
}
