//! One folder per screen (its state and keys in `mod.rs`, its drawing in `view.rs`, its parts
//! beside them), or one file for a small screen.

pub mod draws;
pub mod form;
pub mod home;
pub mod inspectors;
pub mod records;
pub mod report;
pub mod roster;
pub mod sync;
pub mod welcome;
