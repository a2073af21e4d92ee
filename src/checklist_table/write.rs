//! Writing the checklist TOML for a table, and remembering which sheet cell each line came
//! from so that the format's own rules report there.

use super::ImportOptions;
use super::layout::{Cell, Table};

/// The TOML text and, for each line that holds a value from the sheet, that value's cell.
pub struct Written {
    pub toml: String,
    /// `(1-based TOML line, cell)`, in line order.
    pub cells: Vec<(usize, Cell)>,
}

struct Writer {
    text: String,
    line: usize,
    cells: Vec<(usize, Cell)>,
}

impl Writer {
    fn raw(&mut self, text: &str) {
        self.text.push_str(text);
        self.text.push('\n');
        self.line += 1 + text.matches('\n').count();
    }

    fn field(&mut self, name: &str, value: &str, from: Option<Cell>) {
        if let Some(cell) = from {
            self.cells.push((self.line, cell));
        }
        self.raw(&format!("{name} = {}", quoted(value)));
    }
}

/// A TOML basic string: quotes, backslashes and control characters escaped.
pub fn quoted(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

pub fn write_toml(table: &Table, options: &ImportOptions, source: &str) -> Written {
    let mut w = Writer {
        text: String::new(),
        line: 1,
        cells: Vec::new(),
    };
    // A file name could hold a line break, which would end the comment.
    let source: String = source
        .chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .collect();
    w.raw(&format!(
        "# 由 shian checklists import 从 {source} 生成。请核对：编号和重点项（*）与原表一致；"
    ));
    w.raw("# 措辞要让“符合”表示合规（见 docs/checklist-format.md）。");
    w.field("id", &options.id, None);
    w.field("version", &options.version, None);
    w.field("title", &options.title, None);
    let kinds: Vec<String> = options.applies_to.iter().map(|k| quoted(k)).collect();
    w.raw(&format!("applies_to = [{}]", kinds.join(", ")));
    if let Some(outcome) = &options.outcome {
        w.field("outcome", outcome, None);
    }
    if let Some(form) = &options.form {
        w.field("form", form, None);
    }
    for (index, section) in table.sections.iter().enumerate() {
        w.raw("");
        w.raw("[[section]]");
        w.field("id", &(index + 1).to_string(), None);
        let title = if section.title.is_empty() {
            &options.title
        } else {
            &section.title
        };
        w.field("title", title, Some(section.at));
        for item in &section.items {
            w.raw("");
            w.raw("[[section.item]]");
            w.field("id", &item.number, Some(item.number_at));
            w.field("text", &item.text, Some(item.text_at));
            if item.key {
                w.raw("key = true");
            }
            if let Some(method) = &item.method {
                w.field("guidance", method, Some(item.text_at));
            }
            if let Some(basis) = &item.basis {
                w.field("basis", basis, Some(item.text_at));
            }
        }
    }
    Written {
        toml: w.text,
        cells: w.cells,
    }
}

impl Written {
    /// The sheet cell behind a TOML line: the nearest value at or above it. `None` for the
    /// head, whose values come from the command line.
    pub fn cell_of(&self, line: usize) -> Option<Cell> {
        self.cells
            .iter()
            .take_while(|(at, _)| *at <= line)
            .last()
            .map(|(_, cell)| *cell)
    }
}

#[cfg(test)]
mod tests {
    use super::quoted;

    #[test]
    fn quotes_backslashes_and_control_characters_stay_inside_the_string() {
        let text = "标注\"本品不能代替药物\"\\第2条\n\t\u{7}";
        let toml = format!("text = {}\n", quoted(text));
        assert_eq!(toml.lines().count(), 1);
        let value: toml::Table = toml::from_str(&toml).unwrap_or_default();
        assert_eq!(value["text"].as_str(), Some(text));
    }
}
