use super::*;
use crate::domain::establishment::EstablishmentKind;

struct Rev {
    at: RevisionRef,
    parents: Option<Vec<RevisionRef>>,
    facts: EstablishmentFacts,
    changed_at: String,
    resolves: Vec<Fact>,
}

fn at(revision: i64, station: &str) -> RevisionRef {
    RevisionRef {
        revision,
        station: station.into(),
    }
}

fn base() -> EstablishmentFacts {
    EstablishmentFacts {
        name: "示例第一小学食堂".into(),
        kind: EstablishmentKind::SchoolCanteen,
        address: "示例路1号".into(),
        town: "示例街道".into(),
        person_in_charge: "甲".into(),
        phone: "100".into(),
        license_no: String::new(),
        credit_code: String::new(),
        risk_grade: None,
        bright_kitchen: None,
    }
}

/// A revision made from `parents`, changing `changes` (fact, text) of `from`.
fn edit(
    revision: i64,
    station: &str,
    parents: &[RevisionRef],
    from: &EstablishmentFacts,
    changes: &[(Fact, &str)],
    minute: u32,
) -> Rev {
    let mut facts = from.clone();
    for (f, text) in changes {
        f.set(&mut facts, text).expect("valid");
    }
    Rev {
        at: at(revision, station),
        parents: Some(parents.to_vec()),
        facts,
        changed_at: format!("2026-03-01T08:{minute:02}:00Z"),
        resolves: Vec::new(),
    }
}

/// Stations 100001 (at 08:05) and 100002 (at 08:07) each edit `one`, neither seeing the other.
fn sides(one: &Rev, a: &[(Fact, &str)], b: &[(Fact, &str)]) -> (Rev, Rev) {
    let from = std::slice::from_ref(&one.at);
    (
        edit(2, "100001", from, &one.facts, a, 5),
        edit(2, "100002", from, &one.facts, b, 7),
    )
}

fn run(revs: &[Rev]) -> Merged {
    let views: Vec<Revision> = revs.iter().map(Rev::view).collect();
    merge(&views).expect("merges")
}

/// Every order of the revisions gives the same result.
fn same_in_every_order(revs: Vec<Rev>) -> Merged {
    let first = run(&revs);
    let mut revs = revs;
    let n = revs.len();
    // Heap's algorithm, iterative: every permutation once.
    let mut c = vec![0; n];
    let mut i = 0;
    while i < n {
        if c[i] < i {
            if i % 2 == 0 {
                revs.swap(0, i);
            } else {
                revs.swap(c[i], i);
            }
            assert_eq!(run(&revs), first);
            c[i] += 1;
            i = 0;
        } else {
            c[i] = 0;
            i += 1;
        }
    }
    first
}

#[test]
fn a_linear_history_without_parents_gives_its_last_facts() {
    let one = edit(1, "100001", &[], &base(), &[], 0);
    let mut two = edit(2, "100002", &[], &one.facts, &[(Fact::Phone, "200")], 1);
    two.parents = None;
    let mut three = edit(3, "100001", &[], &two.facts, &[(Fact::Town, "乙街道")], 2);
    three.parents = None;
    let merged = same_in_every_order(vec![one, two, three]);
    assert_eq!(merged.facts.phone, "200");
    assert_eq!(merged.facts.town, "乙街道");
    assert!(merged.conflicts.is_empty());
    assert_eq!(merged.heads, vec![at(3, "100001")]);
    assert_eq!(merged.revision, 3);
}

#[test]
fn edits_of_different_facts_combine() {
    let one = edit(1, "000000", &[], &base(), &[], 0);
    let a = edit(
        2,
        "100001",
        std::slice::from_ref(&one.at),
        &one.facts,
        &[(Fact::PersonInCharge, "乙")],
        5,
    );
    let b = edit(
        2,
        "100002",
        std::slice::from_ref(&one.at),
        &one.facts,
        &[(Fact::RiskGrade, "C")],
        3,
    );
    let merged = same_in_every_order(vec![one, a, b]);
    assert_eq!(merged.facts.person_in_charge, "乙");
    assert_eq!(merged.facts.risk_grade, Some(RiskGrade::C));
    assert!(merged.conflicts.is_empty());
    assert_eq!(merged.heads.len(), 2);
    assert_eq!(merged.latest, at(2, "100001"));
}

#[test]
fn two_values_of_one_fact_are_a_conflict_with_both_sides() {
    let one = edit(1, "000000", &[], &base(), &[], 0);
    let (a, b) = sides(&one, &[(Fact::Phone, "111")], &[(Fact::Phone, "222")]);
    let merged = same_in_every_order(vec![one, a, b]);
    assert_eq!(merged.conflicts.len(), 1);
    let c = &merged.conflicts[0];
    assert_eq!(c.fact, Fact::Phone);
    let sides: Vec<(&str, &str)> = c
        .values
        .iter()
        .map(|v| (v.value.as_str(), v.revision.station.as_str()))
        .collect();
    assert_eq!(sides, vec![("111", "100001"), ("222", "100002")]);
    // Until settled, the latest written value shows.
    assert_eq!(merged.facts.phone, "222");
}

#[test]
fn the_same_value_twice_is_no_conflict() {
    let one = edit(1, "000000", &[], &base(), &[], 0);
    let (a, b) = sides(&one, &[(Fact::Phone, "111")], &[(Fact::Phone, "111")]);
    let merged = same_in_every_order(vec![one, a, b]);
    assert!(merged.conflicts.is_empty());
    assert_eq!(merged.facts.phone, "111");
}

