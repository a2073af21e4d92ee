//! The store on real SQLite files: opening and migrating, inspections and their answers, the
//! queries the screens and reports run, and what the sync marks hold.

#[path = "../support/mod.rs"]
mod support;

mod imported_checklist_answers;
mod inspections;
mod local_dates;
mod open;
mod query_plans;
mod records_page;
mod rectification_cases;
mod sign_off;
mod unexported;
