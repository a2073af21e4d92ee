//! The roster CSV the office keeps in Excel: UTF-8 (with or without BOM) or GBK, Chinese
//! headers. See docs/roster.md. A file with any bad row yields errors only: nothing is imported
//! from it, so a re-import after fixing it is the whole truth again.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use crate::domain::establishment::{
    BrightKitchen, EstablishmentFacts, EstablishmentKind, RiskGrade,
};

/// The columns, in the order the office's sheet has them; the order in a file may differ.
pub const COLUMNS: [&str; 10] = [
    "名称",
    "类型",
    "地址",
    "镇街道",
    "负责人",
    "电话",
    "许可证编号",
    "统一社会信用代码",
    "风险等级",
    "明厨亮灶",
];

const REQUIRED: [&str; 3] = ["名称", "类型", "镇街道"];

/// The longest field, in characters. The longest real names and addresses are under 100; a
/// 50 MB "name" is a damaged or hostile file and must not reach the database or the screen.
pub const MAX_FIELD_CHARS: usize = 500;

/// The largest roster file, in bytes: a district of 20,000 establishments is under 3 MB, and a
/// million rows about 140 MB (BENCHMARKS.md), which is imported in well under a minute.
pub const MAX_FILE_BYTES: usize = 256 << 20;

mod encoding;
pub mod inspectors;
pub use encoding::{BadBytes, Encoding, EncodingProblem, decode};

/// A problem on one line (1-based, the header is line 1) and column of the file.
#[derive(Debug, Clone, PartialEq)]
pub struct RosterError {
    pub line: u64,
    /// The header of the column, when the problem is in one field.
    pub column: Option<String>,
    pub problem: RosterProblem,
}

#[derive(Debug, Clone, PartialEq)]
pub enum RosterProblem {
    /// The file is empty or its first line is not a header.
    NoHeader,
    MissingColumn,
    DuplicateColumn,
    /// Not valid CSV here (e.g. an unclosed quote), with the parser's words.
    Malformed(String),
    /// The bytes are not text in the file's one encoding here.
    Encoding(EncodingProblem),
    /// A control character (NUL, ESC…), a byte-order mark after the start of the file, or an
    /// invisible formatting character (bidi override, zero-width space): none belongs in a
    /// roster, and each would print or match differently from what the office sees in Excel.
    ForbiddenCharacter(char),
    WrongFieldCount {
        expected: usize,
        found: usize,
    },
    Required,
    UnknownKind(String),
    BadRiskGrade(String),
    BadBrightKitchen(String),
    /// The same license number (or credit code) as an earlier line, once normalised.
    DuplicateIdentifier {
        other_line: u64,
    },
    /// The same name and address as an earlier line.
    DuplicateNameAddress {
        other_line: u64,
    },
    /// A field longer than [`MAX_FIELD_CHARS`].
    TooLong {
        limit: usize,
    },
    /// Inspectors file: 在岗 is not 是/否 (src/roster/inspectors.rs).
    BadActive(String),
    /// The file is larger than [`MAX_FILE_BYTES`].
    FileTooLarge {
        limit: usize,
    },
}

/// A roster file read whole: its rows with their lines, and what was not imported from it.
#[derive(Debug, Clone, PartialEq)]
pub struct Roster {
    pub rows: Vec<EstablishmentFacts>,
    /// The line each row starts on, for messages about a row found later (1-based).
    pub lines: Vec<u64>,
    pub encoding: Encoding,
    /// Header names that are not roster columns; their values are not imported. A column
    /// without a header shows as its position ("第 12 列").
    pub unknown_columns: Vec<String>,
}

/// Parses a whole roster file. Every bad row is reported; rows are returned only when none is.
pub fn parse(bytes: &[u8]) -> Result<(Vec<EstablishmentFacts>, Encoding), Vec<RosterError>> {
    read(bytes).map(|r| (r.rows, r.encoding))
}

/// The licence number or credit code as it is matched and stored: full-width letters and
/// digits made half-width, letters upper case, and no spaces anywhere (`ｊｙ 3210` → `JY3210`).
pub fn normalize_identifier(s: &str) -> String {
    s.chars()
        .filter_map(|c| {
            let c = match c as u32 {
                0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                _ => c,
            };
            (!c.is_whitespace()).then(|| c.to_ascii_uppercase())
        })
        .collect()
}

