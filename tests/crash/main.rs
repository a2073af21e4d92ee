//! Power cuts, full disks and busy databases: the real binary killed, starved or crowded, and
//! nothing saved lost or half-changed.

#[path = "../support/mod.rs"]
mod support;

mod busy_database;
mod disk_full;
mod kill_cli;
mod kill_export;
mod kill_tui;
mod two_writers;
