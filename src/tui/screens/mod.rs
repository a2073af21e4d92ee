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

/// Every screen once: the `Screen` on display, and the one match that makes it a component.
/// A new screen is a line here and the route that opens it (docs/architecture.md).
macro_rules! screens {
    ($($(#[$doc:meta])* $variant:ident($state:ty),)*) => {
        /// The screen on display, its state boxed (they differ much in size).
        pub enum Screen {
            $($(#[$doc])* $variant(Box<$state>),)*
        }

        impl Screen {
            pub fn component(&self) -> &dyn Component {
                match self {
                    $(Screen::$variant(s) => s.as_ref(),)*
                }
            }

            pub fn component_mut(&mut self) -> &mut dyn Component {
                match self {
                    $(Screen::$variant(s) => s.as_mut(),)*
                }
            }
        }
    };
}

screens! {
    Welcome(WelcomeState),
    Home(HomeState),
    Roster(RosterState),
    Form(FormState),
    Review(ReviewState),
    Records(RecordsState),
    Record(RecordState),
    Establishment(EditState),
    Sync(SyncState),
    Report(ReportState),
    /// The office's inspectors list (issue 14).
    Inspectors(InspectorsState),
    /// The office's 双随机 draws (issue 14).
    Draws(DrawsState),
}