/// Parses a whole roster file, with the columns it ignores. See [`parse`].
pub fn read(bytes: &[u8]) -> Result<Roster, Vec<RosterError>> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(vec![RosterError {
            line: 1,
            column: None,
            problem: RosterProblem::FileTooLarge {
                limit: MAX_FILE_BYTES,
            },
        }]);
    }
    let (text, encoding) = encoding::decode(bytes).map_err(|bad| {
        let (line, field) = encoding::locate(bytes, bad.offset);
        // The header is line 1, already read in the file's encoding when the fault is later.
        let column = (line > 1)
            .then(|| {
                let header = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
                let (header, _) = encoding::decode(header).ok()?;
                header.split(',').nth(field).map(|h| h.trim().to_string())
            })
            .flatten();
        vec![RosterError {
            line,
            column,
            problem: RosterProblem::Encoding(bad.problem),
        }]
    })?;
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let header_error = |problem, column: Option<&str>| RosterError {
        line: 1,
        column: column.map(str::to_string),
        problem,
    };
    let headers: Vec<String> = match reader.headers() {
        Ok(h) if !h.is_empty() && h.iter().any(|f| !f.trim().is_empty()) => {
            h.iter().map(|f| f.trim().to_string()).collect()
        }
        Ok(_) => return Err(vec![header_error(RosterProblem::NoHeader, None)]),
        Err(e) => {
            return Err(vec![header_error(
                RosterProblem::Malformed(e.to_string()),
                None,
            )]);
        }
    };
    let mut errors = Vec::new();
    for header in &headers {
        if let Some(c) = header.chars().find(|c| forbidden(*c)) {
            errors.push(header_error(RosterProblem::ForbiddenCharacter(c), None));
        }
    }
    let mut index = [0usize; COLUMNS.len()];
    for (slot, name) in index.iter_mut().zip(COLUMNS) {
        let found: Vec<usize> = (0..headers.len()).filter(|&i| headers[i] == name).collect();
        match found.as_slice() {
            [one] => *slot = *one,
            [] => errors.push(header_error(RosterProblem::MissingColumn, Some(name))),
            _ => errors.push(header_error(RosterProblem::DuplicateColumn, Some(name))),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let unknown_columns = headers
        .iter()
        .enumerate()
        .filter(|(_, h)| !COLUMNS.contains(&h.as_str()))
        .map(|(i, h)| match h.as_str() {
            "" => format!("#{}", i + 1),
            h => h.to_string(),
        })
        .collect();

    let mut rows = Vec::new();
    let mut lines = Vec::new();
    let mut seen = Seen::default();
    let mut counter = LineCounter::default();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                let line = e
                    .position()
                    .map_or(0, |p| counter.line_at(text.as_bytes(), p.byte()));
                errors.push(RosterError {
                    line,
                    column: None,
                    problem: RosterProblem::Malformed(e.to_string()),
                });
                continue;
            }
        };
        // The csv reader's own line count is off for a CSV saved by Excel (CRLF): the line is
        // counted from the record's byte offset instead.
        let line = record
            .position()
            .map_or(0, |p| counter.line_at(text.as_bytes(), p.byte()));
        if record.iter().all(|f| f.trim().is_empty()) {
            continue; // Excel leaves blank lines at the end of a sheet.
        }
        if record.len() != headers.len() {
            errors.push(RosterError {
                line,
                column: None,
                problem: RosterProblem::WrongFieldCount {
                    expected: headers.len(),
                    found: record.len(),
                },
            });
            continue;
        }
        // Checked before any other field problem, so no message repeats a huge value or a
        // control character.
        let refused = record.iter().enumerate().find_map(|(i, f)| {
            let problem = if f.len() > MAX_FIELD_CHARS && f.chars().count() > MAX_FIELD_CHARS {
                RosterProblem::TooLong {
                    limit: MAX_FIELD_CHARS,
                }
            } else {
                RosterProblem::ForbiddenCharacter(f.chars().find(|c| forbidden(*c))?)
            };
            Some((i, problem))
        });
        if let Some((i, problem)) = refused {
            errors.push(RosterError {
                line,
                column: headers.get(i).cloned(),
                problem,
            });
            continue;
        }
        let field = |name: &str| {
            let i = COLUMNS.iter().position(|c| *c == name).unwrap_or(0);
            record.get(index[i]).unwrap_or_default().trim().to_string()
        };
        let mut problem = |name: &str, problem| {
            errors.push(RosterError {
                line,
                column: Some(name.to_string()),
                problem,
            })
        };
        for name in REQUIRED {
            if field(name).is_empty() {
                problem(name, RosterProblem::Required);
            }
        }
        let kind_text = field("类型");
        let kind = EstablishmentKind::parse(&kind_text);
        if kind.is_none() && !kind_text.is_empty() {
            problem("类型", RosterProblem::UnknownKind(kind_text));
        }
        let grade_text = field("风险等级");
        let risk_grade = RiskGrade::parse(&grade_text);
        if risk_grade.is_none() && !grade_text.is_empty() {
            problem("风险等级", RosterProblem::BadRiskGrade(grade_text));
        }
        let kitchen_text = field("明厨亮灶");
        let bright_kitchen = BrightKitchen::parse(&kitchen_text);
        if bright_kitchen.is_none() && !kitchen_text.is_empty() {
            problem("明厨亮灶", RosterProblem::BadBrightKitchen(kitchen_text));
        }
        let license_no = normalize_identifier(&field("许可证编号"));
        let credit_code = normalize_identifier(&field("统一社会信用代码"));
        for (name, id, seen) in [
            ("许可证编号", &license_no, &mut seen.licences),
            ("统一社会信用代码", &credit_code, &mut seen.credit_codes),
        ] {
            if id.is_empty() {
                continue;
            }
            if let Some(other_line) = first_seen(seen, id.clone(), line) {
                problem(name, RosterProblem::DuplicateIdentifier { other_line });
            }
        }
        let (name, address) = (field("名称"), field("地址"));
        if let Some(other_line) = first_seen(
            &mut seen.names_addresses,
            (name.clone(), address.clone()),
            line,
        ) {
            problem("名称", RosterProblem::DuplicateNameAddress { other_line });
        }
        if let Some(kind) = kind {
            rows.push(EstablishmentFacts {
                name,
                kind,
                address,
                town: field("镇街道"),
                person_in_charge: field("负责人"),
                phone: field("电话"),
                license_no,
                credit_code,
                risk_grade,
                bright_kitchen,
            });
            lines.push(line);
        }
    }
    if errors.is_empty() {
        Ok(Roster {
            rows,
            lines,
            encoding,
            unknown_columns,
        })
    } else {
        Err(errors)
    }
}

