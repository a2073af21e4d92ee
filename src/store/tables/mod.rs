//! The store's tables, one file each (with the rules of writing them): establishments and their
//! revisions and conflicts, inspections and their answers and sign-off, checklists,
//! rectifications, photos, stations, decisions and the office's planning.

pub(super) mod attachments;
pub(super) mod checklists;
pub(super) mod conflicts;
pub(super) mod decisions;
pub(super) mod establishments;
pub(super) mod finalize;
pub(super) mod inspection_rows;
pub(super) mod inspections;
pub(super) mod planning;
pub(super) mod planning_tags;
pub(super) mod rectifications;
pub(super) mod revisions;
pub(super) mod stations;
