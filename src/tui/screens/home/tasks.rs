//! One task line on 首页 (issue 14): the establishment, the campaign or draw, the deadline
//! (red when passed).

use ratatui::text::{Line, Span};
use ratatui::widgets::ListItem;

use crate::domain::planning::TaskState;
use crate::tui::component::Context;
use crate::tui::tasks::HomeTask;
use crate::tui::text::{pad, truncate};

pub fn line<'a>(cx: &Context, task: &HomeTask, name_w: usize) -> ListItem<'a> {
    let (t, theme) = (cx.t, cx.theme);
    let source = t.lang().task_source(&task.source);
    let deadline = match task.state {
        TaskState::Overdue => Span::styled(pad(&t.task_overdue(task.deadline), 20), theme.fail()),
        _ => Span::styled(pad(&t.task_deadline(task.deadline), 20), theme.dim()),
    };
    ListItem::new(Line::from(vec![
        Span::raw(format!("  {}  ", pad(&task.establishment, name_w))),
        deadline,
        Span::raw(truncate(&source, 24)),
    ]))
}
