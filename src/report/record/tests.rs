use chrono::{TimeZone, Utc};

use super::*;
use crate::domain::checklist::Checklist;
use crate::domain::establishment::{Establishment, EstablishmentFacts, EstablishmentKind};
use crate::domain::inspection::{Answer, Inspection};
use crate::domain::outcome::Tally;
use crate::report::record_code::{CODE_LEN, write_canonical};
use serde_json::json;

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
            serial: Some("S-2026-0001".into()),
            bureau: "局".into(),
            ..Inspection::final_at("i", "e", at)
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
        follows_up: Vec::new(),
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

fn photo(file_name: &str) -> PhotoBytes {
    PhotoBytes {
        item_id: "1.1".into(),
        sha256: "ab".repeat(32),
        media_type: "image/png".into(),
        file_name: file_name.into(),
        bytes: Vec::new(),
    }
}

#[test]
fn a_record_from_before_kept_facts_keeps_the_code_printed_on_its_paper() {
    // The codes this record had before records kept the establishment's facts (computed with
    // shian at f30164b): papers printed then must still verify.
    let r = record();
    assert_eq!(record_code(&r, &[]), "a38e8e72eed7");
    assert_eq!(record_code(&r, &[photo("a.png")]), "ad0b7076bfcf");
}

#[test]
fn the_code_of_a_record_with_its_facts_covers_them_and_not_the_roster() {
    let mut r = record();
    let mut facts = r.establishment.facts.clone();
    facts.person_in_charge = "王晓梅".into();
    r.inspection.establishment = Some(facts);
    let code = record_code(&r, &[]);
    assert_ne!(code, record_code(&record(), &[]));
    // The roster changes: the form and its code stay.
    let mut renamed = r.clone();
    renamed.establishment.facts.name = "改名后的单位".into();
    renamed.establishment.facts.person_in_charge = "李新".into();
    assert_eq!(record_code(&renamed, &[]), code);
    let html = render_records(
        &[RecordInput {
            record: &renamed,
            photos: &[],
            superseded_by: Vec::new(),
        }],
        Lang::Zh,
    )
    .unwrap();
    assert!(html.contains("王晓梅") && html.contains("单位"), "{html}");
    assert!(!html.contains("李新") && !html.contains("改名后的单位"));
    // Each printed fact is covered, and so is a photo's caption.
    for edit in [
        |f: &mut EstablishmentFacts| f.name.push('X'),
        |f: &mut EstablishmentFacts| f.address.push('X'),
        |f: &mut EstablishmentFacts| f.person_in_charge.push('X'),
        |f: &mut EstablishmentFacts| f.phone.push('1'),
        |f: &mut EstablishmentFacts| f.license_no.push('1'),
    ] {
        let mut edited = r.clone();
        edit(edited.inspection.establishment.as_mut().unwrap());
        assert_ne!(record_code(&edited, &[]), code);
    }
    assert_ne!(
        record_code(&r, &[photo("a.png")]),
        record_code(&r, &[photo("b.png")])
    );
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

#[test]
fn a_remark_without_a_clause_end_is_cut_at_the_cells_limit_and_nothing_is_lost() {
    let text = "甲".repeat(REMARKS_ON_FORM + 30);
    let (head, rest) = split_remarks(&text);
    assert_eq!(head.chars().count(), REMARKS_ON_FORM);
    assert_eq!(format!("{head}{rest}"), text);
    assert_eq!(split_remarks(" 短 "), ("短".to_string(), String::new()));
}
