//! What the office's screens (issue 14) send the shell and get back, beside `msg.rs`.

/// An inspector as typed on the office's screen, before the rules of the list check it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InspectorFields {
    pub name: String,
    pub badge: String,
    pub unit: String,
    pub station: String,
    pub towns: String,
}

/// What just changed on the inspectors list, for the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InspectorChange {
    Added(String),
    Retired(String),
}
