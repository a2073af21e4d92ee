//! The roster CSV the office keeps in Excel: UTF-8 (with or without BOM) or GBK, Chinese
//! headers. See docs/roster.md. A file with any bad row yields errors only: nothing is imported
//! from it, so a re-import after fixing it is the whole truth again.

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

/// The largest roster file, in bytes: a district of 20,000 establishments is under 10 MB.
pub const MAX_FILE_BYTES: usize = 64 << 20;

/// Which text encoding the file turned out to be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Gbk,
}

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
    WrongFieldCount {
        expected: usize,
        found: usize,
    },
    Required,
    UnknownKind(String),
    BadRiskGrade(String),
    BadBrightKitchen(String),
    /// The same license number (or credit code) as an earlier line.
    DuplicateIdentifier {
        other_line: u64,
    },
    /// A field longer than [`MAX_FIELD_CHARS`].
    TooLong {
        limit: usize,
    },
    /// The file is larger than [`MAX_FILE_BYTES`].
    FileTooLarge {
        limit: usize,
    },
}

/// Decodes the bytes: UTF-8 (a BOM is dropped) when they are valid UTF-8, otherwise GBK as
/// Excel in China saves it (read as GB18030, its superset).
pub fn decode(bytes: &[u8]) -> (String, Encoding) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), Encoding::Utf8),
        Err(_) => {
            let (text, _, _) = encoding_rs::GB18030.decode(bytes);
            (text.into_owned(), Encoding::Gbk)
        }
    }
}

/// Parses a whole roster file. Every bad row is reported; rows are returned only when none is.
pub fn parse(bytes: &[u8]) -> Result<(Vec<EstablishmentFacts>, Encoding), Vec<RosterError>> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(vec![RosterError {
            line: 1,
            column: None,
            problem: RosterProblem::FileTooLarge {
                limit: MAX_FILE_BYTES,
            },
        }]);
    }
    let (text, encoding) = decode(bytes);
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

    let mut rows = Vec::new();
    let mut seen: Vec<(String, u64)> = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                errors.push(RosterError {
                    line,
                    column: None,
                    problem: RosterProblem::Malformed(e.to_string()),
                });
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
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
        // Checked before any other field problem, so no message repeats a huge value.
        if let Some(i) = record
            .iter()
            .position(|f| f.len() > MAX_FIELD_CHARS && f.chars().count() > MAX_FIELD_CHARS)
        {
            errors.push(RosterError {
                line,
                column: headers.get(i).cloned(),
                problem: RosterProblem::TooLong {
                    limit: MAX_FIELD_CHARS,
                },
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
        for name in ["许可证编号", "统一社会信用代码"] {
            let id = field(name);
            if id.is_empty() {
                continue;
            }
            let key = format!("{name}:{id}");
            match seen.iter().find(|(k, _)| *k == key) {
                Some((_, other_line)) => problem(
                    name,
                    RosterProblem::DuplicateIdentifier {
                        other_line: *other_line,
                    },
                ),
                None => seen.push((key, line)),
            }
        }
        if let Some(kind) = kind {
            rows.push(EstablishmentFacts {
                name: field("名称"),
                kind,
                address: field("地址"),
                town: field("镇街道"),
                person_in_charge: field("负责人"),
                phone: field("电话"),
                license_no: field("许可证编号"),
                credit_code: field("统一社会信用代码"),
                risk_grade,
                bright_kitchen,
            });
        }
    }
    if errors.is_empty() {
        Ok((rows, encoding))
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str =
        "名称,类型,地址,镇街道,负责人,电话,许可证编号,统一社会信用代码,风险等级,明厨亮灶\n";

    #[test]
    fn utf8_with_bom_and_gbk_read_the_same() {
        let text = format!("{HEADER}海之味快餐,餐馆,青禾路1号,红海街道,李某,,JY1,,B,透明厨房\n");
        let (utf8, enc) = parse(text.as_bytes()).expect("parses");
        assert_eq!(enc, Encoding::Utf8);
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(text.as_bytes());
        assert_eq!(parse(&bom).expect("parses").0, utf8);
        let (gbk, _, _) = encoding_rs::GBK.encode(&text);
        let (from_gbk, enc) = parse(&gbk).expect("parses");
        assert_eq!(enc, Encoding::Gbk);
        assert_eq!(from_gbk, utf8);
        assert_eq!(utf8[0].name, "海之味快餐");
    }

    #[test]
    fn every_bad_row_is_reported_with_line_and_column() {
        let text = format!(
            "{HEADER}甲,餐馆,,红海街道,,,JY1,,B,\n乙,饭店,,红海街道,,,JY2,,E,\n丙,餐馆,,,,,JY1,,A,\n"
        );
        let errors = parse(text.as_bytes()).expect_err("fails");
        let found: Vec<(u64, Option<&str>)> = errors
            .iter()
            .map(|e| (e.line, e.column.as_deref()))
            .collect();
        assert_eq!(
            found,
            vec![
                (3, Some("类型")),
                (3, Some("风险等级")),
                (4, Some("镇街道")),
                (4, Some("许可证编号")),
            ]
        );
        assert_eq!(errors[1].problem, RosterProblem::BadRiskGrade("E".into()));
    }

    #[test]
    fn a_missing_column_is_reported_on_line_1() {
        let errors = parse("名称,类型\n甲,餐馆\n".as_bytes()).expect_err("fails");
        assert!(errors.iter().all(|e| e.line == 1));
        assert!(errors.iter().any(|e| e.column.as_deref() == Some("镇街道")));
    }
}