#[test]
fn a_revision_that_saw_both_sides_settles_the_conflict_even_with_the_older_value() {
    let one = edit(1, "000000", &[], &base(), &[], 0);
    let (a, b) = sides(&one, &[(Fact::Phone, "111")], &[(Fact::Phone, "222")]);
    // The office keeps A's value; the shown value was B's.
    let mut settled = edit(
        3,
        "000000",
        &[a.at.clone(), b.at.clone()],
        &b.facts,
        &[(Fact::Phone, "111")],
        9,
    );
    settled.resolves = vec![Fact::Phone];
    let merged = same_in_every_order(vec![one, a, b, settled]);
    assert!(merged.conflicts.is_empty());
    assert_eq!(merged.facts.phone, "111");
    assert_eq!(merged.heads, vec![at(3, "000000")]);
}

#[test]
fn settling_with_the_shown_value_needs_the_resolves_mark() {
    let one = edit(1, "000000", &[], &base(), &[], 0);
    let (a, b) = sides(&one, &[(Fact::Phone, "111")], &[(Fact::Phone, "222")]);
    // An edit of another fact made with both in view keeps the conflict: it did not choose.
    let other = edit(
        3,
        "100001",
        &[a.at.clone(), b.at.clone()],
        &b.facts,
        &[(Fact::Town, "丙街道")],
        9,
    );
    let merged = same_in_every_order(vec![one.clone_rev(), a.clone_rev(), b.clone_rev(), other]);
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(merged.facts.town, "丙街道");
    let mut settled = edit(3, "000000", &[a.at.clone(), b.at.clone()], &b.facts, &[], 9);
    settled.resolves = vec![Fact::Phone];
    let merged = same_in_every_order(vec![one, a, b, settled]);
    assert!(merged.conflicts.is_empty());
    assert_eq!(merged.facts.phone, "222");
}

#[test]
fn an_edit_after_a_quiet_merge_does_not_make_a_false_conflict() {
    // A changes the person, B the grade; A later sees B's edit and changes the phone, while B
    // changes the grade again without having seen A's edits. Only the grade is B's.
    let one = edit(1, "000000", &[], &base(), &[], 0);
    let a = edit(
        2,
        "100001",
        std::slice::from_ref(&one.at),
        &one.facts,
        &[(Fact::PersonInCharge, "乙")],
        1,
    );
    let b = edit(
        2,
        "100002",
        std::slice::from_ref(&one.at),
        &one.facts,
        &[(Fact::RiskGrade, "B")],
        2,
    );
    let mut seen = a.facts.clone();
    seen.risk_grade = b.facts.risk_grade;
    let a2 = edit(
        3,
        "100001",
        &[a.at.clone(), b.at.clone()],
        &seen,
        &[(Fact::Phone, "333")],
        3,
    );
    let b2 = edit(
        3,
        "100002",
        std::slice::from_ref(&b.at),
        &b.facts,
        &[(Fact::RiskGrade, "D")],
        4,
    );
    let merged = same_in_every_order(vec![one, a, b, a2, b2]);
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    assert_eq!(merged.facts.risk_grade, Some(RiskGrade::D));
    assert_eq!(merged.facts.phone, "333");
    assert_eq!(merged.facts.person_in_charge, "乙");
}

#[test]
fn a_missing_or_later_parent_is_refused() {
    let one = edit(1, "000000", &[], &base(), &[], 0);
    let orphan = edit(3, "100001", &[at(2, "100009")], &one.facts, &[], 1);
    let revs = [one.clone_rev(), orphan];
    let views: Vec<Revision> = revs.iter().map(Rev::view).collect();
    assert_eq!(
        merge(&views),
        Err(MergeError::MissingParent {
            revision: at(3, "100001"),
            parent: at(2, "100009")
        })
    );
    let loop_ = edit(2, "100001", &[at(2, "100002")], &one.facts, &[], 1);
    let revs = [one, loop_];
    let views: Vec<Revision> = revs.iter().map(Rev::view).collect();
    assert!(matches!(
        merge(&views),
        Err(MergeError::ParentNotEarlier { .. })
    ));
}

#[test]
fn facts_parse_their_own_values() {
    let mut facts = base();
    for f in Fact::ALL {
        let text = f.value(&facts);
        assert_eq!(Fact::parse(f.code()), Some(f));
        if !(f == Fact::Name && text.is_empty()) {
            assert_eq!(f.set(&mut facts, &text), Some(()), "{f:?}");
        }
    }
    assert_eq!(facts, base());
    assert_eq!(Fact::RiskGrade.set(&mut facts, "E"), None);
    assert_eq!(Fact::Name.set(&mut facts, " "), None);
}

impl Rev {
    fn view(&self) -> Revision<'_> {
        Revision {
            at: &self.at,
            parents: self.parents.as_deref(),
            facts: &self.facts,
            changed_at: &self.changed_at,
            resolves: &self.resolves,
        }
    }

    fn clone_rev(&self) -> Rev {
        Rev {
            at: self.at.clone(),
            parents: self.parents.clone(),
            facts: self.facts.clone(),
            changed_at: self.changed_at.clone(),
            resolves: self.resolves.clone(),
        }
    }
}
