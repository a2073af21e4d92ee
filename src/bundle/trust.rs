//! The rules of authorship an import enforces for every record (docs/trust.md): who wrote it
//! (its signature, by a station this one trusts), that the author is who the record says it is,
//! that the author may write it (a correction of another station's record only as the office's
//! own, with a reason), and that its content keeps the rules of a final record.

use crate::domain::establishment_merge::MergeError;
use std::collections::{BTreeMap, BTreeSet};

use ed25519_dalek::VerifyingKey;

use crate::authorship::AuthorshipError;
use crate::domain::checklist::Checklist;
use crate::domain::final_check::{FinalContext, FinalProblem, MAX_TEXT_CHARS, check_final};
use crate::domain::inspection::{Inspection, InspectionKind, Rectification};
use crate::domain::outcome::{Handling, Verdict};
use crate::identity;
use crate::store::{EstablishmentRevision, InspectionEntry, StationRow};

/// Why a record is refused. Each names what a supervisor needs to find the record and see why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The record carries no author signature.
    Unsigned,
    /// The signature does not match the record.
    BadSignature,
    /// Signed by a key this station does not know.
    UnknownAuthor { fingerprint: String },
    /// Signed by a station that has been revoked.
    RevokedAuthor {
        station: String,
        fingerprint: String,
    },
    /// The record names another station than the one whose key signed it.
    NotItsAuthor { claimed: String, author: String },
    /// A serial number that does not begin with its author's station code.
    SerialNotAuthors { serial: String, author: String },
    /// A correction of another station's record, not made as the office's own with a reason.
    CorrectionOfAnother { original: String, author: String },
    /// A correction whose serial or revision does not follow the record it corrects.
    CorrectionOutOfLine { serial: String },
    /// The record's checklist version is another checklist than the record names.
    WrongChecklist { named: String, version_of: String },
    /// A rule of a final record is broken.
    Content(FinalProblem),
    /// A rectification closed without a follow-up inspection that passes its item.
    ClosedWithoutFollowUp { item: String },
    /// A rectification whose order or follow-up does not match the inspections it names.
    RectificationOutOfLine { item: String },
    /// A station list from a bundle that is not the office's.
    StationsNotFromOffice,
    /// The same record (by its id, serial number or revision) twice in one bundle.
    Duplicate,
    /// A decision that closes a rectification, not made by an office.
    DecisionNotByOffice { author: String },
    /// A decision that closes a rectification without a reason.
    NoReason,
    /// An establishment revision that settles a conflict, not made by an office.
    ResolutionNotByOffice { author: String },
    /// An establishment revision made from revisions that are neither in the bundle nor here,
    /// or from later ones.
    BrokenHistory(MergeError),
}

/// The keys this station accepts as authors of records.
pub struct Authors {
    /// By public key (hex).
    stations: BTreeMap<String, StationRow>,
    own_key: Option<String>,
}

/// An author that passed: its station code and whether it may act as the office here (an
/// office, or this station itself).
pub struct Author {
    pub code: String,
    pub office: bool,
}

impl Authors {
    /// The stations known here, this station's own key (when it has one), and the station list
    /// of an office bundle whose signer is trusted as the office.
    pub fn new(
        known: Vec<StationRow>,
        own_key: Option<String>,
        from_office: &[StationRow],
    ) -> Authors {
        let mut stations: BTreeMap<String, StationRow> = known
            .into_iter()
            .map(|s| (s.public_key.clone(), s))
            .collect();
        for s in from_office {
            match stations.get_mut(&s.public_key) {
                // The office's revocation reaches every laptop; its trust does not undo a
                // revocation made here.
                Some(here) => {
                    if s.revoked_at.is_some() && here.revoked_at.is_none() {
                        here.revoked_at = s.revoked_at.clone();
                        here.trusted = false;
                    }
                }
                None => {
                    stations.insert(s.public_key.clone(), s.clone());
                }
            }
        }
        Authors { stations, own_key }
    }

    /// Who made `key`'s signatures, if this station accepts them.
    pub fn author(&self, key: &VerifyingKey) -> Result<Author, Refusal> {
        let hex_key = hex::encode(key.as_bytes());
        let code = identity::station_code(key);
        // This station's own records coming back (relayed in another station's bundle) were
        // made here under the rules of here: what may pass as the office's may pass as its own.
        if self.own_key.as_deref() == Some(hex_key.as_str()) {
            return Ok(Author { code, office: true });
        }
        match self.stations.get(&hex_key) {
            Some(s) if s.revoked_at.is_some() || !s.trusted => Err(Refusal::RevokedAuthor {
                station: code,
                fingerprint: identity::fingerprint(key),
            }),
            Some(s) => Ok(Author {
                code,
                office: s.role == "office",
            }),
            None => Err(Refusal::UnknownAuthor {
                fingerprint: identity::fingerprint(key),
            }),
        }
    }
}

