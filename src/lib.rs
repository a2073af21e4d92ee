//! shian (食安巡查): on-site food-safety inspections, recorded offline and synced by signed bundles.
//!
//! A functional core (`domain`) inside an imperative shell (`store`, files, the command line).

// Every byte for the terminal goes through `cli/out.rs`, which cleans it (issue 16).
#![deny(clippy::print_stdout, clippy::print_stderr)]

// In layer order, from the core out (docs/architecture.md): a module uses only those above it.
// Each is its own group, so that rustfmt keeps this order.

/// Types and rules of inspection; no I/O.
pub mod domain;

/// Cleaning text for a terminal.
pub mod text;

/// File permissions and opening files, where the platforms differ.
pub mod platform;

/// The station's key pair and its code.
pub mod identity;

/// Signing and checking records by their author (docs/trust.md).
pub mod authorship;

/// The shipped checklists and the data folder's overrides.
pub mod checklists;

/// Roster CSV files (UTF-8 or GBK).
pub mod roster;

/// The SQLite store: the only module that writes SQL.
pub mod store;

/// Bundles between stations (docs/bundle-format.md).
pub mod bundle;

/// Every word in Chinese and English (`Lang`): the domain's, every layer's errors, the reports',
/// the UI's and the command line's. Its word tables need only `Lang`; its error parts name the
/// error they translate, so four of them point at modules listed below (`checklist_table`,
/// `report`, `planning`), whose messages they are (docs/architecture.md).
pub mod i18n;

/// Checklists read from a bureau's spreadsheet.
pub mod checklist_table;

/// Record forms, summaries, workbooks and CSV.
pub mod report;

/// The office's planning acts (draws, the inspectors list) shared by the command line and the
/// UI (docs/planning.md).
pub mod planning;

/// A synthetic district for trying and measuring.
pub mod demo;

/// Entry points for the fuzz targets.
pub mod fuzzing;

/// The headless subcommands.
pub mod cli;

/// The terminal UI.
pub mod tui;
