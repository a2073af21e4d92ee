//! How an establishment's facts follow from its revisions, whatever order they arrived in
//! (docs/data-model.md, "Establishment revisions"; docs/trust.md, rule 8).
//!
//! Every revision names the revisions it was made from (its parents). A revision *writes* a
//! fact when it gives it a value other than the one its parents' merge gave, or when it says it
//! settles a conflict on it. For each fact, the writers that no later writer has seen decide:
//! one value among them is the fact; two or more are a conflict, kept with who wrote each and
//! when until a revision that has seen all of them writes the fact again. The result depends
//! only on the set of revisions, so every station holding the same revisions holds the same
//! facts and the same conflicts.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::codes::codes;

use super::establishment::{BrightKitchen, EstablishmentFacts, EstablishmentKind, RiskGrade};

/// One revision of an establishment: its number and the station that made it. Two stations
/// that edit the same revision both make the next number; the station tells them apart.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct RevisionRef {
    pub revision: i64,
    pub station: String,
}

impl std::fmt::Display for RevisionRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}@{}", self.revision, self.station)
    }
}

codes! {
    /// One fact of an establishment, the unit of merging.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Fact {
        Name => "name",
        Kind => "kind",
        Address => "address",
        Town => "town",
        PersonInCharge => "person_in_charge",
        Phone => "phone",
        LicenseNo => "license_no",
        CreditCode => "credit_code",
        RiskGrade => "risk_grade",
        BrightKitchen => "bright_kitchen",
    }
}

impl Fact {
    /// The fact a command line names, spaces around it allowed.
    pub fn parse(code: &str) -> Option<Self> {
        Self::from_code(code.trim())
    }

    /// The roster's column heading (docs/roster.md).
    pub fn name_zh(self) -> &'static str {
        match self {
            Self::Name => "单位名称",
            Self::Kind => "业态",
            Self::Address => "地址",
            Self::Town => "所属街道",
            Self::PersonInCharge => "负责人",
            Self::Phone => "联系电话",
            Self::LicenseNo => "许可证编号",
            Self::CreditCode => "统一社会信用代码",
            Self::RiskGrade => "风险等级",
            Self::BrightKitchen => "明厨亮灶",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Kind => "kind",
            Self::Address => "address",
            Self::Town => "town",
            Self::PersonInCharge => "person in charge",
            Self::Phone => "phone",
            Self::LicenseNo => "licence number",
            Self::CreditCode => "credit code",
            Self::RiskGrade => "risk grade",
            Self::BrightKitchen => "bright kitchen",
        }
    }

    /// The fact's value as text: the code of a kind, grade or 明厨亮灶 form, empty when unset.
    pub fn value(self, f: &EstablishmentFacts) -> String {
        match self {
            Self::Name => f.name.clone(),
            Self::Kind => f.kind.code().to_string(),
            Self::Address => f.address.clone(),
            Self::Town => f.town.clone(),
            Self::PersonInCharge => f.person_in_charge.clone(),
            Self::Phone => f.phone.clone(),
            Self::LicenseNo => f.license_no.clone(),
            Self::CreditCode => f.credit_code.clone(),
            Self::RiskGrade => f
                .risk_grade
                .map(|g| g.code().to_string())
                .unwrap_or_default(),
            Self::BrightKitchen => f
                .bright_kitchen
                .map(|b| b.code().to_string())
                .unwrap_or_default(),
        }
    }

    /// Sets the fact from text as [`Fact::value`] gives it (or as the roster accepts it: a
    /// Chinese kind name, `B级`). `None` when the text is not a value of this fact.
    pub fn set(self, f: &mut EstablishmentFacts, text: &str) -> Option<()> {
        let text = text.trim();
        let owned = text.to_string();
        match self {
            Self::Name if !text.is_empty() => f.name = owned,
            Self::Name => return None,
            Self::Kind => f.kind = EstablishmentKind::parse(text)?,
            Self::Address => f.address = owned,
            Self::Town => f.town = owned,
            Self::PersonInCharge => f.person_in_charge = owned,
            Self::Phone => f.phone = owned,
            Self::LicenseNo => f.license_no = owned,
            Self::CreditCode => f.credit_code = owned,
            Self::RiskGrade if text.is_empty() => f.risk_grade = None,
            Self::RiskGrade => f.risk_grade = Some(RiskGrade::parse(text)?),
            Self::BrightKitchen if text.is_empty() => f.bright_kitchen = None,
            Self::BrightKitchen => f.bright_kitchen = Some(BrightKitchen::parse(text)?),
        }
        Some(())
    }

    fn copy(self, from: &EstablishmentFacts, to: &mut EstablishmentFacts) {
        match self {
            Self::Name => to.name.clone_from(&from.name),
            Self::Kind => to.kind = from.kind,
            Self::Address => to.address.clone_from(&from.address),
            Self::Town => to.town.clone_from(&from.town),
            Self::PersonInCharge => to.person_in_charge.clone_from(&from.person_in_charge),
            Self::Phone => to.phone.clone_from(&from.phone),
            Self::LicenseNo => to.license_no.clone_from(&from.license_no),
            Self::CreditCode => to.credit_code.clone_from(&from.credit_code),
            Self::RiskGrade => to.risk_grade = from.risk_grade,
            Self::BrightKitchen => to.bright_kitchen = from.bright_kitchen,
        }
    }
}

