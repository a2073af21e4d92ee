//! What can be wrong with a checklist file, and where.

use std::fmt;

/// One problem in one checklist file, at a 1-based line and column.
#[derive(Debug, Clone, PartialEq)]
pub struct ChecklistError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub problem: Problem,
}

/// The rule a checklist file breaks. Rendered for people by `i18n`.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// The file could not be read, or is not UTF-8 text.
    Unreadable(String),
    /// Not valid TOML, or a value of the wrong type; the parser's own words.
    Syntax(String),
    UnknownField(String),
    MissingField(String),
    /// A value outside a fixed set (item kind, on_fail), with the parser's own words.
    UnknownValue(String),
    BadChecklistId(String),
    DuplicateChecklistId {
        id: String,
        other_file: String,
    },
    EmptyText(&'static str),
    NoAppliesTo,
    UnknownEstablishmentKind(String),
    NoSections,
    EmptySection(String),
    DuplicateSection(String),
    DuplicateItem(String),
    IncludeWithItems,
    SectionWithoutTitle,
    UnknownInclude(String),
    IncludeCycle(Vec<String>),
    IncludedTwice(String),
    MeasurementWithoutUnit,
    MeasurementWithoutLimits,
    MinAboveMax {
        min: f64,
        max: f64,
    },
    /// `nan` or `inf` as a limit.
    LimitNotFinite,
    LimitsOnNonMeasurement,
    TooFewOptions,
    EmptyOption,
    DuplicateOption(String),
    OptionsOnNonChoice,
}

impl fmt::Display for ChecklistError {
    /// English, for logs; people see `i18n::checklist_error`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {:?}",
            self.file, self.line, self.column, self.problem
        )
    }
}

impl std::error::Error for ChecklistError {}

/// Converts byte offsets into 1-based line and column (in characters) of one source text.
pub(crate) struct Positions<'a> {
    source: &'a str,
}

impl<'a> Positions<'a> {
    pub(crate) fn new(source: &'a str) -> Self {
        Self { source }
    }

    pub(crate) fn line_col(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.source.len());
        while !self.source.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &self.source[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        (line, column)
    }
}

#[cfg(test)]
mod tests {
    use super::Positions;

    #[test]
    fn columns_count_characters_not_bytes() {
        let source = "a = 1\ntitle = \"留样\" x";
        let positions = Positions::new(source);
        assert_eq!(positions.line_col(0), (1, 1));
        let x = source.find('x').unwrap_or_default();
        assert_eq!(positions.line_col(x), (2, 14));
    }
}
