//! Hand-made inline SVG charts: horizontal bars, stacked when a row has several parts. Drawn
//! by an askama template, so labels from the database are escaped like the rest of the page.

use askama::Template;

use super::Result;

/// Fills for the parts of a bar, in order; they print in grey scale as distinct shades.
pub const FILLS: [&str; 5] = ["#2e7d32", "#f9a825", "#c62828", "#1565c0", "#9e9e9e"];

const WIDTH: u32 = 680;
const LABEL: u32 = 210;
const BAR: u32 = 370;
const ROW: u32 = 22;

/// One bar: a label, its parts (value and fill index), and a text after the bar.
pub struct BarRow {
    pub label: String,
    pub parts: Vec<(usize, usize)>,
    pub note: String,
}

struct Rect {
    x: u32,
    y: u32,
    w: u32,
    fill: &'static str,
}

struct Line {
    y: u32,
    label: String,
    full: String,
    note: String,
}

#[derive(Template)]
#[template(path = "bars.svg")]
struct Bars {
    width: u32,
    height: u32,
    label_x: u32,
    note_x: u32,
    title: String,
    rects: Vec<Rect>,
    lines: Vec<Line>,
}

/// A horizontal bar chart; bars are scaled to `max` (or the largest row).
pub fn bars(title: &str, rows: &[BarRow], max: Option<usize>) -> Result<String> {
    let largest = rows
        .iter()
        .map(|r| r.parts.iter().map(|p| p.0).sum::<usize>())
        .max()
        .unwrap_or(0);
    let max = max.unwrap_or(largest).max(1);
    let mut rects = Vec::new();
    let mut lines = Vec::new();
    for (n, row) in rows.iter().enumerate() {
        let y = 4 + ROW * u32::try_from(n).unwrap_or(u32::MAX / ROW - 1);
        let mut x = LABEL;
        for &(value, fill) in &row.parts {
            let w = scale(value, max);
            if w > 0 {
                rects.push(Rect {
                    x,
                    y: y + 3,
                    w,
                    fill: FILLS[fill % FILLS.len()],
                });
            }
            x += w;
        }
        lines.push(Line {
            y: y + 15,
            label: shorten(&row.label, 15),
            full: row.label.clone(),
            note: row.note.clone(),
        });
    }
    let height = 8 + ROW * u32::try_from(rows.len()).unwrap_or(0);
    Ok(Bars {
        width: WIDTH,
        height,
        label_x: LABEL - 6,
        note_x: LABEL + BAR + 6,
        title: title.to_string(),
        rects,
        lines,
    }
    .render()?)
}

fn scale(value: usize, max: usize) -> u32 {
    let w = (value as u64 * u64::from(BAR)) / max as u64;
    u32::try_from(w).unwrap_or(BAR).min(BAR)
}

/// At most `chars` characters, with an ellipsis when cut (CJK labels are about one em each).
fn shorten(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        text.to_string()
    } else {
        let mut cut: String = text.chars().take(chars - 1).collect();
        cut.push('…');
        cut
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_escaped_and_bars_scaled() {
        let rows = [
            BarRow {
                label: "<script>alert(1)</script>".into(),
                parts: vec![(5, 0), (5, 2)],
                note: "10".into(),
            },
            BarRow {
                label: "甲".into(),
                parts: vec![(0, 0)],
                note: "0".into(),
            },
        ];
        let svg = bars("t", &rows, None).unwrap_or_default();
        assert!(!svg.contains("<script>"), "{svg}");
        assert!(
            svg.contains("&#60;script&#62;") || svg.contains("&lt;script&gt;"),
            "{svg}"
        );
        assert!(svg.contains(r#"width="185""#), "{svg}");
        assert_eq!(svg.matches("<rect").count(), 2);
    }

    #[test]
    fn long_labels_are_shortened() {
        assert_eq!(shorten("一二三", 3), "一二三");
        assert_eq!(shorten("一二三四", 3), "一二…");
    }
}
