//! Establishment search: name, pinyin initials, full pinyin, licence number and address, ranked.
//!
//! The pinyin of each name is computed once when the roster is loaded (`SearchKey::new`), not per
//! keystroke; a query is then a few string scans per establishment.

use pinyin::ToPinyin;

use crate::domain::establishment::Establishment;

/// What a query is matched against, precomputed per establishment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchKey {
    name: String,
    /// First letters of each character's pinyin; other characters kept as they are (lowercase).
    initials: String,
    /// The pinyin of each character joined without spaces.
    full: String,
    codes: String,
    address: String,
}

impl SearchKey {
    pub fn new(e: &Establishment) -> Self {
        let f = &e.facts;
        let mut initials = String::new();
        let mut full = String::new();
        for c in f.name.chars() {
            match c.to_pinyin() {
                Some(p) => {
                    initials.push_str(p.first_letter());
                    full.push_str(p.plain());
                }
                None if c.is_alphanumeric() => {
                    initials.extend(c.to_lowercase());
                    full.extend(c.to_lowercase());
                }
                None => {}
            }
        }
        SearchKey {
            name: f.name.to_lowercase(),
            initials,
            full,
            codes: format!("{} {}", f.license_no, f.credit_code).to_lowercase(),
            address: format!("{} {}", f.town, f.address).to_lowercase(),
        }
    }

    /// How well the query matches; `None` for no match. Higher is better.
    pub fn score(&self, query: &str) -> Option<u32> {
        self.score_query(&Query::new(query))
    }

    /// The tests run best score first and stop at the first hit: a keystroke over 30,000
    /// establishments is mostly misses, so each test must be cheap (BENCHMARKS.md).
    fn score_query(&self, query: &Query) -> Option<u32> {
        let q = query.text.as_str();
        if q.is_empty() {
            return Some(0);
        }
        let tests: [(u32, &dyn Fn() -> bool); 10] = [
            (100, &|| self.name.starts_with(q)),
            (90, &|| self.name.contains(q)),
            (85, &|| self.initials.starts_with(q)),
            (80, &|| self.full.starts_with(q)),
            (75, &|| self.initials.contains(q)),
            (70, &|| q.len() >= 2 && self.full.contains(q)),
            (65, &|| q.len() >= 3 && self.codes.contains(q)),
            (50, &|| self.address.contains(q)),
            // "byqxx" finds 鲅鱼圈区青禾实验小学: initials in order, with gaps.
            (40, &|| q.len() >= 2 && is_subsequence(q, &self.initials)),
            (30, &|| query.chars >= 2 && is_subsequence(q, &self.name)),
        ];
        tests.iter().find(|(_, hit)| hit()).map(|(score, _)| *score)
    }
}

/// A query as typed, normalized once per keystroke rather than once per establishment.
struct Query {
    /// Lowercase, without whitespace.
    text: String,
    chars: usize,
}

impl Query {
    fn new(typed: &str) -> Query {
        let text: String = typed
            .chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect();
        let chars = text.chars().count();
        Query { text, chars }
    }
}

fn is_subsequence(needle: &str, haystack: &str) -> bool {
    let mut hay = haystack.chars();
    needle.chars().all(|n| hay.any(|h| h == n))
}

/// Indices into `keys` of the establishments matching `query`, best first; ties keep the
/// roster's order. An empty query lists everything.
pub fn rank(keys: &[SearchKey], query: &str) -> Vec<usize> {
    let query = Query::new(query);
    let mut hits: Vec<(u32, usize)> = keys
        .iter()
        .enumerate()
        .filter_map(|(i, k)| k.score_query(&query).map(|s| (s, i)))
        .collect();
    hits.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    hits.into_iter().map(|(_, i)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::establishment::{EstablishmentFacts, EstablishmentKind};

    fn est(name: &str, license: &str, address: &str) -> Establishment {
        Establishment {
            id: name.to_string(),
            revision: 1,
            facts: EstablishmentFacts {
                name: name.into(),
                kind: EstablishmentKind::SchoolCanteen,
                address: address.into(),
                town: String::new(),
                person_in_charge: String::new(),
                phone: String::new(),
                license_no: license.into(),
                credit_code: String::new(),
                risk_grade: None,
                bright_kitchen: None,
            },
        }
    }

    fn keys() -> Vec<SearchKey> {
        [
            est("熊岳镇果香小学", "JY1", "熊岳镇果园路1号"),
            est(
                "鲅鱼圈区青禾实验小学",
                "JY32108040038288",
                "鲅鱼圈区红海街道青禾路18号",
            ),
            est("鲅鱼圈区星帆小学", "JY2", "海星街道星帆街66号"),
            est("禾苗麻辣烫", "JY3", "青禾路20号"),
        ]
        .iter()
        .map(SearchKey::new)
        .collect()
    }

    #[test]
    fn initials_as_subsequence_find_the_school() {
        let keys = keys();
        let found = rank(&keys, "byqxx");
        assert_eq!(found.first(), Some(&1));
        assert!(found.contains(&2));
        assert!(!found.contains(&3));
    }

    #[test]
    fn initials_prefix_ranks_above_subsequence() {
        let keys = keys();
        assert_eq!(rank(&keys, "byqxf").first(), Some(&2));
        assert_eq!(rank(&keys, "xfxx"), vec![2]);
    }

    #[test]
    fn full_pinyin_licence_and_address_match() {
        let keys = keys();
        assert_eq!(rank(&keys, "xingfan"), vec![2]);
        assert_eq!(rank(&keys, "8040038"), vec![1]);
        let by_address = rank(&keys, "青禾路");
        assert!(by_address.contains(&1) && by_address.contains(&3));
    }

    #[test]
    fn chinese_name_prefix_ranks_first() {
        let keys = keys();
        assert_eq!(rank(&keys, "禾苗").first(), Some(&3));
        assert_eq!(rank(&keys, "").len(), 4);
    }
}
