//! The event loop: synchronous, redrawing only after something changed.

use std::collections::VecDeque;
use std::io::stdout;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyEventKind,
};
use ratatui::crossterm::execute;

use super::app::{Action, App, Effect};
use super::effects::Shell;
use super::log;
use super::view;

/// Takes over the terminal, runs the UI until the inspector quits, and gives the terminal back
/// on every way out: a normal return, an error, or a panic (ratatui's hook restores it).
pub fn run(app: &mut App, shell: &mut Shell) -> anyhow::Result<()> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableBracketedPaste);
        log::error(&format!("panic: {info}"));
        previous(info);
    }));
    // try_init rather than init: a terminal that cannot be set up is an error to report, not
    // a panic.
    let mut terminal = ratatui::try_init()?;
    let _ = execute!(stdout(), EnableBracketedPaste);
    let result = event_loop(&mut terminal, app, shell);
    let _ = execute!(stdout(), DisableBracketedPaste);
    ratatui::restore();
    result
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    shell: &mut Shell,
) -> anyhow::Result<()> {
    let mut queue: VecDeque<Effect> = app.start().into();
    let mut dirty = true;
    loop {
        // Effects run to completion (and commit) before the next frame shows their result.
        while let Some(effect) = queue.pop_front() {
            if effect.is_long() {
                // Show the working state before the long effect starts.
                terminal.draw(|frame| view::draw(app, frame))?;
            }
            // Progress redraws from inside the effect, once per percent: the loop stays
            // synchronous and the inspector still sees a large bundle moving.
            let mut shown = None;
            let actions = shell.perform_with(effect, &mut |p| {
                let percent = p.done * 100 / p.total.max(1);
                if shown == Some(percent) {
                    return;
                }
                shown = Some(percent);
                app.update(Action::Progress(p));
                if let Err(e) = terminal.draw(|frame| view::draw(app, frame)) {
                    log::error(&format!("draw: {e}"));
                }
            });
            for action in actions {
                queue.extend(app.update(action));
            }
            dirty = true;
        }
        if app.quit {
            return Ok(());
        }
        if dirty {
            terminal.draw(|frame| view::draw(app, frame))?;
            dirty = false;
        }
        let action = match event::read()? {
            // The one place where releases and repeats are dropped (Windows reports both).
            Event::Key(key) if key.kind == KeyEventKind::Press => Action::Key(key),
            Event::Paste(text) => Action::Paste(text),
            Event::Resize(..) => Action::Resize,
            _ => continue,
        };
        queue.extend(app.update(action));
        dirty = true;
    }
}
