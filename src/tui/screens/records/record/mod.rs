//! One inspection record, read-only as the printed form lays it out; `c` starts a correction.

pub mod tags;

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::RecordsState;
use crate::domain::inspection::Status;
use crate::i18n::tui::Text;
use crate::store::InspectionRecord;
use crate::tui::app::{App, Effect, Screen};
use crate::tui::input::TextInput;
use crate::tui::route::Route;
use crate::tui::text::{pad, wrap};

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

/// A record loaded from the store: opened, and when `c` on 检查记录 asked for it, with the
/// reason of its correction asked at once, as `c` on the opened record does.
pub fn loaded(app: &mut App, record: InspectionRecord) -> Vec<Effect> {
    let correct = matches!(&app.screen, Screen::Records(r)
        if r.correcting.as_deref() == Some(record.inspection.id.as_str()));
    let mut state = RecordState::new(record, false);
    if correct && let Some(why) = state.start_correction() {
        app.info(why(app.t));
    }
    let id = state.record.inspection.id.clone();
    app.screen = Screen::Record(Box::new(state));
    vec![Effect::LoadCampaignTags(id)]
}

pub fn key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let t = app.t;
    let Screen::Record(r) = &mut app.screen else {
        return Vec::new();
    };
    if let Some(reason) = &mut r.reason {
        match key.code {
            KeyCode::Esc => r.reason = None,
            // An empty reason is refused with a word, not silently (issue 15, item 11).
            KeyCode::Enter if reason.text().trim().is_empty() => {
                app.error(t.correction_reason_required());
            }
            KeyCode::Enter => {
                let effect = Effect::StartRevision {
                    final_id: r.record.inspection.id.clone(),
                    reason: reason.text().trim().to_string(),
                };
                r.reason = None;
                return vec![effect];
            }
            _ => {
                reason.handle_key(key);
            }
        }
        return Vec::new();
    }
    match key.code {
        KeyCode::Char('p') if r.record.inspection.status == Status::Final => {
            let ids = vec![r.record.inspection.id.clone()];
            return app.go(Route::PrintRecords(ids));
        }
        KeyCode::Char('O') if r.record.inspection.status == Status::Final => {
            let id = r.record.inspection.id.clone();
            return app.go(Route::PrintOrder(id));
        }
        // A 复查 of a written order, on the order's checklist (issue 13).
        KeyCode::Char('f') => {
            let i = &r.record.inspection;
            let ordered = i.status == Status::Final
                && i.conclusion.handling
                    == Some(crate::domain::outcome::Handling::RectifyByDeadline);
            if !ordered {
                app.info(t.no_order_to_follow_up());
                return Vec::new();
            }
            return vec![Effect::StartInspection {
                establishment_id: i.establishment_id.clone(),
                checklist_id: i.checklist_id.clone(),
                kind: crate::domain::inspection::InspectionKind::FollowUp,
            }];
        }
        KeyCode::Char('u') => return tags::toggle(app),
        KeyCode::Char('c') => {
            if let Some(why) = r.start_correction() {
                app.info(why(t));
            }
        }
        KeyCode::Esc | KeyCode::Char('q') => {
            if r.from_finalize {
                return app.go_home();
            }
            app.screen = Screen::Records(RecordsState::default());
            return vec![Effect::LoadRecords(Default::default())];
        }
        KeyCode::Down | KeyCode::Char('j') => r.scroll = r.scroll.saturating_add(1),
        KeyCode::Up | KeyCode::Char('k') => r.scroll = r.scroll.saturating_sub(1),
        KeyCode::PageDown | KeyCode::Char(' ') => r.scroll = r.scroll.saturating_add(10),
        KeyCode::PageUp => r.scroll = r.scroll.saturating_sub(10),
        _ => {}
    }
    Vec::new()
}

