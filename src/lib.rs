//! shian (食安巡查): on-site food-safety inspections, recorded offline and synced by signed bundles.
//!
//! A functional core (`domain`) inside an imperative shell (`store`, files, the command line).

// Every byte for the terminal goes through `cli/out.rs`, which cleans it (issue 16).
#![deny(clippy::print_stdout, clippy::print_stderr)]

// In layer order, from the core out (docs/architecture.md); a module uses only those above it.

/// Signing and checking records by their author (docs/trust.md).
pub mod authorship;
/// Bundles between stations (docs/bundle-format.md).
pub mod bundle;
/// Checklists read from a bureau's spreadsheet.
pub mod checklist_table;
/// The shipped checklists and the data folder's overrides.
pub mod checklists;
/// The headless subcommands.
pub mod cli;
/// A synthetic district for trying and measuring.
pub mod demo;
/// Types and rules of inspection; no I/O.
pub mod domain;
/// Entry points for the fuzz targets.
pub mod fuzzing;
/// Words in Chinese and English shared by the command line and the UI (`Lang`).
pub mod i18n;
pub mod i18n_bundle;
pub mod i18n_conflicts;
pub mod i18n_errors;
pub mod i18n_planning;
pub mod i18n_roster;
pub mod i18n_sign_off;
pub mod i18n_store;
pub mod i18n_trust;
/// The station's key pair and its code.
pub mod identity;
/// File permissions and opening files, where the platforms differ.
pub mod platform;
/// Record forms, summaries, workbooks and CSV.
pub mod report;
/// Roster CSV files (UTF-8 or GBK).
pub mod roster;
/// The SQLite store: the only module that writes SQL.
pub mod store;
/// Cleaning text for a terminal.
pub mod text;
/// The terminal UI.
pub mod tui;
