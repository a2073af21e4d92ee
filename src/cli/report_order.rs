//! `shian report order ID`: the 责令改正通知书 of a final record under a written order, through
//! `crate::report::render_order` (docs/reports.md).

use anyhow::{Result, bail};

use super::Localized;
use crate::i18n::Lang;
use crate::report::{self, NoOrder, ReportError};
use crate::store::Store;

/// The order's page, or a refusal naming the record and why it gives no order.
pub(super) fn order_html(store: &Store, key: &str, lang: Lang) -> Result<String> {
    let found = store.find_inspection(key).localized(lang)?;
    let record = store.inspection_record(&found.id).localized(lang)?;
    let photos = store.photo_bytes(&found.id).localized(lang)?;
    let serial = found.serial.clone().unwrap_or(found.id);
    match report::render_order(&record, &photos, lang) {
        Ok(html) => Ok(html),
        Err(ReportError::NoOrder(why)) => bail!("{serial}: {}", no_order(why, lang)),
        Err(e) => Err(e.into()),
    }
}

pub(crate) fn no_order(why: NoOrder, lang: Lang) -> &'static str {
    match why {
        NoOrder::NotFinal => lang.pick(
            "记录尚未定稿，定稿后才能打印责令改正通知书",
            "the record is not final: an order is printed once it is",
        ),
        NoOrder::NotWritten => lang.pick(
            "结果处理不是书面限期整改，没有责令改正通知书",
            "the handling is not a written order with a deadline: there is no order to print",
        ),
    }
}
