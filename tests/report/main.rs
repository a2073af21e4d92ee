//! The printed reports: golden HTML, the record forms and the summary on real stores, and the
//! PDF a real browser prints.

#[path = "../support/mod.rs"]
mod support;

mod browser;
mod golden;
mod hostile;
mod record_attached_page;
mod record_snapshot;
mod summary_cycle;
