//! A 专项行动 (campaign) as data: a small TOML file the office writes (docs/planning.md), checked
//! with every problem at its file, line and column, like a checklist file.

use std::ops::Range;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::domain::checklist::Positions;
use crate::domain::establishment::{Establishment, EstablishmentKind};

/// A campaign as the office defined it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Campaign {
    pub id: String,
    pub name: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Establishments of these kinds are targets…
    pub kinds: Vec<EstablishmentKind>,
    /// …and these, by name or licence number (an explicit list).
    pub targets: Vec<String>,
    pub checklists: Vec<String>,
    /// How many of the targets to inspect; `None`: every one (full coverage).
    pub target_count: Option<u32>,
    /// 执法证号 of the inspectors it is given to; empty: every station.
    pub inspectors: Vec<String>,
}

impl Campaign {
    /// Whether `e` is one of the campaign's targets.
    pub fn targets_establishment(&self, e: &Establishment) -> bool {
        self.kinds.contains(&e.facts.kind)
            || self.targets.iter().any(|t| {
                let t = t.trim();
                t == e.facts.name || (!e.facts.license_no.is_empty() && t == e.facts.license_no)
            })
    }

    /// Whether an inspection started on local day `day` falls in the campaign.
    pub fn covers(&self, day: NaiveDate) -> bool {
        day >= self.from && day <= self.to
    }
}

/// One problem in a campaign file, at a 1-based line and column.
#[derive(Debug, Clone, PartialEq)]
pub struct CampaignError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub problem: CampaignProblem,
}

#[derive(Debug, Clone, PartialEq)]
pub enum CampaignProblem {
    /// Not valid TOML, a value of the wrong type, or an unknown or missing field: the parser's
    /// own words.
    Syntax(String),
    BadId(String),
    EmptyName,
    BadDate(String),
    EndsBeforeStart,
    UnknownKind(String),
    NoTargets,
    NoChecklists,
    UnknownChecklist(String),
    /// Both `coverage = "full"` and `target_count`, or neither.
    CoverageOrCount,
    BadCoverage(String),
    ZeroCount,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    id: Spanned<String>,
    name: Spanned<String>,
    from: Spanned<toml::Value>,
    to: Spanned<toml::Value>,
    #[serde(default)]
    kinds: Option<Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    targets: Vec<Spanned<String>>,
    checklists: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    coverage: Option<Spanned<String>>,
    #[serde(default)]
    target_count: Option<Spanned<i64>>,
    #[serde(default)]
    inspectors: Vec<String>,
}

