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

use super::component::Component;
use draws::DrawsState;
use form::FormState;
use form::review::ReviewState;
use home::HomeState;
use inspectors::InspectorsState;
use records::RecordsState;
use records::record::RecordState;
use report::ReportState;
use roster::RosterState;
use roster::establishment::EditState;
use sync::SyncState;
use welcome::WelcomeState;

pub enum Screen {
    Welcome(WelcomeState),
    Home(HomeState),
    Roster(RosterState),
    Form(Box<FormState>),
    Review(Box<ReviewState>),
    Records(RecordsState),
    Record(Box<RecordState>),
    Establishment(Box<EditState>),
    Sync(Box<SyncState>),
    Report(Box<ReportState>),
    /// The office's inspectors list (issue 14).
    Inspectors(Box<InspectorsState>),
    /// The office's 双随机 draws (issue 14).
    Draws(Box<DrawsState>),
}

impl Screen {
    /// The screen as a component: the one match over the screens (docs/architecture.md).
    pub fn component(&self) -> Option<&dyn Component> {
        match self {
            Screen::Home(s) => Some(s),
            Screen::Welcome(s) => Some(s),
            Screen::Inspectors(s) => Some(s.as_ref()),
            Screen::Draws(s) => Some(s.as_ref()),
            Screen::Report(s) => Some(s.as_ref()),
            Screen::Sync(s) => Some(s.as_ref()),
            _ => None,
        }
    }

    pub fn component_mut(&mut self) -> Option<&mut dyn Component> {
        match self {
            Screen::Home(s) => Some(s),
            Screen::Welcome(s) => Some(s),
            Screen::Inspectors(s) => Some(s.as_mut()),
            Screen::Draws(s) => Some(s.as_mut()),
            Screen::Report(s) => Some(s.as_mut()),
            Screen::Sync(s) => Some(s.as_mut()),
            _ => None,
        }
    }
}
