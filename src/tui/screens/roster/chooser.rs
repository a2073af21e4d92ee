//! The checklist chooser over the roster: which checklist and which kind of inspection to
//! start for the selected establishment.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, List, ListItem, ListState, Paragraph, StatefulWidget, Widget};

use crate::domain::checklist::Checklist;
use crate::domain::establishment::Establishment;
use crate::domain::inspection::InspectionKind;
use crate::i18n::tui::Text;
use crate::tui::app::Effect;
use crate::tui::command::Command;
use crate::tui::component::{Context, Step};
use crate::tui::keys::{
    BACK_TAB, DOWN, ENTER, ESC, Keys, LEFT, Line as KeyLine, MOVE, RIGHT, TAB, UP, ch, short,
};
use crate::tui::widgets::popup;

/// The chooser open over the roster: its keys, not the search's.
pub const KEYS: Keys = Keys {
    lines: &[
        KeyLine {
            what: Text::keys_choose_a_checklist,
            ..MOVE
        },
        KeyLine {
            keys: &[
                (LEFT, Command::Previous),
                (RIGHT, Command::Next),
                (TAB, Command::Next),
                (BACK_TAB, Command::Previous),
            ],
            what: Text::keys_kind_of_inspection,
        },
        crate::key_line!(Text::keys_inspect, Command::Confirm, [ENTER]),
        crate::key_line!(Text::keys_back, Command::Back, [ESC]),
    ],
    footer: &[
        short(&[UP, DOWN, ch('j'), ch('k')], Text::keys_choose_a_checklist),
        short(&[LEFT, RIGHT, TAB], Text::keys_kind_of_inspection),
        short(&[ENTER], Text::keys_inspect),
        short(&[ESC], Text::keys_back),
    ],
};

/// Picking the checklist and the kind of inspection for the selected establishment.
pub struct Chooser {
    pub checklist_ids: Vec<String>,
    pub selected: usize,
    pub kind: InspectionKind,
    /// Once the inspector picks the kind (or it is a follow-up), moving among checklists keeps it.
    pub kind_chosen: bool,
    /// The campaigns whose checklists come first, preselected: the establishment is their
    /// target and today is within their period (issue 14). Their names, to say why.
    pub campaign: Option<String>,
}

/// A special checklist (专项检查表, by the title convention of docs/checklists.md) is used
/// for 专项检查; the others for 日常检查.
fn default_kind(checklists: &[Checklist], checklist_id: Option<&String>) -> InspectionKind {
    let special = checklist_id
        .and_then(|id| checklists.iter().find(|c| &c.id == id))
        .is_some_and(|c| c.title.contains("专项"));
    if special {
        InspectionKind::Special
    } else {
        InspectionKind::Routine
    }
}

pub fn chooser(cx: &Context, e: &Establishment, follow_up: bool) -> Option<Chooser> {
    let mut checklists: Vec<_> = cx
        .checklists
        .iter()
        .filter(|c| c.applies_to_kind(e.facts.kind))
        .collect();
    // The routine checklists first, the most specific first: a school canteen's own checklist
    // (which includes the catering table) before the catering table that fits many kinds.
    checklists.sort_by_key(|c| (c.title.contains("专项"), c.applies_to.len()));
    let mut checklist_ids: Vec<String> = checklists.iter().map(|c| c.id.clone()).collect();
    // A campaign's own checklists before all others, in the campaign's order, so Enter starts
    // the inspection the campaign asks for.
    let running: Vec<_> = cx
        .home
        .campaigns
        .iter()
        .filter(|c| c.counts(&e.id, cx.today))
        .collect();
    let mut first: Vec<String> = Vec::new();
    for id in running.iter().flat_map(|c| &c.checklists) {
        if !first.contains(id) && cx.checklists.iter().any(|c| &c.id == id) {
            first.push(id.clone());
        }
    }
    let campaign = (!first.is_empty()).then(|| {
        running
            .iter()
            .map(|c| c.name.as_str())
            .collect::<Vec<_>>()
            .join("、")
    });
    checklist_ids.retain(|id| !first.contains(id));
    first.append(&mut checklist_ids);
    let checklist_ids = first;
    let kind = if follow_up {
        InspectionKind::FollowUp
    } else {
        default_kind(cx.checklists, checklist_ids.first())
    };
    (!checklist_ids.is_empty()).then_some(Chooser {
        checklist_ids,
        selected: 0,
        kind,
        kind_chosen: follow_up,
        campaign,
    })
}

