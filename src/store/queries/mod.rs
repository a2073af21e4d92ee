//! What the screens and reports read: the home screen, lists of inspections, a period's
//! figures, rectification histories, and the list of queries whose plans are checked.

pub(super) mod home;
pub(super) mod inspection_lists;
pub(super) mod plans;
pub(super) mod rectification_cases;
pub(super) mod report_sql;
pub(super) mod reports;
