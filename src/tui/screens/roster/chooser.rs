//! The checklist chooser over the roster: which checklist and which kind of inspection to
//! start for the selected establishment.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, List, ListItem, ListState, Paragraph, StatefulWidget, Widget};

use crate::domain::checklist::Checklist;
use crate::domain::establishment::Establishment;
use crate::domain::inspection::InspectionKind;
use crate::tui::app::{App, Effect};
use crate::tui::widgets::popup;

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

pub fn chooser(app: &App, e: &Establishment, follow_up: bool) -> Option<Chooser> {
    let mut checklists: Vec<_> = app
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
    let running: Vec<_> = app
        .home
        .campaigns
        .iter()
        .filter(|c| c.counts(&e.id, app.today))
        .collect();
    let mut first: Vec<String> = Vec::new();
    for id in running.iter().flat_map(|c| &c.checklists) {
        if !first.contains(id) && app.checklists.iter().any(|c| &c.id == id) {
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
        default_kind(&app.checklists, checklist_ids.first())
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

/// A key in the open chooser (Esc, which closes it, is the roster's); `establishment` is the
/// one selected in the roster.
pub fn key(
    c: &mut Chooser,
    checklists: &[Checklist],
    establishment: Option<&Establishment>,
    key: KeyEvent,
) -> Vec<Effect> {
    let kinds = InspectionKind::ALL;
    let k = kinds.iter().position(|k| *k == c.kind).unwrap_or(0);
    match key.code {
        KeyCode::Down | KeyCode::Char('j') | KeyCode::Up | KeyCode::Char('k') => {
            let down = matches!(key.code, KeyCode::Down | KeyCode::Char('j'));
            c.selected = if down {
                (c.selected + 1).min(c.checklist_ids.len().saturating_sub(1))
            } else {
                c.selected.saturating_sub(1)
            };
            if !c.kind_chosen {
                c.kind = default_kind(checklists, c.checklist_ids.get(c.selected));
            }
        }
        KeyCode::Right | KeyCode::Tab => {
            c.kind = kinds[(k + 1) % kinds.len()];
            c.kind_chosen = true;
        }
        KeyCode::Left | KeyCode::BackTab => {
            c.kind = kinds[(k + kinds.len() - 1) % kinds.len()];
            c.kind_chosen = true;
        }
        KeyCode::Enter => {
            if let (Some(e), Some(checklist_id)) = (establishment, c.checklist_ids.get(c.selected))
            {
                return vec![Effect::StartInspection {
                    establishment_id: e.id.clone(),
                    checklist_id: checklist_id.clone(),
                    kind: c.kind,
                }];
            }
        }
        _ => {}
    }
    Vec::new()
}

/// The checklist chooser; `notice` (another station's recent inspection) on the line under the
/// kinds.
pub fn render(app: &App, c: &Chooser, notice: Option<&str>, area: Rect, buf: &mut Buffer) {
    let t = app.t;
    let theme = app.theme;
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
        .filter_map(|id| app.checklists.iter().find(|x| &x.id == id))
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
