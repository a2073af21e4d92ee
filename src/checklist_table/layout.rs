//! From the cells of a sheet to sections and items, the way bureaus lay their tables out: a
//! header row naming the columns (序号, 检查内容, and optionally a section column, 检查方法 and
//! 依据), sections either in their own column (often merged) or on rows of their own, and a `*`
//! before or after the number of a key item. Title rows above the header may state the counts
//! ("重点项(*)20项，一般项36项，共56项"); when they do, the items found must match them.

use super::{Grid, TableProblem};

/// One cell's place, for errors: 1-based row and column of the sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    pub row: usize,
    pub column: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub sections: Vec<TableSection>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TableSection {
    pub title: String,
    pub at: Cell,
    /// The count the heading states, as in `原料控制（8项）`.
    pub stated: Option<usize>,
    pub items: Vec<TableItem>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TableItem {
    pub number: String,
    pub key: bool,
    pub text: String,
    pub method: Option<String>,
    pub basis: Option<String>,
    /// Where the number and the text stand.
    pub number_at: Cell,
    pub text_at: Cell,
}

#[derive(Debug, Clone, Copy, Default)]
struct Columns {
    section: Option<usize>,
    number: Option<usize>,
    content: Option<usize>,
    method: Option<usize>,
    basis: Option<usize>,
}

/// Header words per column, compared with spaces removed.
const SECTION: &[&str] = &["检查项目", "项目", "部分", "检查环节", "环节", "类别"];
const NUMBER: &[&str] = &["序号", "编号", "条目编号", "项目序号"];
const CONTENT: &[&str] = &["检查内容", "检查要点", "内容"];
const METHOD: &[&str] = &["检查方法", "检查方式", "检查指引", "方法"];
const BASIS: &[&str] = &["依据", "检查依据", "法律依据", "法规依据", "相关依据"];

/// How far down the header row may be (title rows, notes above it).
const HEADER_SEARCH_ROWS: usize = 20;

/// A problem at a place in the sheet.
pub type Found = (Cell, TableProblem);

/// Reads sections and items; every problem found is returned, with its cell.
pub fn read_table(grid: &Grid) -> Result<Table, Vec<Found>> {
    let place = |index: usize, column: usize| Cell {
        row: grid.row_numbers.get(index).copied().unwrap_or(index + 1),
        column: grid.first_column + column,
    };
    let Some((header, columns)) = find_header(grid) else {
        return Err(vec![(place(0, 0), TableProblem::NoHeader)]);
    };
    let mut problems = Vec::new();
    let Some(number_col) = columns.number else {
        return Err(vec![(place(header, 0), TableProblem::NoNumberColumn)]);
    };
    let Some(content_col) = columns.content else {
        return Err(vec![(place(header, 0), TableProblem::NoHeader)]);
    };
    let stated = stated_counts(&grid.rows[..header]);

    let mut sections: Vec<TableSection> = Vec::new();
    let mut loose: Vec<TableItem> = Vec::new();
    for (index, row) in grid.rows.iter().enumerate().skip(header + 1) {
        let cell = |col: Option<usize>| col.and_then(|c| row.get(c)).map_or("", |s| s.trim());
        let Some(first) = row.iter().map(|s| s.trim()).find(|s| !s.is_empty()) else {
            continue;
        };
        if first.starts_with("注") || first.starts_with("说明") {
            break;
        }
        let number = cell(Some(number_col));
        let content = cell(Some(content_col));
        let section_cell = cell(columns.section);
        let number_like = !number.is_empty()
            && key_mark(number)
                .0
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.');
        let heading = if !section_cell.is_empty() {
            Some((section_cell, columns.section.unwrap_or(0)))
        } else if !number_like && (content.is_empty() || looks_like_heading(content)) {
            let col = row.iter().position(|s| !s.trim().is_empty()).unwrap_or(0);
            Some((first, col))
        } else {
            None
        };
        if let Some((title, col)) = heading {
            let (title, stated) = split_count(title);
            let new = sections.last().is_none_or(|s| s.title != title);
            if new {
                sections.push(TableSection {
                    title,
                    at: place(index, col),
                    stated,
                    items: Vec::new(),
                });
            }
            if section_cell.is_empty() || (number.is_empty() && content.is_empty()) {
                continue;
            }
        }
        if number.is_empty() {
            problems.push((place(index, number_col), TableProblem::NoNumber));
            continue;
        }
        let (number, key) = key_mark(number);
        if number.is_empty() {
            problems.push((place(index, number_col), TableProblem::NoNumber));
            continue;
        }
        let item = TableItem {
            number,
            key,
            text: soft_wraps(content),
            method: Some(soft_wraps(cell(columns.method))).filter(|s| !s.is_empty()),
            basis: Some(soft_wraps(cell(columns.basis))).filter(|s| !s.is_empty()),
            number_at: place(index, number_col),
            text_at: place(index, content_col),
        };
        match sections.last_mut() {
            Some(section) => section.items.push(item),
            None => loose.push(item),
        }
    }
    if !loose.is_empty() && !sections.is_empty() {
        problems.push((loose[0].number_at, TableProblem::ItemBeforeSection));
    }
    for section in &sections {
        if section.items.is_empty() {
            problems.push((section.at, TableProblem::EmptySection));
        } else if let Some(stated) = section.stated.filter(|n| *n != section.items.len()) {
            let found = section.items.len();
            problems.push((
                section.at,
                TableProblem::SectionCountDiffers { stated, found },
            ));
        }
    }
    if sections.is_empty() {
        // A table without sections: one section holding every item, titled by the caller.
        sections.push(TableSection {
            title: String::new(),
            at: place(header, content_col),
            stated: None,
            items: loose,
        });
    }
    let table = Table { sections };
    if let Some((at, stated)) = stated {
        let found = table.counts();
        if found != stated {
            problems.push((place(at, 0), TableProblem::CountsDiffer { stated, found }));
        }
    }
    if table.counts().total == 0 {
        problems.push((place(header, content_col), TableProblem::NoItems));
    }
    if problems.is_empty() {
        Ok(table)
    } else {
        Err(problems)
    }
}

/// Key, general and total item counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub key: usize,
    pub general: usize,
    pub total: usize,
}

