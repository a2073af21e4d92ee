//! The bureau's list of inspectors as a CSV the office keeps in Excel (docs/planning.md):
//! UTF-8 or GBK, Chinese headers, read with the roster's helpers and reported the same way
//! (file, line and column). A file with any bad row imports nothing.

use std::collections::HashMap;

use super::{LineCounter, MAX_FIELD_CHARS, RosterError, RosterProblem, encoding, forbidden};
use crate::domain::planning::OfficeInspector;

/// The columns; 姓名 and 执法证号 are required.
pub const COLUMNS: [&str; 6] = ["姓名", "执法证号", "单位", "站点代码", "在岗", "辖区"];

const REQUIRED: [&str; 2] = ["姓名", "执法证号"];

/// Reads a whole inspectors file. Every bad row is reported; rows are returned only when none
/// is. Missing optional columns are allowed (在岗 then means yes).
pub fn read(bytes: &[u8]) -> Result<Vec<OfficeInspector>, Vec<RosterError>> {
    let at = |line, column: Option<&str>, problem| RosterError {
        line,
        column: column.map(str::to_string),
        problem,
    };
    if bytes.len() > super::MAX_FILE_BYTES {
        let limit = super::MAX_FILE_BYTES;
        return Err(vec![at(1, None, RosterProblem::FileTooLarge { limit })]);
    }
    let (text, _) = encoding::decode(bytes).map_err(|bad| {
        let (line, _) = encoding::locate(bytes, bad.offset);
        vec![at(line, None, RosterProblem::Encoding(bad.problem))]
    })?;
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(h) if h.iter().any(|f| !f.trim().is_empty()) => {
            h.iter().map(|f| f.trim().to_string()).collect()
        }
        Ok(_) => return Err(vec![at(1, None, RosterProblem::NoHeader)]),
        Err(e) => return Err(vec![at(1, None, RosterProblem::Malformed(e.to_string()))]),
    };
    let mut errors = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for name in COLUMNS {
        let found: Vec<usize> = (0..headers.len()).filter(|&i| headers[i] == name).collect();
        match found.as_slice() {
            [one] => {
                index.insert(name, *one);
            }
            [] if REQUIRED.contains(&name) => {
                errors.push(at(1, Some(name), RosterProblem::MissingColumn))
            }
            [] => {}
            _ => errors.push(at(1, Some(name), RosterProblem::DuplicateColumn)),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut out = Vec::new();
    let mut badges: HashMap<String, u64> = HashMap::new();
    let mut counter = LineCounter::default();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e
                    .position()
                    .map_or(0, |p| counter.line_at(text.as_bytes(), p.byte()));
                errors.push(at(line, None, RosterProblem::Malformed(e.to_string())));
                continue;
            }
        };
        let line = record
            .position()
            .map_or(0, |p| counter.line_at(text.as_bytes(), p.byte()));
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if record.len() != headers.len() {
            let (expected, found) = (headers.len(), record.len());
            errors.push(at(
                line,
                None,
                RosterProblem::WrongFieldCount { expected, found },
            ));
            continue;
        }
        let mut bad = false;
        for (i, f) in record.iter().enumerate() {
            let problem = if f.chars().count() > MAX_FIELD_CHARS {
                RosterProblem::TooLong {
                    limit: MAX_FIELD_CHARS,
                }
            } else if let Some(c) = f.chars().find(|c| forbidden(*c)) {
                RosterProblem::ForbiddenCharacter(c)
            } else {
                continue;
            };
            errors.push(at(line, headers.get(i).map(String::as_str), problem));
            bad = true;
        }
        if bad {
            continue;
        }
        let field = |name: &str| {
            index
                .get(name)
                .and_then(|i| record.get(*i))
                .unwrap_or_default()
                .trim()
                .to_string()
        };
        for name in REQUIRED {
            if field(name).is_empty() {
                errors.push(at(line, Some(name), RosterProblem::Required));
            }
        }
        let badge = super::normalize_identifier(&field("执法证号"));
        if !badge.is_empty()
            && let Some(other_line) = badges.insert(badge.clone(), line)
        {
            errors.push(at(
                line,
                Some("执法证号"),
                RosterProblem::DuplicateIdentifier { other_line },
            ));
        }
        let active = match field("在岗").as_str() {
            "" | "是" | "在岗" | "yes" | "y" | "1" => true,
            "否" | "停用" | "离岗" | "no" | "n" | "0" => false,
            other => {
                errors.push(at(
                    line,
                    Some("在岗"),
                    RosterProblem::BadActive(other.to_string()),
                ));
                true
            }
        };
        out.push(OfficeInspector {
            badge,
            name: field("姓名"),
            unit: field("单位"),
            station: field("站点代码").to_ascii_uppercase(),
            active,
            towns: field("辖区")
                .split(['、', '|', ';', '；'])
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_string)
                .collect(),
        });
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_gbk_and_reports_line_and_column() {
        let text = "姓名,执法证号,单位,站点代码,在岗,辖区\n王明,21080001,望海所,ab12cd,是,望海街道、红旗镇\n李静,21080002,红旗所,,否,\n";
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        let list = read(&gbk).unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!(list[0].towns, ["望海街道", "红旗镇"]);
        assert_eq!(list[0].station, "AB12CD");
        assert!(!list[1].active);
        let bad = "姓名,执法证号,在岗\n王明,21080001,是\n,21080001,也许\n";
        let errors = read(bad.as_bytes()).unwrap_err();
        let at: Vec<(u64, Option<&str>)> = errors
            .iter()
            .map(|e| (e.line, e.column.as_deref()))
            .collect();
        assert_eq!(
            at,
            [(3, Some("姓名")), (3, Some("执法证号")), (3, Some("在岗"))]
        );
    }
}
