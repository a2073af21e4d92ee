//! Reports: the printed record form, the period summary, and the workbook and CSV files.
//!
//! Renderers are pure: data in (what `store` gathered), bytes out. The command line writes the
//! files; nothing here touches the database or the file system.
//!
//! HTML is made with **askama**: templates are compiled into the binary and checked at build
//! time (a misspelled field is a compile error, not a blank on a printed legal form), they
//! need no files at run time, and every `{{ value }}` in an `.html` or `.svg` template is
//! HTML-escaped unless marked `|safe`. Only markup this module made itself (the SVG charts,
//! rendered by their own escaping template) is ever marked safe, so an establishment called
//! `<script>…` prints as text. minijinja would also escape by default, but parses templates at
//! run time and reports a wrong field only when a supervisor prints.

mod draw;
mod order;
mod record;
mod record_2022;
mod record_code;
mod summary;
mod summary_campaigns;
mod summary_cycle;
mod summary_html;
mod svg;
mod tables;
pub mod xlsx;

pub use crate::i18n::report::Labels;
pub use draw::{draw_csv, render_draw};
pub use order::{NoOrder, render_order};
pub use record::{RecordInput, render_records};
pub use record_code::record_code;
pub use summary::campaigns::{CampaignPlan, CampaignSection, campaign_sections};
pub use summary::{Frequencies, Summary};
pub use summary_html::render_summary;
pub use tables::{Cell, Table, csv_bytes, tables};
pub use xlsx::workbook_bytes;

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("template: {0}")]
    Template(#[from] askama::Error),
    #[error("workbook: {0}")]
    Workbook(#[from] rust_xlsxwriter::XlsxError),
    #[error("csv: {0}")]
    Csv(#[from] csv::Error),
    #[error("{0}")]
    NoOrder(#[from] NoOrder),
}

pub type Result<T> = std::result::Result<T, ReportError>;

/// The shared look of both HTML reports: A4, CJK fonts first, print-friendly.
pub(crate) const BASE_CSS: &str = include_str!("templates/base.css");