/// What the merge reads of one revision.
#[derive(Debug, Clone, Copy)]
pub struct Revision<'a> {
    pub at: &'a RevisionRef,
    /// `None` for a revision made before revisions named their parents: it was made from the
    /// revision numbered one less (histories were linear then).
    pub parents: Option<&'a [RevisionRef]>,
    pub facts: &'a EstablishmentFacts,
    pub changed_at: &'a str,
    /// The facts whose conflict this revision settles, even with a value one side already had.
    pub resolves: &'a [Fact],
}

/// Two or more values of one fact, none made with the others in view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FactConflict {
    pub fact: Fact,
    /// Each value with the revision that wrote it, in the order of their writing.
    pub values: Vec<ConflictingValue>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConflictingValue {
    pub value: String,
    pub revision: RevisionRef,
    pub changed_at: String,
}

/// An establishment's facts as its revisions give them.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    /// A conflicted fact shows its latest written value until the conflict is settled.
    pub facts: EstablishmentFacts,
    /// The revisions no other has seen: the parents of the next revision made here.
    pub heads: Vec<RevisionRef>,
    /// The highest revision number (the next revision made here takes one more).
    pub revision: i64,
    /// The latest revision by its time, for "changed at / by".
    pub latest: RevisionRef,
    pub latest_at: String,
    pub conflicts: Vec<FactConflict>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MergeError {
    #[error("no revisions")]
    Empty,
    #[error("revision {0} appears twice")]
    Twice(RevisionRef),
    #[error("revision {revision} was made from {parent}, which is not here")]
    MissingParent {
        revision: RevisionRef,
        parent: RevisionRef,
    },
    #[error("revision {revision} names {parent} as its parent, which is not earlier")]
    ParentNotEarlier {
        revision: RevisionRef,
        parent: RevisionRef,
    },
}

/// Merges an establishment's revisions (any order) into its facts and conflicts.
pub fn merge(revisions: &[Revision]) -> Result<Merged, MergeError> {
    let mut order: Vec<usize> = (0..revisions.len()).collect();
    // Parents always carry smaller numbers (checked below), so this is a topological order.
    order.sort_by(|&a, &b| revisions[a].at.cmp(revisions[b].at));
    let revisions: Vec<Revision> = order.into_iter().map(|i| revisions[i]).collect();
    let mut index = BTreeMap::new();
    for (i, r) in revisions.iter().enumerate() {
        if index.insert(r.at, i).is_some() {
            return Err(MergeError::Twice(r.at.clone()));
        }
    }
    // Each revision's ancestors (by position), and the facts each one writes.
    let mut ancestors: Vec<BTreeSet<usize>> = Vec::with_capacity(revisions.len());
    let mut writes: Vec<BTreeSet<Fact>> = Vec::with_capacity(revisions.len());
    for (i, r) in revisions.iter().enumerate() {
        let mut seen = BTreeSet::new();
        for p in parents(r, &revisions[..i], &index)? {
            seen.insert(p);
            seen.extend(ancestors[p].iter().copied());
        }
        let wrote = if seen.is_empty() {
            Fact::ALL.into_iter().collect()
        } else {
            let before = state(&revisions, &seen, &ancestors, &writes);
            Fact::ALL
                .into_iter()
                .filter(|&f| {
                    r.resolves.contains(&f) || f.value(r.facts) != f.value(before.facts(f))
                })
                .collect()
        };
        ancestors.push(seen);
        writes.push(wrote);
    }
    let all: BTreeSet<usize> = (0..revisions.len()).collect();
    let end = state(&revisions, &all, &ancestors, &writes);
    let mut facts = revisions.last().ok_or(MergeError::Empty)?.facts.clone();
    let mut conflicts = Vec::new();
    for f in Fact::ALL {
        f.copy(end.facts(f), &mut facts);
        if let Some(sides) = end.conflicts.get(&f) {
            conflicts.push(FactConflict {
                fact: f,
                values: sides
                    .iter()
                    .map(|&i| ConflictingValue {
                        value: f.value(revisions[i].facts),
                        revision: revisions[i].at.clone(),
                        changed_at: revisions[i].changed_at.to_string(),
                    })
                    .collect(),
            });
        }
    }
    let seen_by_others: BTreeSet<usize> = ancestors.iter().flatten().copied().collect();
    let heads = (0..revisions.len())
        .filter(|i| !seen_by_others.contains(i))
        .map(|i| revisions[i].at.clone())
        .collect();
    let latest = (0..revisions.len())
        .max_by_key(|&i| written_order(&revisions[i]))
        .ok_or(MergeError::Empty)?;
    Ok(Merged {
        facts,
        heads,
        revision: revisions.iter().map(|r| r.at.revision).max().unwrap_or(0),
        latest: revisions[latest].at.clone(),
        latest_at: revisions[latest].changed_at.to_string(),
        conflicts,
    })
}