impl Table {
    pub fn counts(&self) -> Counts {
        let items = || self.sections.iter().flat_map(|s| &s.items);
        let key = items().filter(|i| i.key).count();
        let total = items().count();
        Counts {
            key,
            general: total - key,
            total,
        }
    }
}

fn normalized(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn find_header(grid: &Grid) -> Option<(usize, Columns)> {
    grid.rows
        .iter()
        .take(HEADER_SEARCH_ROWS)
        .enumerate()
        .find_map(|(index, row)| {
            let mut columns = Columns::default();
            for (col, text) in row.iter().enumerate() {
                let word = normalized(text);
                let slot = if CONTENT.contains(&word.as_str()) {
                    &mut columns.content
                } else if NUMBER.contains(&word.as_str()) {
                    &mut columns.number
                } else if SECTION.contains(&word.as_str()) {
                    &mut columns.section
                } else if METHOD.contains(&word.as_str()) {
                    &mut columns.method
                } else if BASIS.contains(&word.as_str()) {
                    &mut columns.basis
                } else {
                    continue;
                };
                slot.get_or_insert(col);
            }
            columns.content.map(|_| (index, columns))
        })
}

/// `*1.1`, `＊1.1`, `1.1*`: the number and whether it is a key item.
fn key_mark(number: &str) -> (String, bool) {
    let marks: &[char] = &['*', '＊'];
    let key = number.starts_with(marks) || number.ends_with(marks);
    let bare = number.trim_matches(marks).trim();
    // Numbers typed as 1．1 with a full-width stop read the same as 1.1.
    (bare.replace('．', "."), key)
}

/// `一、原料控制` or `（一）原料控制` or `1. 原料控制` in the content column is a heading.
fn looks_like_heading(text: &str) -> bool {
    let numerals = "一二三四五六七八九十";
    let mut chars = text.chars();
    match chars.next() {
        Some('（') | Some('(') => chars.next().is_some_and(|c| numerals.contains(c)),
        Some(c) if numerals.contains(c) => {
            let rest: String = chars.take_while(|c| numerals.contains(*c)).collect();
            text[c.len_utf8() + rest.len()..].starts_with(['、', '.', '．'])
        }
        _ => false,
    }
}

/// Takes a trailing count off a section title: `原料控制（8项）` or `原料控制8项` →
/// (`原料控制`, Some(8)), with any leading `一、` taken off too.
fn split_count(title: &str) -> (String, Option<usize>) {
    let title = title.trim();
    if let Some(body) = title.strip_suffix(['）', ')'])
        && let Some(open) = body.rfind(['（', '('])
    {
        let inside = body[open..].trim_start_matches(['（', '(']);
        if let Some(n) = inside
            .strip_suffix('项')
            .and_then(|d| d.trim().parse().ok())
        {
            return (strip_numbering(&body[..open]), Some(n));
        }
    }
    if let Some(body) = title.strip_suffix('项') {
        let head = body.trim_end_matches(|c: char| c.is_ascii_digit());
        if let Ok(n) = body[head.len()..].parse() {
            return (strip_numbering(head), Some(n));
        }
    }
    (strip_numbering(title), None)
}

/// `一、原料控制` → `原料控制`: the section id gives the order, the title keeps the words.
fn strip_numbering(title: &str) -> String {
    let title = title.trim();
    let numerals = "一二三四五六七八九十0123456789";
    let after_paren = title
        .strip_prefix(['（', '('])
        .and_then(|t| t.find(['）', ')']).map(|i| &t[i..]))
        .map(|t| t.trim_start_matches(['）', ')']));
    if let Some(rest) = after_paren {
        return rest.trim().to_string();
    }
    let head: String = title
        .chars()
        .take_while(|c| numerals.contains(*c))
        .collect();
    match title[head.len()..].strip_prefix(['、', '.', '．']) {
        Some(rest) if !head.is_empty() => rest.trim().to_string(),
        _ => title.to_string(),
    }
}

/// Line breaks typed inside a cell (Alt+Enter) are soft wraps: dropped between Chinese
/// characters, a space between Latin words.
fn soft_wraps(text: &str) -> String {
    let mut out = String::new();
    for (i, line) in text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .enumerate()
    {
        if i > 0 && out.ends_with(|c: char| c.is_ascii_alphanumeric()) {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

/// The counts a title row states, as `重点项(*)20项，一般项36项，共56项`, and its row index.
fn stated_counts(rows: &[Vec<String>]) -> Option<(usize, Counts)> {
    rows.iter().enumerate().find_map(|(index, row)| {
        let text = normalized(&row.concat());
        let key = number_after(&text, "重点项")?;
        let general = number_after(&text, "一般项")?;
        let total = number_after(&text, "共").unwrap_or(key + general);
        Some((
            index,
            Counts {
                key,
                general,
                total,
            },
        ))
    })
}

/// The first number after `word` (skipping a mark such as `(*)`), up to the next `项`.
fn number_after(text: &str, word: &str) -> Option<usize> {
    let start = text.find(word)? + word.len();
    let rest = &text[start..];
    let end = rest.find('项')?;
    let digits: String = rest[..end].chars().filter(char::is_ascii_digit).collect();
    digits.parse().ok()
}

#[cfg(test)]
mod tests;