/// Parses and checks one campaign file; `known_checklists` are the checklist ids in use.
/// Every problem found is returned.
pub fn parse(
    file: &str,
    source: &str,
    known_checklists: &[String],
) -> Result<Campaign, Vec<CampaignError>> {
    let positions = Positions::new(source);
    let mut errors = Vec::new();
    let mut push = |span: Range<usize>, problem| {
        let (line, column) = positions.line_col(span.start);
        errors.push(CampaignError {
            file: file.to_string(),
            line,
            column,
            problem,
        });
    };
    let raw: Raw = match toml::from_str(source) {
        Ok(raw) => raw,
        Err(e) => {
            push(
                e.span().unwrap_or(0..0),
                CampaignProblem::Syntax(e.message().to_string()),
            );
            return Err(errors);
        }
    };
    let id = raw.id.get_ref().trim().to_string();
    let id_ok = !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !id_ok {
        push(raw.id.span(), CampaignProblem::BadId(id.clone()));
    }
    let name = raw.name.get_ref().trim().to_string();
    if name.is_empty() || name.chars().count() > 200 {
        push(raw.name.span(), CampaignProblem::EmptyName);
    }
    let mut date = |v: &Spanned<toml::Value>| {
        let text = match v.get_ref() {
            toml::Value::String(s) => s.trim().to_string(),
            toml::Value::Datetime(d) => d.to_string(),
            other => other.to_string(),
        };
        let parsed = NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok();
        if parsed.is_none() {
            push(v.span(), CampaignProblem::BadDate(text));
        }
        parsed
    };
    let from = date(&raw.from);
    let to = date(&raw.to);
    if let (Some(f), Some(t)) = (from, to)
        && t < f
    {
        push(raw.to.span(), CampaignProblem::EndsBeforeStart);
    }
    let mut kinds = Vec::new();
    if let Some(list) = &raw.kinds {
        for k in list.get_ref() {
            match EstablishmentKind::parse(k.get_ref().trim()) {
                Some(kind) => kinds.push(kind),
                None => push(k.span(), CampaignProblem::UnknownKind(k.get_ref().clone())),
            }
        }
    }
    let targets: Vec<String> = raw
        .targets
        .iter()
        .map(|t| t.get_ref().trim().to_string())
        .filter(|t| !t.is_empty())
        .collect();
    if kinds.is_empty()
        && targets.is_empty()
        && raw.kinds.as_ref().is_none_or(|k| k.get_ref().is_empty())
    {
        push(raw.id.span(), CampaignProblem::NoTargets);
    }
    let checklists: Vec<String> = raw
        .checklists
        .get_ref()
        .iter()
        .map(|c| c.get_ref().trim().to_string())
        .collect();
    if checklists.is_empty() {
        push(raw.checklists.span(), CampaignProblem::NoChecklists);
    }
    for c in raw.checklists.get_ref() {
        if !known_checklists.contains(&c.get_ref().trim().to_string()) {
            push(
                c.span(),
                CampaignProblem::UnknownChecklist(c.get_ref().clone()),
            );
        }
    }
    let target_count = match (&raw.coverage, &raw.target_count) {
        (Some(c), None) if c.get_ref().trim() == "full" || c.get_ref().trim() == "全覆盖" => {
            None
        }
        (Some(c), None) => {
            push(c.span(), CampaignProblem::BadCoverage(c.get_ref().clone()));
            None
        }
        (None, Some(n)) if *n.get_ref() > 0 && *n.get_ref() <= i64::from(u32::MAX) => {
            Some(*n.get_ref() as u32)
        }
        (None, Some(n)) => {
            push(n.span(), CampaignProblem::ZeroCount);
            None
        }
        _ => {
            push(raw.id.span(), CampaignProblem::CoverageOrCount);
            None
        }
    };
    match (from, to) {
        (Some(from), Some(to)) if errors.is_empty() => Ok(Campaign {
            id,
            name,
            from,
            to,
            kinds,
            targets,
            checklists,
            target_count,
            inspectors: raw
                .inspectors
                .iter()
                .map(|b| b.trim().to_string())
                .collect(),
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"id = "campus-2027"
name = "校园食品安全守护行动"
from = 2027-03-01
to = "2027-08-25"
kinds = ["学校食堂", "kindergarten_canteen"]
checklists = ["school-canteen"]
coverage = "full"
"#;

    fn known() -> Vec<String> {
        vec!["school-canteen".to_string()]
    }

    #[test]
    fn a_good_file_parses() {
        let c = parse("c.toml", GOOD, &known()).unwrap();
        assert_eq!(c.kinds.len(), 2);
        assert_eq!(c.target_count, None);
        assert!(c.covers(NaiveDate::from_ymd_opt(2027, 8, 25).unwrap()));
    }

    #[test]
    fn problems_are_reported_at_their_line() {
        let bad = GOOD
            .replace("\"学校食堂\"", "\"学校食唐\"")
            .replace("to = \"2027-08-25\"", "to = \"2027-02-30\"");
        let errors = parse("c.toml", &bad, &known()).unwrap_err();
        let at: Vec<(usize, &CampaignProblem)> =
            errors.iter().map(|e| (e.line, &e.problem)).collect();
        assert_eq!(
            at,
            [
                (4, &CampaignProblem::BadDate("2027-02-30".into())),
                (5, &CampaignProblem::UnknownKind("学校食唐".into())),
            ]
        );
        let errors = parse("c.toml", &GOOD.replace("coverage", "coverag"), &known()).unwrap_err();
        assert_eq!(errors[0].line, 7);
    }
}
