//! The campaigns an opened record counts for (issue 14): shown above the record, and `u` takes
//! it out of the first one or puts it back. The choice is kept with its time and travels to the
//! office in the next field bundle (store/tables/planning_tags.rs, docs/planning.md). Part of the
//! record screen (mod.rs).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::RecordState;
use crate::store::CampaignTag;
use crate::tui::app::{Action, Effect};
use crate::tui::component::{Context, Step};

/// `u` on the opened record: the first campaign's tag turned over.
pub fn toggle(r: &RecordState, cx: &Context) -> Step {
    match r.tags.first() {
        Some(tag) => Step::effect(Effect::SetCampaignTag {
            inspection_id: r.record.inspection.id.clone(),
            campaign_id: tag.campaign_id.clone(),
            tagged: !tag.tagged,
        }),
        None => Step::info(cx.t.in_no_campaign()),
    }
}

/// The campaigns of the record on screen, loaded or just changed; `None` when the action is
/// not theirs. Those of another record, come late, are not shown on this one.
pub fn answer(r: &mut RecordState, cx: &Context, action: &Action) -> Option<Step> {
    let Action::CampaignTagsLoaded {
        inspection_id,
        tags,
        changed,
    } = action
    else {
        return None;
    };
    if &r.record.inspection.id != inspection_id {
        return Some(Step::none());
    }
    r.tags = tags.clone();
    Some(match changed {
        Some(tag) => Step::info(cx.t.campaign_tag_changed(&tag.name, tag.tagged)),
        None => Step::none(),
    })
}

/// One line: each campaign, counted or taken out, and the key that turns the first over.
pub fn render(cx: &Context, tags: &[CampaignTag], area: Rect, buf: &mut Buffer) {
    let (t, theme) = (cx.t, cx.theme);
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
