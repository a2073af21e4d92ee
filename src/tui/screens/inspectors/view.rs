//! 检查人员 drawn: the list, and the form or the question open over it.

use super::*;

/// Column widths: 姓名, 执法证号, 单位, 站点代码; the rest is 在岗 and, when wide, the 辖区.
fn widths(w: usize) -> [usize; 4] {
    if w >= 120 {
        [12, 14, 30, 10]
    } else {
        [8, 12, 22, 8]
    }
}

pub(super) fn render(
    cx: &Context,
    s: &InspectorsState,
    area: Rect,
    buf: &mut Buffer,
) -> Option<Position> {
    let (t, theme) = (cx.t, cx.theme);
    let w = usize::from(area.width);
    let [name_w, badge_w, unit_w, station_w] = widths(w);
    let mut header = format!(
        "  {}  {}  {}  {}  {}",
        pad(t.col_name(), name_w),
        pad(t.col_badge(), badge_w),
        pad(t.col_unit(), unit_w),
        pad(t.col_station(), station_w),
        pad(t.col_active(), 4),
    );
    if w >= 120 {
        header.push_str(&format!("  {}", t.col_towns()));
    }
    buf.set_stringn(area.x, area.y, header, w, theme.heading());
    let mut items: Vec<ListItem> = s
        .list
        .iter()
        .map(|i| {
            let active = if i.active { t.active() } else { t.retired() };
            let mut line = format!(
                "  {}  {}  {}  {}  {}",
                pad(&truncate(&i.name, name_w), name_w),
                pad(&truncate(&i.badge, badge_w), badge_w),
                pad(&truncate(&i.unit, unit_w), unit_w),
                pad(&truncate(&i.station, station_w), station_w),
                pad(active, 4),
            );
            if w >= 120 {
                line.push_str(&format!("  {}", i.towns.join("、")));
            }
            let style = if i.active {
                ratatui::style::Style::new()
            } else {
                theme.dim()
            };
            ListItem::new(Line::styled(line, style))
        })
        .collect();
    if items.is_empty() {
        items.push(ListItem::new(Line::styled(
            format!("  {}", t.no_inspectors_yet()),
            theme.dim(),
        )));
    }
    let list_area = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(1),
        ..area
    };
    let selected = (!s.list.is_empty()).then_some(s.selected);
    StatefulWidget::render(
        List::new(items).highlight_style(theme.selected()),
        list_area,
        buf,
        &mut ListState::default().with_selected(selected),
    );
    match &s.mode {
        Mode::List => None,
        Mode::Retiring(badge) => {
            let who = s
                .list
                .iter()
                .find(|i| &i.badge == badge)
                .map_or(String::new(), |i| format!("{} {}", i.name, i.badge));
            let inner = crate::tui::widgets::popup(area, 56, 5, t.retire_inspector(), buf);
            let lines: Vec<Line> =
                crate::tui::text::wrap(&t.confirm_retire(&who), usize::from(inner.width))
                    .into_iter()
                    .map(Line::raw)
                    .collect();
            Paragraph::new(lines).render(inner, buf);
            None
        }
        Mode::Adding(fields) => {
            let inner = crate::tui::widgets::popup(area, 70, 8, t.add_inspector(), buf);
            let labels = [
                t.col_name(),
                t.col_badge(),
                t.col_unit(),
                t.col_station(),
                t.col_towns(),
            ];
            let cursor = fields.render(&labels, 10, inner, buf, theme);
            if inner.height > 5 {
                buf.set_stringn(
                    inner.x,
                    inner.bottom() - 1,
                    t.add_inspector_hint(),
                    usize::from(inner.width),
                    theme.dim(),
                );
            }
            cursor
        }
    }
}