fn signature_refusal(e: AuthorshipError) -> Refusal {
    match e {
        AuthorshipError::Unsigned => Refusal::Unsigned,
        _ => Refusal::BadSignature,
    }
}

/// The author of an inspection entry, checked against what the record says of itself.
/// `original` is the record a correction supersedes.
pub fn check_inspection_author(
    authors: &Authors,
    entry: &InspectionEntry,
    key: &VerifyingKey,
    original: Option<&Inspection>,
) -> Result<Author, Refusal> {
    let author = authors.author(key)?;
    let i = &entry.inspection;
    if i.station != author.code {
        return Err(Refusal::NotItsAuthor {
            claimed: i.station.clone(),
            author: author.code,
        });
    }
    let serial = i.serial.clone().unwrap_or_default();
    match (&i.supersedes, original) {
        (None, _) => {
            if !serial.starts_with(&format!("{}-", author.code)) || serial.contains("-r") {
                return Err(Refusal::SerialNotAuthors {
                    serial,
                    author: author.code,
                });
            }
        }
        (Some(_), Some(o)) => {
            let own = o.station == author.code;
            let by_office = author.office
                && i.revision_reason
                    .as_deref()
                    .is_some_and(|r| !r.trim().is_empty());
            if !own && !by_office {
                return Err(Refusal::CorrectionOfAnother {
                    original: o.serial.clone().unwrap_or_else(|| o.id.clone()),
                    author: author.code,
                });
            }
            let expected = format!("{}-r{}", o.serial.clone().unwrap_or_default(), i.revision);
            if serial != expected
                || i.revision <= o.revision
                || o.establishment_id != i.establishment_id
            {
                return Err(Refusal::CorrectionOutOfLine { serial });
            }
        }
        // The caller refuses a correction of a record that is neither here nor in the bundle.
        (Some(_), None) => {}
    }
    Ok(author)
}

