//! Types and rules of food-safety inspection. No I/O, and nothing else of the crate.

pub mod checklist;
pub(crate) mod codes;
pub mod establishment;
pub mod establishment_merge;
pub mod final_check;
pub mod frequencies;
pub mod inspection;
pub mod outcome;
pub mod planning;
pub mod rectification;
pub mod rectification_cycle;
pub mod sign_off;
pub mod utc_text;
