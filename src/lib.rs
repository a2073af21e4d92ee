//! shian (食安巡查): on-site food-safety inspections, recorded offline and synced by signed bundles.
//!
//! A functional core (`domain`) inside an imperative shell (`store`, files, the command line).

// Every byte for the terminal goes through `cli/out.rs`, which cleans it (issue 16).
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod authorship;
pub mod bundle;
pub mod checklist_table;
pub mod checklists;
pub mod cli;
pub mod demo;
pub mod domain;
pub mod fuzzing;
pub mod i18n;
pub mod i18n_bundle;
pub mod i18n_planning;
pub mod i18n_roster;
pub mod i18n_store;
pub mod i18n_trust;
pub mod identity;
pub mod platform;
pub mod report;
pub mod roster;
pub mod store;
pub mod text;
pub mod tui;