/// Who signed an inspection entry (the signature checked, not yet who may write it), and the
/// content rules of a final record against its pinned checklist: the checks of one record that
/// need nothing but the record, so an import runs them on both cores.
pub fn check_inspection_alone(
    entry: &InspectionEntry,
    checklist: Option<&Checklist>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<VerifyingKey, Refusal> {
    let key = entry.verify().map_err(signature_refusal)?;
    // A missing checklist version is refused by the plan, with its hash.
    if let Some(checklist) = checklist {
        check_inspection_content(entry, checklist, now)?;
    }
    Ok(key)
}

/// The content rules of a final record, against its pinned checklist.
pub fn check_inspection_content(
    entry: &InspectionEntry,
    checklist: &Checklist,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), Refusal> {
    let i = &entry.inspection;
    if checklist.id != i.checklist_id {
        return Err(Refusal::WrongChecklist {
            named: i.checklist_id.clone(),
            version_of: checklist.id.clone(),
        });
    }
    if let Some(a) = entry
        .attachments
        .iter()
        .find(|a| checklist.item(&a.item_id).is_none())
    {
        return Err(Refusal::Content(FinalProblem::UnknownItem {
            item: a.item_id.clone(),
        }));
    }
    let photos: BTreeSet<String> = entry
        .attachments
        .iter()
        .map(|a| a.item_id.clone())
        .collect();
    let cx = FinalContext {
        items_with_photos: &photos,
        now,
    };
    check_final(checklist, i, &entry.answers, &cx)
        .map(|_| ())
        .map_err(Refusal::Content)
}

/// An establishment revision's author must be the station it names as `changed_by`, and its
/// facts keep the roster's length limits.
pub fn check_revision_author(
    authors: &Authors,
    revision: &EstablishmentRevision,
) -> Result<(), Refusal> {
    let key = revision.verify().map_err(signature_refusal)?;
    let author = authors.author(&key)?;
    if revision.changed_by != author.code {
        return Err(Refusal::NotItsAuthor {
            claimed: revision.changed_by.clone(),
            author: author.code,
        });
    }
    // Settling a conflict is the office's (docs/trust.md, rule 8).
    if !revision.resolves.is_empty() && !author.office {
        return Err(Refusal::ResolutionNotByOffice {
            author: author.code,
        });
    }
    // The same bound as a roster cell (docs/roster.md).
    for (field, text) in revision.facts.texts() {
        if text.chars().count() > MAX_TEXT_CHARS {
            return Err(Refusal::Content(FinalProblem::TextTooLong {
                field: field.into(),
                limit: MAX_TEXT_CHARS,
            }));
        }
    }
    Ok(())
}

/// A decision that closes a rectification is an office's, signed by it, with a reason.
pub fn check_decision(authors: &Authors, d: &crate::store::Decision) -> Result<(), Refusal> {
    let key = d.verify().map_err(signature_refusal)?;
    let author = authors.author(&key)?;
    if d.station != author.code {
        return Err(Refusal::NotItsAuthor {
            claimed: d.station.clone(),
            author: author.code,
        });
    }
    if !author.office {
        return Err(Refusal::DecisionNotByOffice {
            author: author.code,
        });
    }
    let reason = d.reason.trim();
    if reason.is_empty() {
        return Err(Refusal::NoReason);
    }
    if reason.chars().count() > crate::domain::final_check::MAX_LONG_TEXT_CHARS {
        return Err(Refusal::Content(FinalProblem::TextTooLong {
            field: "reason".into(),
            limit: crate::domain::final_check::MAX_LONG_TEXT_CHARS,
        }));
    }
    Ok(())
}

/// What a rectification check reads of an inspection. An import keeps this much of each
/// inspection the bundle's rectifications name while the records stream by, not the records
/// (issue 16: the records themselves were 36 MB of a district year's import).
#[derive(Debug, Clone, PartialEq)]
pub struct InspectionFacts {
    /// How a refusal names the inspection: its serial number, else its id.
    pub name: String,
    pub establishment_id: String,
    pub kind: InspectionKind,
    pub started_at: chrono::DateTime<chrono::Utc>,
    pub handling: Option<Handling>,
    pub deadline: Option<chrono::NaiveDate>,
    /// The verdicts of the items asked for, by item id.
    pub verdicts: Vec<(String, Verdict)>,
}

impl InspectionFacts {
    /// The facts of `entry`, with the verdicts of the items `wanted` says yes to.
    pub fn of(entry: &InspectionEntry, wanted: impl Fn(&str) -> bool) -> InspectionFacts {
        let i = &entry.inspection;
        InspectionFacts {
            name: i.serial.clone().unwrap_or_else(|| i.id.clone()),
            establishment_id: i.establishment_id.clone(),
            kind: i.kind,
            started_at: i.started_at,
            handling: i.conclusion.handling,
            deadline: i.conclusion.deadline,
            verdicts: entry
                .answers
                .iter()
                .filter(|a| wanted(&a.item_id))
                .map(|a| (a.item_id.clone(), a.verdict))
                .collect(),
        }
    }
}

/// A rectification is what its ordering inspection decided (a failed item under a written
/// deadline), and it closes only through a follow-up inspection of the same establishment that
/// passes the item. `order` and `follow_up` are the inspections it names.
pub fn check_rectification(
    r: &Rectification,
    order: &InspectionFacts,
    follow_up: Option<&InspectionFacts>,
    decided: bool,
) -> Result<(), Refusal> {
    let out_of_line = || Refusal::RectificationOutOfLine {
        item: r.item_id.clone(),
    };
    let verdict = |e: &InspectionFacts| {
        e.verdicts
            .iter()
            .find(|(item, _)| *item == r.item_id)
            .map(|(_, v)| *v)
    };
    let ordered = order.establishment_id == r.establishment_id
        && order.handling == Some(Handling::RectifyByDeadline)
        && order.deadline == r.deadline
        && verdict(order) == Some(Verdict::Fail);
    if !ordered {
        return Err(out_of_line());
    }
    match follow_up {
        // Closed by the office's decision, checked on its own (`check_decision`).
        None if !r.open && decided => Ok(()),
        None if !r.open => Err(Refusal::ClosedWithoutFollowUp {
            item: r.item_id.clone(),
        }),
        None => Ok(()),
        Some(f) => {
            let same_place = f.establishment_id == r.establishment_id
                && f.kind == InspectionKind::FollowUp
                && f.started_at >= order.started_at;
            if !same_place {
                return Err(out_of_line());
            }
            match (r.open, verdict(f)) {
                (false, Some(Verdict::Pass)) => Ok(()),
                (false, _) => Err(Refusal::ClosedWithoutFollowUp {
                    item: r.item_id.clone(),
                }),
                // A follow-up that did not pass the item leaves the order open.
                (true, Some(v)) if v != Verdict::Pass => Ok(()),
                (true, _) => Err(out_of_line()),
            }
        }
    }
}