/// The positions of a revision's parents among the earlier ones.
fn parents(
    r: &Revision,
    earlier: &[Revision],
    index: &BTreeMap<&RevisionRef, usize>,
) -> Result<Vec<usize>, MergeError> {
    let Some(named) = r.parents else {
        // Before parents were named, the one history here was linear.
        if r.at.revision <= 1 {
            return Ok(Vec::new());
        }
        let found: Vec<usize> = earlier
            .iter()
            .enumerate()
            .filter(|(_, e)| e.at.revision == r.at.revision - 1)
            .map(|(i, _)| i)
            .collect();
        if found.is_empty() {
            return Err(MergeError::MissingParent {
                revision: r.at.clone(),
                parent: RevisionRef {
                    revision: r.at.revision - 1,
                    station: r.at.station.clone(),
                },
            });
        }
        return Ok(found);
    };
    named
        .iter()
        .map(|p| {
            if p.revision >= r.at.revision {
                return Err(MergeError::ParentNotEarlier {
                    revision: r.at.clone(),
                    parent: p.clone(),
                });
            }
            index
                .get(p)
                .copied()
                .ok_or_else(|| MergeError::MissingParent {
                    revision: r.at.clone(),
                    parent: p.clone(),
                })
        })
        .collect()
}

/// The order in which values count as written later: time, then station and number, so two
/// stations break a tie the same way.
fn written_order<'a>(r: &Revision<'a>) -> (&'a str, &'a str, i64) {
    (r.changed_at, r.at.station.as_str(), r.at.revision)
}

/// The facts of a set of revisions closed under ancestry: for each fact, the revision whose
/// value shows, and the sides of a conflict.
struct State<'a> {
    shown: BTreeMap<Fact, &'a EstablishmentFacts>,
    conflicts: BTreeMap<Fact, Vec<usize>>,
}

impl<'a> State<'a> {
    fn facts(&self, f: Fact) -> &'a EstablishmentFacts {
        // Every non-empty set closed under ancestry holds a root, which writes every fact.
        self.shown[&f]
    }
}

fn state<'a>(
    revisions: &[Revision<'a>],
    set: &BTreeSet<usize>,
    ancestors: &[BTreeSet<usize>],
    writes: &[BTreeSet<Fact>],
) -> State<'a> {
    let mut shown = BTreeMap::new();
    let mut conflicts = BTreeMap::new();
    for f in Fact::ALL {
        let writers: Vec<usize> = set
            .iter()
            .copied()
            .filter(|&i| writes[i].contains(&f))
            .collect();
        // The writers no other writer has seen.
        let last: Vec<usize> = writers
            .iter()
            .copied()
            .filter(|&w| !writers.iter().any(|&o| ancestors[o].contains(&w)))
            .collect();
        let Some(&shown_by) = last.iter().max_by_key(|&&i| written_order(&revisions[i])) else {
            continue;
        };
        shown.insert(f, revisions[shown_by].facts);
        let values: BTreeSet<String> = last.iter().map(|&i| f.value(revisions[i].facts)).collect();
        if values.len() > 1 {
            let mut sides = last;
            sides.sort_by_key(|&i| written_order(&revisions[i]));
            conflicts.insert(f, sides);
        }
    }
    State { shown, conflicts }
}

#[cfg(test)]
mod tests;
