//! A 双随机 draw (双随机、一公开): establishments drawn from a filtered roster, and for each the
//! inspectors drawn from the active list. Given the same seed, roster and list it gives the
//! same draw anywhere; docs/planning.md states the algorithm step by step so that anyone can
//! re-run it.

use std::collections::BTreeSet;

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::OfficeInspector;
use super::rng::SplitMix64;
use crate::domain::establishment::{Establishment, EstablishmentKind, RiskGrade};

/// Which establishments a draw is made from: every condition given must hold; within one,
/// any of the values.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DrawFilter {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kinds: Vec<EstablishmentKind>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub towns: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub grades: Vec<RiskGrade>,
}

/// What is wrong with a filter's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FilterProblem {
    /// Not `name=value`.
    NotACondition(String),
    UnknownName(String),
    UnknownKind(String),
    UnknownGrade(String),
}

impl DrawFilter {
    /// `kind=学校食堂|幼儿园食堂,town=望海街道,grade=C|D`; `all` (or nothing) is the whole roster.
    /// Names: `kind`/`类型`, `town`/`镇街道`, `grade`/`风险等级`; `,` or `;` between conditions.
    pub fn parse(text: &str) -> Result<DrawFilter, FilterProblem> {
        let mut filter = DrawFilter::default();
        let text = text.trim();
        if text.is_empty() || text == "all" || text == "全部" {
            return Ok(filter);
        }
        for condition in text.split([',', ';', '，', '；']).map(str::trim) {
            if condition.is_empty() {
                continue;
            }
            let (name, values) = condition
                .split_once(['=', '＝'])
                .ok_or_else(|| FilterProblem::NotACondition(condition.to_string()))?;
            let values = values
                .split(['|', '、'])
                .map(str::trim)
                .filter(|v| !v.is_empty());
            match name.trim() {
                "kind" | "类型" => {
                    for v in values {
                        filter.kinds.push(
                            EstablishmentKind::parse(v)
                                .ok_or_else(|| FilterProblem::UnknownKind(v.to_string()))?,
                        );
                    }
                }
                "town" | "镇街道" => filter.towns.extend(values.map(str::to_string)),
                "grade" | "风险等级" => {
                    for v in values {
                        filter.grades.push(
                            RiskGrade::parse(v)
                                .ok_or_else(|| FilterProblem::UnknownGrade(v.to_string()))?,
                        );
                    }
                }
                other => return Err(FilterProblem::UnknownName(other.to_string())),
            }
        }
        Ok(filter)
    }

    pub fn matches(&self, e: &Establishment) -> bool {
        let f = &e.facts;
        (self.kinds.is_empty() || self.kinds.contains(&f.kind))
            && (self.towns.is_empty() || self.towns.contains(&f.town))
            && (self.grades.is_empty() || f.risk_grade.is_some_and(|g| self.grades.contains(&g)))
    }
}

/// The first day an inspection no longer keeps an establishment out of a draw on `day`: three
/// months before (Order 49 art. 42: a higher authority does not repeat the same items within
/// three months). An establishment inspected on this day or later is left out.
pub fn three_months_before(day: NaiveDate) -> NaiveDate {
    day.checked_sub_months(Months::new(3)).unwrap_or(day)
}

/// One drawn establishment with its drawn inspectors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Drawn {
    pub establishment_id: String,
    pub name: String,
    pub town: String,
    pub kind: EstablishmentKind,
    pub inspectors: Vec<OfficeInspector>,
}

impl Drawn {
    /// The drawn inspectors as the screen and the command line list them: 周海明(21080101)、….
    pub fn inspectors_line(&self) -> String {
        let people: Vec<String> = self
            .inspectors
            .iter()
            .map(|p| format!("{}({})", p.name, p.badge))
            .collect();
        people.join("、")
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DrawProblem {
    TooFewEstablishments {
        available: usize,
        asked: usize,
    },
    TooFewInspectors {
        establishment: String,
        available: usize,
        asked: usize,
    },
}

/// Draws `count` of `candidates` and, for each, `per` of `inspectors` (only active ones), never
/// one whose 辖区 holds the establishment's town when `avoid_own_unit`. Both lists are put in a
/// fixed order first (establishments by id, inspectors by 执法证号), so the draw depends only on
/// the seed and the lists, not on how the database returned them.
pub fn draw(
    candidates: &[Establishment],
    inspectors: &[OfficeInspector],
    count: usize,
    per: usize,
    avoid_own_unit: bool,
    seed: u64,
) -> Result<Vec<Drawn>, DrawProblem> {
    let mut pool: Vec<&Establishment> = candidates.iter().collect();
    pool.sort_by(|a, b| a.id.cmp(&b.id));
    pool.dedup_by(|a, b| a.id == b.id);
    if pool.len() < count {
        return Err(DrawProblem::TooFewEstablishments {
            available: pool.len(),
            asked: count,
        });
    }
    let mut people: Vec<&OfficeInspector> = inspectors.iter().filter(|i| i.active).collect();
    people.sort_by(|a, b| a.badge.cmp(&b.badge));
    let mut seen = BTreeSet::new();
    people.retain(|p| seen.insert(p.badge.clone()));
    let mut rng = SplitMix64::new(seed);
    let chosen = rng.choose(&mut pool, count);
    let mut out = Vec::with_capacity(count);
    for e in chosen {
        let mut eligible: Vec<&OfficeInspector> = people
            .iter()
            .copied()
            .filter(|p| !avoid_own_unit || !p.towns.contains(&e.facts.town))
            .collect();
        if eligible.len() < per {
            return Err(DrawProblem::TooFewInspectors {
                establishment: e.facts.name.clone(),
                available: eligible.len(),
                asked: per,
            });
        }
        let drawn = rng.choose(&mut eligible, per);
        out.push(Drawn {
            establishment_id: e.id.clone(),
            name: e.facts.name.clone(),
            town: e.facts.town.clone(),
            kind: e.facts.kind,
            inspectors: drawn.into_iter().cloned().collect(),
        });
    }
    Ok(out)
}

/// A draw as kept, printed and published (一公开): everything needed to re-run it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DrawRecord {
    /// 第 N 次抽取 at this office; a second draw is a new number.
    pub number: i64,
    pub id: String,
    /// The filter as typed, and as understood.
    pub filter_text: String,
    pub filter: DrawFilter,
    /// Kept as text: JSON numbers above 2^53 do not survive every reader.
    pub seed: String,
    pub count: usize,
    pub per: usize,
    pub avoid_own_unit: bool,
    /// The local day of the draw: the 3-month rule counts back from it.
    pub day: NaiveDate,
    pub deadline: NaiveDate,
    /// RFC 3339 UTC.
    pub made_at: String,
    /// Who ran it (the station's inspector as set) and where.
    pub made_by: String,
    pub station: String,
    /// How many establishments matched the filter, and how many of those the 3-month rule left
    /// out.
    pub matched: usize,
    pub excluded_recent: usize,
    pub drawn: Vec<Drawn>,
}
