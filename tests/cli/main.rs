//! The command line as a user meets it: the real binary on real data folders, its help, its
//! messages, and the files it reads (rosters, checklists, tables, campaigns).

#[path = "../support/mod.rs"]
mod support;

mod checklist_library;
mod checklists_import;
mod foundation;
mod fuzz_regressions;
mod help_and_manual;
mod hostile_csv;
mod inspections_follow_ups;
mod pipe;
mod planning_campaigns;
mod planning_tasks;
mod roster_rules;
mod settings;
mod terminal_bytes;