impl Chooser {
    /// Selects `checklist_id` when it is offered (the checklist of the order a 复查 follows up).
    pub fn prefer(&mut self, checklist_id: &str) {
        if let Some(at) = self.checklist_ids.iter().position(|id| id == checklist_id) {
            self.selected = at;
        }
    }
}

impl Chooser {
    /// A command in the open chooser (Esc, which closes it, is the roster's); `establishment`
    /// is the one selected in the roster.
    pub fn on(
        &mut self,
        cx: &Context,
        establishment: Option<&Establishment>,
        command: Command,
    ) -> Step {
        let kinds = InspectionKind::ALL;
        let k = kinds.iter().position(|k| *k == self.kind).unwrap_or(0);
        match command {
            Command::Down | Command::Up => {
                self.selected = if command == Command::Down {
                    (self.selected + 1).min(self.checklist_ids.len().saturating_sub(1))
                } else {
                    self.selected.saturating_sub(1)
                };
                if !self.kind_chosen {
                    self.kind = default_kind(cx.checklists, self.checklist_ids.get(self.selected));
                }
            }
            Command::Next => {
                self.kind = kinds[(k + 1) % kinds.len()];
                self.kind_chosen = true;
            }
            Command::Previous => {
                self.kind = kinds[(k + kinds.len() - 1) % kinds.len()];
                self.kind_chosen = true;
            }
            Command::Confirm => {
                if let (Some(e), Some(checklist_id)) =
                    (establishment, self.checklist_ids.get(self.selected))
                {
                    return Step::effect(Effect::StartInspection {
                        establishment_id: e.id.clone(),
                        checklist_id: checklist_id.clone(),
                        kind: self.kind,
                    });
                }
            }
            _ => {}
        }
        Step::none()
    }
}

/// The checklist chooser; `notice` (another station's recent inspection) on the line under the
/// kinds.
pub fn render(cx: &Context, c: &Chooser, notice: Option<&str>, area: Rect, buf: &mut Buffer) {
    let t = cx.t;
    let theme = cx.theme;
    // The campaign's line goes under the kinds, or under the notice when there is one.
    let extra = u16::from(c.campaign.is_some() && notice.is_some());
    let height = u16::try_from(c.checklist_ids.len())
        .unwrap_or(10)
        .saturating_add(5 + extra);
    let inner = popup(area, 70, height, t.choose_checklist(), buf);
    let kinds: Vec<Span> = InspectionKind::ALL
        .iter()
        .flat_map(|k| {
            let style = if *k == c.kind {
                theme.selected()
            } else {
                theme.dim()
            };
            [
                Span::styled(format!(" {} ", t.lang().inspection_kind(*k)), style),
                Span::raw(" "),
            ]
        })
        .collect();
    let mut header = vec![Span::styled(
        format!("{}: ", t.inspection_kind()),
        theme.heading(),
    )];
    header.extend(kinds);
    Paragraph::new(Line::from(header)).render(Rect { height: 1, ..inner }, buf);
    if let Some(notice) = notice
        && inner.height > 1
    {
        buf.set_stringn(
            inner.x,
            inner.y + 1,
            notice,
            usize::from(inner.width),
            theme.error(),
        );
    }
    let items: Vec<ListItem> = c
        .checklist_ids
        .iter()
        .filter_map(|id| cx.checklists.iter().find(|x| &x.id == id))
        .map(|x| ListItem::new(format!("{} ({})", x.title, x.items().count())))
        .collect();
    if let Some(names) = &c.campaign
        && inner.height > 2
    {
        buf.set_stringn(
            inner.x,
            inner.y + 1 + u16::from(notice.is_some()),
            t.campaign_checklists_first(names),
            usize::from(inner.width),
            theme.info(),
        );
    }
    let list_area = Rect {
        y: inner.y + 2 + extra,
        height: inner.height.saturating_sub(2 + extra),
        ..inner
    };
    Clear.render(list_area, buf);
    let mut ls = ListState::default().with_selected(Some(c.selected));
    let list = List::new(items)
        .highlight_style(theme.selected())
        .highlight_symbol("> ");
    StatefulWidget::render(list, list_area, buf, &mut ls);
}
