//! Checklists: what an inspector checks, item by item. Parsed from TOML files (`parse`), with the
//! sections of other checklists spliced in (`resolve`), and hashed so that a record always renders
//! against the exact version it was made with.

mod parse;
mod problem;
mod resolve;
mod rules;

pub use parse::{Draft, parse_draft};
pub(crate) use problem::Positions;
pub use problem::{ChecklistError, Problem};
pub use resolve::resolve_all;
pub use rules::{OutcomeRule, Proposal, RecordForm};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::establishment::EstablishmentKind;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Checklist {
    pub id: String,
    pub version: String,
    pub title: String,
    pub short: Option<String>,
    pub description: Option<String>,
    pub applies_to: Vec<EstablishmentKind>,
    pub basis: Vec<String>,
    pub sections: Vec<Section>,
    /// Which rule decides the result. Left out of the JSON when it is the default, so that
    /// checklists stored before the field existed keep their content hash.
    #[serde(default, skip_serializing_if = "OutcomeRule::is_default")]
    pub outcome: OutcomeRule,
    /// Which record form prints it; left out of the JSON when default, as above.
    #[serde(default, skip_serializing_if = "RecordForm::is_default")]
    pub form: RecordForm,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// Qualified like item ids: `<included checklist id>/<id>` for an included section.
    pub id: String,
    pub title: String,
    /// The checklist an included section comes from.
    pub origin: Option<String>,
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    /// Unique in the resolved checklist: the file's id, qualified as `<checklist id>/<id>` when
    /// the item comes from an included checklist. Answers are keyed by it.
    pub id: String,
    /// The number as printed on the form, e.g. `6.1` or `留样 1.2`.
    pub number: String,
    pub text: String,
    pub key: bool,
    pub guidance: Option<String>,
    /// The item's own basis, else its section's, else its checklist's.
    pub basis: Option<String>,
    pub kind: ItemKind,
    pub on_fail: OnFail,
    pub local: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ItemKind {
    Check,
    Measurement {
        unit: String,
        min: Option<f64>,
        max: Option<f64>,
    },
    Choice {
        options: Vec<ChoiceOption>,
    },
    /// Recorded text, not scored.
    Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChoiceOption {
    pub label: String,
    pub ok: bool,
}

/// What a 不符合 verdict requires before the inspector moves on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OnFail {
    None,
    Note,
    Photo,
    NoteAndPhoto,
}

impl OnFail {
    pub fn needs_note(self) -> bool {
        matches!(self, Self::Note | Self::NoteAndPhoto)
    }

    pub fn needs_photo(self) -> bool {
        matches!(self, Self::Photo | Self::NoteAndPhoto)
    }
}

impl Checklist {
    /// SHA-256 of the canonical JSON of the resolved checklist, in lowercase hex.
    pub fn content_hash(&self) -> String {
        // Serializing plain structs of strings, numbers and vectors cannot fail.
        let bytes = serde_json::to_vec(self).unwrap_or_default();
        hex::encode(Sha256::digest(&bytes))
    }

    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.sections
            .iter()
            .flat_map(|section| section.items.iter())
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items().find(|item| item.id == id)
    }

    pub fn applies_to_kind(&self, kind: EstablishmentKind) -> bool {
        self.applies_to.contains(&kind)
    }
}

impl ItemKind {
    /// Whether the item takes part in the outcome (text items are only recorded).
    pub fn is_scored(&self) -> bool {
        !matches!(self, Self::Text)
    }

    /// The verdict a measured value suggests: inside the limits (inclusive) is compliant.
    pub fn value_complies(&self, value: f64) -> Option<bool> {
        match self {
            Self::Measurement { min, max, .. } => {
                Some(min.is_none_or(|min| value >= min) && max.is_none_or(|max| value <= max))
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod limits {
    use super::*;

    #[test]
    fn measurement_limits_are_inclusive() {
        let fridge = ItemKind::Measurement {
            unit: "°C".into(),
            min: Some(0.0),
            max: Some(8.0),
        };
        assert_eq!(fridge.value_complies(8.0), Some(true));
        assert_eq!(fridge.value_complies(0.0), Some(true));
        assert_eq!(fridge.value_complies(10.0), Some(false));
        assert_eq!(fridge.value_complies(-0.5), Some(false));
        let grams = ItemKind::Measurement {
            unit: "g".into(),
            min: Some(125.0),
            max: None,
        };
        assert_eq!(grams.value_complies(124.9), Some(false));
        assert_eq!(grams.value_complies(125.0), Some(true));
        assert_eq!(ItemKind::Check.value_complies(1.0), None);
    }
}
