//! The terminal UI end to end: the real binary in a pseudo-terminal, its screen read back.

#[path = "../support/mod.rs"]
mod support;

mod hostile_text;
mod no_terminal;
mod progress_bars;
mod pty;
mod pty_follow_up;
