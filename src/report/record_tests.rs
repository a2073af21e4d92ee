use chrono::{TimeZone, Utc};

use super::*;
use crate::domain::checklist::Checklist;
use crate::domain::establishment::{Establishment, EstablishmentFacts, EstablishmentKind};
use crate::domain::inspection::{Answer, Conclusion, Inspection, InspectionKind};
use crate::domain::outcome::Tally;

fn record() -> InspectionRecord {
    let at = Utc.with_ymd_and_hms(2026, 6, 1, 2, 0, 0).unwrap();
    let answer = |id: &str, verdict| Answer {
        item_id: id.into(),
        verdict,
        value: None,
        choice: None,
        note: String::new(),
        answered_at: at,
    };
    InspectionRecord {
        inspection: Inspection {
            id: "i".into(),
            establishment_id: "e".into(),
            checklist_id: "c".into(),
            checklist_hash: "h".into(),
            kind: InspectionKind::Routine,
            status: Status::Final,
            serial: Some("S-2026-0001".into()),
            revision: 1,
            supersedes: None,
            revision_reason: None,
            station: "S".into(),
            bureau: "局".into(),
            inspectors: Vec::new(),
            started_at: at,
            utc_offset_seconds: 8 * 3600,
            finalized_at: Some(at),
            outcome: Some(Outcome::Compliant),
            conclusion: Conclusion::default(),
            year_sequence: Some(1),
            current_item: None,
        },
        establishment: Establishment {
            id: "e".into(),
            revision: 1,
            facts: EstablishmentFacts {
                name: "单位".into(),
                kind: EstablishmentKind::Restaurant,
                address: String::new(),
                town: String::new(),
                person_in_charge: String::new(),
                phone: String::new(),
                license_no: String::new(),
                credit_code: String::new(),
                risk_grade: None,
                bright_kitchen: None,
            },
        },
        checklist: Checklist {
            id: "c".into(),
            version: "1".into(),
            title: "表".into(),
            short: None,
            description: None,
            applies_to: Vec::new(),
            basis: Vec::new(),
            sections: Vec::new(),
            outcome: Default::default(),
            form: Default::default(),
        },
        answers: vec![answer("1.1", Verdict::Pass), answer("1.2", Verdict::Pass)],
        tally: Tally::default(),
        superseded_by: Vec::new(),
    }
}

#[test]
fn record_code_is_short_hex_and_ignores_answer_order() {
    let r = record();
    let code = record_code(&r, &[]);
    assert_eq!(code.len(), CODE_LEN);
    assert!(code.chars().all(|c| c.is_ascii_hexdigit()));
    let mut shuffled = r.clone();
    shuffled.answers.reverse();
    assert_eq!(record_code(&shuffled, &[]), code);
}

#[test]
fn record_code_changes_with_what_was_recorded_not_with_the_roster() {
    let r = record();
    let code = record_code(&r, &[]);
    let mut changed = r.clone();
    changed.answers[1].verdict = Verdict::Fail;
    assert_ne!(record_code(&changed, &[]), code);
    let mut renamed = r.clone();
    renamed.establishment.facts.name = "改名后的单位".into();
    assert_eq!(record_code(&renamed, &[]), code);
    let photo = PhotoBytes {
        item_id: "1.1".into(),
        sha256: "ab".repeat(32),
        media_type: "image/png".into(),
        file_name: "a.png".into(),
        bytes: Vec::new(),
    };
    assert_ne!(record_code(&r, &[photo]), code);
}

#[test]
fn canonical_json_sorts_keys_at_every_level() {
    let mut out = String::new();
    write_canonical(
        &json!({"b": 1, "a": {"d": [2, {"f": 1, "e": "x"}], "c": null}}),
        &mut out,
    );
    assert_eq!(out, r#"{"a":{"c":null,"d":[2,{"e":"x","f":1}]},"b":1}"#);
}
