//! One inspection record, read-only as the printed form lays it out; `c` starts a correction.

pub mod tags;
mod view;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

use crate::domain::inspection::{InspectionKind, Status};
use crate::domain::outcome::Handling;
use crate::i18n::tui::Text;
use crate::store::InspectionRecord;
use crate::tui::app::{Action, Effect};
use crate::tui::command::Command;
use crate::tui::component::{Component, Context, Step};
use crate::tui::input::TextInput;
use crate::tui::keys::{
    DOWN, ESC, Keys, Line, MOVE, PAGE_DOWN, PAGE_UP, SPACE, TYPING_TEXT, UP, ch, short,
};
use crate::tui::route::Route;

pub struct RecordState {
    pub record: InspectionRecord,
    pub scroll: u16,
    /// Opened right after finalizing: Esc goes home rather than to the list.
    pub from_finalize: bool,
    /// The reason for a correction being typed (`c`).
    pub reason: Option<TextInput>,
    /// The campaigns it falls in, and whether it counts for each (record_tags.rs).
    pub tags: Vec<crate::store::CampaignTag>,
}

impl RecordState {
    pub fn new(record: InspectionRecord, from_finalize: bool) -> Self {
        RecordState {
            record,
            scroll: 0,
            from_finalize,
            reason: None,
            tags: Vec::new(),
        }
    }
}

impl RecordState {
    /// `c`: asks for the reason of a correction. A correction starts from the latest revision
    /// only, so revisions stay a chain; the message says why when it cannot start here.
    pub fn start_correction(&mut self) -> Option<fn(Text) -> &'static str> {
        if self.record.inspection.status != Status::Final {
            return Some(Text::draft_needs_no_correction);
        }
        if !self.record.superseded_by.is_empty() {
            return Some(Text::correct_the_latest);
        }
        self.reason = Some(TextInput::default());
        None
    }
}

/// The record read: its own keys, not the list's (issue 15, item 10).
const KEYS: Keys = Keys {
    lines: &[
        Line {
            what: Text::keys_scroll,
            ..MOVE
        },
        Line {
            keys: &[
                (PAGE_DOWN, Command::PageDown),
                (SPACE, Command::PageDown),
                (PAGE_UP, Command::PageUp),
            ],
            what: Text::keys_page,
        },
        crate::key_line!(
            Text::keys_correct_a_final_record,
            Command::Correct,
            [ch('c')]
        ),
        crate::key_line!(Text::keys_print_this_record, Command::Print, [ch('p')]),
        crate::key_line!(Text::keys_follow_up_record, Command::FollowUp, [ch('f')]),
        crate::key_line!(Text::keys_print_order, Command::PrintOrder, [ch('O')]),
        crate::key_line!(Text::keys_untag, Command::Untag, [ch('u')]),
        crate::key_line!(Text::keys_back, Command::Back, [ESC, ch('q')]),
    ],
    footer: &[
        short(&[UP, DOWN], Text::keys_scroll),
        short(&[ch('c')], Text::keys_correct),
        short(&[ESC], Text::keys_back),
    ],
};

/// Typing a correction's reason: letters are text.
const REASON_KEYS: Keys = TYPING_TEXT;

impl Component for RecordState {
    fn title(&self, t: Text) -> String {
        t.record().into()
    }

    fn keys(&self, _cx: &Context) -> &'static Keys {
        match self.reason {
            Some(_) => &REASON_KEYS,
            None => &KEYS,
        }
    }

    fn typing(&self) -> bool {
        self.reason.is_some()
    }

    fn on(&mut self, cx: &Context, command: Command) -> Step {
        let t = cx.t;
        if self.reason.is_some() {
            return self.on_reason(cx, command);
        }
        let i = &self.record.inspection;
        let is_final = i.status == Status::Final;
        match command {
            Command::Print if is_final => {
                return Step::go(Route::PrintRecords(vec![i.id.clone()]));
            }
            Command::PrintOrder if is_final => return Step::go(Route::PrintOrder(i.id.clone())),
            // A 复查 of a written order, on the order's checklist (issue 13).
            Command::FollowUp => {
                if !is_final || i.conclusion.handling != Some(Handling::RectifyByDeadline) {
                    return Step::info(t.no_order_to_follow_up());
                }
                return Step::effect(Effect::StartInspection {
                    establishment_id: i.establishment_id.clone(),
                    checklist_id: i.checklist_id.clone(),
                    kind: InspectionKind::FollowUp,
                });
            }
            Command::Untag => return tags::toggle(self, cx),
            Command::Correct => {
                if let Some(why) = self.start_correction() {
                    return Step::info(why(t));
                }
            }
            Command::Back if self.from_finalize => return Step::go(Route::Home),
            Command::Back => return Step::go(Route::Records),
            Command::Down => self.scroll = self.scroll.saturating_add(1),
            Command::Up => self.scroll = self.scroll.saturating_sub(1),
            Command::PageDown => self.scroll = self.scroll.saturating_add(10),
            Command::PageUp => self.scroll = self.scroll.saturating_sub(10),
            _ => {}
        }
        Step::none()
    }

    fn paste(&mut self, _cx: &Context, text: &str) -> Step {
        if let Some(reason) = &mut self.reason {
            reason.insert(text);
        }
        Step::none()
    }

    fn answer(&mut self, cx: &Context, action: &Action) -> Option<Step> {
        tags::answer(self, cx, action)
    }

    fn render(&self, cx: &Context, area: Rect, buf: &mut Buffer) -> Option<Position> {
        view::render(cx, self, area, buf)
    }
}

impl RecordState {
    /// A command while the reason of a correction is typed.
    fn on_reason(&mut self, cx: &Context, command: Command) -> Step {
        let Some(reason) = &mut self.reason else {
            return Step::none();
        };
        match command {
            Command::Back => self.reason = None,
            // An empty reason is refused with a word, not silently (issue 15, item 11).
            Command::Confirm if reason.text().trim().is_empty() => {
                return Step::error(cx.t.correction_reason_required());
            }
            Command::Confirm => {
                let effect = Effect::StartRevision {
                    final_id: self.record.inspection.id.clone(),
                    reason: reason.text().trim().to_string(),
                };
                self.reason = None;
                return Step::effect(effect);
            }
            Command::Input(typed) => {
                reason.handle_key(typed);
            }
            _ => {}
        }
        Step::none()
    }
}
