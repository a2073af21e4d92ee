//! One file per screen: its state, its keys and its drawing.

pub mod conflicts;
pub mod establishment;
pub mod form;
pub mod form_edit;
pub mod form_follow_up;
pub mod form_keys;
pub mod form_section;
pub mod form_view;
pub mod home;
pub mod home_tasks;
pub mod record;
pub mod records;
pub mod records_range;
pub mod report;
pub mod report_view;
pub mod review;
pub mod review_kept;
pub mod review_missing;
pub mod review_outcome;
pub mod review_view;
pub mod roster;
pub mod roster_chooser;
pub mod roster_filter;
pub mod sync;
pub mod sync_view;
pub mod welcome;
