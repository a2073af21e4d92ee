//! Narrowing the roster by kind, risk grade and town, on top of the search.

use crate::domain::establishment::{Establishment, EstablishmentKind, RiskGrade};
use crate::i18n::tui::Text;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub kind: Option<EstablishmentKind>,
    pub grade: Option<RiskGrade>,
    pub town: Option<String>,
}

/// The next value after `current` among `values`, then none again.
fn next<T: PartialEq + Clone>(values: &[T], current: &Option<T>) -> Option<T> {
    match current {
        None => values.first().cloned(),
        Some(c) => {
            let at = values.iter().position(|v| v == c)?;
            values.get(at + 1).cloned()
        }
    }
}

impl Filters {
    pub fn matches(&self, e: &Establishment) -> bool {
        let f = &e.facts;
        self.kind.is_none_or(|k| f.kind == k)
            && self.grade.is_none_or(|g| f.risk_grade == Some(g))
            && self.town.as_ref().is_none_or(|t| &f.town == t)
    }

    /// Only kinds present in the roster are offered.
    pub fn cycle_kind(&mut self, roster: &[Establishment]) {
        let kinds: Vec<EstablishmentKind> = EstablishmentKind::ALL
            .into_iter()
            .filter(|k| roster.iter().any(|e| e.facts.kind == *k))
            .collect();
        self.kind = next(&kinds, &self.kind);
    }

    pub fn cycle_grade(&mut self) {
        self.grade = next(&RiskGrade::ALL, &self.grade);
    }

    pub fn cycle_town(&mut self, roster: &[Establishment]) {
        let mut towns: Vec<String> = roster
            .iter()
            .map(|e| e.facts.town.clone())
            .filter(|t| !t.is_empty())
            .collect();
        towns.sort();
        towns.dedup();
        self.town = next(&towns, &self.town);
    }

    /// "类型 学校食堂 | 等级 全部 | 镇街道 全部"
    pub fn label(&self, t: Text) -> String {
        let lang = t.lang();
        format!(
            "{} {} | {} {} | {} {}",
            t.kind(),
            self.kind.map_or(t.all(), |k| lang.kind(k)),
            t.risk_grade(),
            self.grade.map_or(t.all(), |g| g.code()),
            t.town(),
            self.town.as_deref().unwrap_or(t.all()),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cycling_goes_through_every_value_and_back_to_all() {
        let roster = crate::tui::tests::roster();
        let mut f = Filters::default();
        f.cycle_kind(&roster);
        assert_eq!(f.kind, Some(EstablishmentKind::SchoolCanteen));
        let schools = roster.iter().filter(|e| f.matches(e)).count();
        assert_eq!(schools, 14);
        for _ in 0..4 {
            f.cycle_grade();
        }
        assert_eq!(f.grade, Some(RiskGrade::D));
        f.cycle_grade();
        assert_eq!(f.grade, None);
        f.cycle_town(&roster);
        assert!(f.town.is_some());
    }
}
