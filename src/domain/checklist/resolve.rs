//! Splicing included checklists into the ones that include them.

use std::collections::{HashMap, HashSet};

use super::parse::{Draft, DraftPart};
use super::problem::{ChecklistError, Problem};
use super::{Checklist, Item, Section};

/// Resolves every draft's includes. A draft whose includes fail is left out with its errors;
/// the others load. The first draft with a given id wins; later ones are reported.
pub fn resolve_all(drafts: Vec<Draft>) -> (Vec<Checklist>, Vec<ChecklistError>) {
    let mut errors = Vec::new();
    let mut by_id: HashMap<String, Draft> = HashMap::new();
    let mut order = Vec::new();
    for draft in drafts {
        if let Some(first) = by_id.get(&draft.id) {
            errors.push(ChecklistError {
                file: draft.file.clone(),
                line: draft.id_at.0,
                column: draft.id_at.1,
                problem: Problem::DuplicateChecklistId {
                    id: draft.id.clone(),
                    other_file: first.file.clone(),
                },
            });
            continue;
        }
        order.push(draft.id.clone());
        by_id.insert(draft.id.clone(), draft);
    }

    let mut resolver = Resolver {
        drafts: &by_id,
        done: HashMap::new(),
        errors: Vec::new(),
    };
    let mut checklists = Vec::new();
    for id in &order {
        if let Some(sections) = resolver.sections(id, &mut Vec::new()) {
            let draft = &by_id[id];
            checklists.push(Checklist {
                id: draft.id.clone(),
                version: draft.version.clone(),
                title: draft.title.clone(),
                short: draft.short.clone(),
                description: draft.description.clone(),
                applies_to: draft.applies_to.clone(),
                basis: draft.basis.clone(),
                sections,
                outcome: draft.outcome,
                form: draft.form,
            });
        }
    }
    errors.append(&mut resolver.errors);
    (checklists, errors)
}

struct Resolver<'a> {
    drafts: &'a HashMap<String, Draft>,
    /// Resolved sections per id; `None` when that checklist failed.
    done: HashMap<String, Option<Vec<Section>>>,
    errors: Vec<ChecklistError>,
}

impl Resolver<'_> {
    fn sections(&mut self, id: &str, stack: &mut Vec<String>) -> Option<Vec<Section>> {
        if let Some(done) = self.done.get(id) {
            return done.clone();
        }
        let draft = self.drafts.get(id)?;
        stack.push(id.to_string());
        let mut sections = Vec::new();
        let mut included = HashSet::new();
        let mut failed = false;
        for part in &draft.parts {
            match part {
                DraftPart::Own(own) => {
                    let fallback = own
                        .basis
                        .clone()
                        .or_else(|| (!draft.basis.is_empty()).then(|| draft.basis.join("；")));
                    sections.push(Section {
                        id: own.id.clone(),
                        title: own.title.clone(),
                        origin: None,
                        items: own
                            .items
                            .iter()
                            .map(|item| Item {
                                id: item.id.clone(),
                                number: item.id.clone(),
                                text: item.text.clone(),
                                key: item.key,
                                guidance: item.guidance.clone(),
                                basis: item.basis.clone().or_else(|| fallback.clone()),
                                kind: item.kind.clone(),
                                on_fail: item.on_fail,
                                local: item.local,
                            })
                            .collect(),
                    });
                }
                DraftPart::Include { id: other, at } => {
                    let problem = if stack.contains(other) {
                        let mut chain = stack.clone();
                        chain.push(other.clone());
                        Some(Problem::IncludeCycle(chain))
                    } else if !self.drafts.contains_key(other) {
                        Some(Problem::UnknownInclude(other.clone()))
                    } else if !included.insert(other.clone()) {
                        Some(Problem::IncludedTwice(other.clone()))
                    } else {
                        None
                    };
                    if let Some(problem) = problem {
                        self.push(draft, *at, problem);
                        failed = true;
                        continue;
                    }
                    match self.sections(other, stack) {
                        Some(theirs) => {
                            let short = self.drafts[other].short.clone();
                            sections.extend(
                                theirs
                                    .into_iter()
                                    .map(|s| qualify(s, other, short.as_deref())),
                            );
                        }
                        None => {
                            self.push(draft, *at, Problem::UnknownInclude(other.clone()));
                            failed = true;
                        }
                    }
                }
            }
        }
        stack.pop();
        if !failed {
            failed = self.check_unique(draft, &sections);
        }
        let result = (!failed).then_some(sections);
        self.done.insert(id.to_string(), result.clone());
        result
    }

    /// Items spliced from two includes may still collide (A and B both include C).
    fn check_unique(&mut self, draft: &Draft, sections: &[Section]) -> bool {
        let mut seen = HashSet::new();
        for item in sections.iter().flat_map(|s| &s.items) {
            if !seen.insert(item.id.as_str()) {
                let origin = item.id.split('/').next().unwrap_or_default().to_string();
                self.push(draft, draft.id_at, Problem::IncludedTwice(origin));
                return true;
            }
        }
        false
    }

    fn push(&mut self, draft: &Draft, at: (usize, usize), problem: Problem) {
        self.errors.push(ChecklistError {
            file: draft.file.clone(),
            line: at.0,
            column: at.1,
            problem,
        });
    }
}

/// Gives the sections and items of checklist `origin` their qualified ids. Sections that
/// `origin` itself included already carry their own origin and stay as they are.
fn qualify(mut section: Section, origin: &str, short: Option<&str>) -> Section {
    if section.origin.is_some() {
        return section;
    }
    section.id = format!("{origin}/{}", section.id);
    section.origin = Some(origin.to_string());
    for item in &mut section.items {
        item.number = match short {
            Some(short) => format!("{short} {}", item.id),
            None => format!("{origin}/{}", item.id),
        };
        item.id = format!("{origin}/{}", item.id);
    }
    section
}
