//! Types and rules of food-safety inspection. No I/O, and nothing else of the crate.

pub mod checklist;
pub mod establishment;
pub mod final_check;
pub mod frequencies;
pub mod inspection;
pub mod outcome;
pub mod planning;
