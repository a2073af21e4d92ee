//! The checklist catalog: the shipped checklists embedded in the binary, overridden or added to
//! by TOML files in a folder (the data folder's `checklists/`).

use std::path::{Path, PathBuf};

use crate::domain::checklist::{
    Checklist, ChecklistError, Draft, Problem, parse_draft, resolve_all,
};
use crate::domain::establishment::EstablishmentKind;

mod shipped {
    include!(concat!(env!("OUT_DIR"), "/shipped_checklists.rs"));
}

/// The loaded checklists and every problem met while loading them.
#[derive(Debug, Default)]
pub struct Catalog {
    pub checklists: Vec<Checklist>,
    pub errors: Vec<ChecklistError>,
}

impl Catalog {
    /// Only the checklists built into this binary.
    pub fn shipped() -> Catalog {
        Self::load(None)
    }

    /// The shipped checklists, with the `*.toml` files of `folder` replacing those of the same
    /// id and adding new ones. A bad file is reported and skipped; the shipped version of the
    /// same id stays in use.
    pub fn load(folder: Option<&Path>) -> Catalog {
        let (mut drafts, mut errors) = parse_shipped();
        if let Some(folder) = folder.filter(|f| f.is_dir()) {
            let (files, mut read_errors) = toml_files(&[folder.to_path_buf()]);
            errors.append(&mut read_errors);
            let (local, mut local_errors) = parse_files(&files);
            errors.append(&mut local_errors);
            for draft in local {
                drafts.retain(|d| d.id != draft.id);
                drafts.push(draft);
            }
        }
        let (checklists, mut resolve_errors) = resolve_all(drafts);
        errors.append(&mut resolve_errors);
        Catalog { checklists, errors }
    }

    /// Checks the given files and folders. Their includes may name shipped checklists, which
    /// are used but not reported on.
    pub fn validate(paths: &[PathBuf]) -> Catalog {
        let (files, mut errors) = toml_files(paths);
        let (drafts, mut parse_errors) = parse_files(&files);
        errors.append(&mut parse_errors);
        let ids: Vec<String> = drafts.iter().map(|d| d.id.clone()).collect();
        let (shipped, _) = parse_shipped();
        let mut all = drafts;
        all.extend(shipped.into_iter().filter(|d| !ids.contains(&d.id)));
        let (checklists, resolve_errors) = resolve_all(all);
        errors.extend(
            resolve_errors
                .into_iter()
                .filter(|e| files.iter().any(|f| f.display().to_string() == e.file)),
        );
        Catalog {
            checklists: checklists
                .into_iter()
                .filter(|c| ids.contains(&c.id))
                .collect(),
            errors,
        }
    }

    pub fn get(&self, id: &str) -> Option<&Checklist> {
        self.checklists.iter().find(|c| c.id == id)
    }

    /// The checklists that apply to an establishment of this kind, in catalog order.
    pub fn for_kind(&self, kind: EstablishmentKind) -> Vec<&Checklist> {
        self.checklists
            .iter()
            .filter(|c| c.applies_to_kind(kind))
            .collect()
    }
}

fn parse_shipped() -> (Vec<Draft>, Vec<ChecklistError>) {
    let mut drafts = Vec::new();
    let mut errors = Vec::new();
    for (name, source) in shipped::SHIPPED {
        match parse_draft(&format!("checklists/{name}"), source) {
            Ok(draft) => drafts.push(draft),
            Err(mut e) => errors.append(&mut e),
        }
    }
    (drafts, errors)
}

/// Expands folders into their `*.toml` files, sorted so that results are stable.
fn toml_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<ChecklistError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.is_dir() {
            match std::fs::read_dir(path) {
                Ok(entries) => {
                    let mut found: Vec<PathBuf> = entries
                        .filter_map(|e| e.ok().map(|e| e.path()))
                        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
                        .collect();
                    found.sort();
                    files.extend(found);
                }
                Err(e) => errors.push(unreadable(path, &e.to_string())),
            }
        } else {
            files.push(path.clone());
        }
    }
    (files, errors)
}

fn parse_files(files: &[PathBuf]) -> (Vec<Draft>, Vec<ChecklistError>) {
    let mut drafts = Vec::new();
    let mut errors = Vec::new();
    for file in files {
        let name = file.display().to_string();
        let source = match std::fs::read(file) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => text,
                Err(_) => {
                    errors.push(unreadable(file, "not UTF-8 text"));
                    continue;
                }
            },
            Err(e) => {
                errors.push(unreadable(file, &e.to_string()));
                continue;
            }
        };
        match parse_draft(&name, &source) {
            Ok(draft) => drafts.push(draft),
            Err(mut e) => errors.append(&mut e),
        }
    }
    (drafts, errors)
}

fn unreadable(path: &Path, why: &str) -> ChecklistError {
    ChecklistError {
        file: path.display().to_string(),
        line: 1,
        column: 1,
        problem: Problem::Unreadable(why.to_string()),
    }
}
