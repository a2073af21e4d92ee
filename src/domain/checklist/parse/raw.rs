//! The checklist file as TOML states it, before any check: what serde reads, with the spans
//! parse.rs needs to name a line and column.

use serde::Deserialize;
use toml::Spanned;

use super::super::{OutcomeRule, RecordForm};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawChecklist {
    pub(super) id: Spanned<String>,
    pub(super) version: Spanned<String>,
    pub(super) title: Spanned<String>,
    pub(super) short: Option<String>,
    pub(super) description: Option<String>,
    pub(super) applies_to: Spanned<Vec<Spanned<String>>>,
    pub(super) basis: Option<Basis>,
    #[serde(default)]
    pub(super) outcome: OutcomeRule,
    #[serde(default)]
    pub(super) form: RecordForm,
    #[serde(default)]
    pub(super) section: Vec<Spanned<RawSection>>,
}

#[derive(Deserialize)]
#[serde(untagged)]
pub(super) enum Basis {
    One(String),
    Many(Vec<String>),
}

impl Basis {
    pub(super) fn into_vec(self) -> Vec<String> {
        let texts = match self {
            Basis::One(text) => vec![text],
            Basis::Many(texts) => texts,
        };
        texts
            .into_iter()
            .map(|text| text.trim().to_string())
            .filter(|text| !text.is_empty())
            .collect()
    }

    pub(super) fn joined(self) -> Option<String> {
        let texts = self.into_vec();
        (!texts.is_empty()).then(|| texts.join("；"))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSection {
    pub(super) id: Option<Spanned<String>>,
    pub(super) title: Option<Spanned<String>>,
    pub(super) basis: Option<Basis>,
    pub(super) include: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) item: Vec<Spanned<RawItem>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawItem {
    pub(super) id: Spanned<String>,
    pub(super) text: Spanned<String>,
    #[serde(default)]
    pub(super) key: bool,
    pub(super) guidance: Option<String>,
    pub(super) basis: Option<Basis>,
    #[serde(default)]
    pub(super) kind: RawKind,
    pub(super) unit: Option<Spanned<String>>,
    pub(super) min: Option<Spanned<Number>>,
    pub(super) max: Option<Spanned<Number>>,
    pub(super) options: Option<Spanned<Vec<Spanned<RawOption>>>>,
    #[serde(default)]
    pub(super) on_fail: RawOnFail,
    #[serde(default)]
    pub(super) local: bool,
}

#[derive(Deserialize, Default, Clone, Copy, PartialEq)]
#[serde(rename_all = "snake_case")]
pub(super) enum RawKind {
    #[default]
    Check,
    Measurement,
    Choice,
    Text,
}

#[derive(Deserialize, Default)]
pub(super) enum RawOnFail {
    #[serde(rename = "none")]
    None,
    #[default]
    #[serde(rename = "note")]
    Note,
    #[serde(rename = "photo")]
    Photo,
    #[serde(rename = "note+photo")]
    NoteAndPhoto,
}

/// TOML keeps integers and floats apart; a limit may be written either way.
#[derive(Deserialize, Clone, Copy)]
#[serde(untagged)]
pub(super) enum Number {
    Int(i64),
    Float(f64),
}

impl Number {
    pub(super) fn value(self) -> f64 {
        match self {
            // Limits are small numbers (grams, hours, degrees): exact in f64.
            Number::Int(n) => n as f64,
            Number::Float(x) => x,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawOption {
    pub(super) label: String,
    pub(super) ok: bool,
}