/// The record as the printed form lays it out, one line per fact.
pub fn record_lines(app: &App, rec: &InspectionRecord, width: usize) -> Vec<Line<'static>> {
    let t = app.t;
    let theme = app.theme;
    let lang = t.lang();
    let i = &rec.inspection;
    let tl = &rec.tally;
    let mut lines = Vec::new();
    let mut field = |label: &str, value: String| {
        // Long values wrap by width under their label rather than run off the screen.
        let text = format!("{label}: {value}");
        for (n, part) in wrap(&text, width).into_iter().enumerate() {
            if n == 0 && part.starts_with(label) {
                let rest = part[label.len()..].to_string();
                lines.push(Line::from(vec![
                    Span::styled(label.to_string(), theme.heading()),
                    Span::raw(rest),
                ]));
            } else {
                lines.push(Line::raw(part));
            }
        }
    };
    field(
        t.serial(),
        i.serial
            .clone()
            .unwrap_or_else(|| lang.status(i.status).to_string()),
    );
    // As the printed form: the facts the record keeps of its day (docs/reports.md).
    let facts = i.facts_or(&rec.establishment.facts);
    field(t.establishment(), facts.name.clone());
    field(t.address(), facts.address.clone());
    field(t.license(), facts.license_no.clone());
    let mut kind = lang.inspection_kind(i.kind).to_string();
    if let Some(n) = i.year_sequence {
        kind.push_str(&format!("  {}", t.nth_of_year(n)));
    }
    field(t.inspection_kind(), kind);
    field(
        t.date(),
        i.local_started_at().format("%Y-%m-%d %H:%M").to_string(),
    );
    field(t.checklist(), rec.checklist.title.clone());
    let names: Vec<String> = i
        .inspectors
        .iter()
        .map(|p| format!("{} ({})", p.name, p.badge))
        .collect();
    field(t.inspectors(), names.join(", "));
    let outcome = i.outcome.or(tl.outcome()).map_or("-", |o| lang.outcome(o));
    let rate = tl
        .general_pass_rate()
        .map_or("-".to_string(), |p| format!("{p:.1}%"));
    field(
        t.result(),
        format!(
            "{outcome}  ({} {}/{} {}, {} {}/{} {}, {} {}, {} {rate})",
            t.key_items(),
            tl.key_failed,
            tl.key_checked(),
            t.failed(),
            t.general_items(),
            tl.general_failed,
            tl.general_checked(),
            t.failed(),
            t.not_applicable(),
            tl.not_applicable(),
            t.pass_rate()
        ),
    );
    let c = &i.conclusion;
    if let Some(h) = c.handling {
        let deadline = c
            .deadline
            .map(|d| format!("  {} {d}", t.deadline()))
            .unwrap_or_default();
        field(t.handling(), format!("{}{deadline}", lang.handling(h)));
    }
    if !c.operator_signatory.is_empty() {
        field(t.signatory(), c.operator_signatory.clone());
    }
    if !c.operator_opinion.is_empty() {
        field(t.opinion(), c.operator_opinion.clone());
    }
    if c.operator_refused {
        field(t.refused(), format!("{}: {}", t.witness(), c.witness));
    }
    if !c.remarks.is_empty() {
        field(t.remarks(), c.remarks.clone());
    }
    if let Some(reason) = &i.revision_reason {
        field(
            t.correction(),
            format!("{} {}: {reason}", t.revision(), i.revision),
        );
    }
    if !rec.superseded_by.is_empty() {
        field(t.superseded(), rec.superseded_by.join(", "));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(t.answers().to_string(), theme.heading()));
    for item in rec.checklist.items() {
        let Some(a) = rec.answers.iter().find(|a| a.item_id == item.id) else {
            continue;
        };
        let mark = if item.key { "*" } else { " " };
        let value = a.value.map(|v| format!(" [{v}]")).unwrap_or_default();
        let note = if a.note.is_empty() {
            String::new()
        } else {
            format!(" ({})", a.note)
        };
        // A text item records words, not a verdict.
        let verdict = match item.kind {
            crate::domain::checklist::ItemKind::Text => "",
            _ => lang.verdict(a.verdict),
        };
        let choice = a
            .choice
            .as_ref()
            .map(|c| format!(" [{c}]"))
            .unwrap_or_default();
        let text = format!(
            "{mark}{} {} {}{value}{choice}{note}",
            pad(&item.number, 8),
            pad(verdict, 9),
            item.text
        );
        lines.extend(wrap(&text, width).into_iter().map(Line::raw));
    }
    lines
}

pub fn render_record(app: &App, r: &RecordState, area: Rect, buf: &mut Buffer) -> Option<Position> {
    // The campaigns it counts for, above the record when it falls in any (issue 14).
    let area = if r.tags.is_empty() || area.height < 2 {
        area
    } else {
        tags::render(app, &r.tags, Rect { height: 1, ..area }, buf);
        Rect {
            y: area.y + 1,
            height: area.height - 1,
            ..area
        }
    };
    let lines = record_lines(app, &r.record, usize::from(area.width));
    Paragraph::new(lines)
        .scroll((r.scroll, 0))
        .render(area, buf);
    let reason = r.reason.as_ref()?;
    let inner = crate::tui::widgets::popup(area, 70, 4, app.t.correction(), buf);
    buf.set_stringn(
        inner.x,
        inner.y,
        app.t.correction_reason(),
        usize::from(inner.width),
        app.theme.heading(),
    );
    let field = Rect {
        y: inner.y + 1,
        height: 1,
        ..inner
    };
    Some(reason.render(field, buf, app.theme.input()))
}
