//! The frame around every screen: title bar, the screen, a status line, the footer's keys, and
//! the help overlay.

use std::cell::Cell;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::app::App;
use super::keys;
use super::text::{pad, width};
use super::widgets::popup;

/// The whole UI as a widget borrowing the state. Drawing also finds where the terminal cursor
/// belongs (the input being typed in), which the frame needs after the widget is drawn; the
/// cell carries it out of `render`, whose signature has no room for it.
pub struct AppView<'a> {
    app: &'a App,
    cursor: Cell<Option<Position>>,
}

impl<'a> AppView<'a> {
    pub fn new(app: &'a App) -> Self {
        AppView {
            app,
            cursor: Cell::new(None),
        }
    }

    /// Where the cursor goes, once drawn; `None` when nothing is being typed.
    pub fn cursor(&self) -> Option<Position> {
        self.cursor.get()
    }
}

impl Widget for &AppView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        self.cursor.set(render(self.app, area, buf));
    }
}

pub fn draw(app: &App, frame: &mut Frame) {
    let view = AppView::new(app);
    frame.render_widget(&view, frame.area());
    if let Some(cursor) = view.cursor() {
        frame.set_cursor_position(cursor);
    }
}

/// Draws the whole UI into `buf`; returns where the terminal cursor belongs while typing.
fn render(app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let t = app.t;
    let theme = app.theme;
    // A message is shown whole: a long one (an untrusted station's, with the command that
    // trusts it) takes the lines it needs, up to a third of the screen, from the body.
    let message_lines = app.message.as_ref().map_or(Vec::new(), |m| {
        crate::tui::text::wrap(&m.text, usize::from(area.width.saturating_sub(2)))
    });
    let status_height = message_lines
        .len()
        .clamp(1, usize::from(area.height / 3).max(1));
    let [top, body, status, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(u16::try_from(status_height).unwrap_or(1)),
        Constraint::Length(1),
    ])
    .areas(area);
    let screen = app.screen.component();
    let cx = app.context();
    let title = screen.title(t);
    let spans = vec![
        Span::styled(format!(" {} ", t.app_title()), theme.title()),
        Span::raw(format!("| {title}")),
    ];
    Paragraph::new(Line::from(spans)).render(top, buf);
    if let Some(p) = &app.profile {
        let who = format!("{} {} ", p.name, p.badge);
        let w = u16::try_from(width(&who)).unwrap_or(0);
        if top.width > w + 40 {
            buf.set_string(top.right() - w, top.y, who, theme.dim());
        }
    }
    let cursor = screen.render(&cx, body, buf);
    if let Some(m) = &app.message {
        let style = if m.error { theme.error() } else { theme.info() };
        for (y, line) in (status.y..status.bottom()).zip(&message_lines) {
            buf.set_stringn(
                status.x + 1,
                y,
                line,
                usize::from(status.width.saturating_sub(1)),
                style,
            );
        }
    }
    let mut spans = Vec::new();
    let mut used = 0;
    for (key, what) in footer(app) {
        let part = width(&key) + width(what) + 3;
        if used + part > usize::from(bottom.width) {
            break;
        }
        used += part;
        spans.push(Span::styled(format!(" {key}"), theme.key()));
        spans.push(Span::raw(format!(" {what} ")));
    }
    Paragraph::new(Line::from(spans)).render(bottom, buf);
    if app.help {
        render_help(app, area, buf);
        return None;
    }
    cursor
}

/// The keys that work now, then those that work everywhere: the help (`?`).
pub fn help(app: &App) -> Vec<(String, &'static str)> {
    let t = app.t;
    let table = app.screen.component().keys(&app.context());
    table
        .lines
        .iter()
        .map(|line| keys::line_text(line, t))
        .chain(
            keys::GLOBAL
                .iter()
                .map(|(k, what)| (k.to_string(), what(t))),
        )
        .collect()
}

/// The footer: the keys most used now, in short, then `?`.
pub fn footer(app: &App) -> Vec<(String, &'static str)> {
    let t = app.t;
    let table = app.screen.component().keys(&app.context());
    let (help, what) = keys::FOOTER_HELP;
    table
        .footer
        .iter()
        .map(|short| keys::short_text(short, t))
        .chain([(help.to_string(), what(t))])
        .collect()
}

fn render_help(app: &App, area: Rect, buf: &mut Buffer) {
    let keys = help(app);
    let box_width = area.width.min(76);
    // The key column is as wide as its widest keys (`PageDown Space PageUp`), within reason.
    let key_width = keys
        .iter()
        .map(|(k, _)| width(k) + 1)
        .max()
        .unwrap_or(0)
        .clamp(14, 28);
    // Descriptions wrap under themselves, beside the key column.
    let text_width = usize::from(box_width.saturating_sub(2)).saturating_sub(key_width);
    let mut lines: Vec<Line> = Vec::new();
    for (k, what) in &keys {
        for (n, part) in crate::tui::text::wrap(what, text_width)
            .into_iter()
            .enumerate()
        {
            let key = if n == 0 {
                pad(k, key_width)
            } else {
                pad("", key_width)
            };
            lines.push(Line::from(vec![
                Span::styled(key, app.theme.key()),
                Span::raw(part),
            ]));
        }
    }
    let height = u16::try_from(lines.len()).unwrap_or(20).saturating_add(2);
    let inner = popup(area, box_width, height, app.t.help(), buf);
    Paragraph::new(lines).render(inner, buf);
}