/// What earlier lines held, by key, with the first line that held it: one hash lookup per row,
/// so a million-row file is read in linear time (a list searched per row was quadratic).
#[derive(Default)]
struct Seen {
    licences: HashMap<String, u64>,
    credit_codes: HashMap<String, u64>,
    names_addresses: HashMap<(String, String), u64>,
}

/// The line that first held `key`, when an earlier line did; else records `line` for it.
fn first_seen<K: std::hash::Hash + Eq>(
    seen: &mut HashMap<K, u64>,
    key: K,
    line: u64,
) -> Option<u64> {
    match seen.entry(key) {
        Entry::Occupied(first) => Some(*first.get()),
        Entry::Vacant(slot) => {
            slot.insert(line);
            None
        }
    }
}

/// Characters refused in any field: see [`RosterProblem::ForbiddenCharacter`]. Tab and line
/// breaks stay allowed: Excel writes them inside quoted cells.
fn forbidden(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || crate::text::is_invisible_format(c)
}

/// Turns byte offsets of records, which only grow, into 1-based line numbers in one pass.
#[derive(Default)]
struct LineCounter {
    byte: usize,
    newlines: u64,
}

impl LineCounter {
    fn line_at(&mut self, text: &[u8], byte: u64) -> u64 {
        let mut target = usize::try_from(byte).unwrap_or(usize::MAX).min(text.len());
        // A record may be reported from the line break that ends the line before it (the `\n`
        // of a `\r\n`): it starts after any line breaks.
        while text.get(target).is_some_and(|b| matches!(b, b'\r' | b'\n')) {
            target += 1;
        }
        if target >= self.byte {
            self.newlines += text[self.byte..target]
                .iter()
                .filter(|b| **b == b'\n')
                .count() as u64;
            self.byte = target;
        }
        self.newlines + 1
    }
}

#[cfg(test)]
mod tests;
