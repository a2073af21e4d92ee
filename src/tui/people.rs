//! Picking an inspector from the bureau's list (issue 14): the inspector themself at first
//! start, and the second inspector in the review, by what was typed — name, pinyin initials
//! (输入 "zhm" finds 周海明), full pinyin or 执法证号 — cycling through the matches with ←→.

use pinyin::ToPinyin;

use crate::domain::inspection::Inspector;

/// Whether `person` matches `query` (empty matches everyone).
pub fn matches(person: &Inspector, query: &str) -> bool {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        return true;
    }
    let (mut initials, mut full) = (String::new(), String::new());
    for c in person.name.chars() {
        if let Some(p) = c.to_pinyin() {
            initials.push_str(p.first_letter());
            full.push_str(p.plain());
        }
    }
    person.name.to_lowercase().contains(&q)
        || initials.starts_with(&q)
        || full.starts_with(&q)
        || person.badge.to_lowercase().contains(&q)
}

/// The next (or previous) of `people` matching `query`, after the one named `current`; `None`
/// when nobody matches.
pub fn cycle<'a>(
    people: &'a [Inspector],
    query: &str,
    current: &str,
    forward: bool,
) -> Option<&'a Inspector> {
    let found: Vec<&Inspector> = people.iter().filter(|p| matches(p, query)).collect();
    let n = found.len();
    if n == 0 {
        return None;
    }
    let at = found.iter().position(|p| p.name == current);
    let next = match (at, forward) {
        (None, true) => 0,
        (None, false) => n - 1,
        (Some(i), true) => (i + 1) % n,
        (Some(i), false) => (i + n - 1) % n,
    };
    Some(found[next])
}

/// How many of `people` match `query`.
pub fn count(people: &[Inspector], query: &str) -> usize {
    people.iter().filter(|p| matches(p, query)).count()
}

/// The colleagues to offer: the active inspectors of the office's list once one has arrived,
/// else everyone named on this station's earlier inspections (as before lists existed).
pub fn colleagues(store: &crate::store::Store) -> crate::store::Result<Vec<Inspector>> {
    let listed = store.office_inspectors()?;
    if listed.is_empty() {
        return store.known_inspectors();
    }
    Ok(listed
        .into_iter()
        .filter(|i| i.active)
        .map(|i| Inspector {
            name: i.name,
            badge: i.badge,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(name: &str, badge: &str) -> Inspector {
        Inspector {
            name: name.into(),
            badge: badge.into(),
        }
    }

    #[test]
    fn finds_by_name_initials_pinyin_and_badge() {
        let people = [p("周海明", "21080401"), p("孙晓燕", "21080402")];
        assert_eq!(count(&people, "zhm"), 1);
        assert_eq!(count(&people, "sunx"), 1);
        assert_eq!(count(&people, "0402"), 1);
        assert_eq!(count(&people, "晓"), 1);
        assert_eq!(count(&people, ""), 2);
        assert_eq!(cycle(&people, "", "周海明", true).unwrap().name, "孙晓燕");
        assert_eq!(cycle(&people, "s", "", false).unwrap().name, "孙晓燕");
    }
}
