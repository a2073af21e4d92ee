//! What the test binaries share. Each binary (`tests/<area>/main.rs`) includes this module whole
//! and uses part of it, hence the `dead_code` allowance.
#![allow(dead_code)]

pub mod bundle;
pub mod cli;
pub mod district;
pub mod forms;
pub mod planning;
pub mod pty;
pub mod store;
pub mod table;
