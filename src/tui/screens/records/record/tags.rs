//! The campaigns an opened record counts for (issue 14): shown above the record, and `u` takes
//! it out of the first one or puts it back. The choice is kept with its time and travels to the
//! office in the next field bundle (store/tables/planning_tags.rs, docs/planning.md). Part of the
//! record screen (record.rs).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::store::CampaignTag;
use crate::tui::app::{Action, App, Effect, Screen};

/// `u` on the opened record: the first campaign's tag turned over.
pub fn toggle(app: &mut App) -> Vec<Effect> {
    let Screen::Record(r) = &app.screen else {
        return Vec::new();
    };
    match r.tags.first() {
        Some(tag) => vec![Effect::SetCampaignTag {
            inspection_id: r.record.inspection.id.clone(),
            campaign_id: tag.campaign_id.clone(),
            tagged: !tag.tagged,
        }],
        None => {
            app.info(app.t.in_no_campaign());
            Vec::new()
        }
    }
}

/// The campaigns of the record on screen, loaded or just changed; `None` when the action is
/// not theirs.
pub fn update(app: &mut App, action: &Action) -> Option<Vec<Effect>> {
    let Action::CampaignTagsLoaded {
        inspection_id,
        tags,
        changed,
    } = action
    else {
        return None;
    };
    let t = app.t;
    if let Screen::Record(r) = &mut app.screen
        && &r.record.inspection.id == inspection_id
    {
        r.tags = tags.clone();
        if let Some(tag) = changed {
            app.info(t.campaign_tag_changed(&tag.name, tag.tagged));
        }
    }
    Some(Vec::new())
}

/// One line: each campaign, counted or taken out, and the key that turns the first over.
pub fn render(app: &App, tags: &[CampaignTag], area: Rect, buf: &mut Buffer) {
    let (t, theme) = (app.t, app.theme);
    let mut spans = vec![Span::styled(t.campaigns_label(), theme.heading())];
    for tag in tags {
        let style = if tag.tagged {
            theme.pass()
        } else {
            theme.dim()
        };
        spans.push(Span::styled(
            format!(" {}（{}）", tag.name, t.tag_state(tag.tagged)),
            style,
        ));
    }
    spans.push(Span::styled(format!("  {}", t.untag_hint()), theme.dim()));
    Paragraph::new(Line::from(spans)).render(area, buf);
}
