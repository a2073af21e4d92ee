//! How often each risk grade is inspected, and when an establishment is due: the one rule the
//! home screen's due list and the period summary both apply (docs/settings.md).

use chrono::NaiveDate;

use super::establishment::RiskGrade;

/// Full inspections a year by risk grade. The defaults follow the 2016 CFDA rules as many
/// provinces apply them (A ≥ 1, B 2, C 3, D 4); a district with its own rule sets them
/// in the station's settings (docs/settings.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Frequencies {
    pub a: u32,
    pub b: u32,
    pub c: u32,
    pub d: u32,
}

/// Why a frequency text was refused, naming the part that is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FrequencyError {
    #[error("{part:?}: not grade=count")]
    NotAPair { part: String },
    #[error("{part:?}: no risk grade {grade:?} (A, B, C or D)")]
    NoSuchGrade { part: String, grade: String },
    #[error("{part:?}: {count:?} is not a whole number from 1 to 365")]
    BadCount { part: String, count: String },
}

impl FrequencyError {
    pub fn part(&self) -> &str {
        match self {
            Self::NotAPair { part }
            | Self::NoSuchGrade { part, .. }
            | Self::BadCount { part, .. } => part,
        }
    }
}

impl Frequencies {
    pub const DEFAULT: Frequencies = Frequencies {
        a: 1,
        b: 2,
        c: 3,
        d: 4,
    };

    /// Reads `A=1,B=2,C=3,D=4` (any order, spaces and `，`/`;` allowed, `A级` too; grades left
    /// out keep the default). A part that is not `grade=whole number 1–365` is refused.
    pub fn read(text: &str) -> Result<Frequencies, FrequencyError> {
        let mut frequencies = Self::DEFAULT;
        for part in text
            .split([',', '，', ';'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            let (grade, count) = part
                .split_once('=')
                .ok_or_else(|| FrequencyError::NotAPair {
                    part: part.to_string(),
                })?;
            let n: u32 = count
                .trim()
                .parse()
                .ok()
                .filter(|n| (1..=365).contains(n))
                .ok_or_else(|| FrequencyError::BadCount {
                    part: part.to_string(),
                    count: count.trim().to_string(),
                })?;
            match RiskGrade::parse(grade).ok_or_else(|| FrequencyError::NoSuchGrade {
                part: part.to_string(),
                grade: grade.trim().to_string(),
            })? {
                RiskGrade::A => frequencies.a = n,
                RiskGrade::B => frequencies.b = n,
                RiskGrade::C => frequencies.c = n,
                RiskGrade::D => frequencies.d = n,
            }
        }
        Ok(frequencies)
    }

    /// [`Frequencies::read`], without saying what is wrong.
    pub fn parse(text: &str) -> Option<Frequencies> {
        Self::read(text).ok()
    }

    pub fn per_year(&self, grade: RiskGrade) -> u32 {
        match grade {
            RiskGrade::A => self.a,
            RiskGrade::B => self.b,
            RiskGrade::C => self.c,
            RiskGrade::D => self.d,
        }
    }

    /// An ungraded establishment is inspected once a year, as the least frequent grade.
    pub fn for_grade(&self, grade: Option<RiskGrade>) -> u32 {
        grade.map_or(1, |g| self.per_year(g))
    }

    /// The text form [`Frequencies::read`] reads back.
    pub fn to_text(&self) -> String {
        format!("A={},B={},C={},D={}", self.a, self.b, self.c, self.d)
    }
}

impl Default for Frequencies {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// Days between inspections at `per_year` a year: 12 months ÷ the frequency.
pub fn interval_days(per_year: u32) -> i64 {
    i64::from(365 / per_year.max(1))
}

/// How many days past due an establishment last inspected on `last` is on `day` (0 = due today),
/// or `None` when it is not yet due. Never inspected is due, as far past as can be.
pub fn overdue_days(last: Option<NaiveDate>, per_year: u32, day: NaiveDate) -> Option<i64> {
    let overdue = match last {
        None => i64::MAX,
        Some(last) => (day - last).num_days() - interval_days(per_year),
    };
    (overdue >= 0).then_some(overdue)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_grades_in_any_form_and_names_the_wrong_part() {
        let f = Frequencies::read("A=1, b=3，D级=6").unwrap();
        assert_eq!((f.a, f.b, f.c, f.d), (1, 3, 3, 6));
        assert_eq!(Frequencies::read(""), Ok(Frequencies::DEFAULT));
        assert_eq!(Frequencies::read(&f.to_text()), Ok(f));
        assert_eq!(Frequencies::read("A=1,B=0").unwrap_err().part(), "B=0");
        assert!(matches!(
            Frequencies::read("E=2"),
            Err(FrequencyError::NoSuchGrade { .. })
        ));
        assert!(matches!(
            Frequencies::read("A"),
            Err(FrequencyError::NotAPair { .. })
        ));
    }

    #[test]
    fn due_when_twelve_months_over_the_frequency_have_passed() {
        let day = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        let ago = |n| Some(day - chrono::Days::new(n));
        // D grade four times a year: every 91 days.
        assert_eq!(overdue_days(ago(100), 4, day), Some(9));
        assert_eq!(overdue_days(ago(91), 4, day), Some(0));
        assert_eq!(overdue_days(ago(90), 4, day), None);
        assert_eq!(overdue_days(None, 1, day), Some(i64::MAX));
    }
}
