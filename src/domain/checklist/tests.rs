//! The checklist rules on small files.

use super::*;

const HEAD: &str = "id = \"a\"\nversion = \"1\"\ntitle = \"甲表\"\napplies_to = [\"超市\"]\n";

fn problems(file: &str) -> Vec<(usize, Problem)> {
    match parse_draft("a.toml", file) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.into_iter().map(|e| (e.line, e.problem)).collect(),
    }
}

fn item(extra: &str) -> String {
    format!(
        "{HEAD}[[section]]\nid = \"1\"\ntitle = \"一\"\n\n[[section.item]]\nid = \"1.1\"\ntext = \"条目\"\n{extra}"
    )
}

#[test]
fn semantic_problems_are_all_reported_with_their_lines() {
    let file = format!(
        "{HEAD}[[section]]\nid = \"1\"\ntitle = \"一\"\n\n[[section.item]]\nid = \"1.1\"\ntext = \" \"\n\n[[section.item]]\nid = \"1.1\"\ntext = \"重复\"\n"
    );
    assert_eq!(
        problems(&file),
        vec![
            (11, Problem::EmptyText("text")),
            (14, Problem::DuplicateItem("1.1".into()))
        ]
    );
}

#[test]
fn measurement_rules() {
    assert_eq!(
        problems(&item("kind = \"measurement\"\nmin = 1\n")),
        vec![(9, Problem::MeasurementWithoutUnit)]
    );
    assert_eq!(
        problems(&item("kind = \"measurement\"\nunit = \"g\"\n")),
        vec![(9, Problem::MeasurementWithoutLimits)]
    );
    assert_eq!(
        problems(&item("kind = \"measurement\"\nunit = \"g\"\nmin = nan\n")),
        vec![(14, Problem::LimitNotFinite)]
    );
    assert_eq!(
        problems(&item("unit = \"g\"\n")),
        vec![(12, Problem::LimitsOnNonMeasurement)]
    );
    assert!(
        problems(&item(
            "kind = \"measurement\"\nunit = \"°C\"\nmin = 0\nmax = 8.5\n"
        ))
        .is_empty()
    );
}

#[test]
fn unknown_kind_and_unknown_field_are_named() {
    let found = problems(&item("kind = \"photo\"\n"));
    assert!(
        matches!(found.as_slice(), [(12, Problem::UnknownValue(_))]),
        "{found:?}"
    );
    let found = problems(&item("gudiance = \"拼错了\"\n"));
    assert_eq!(found, vec![(12, Problem::UnknownField("gudiance".into()))]);
    let found = problems(&format!("{HEAD}[[section]]\nid = \"1\"\n"));
    assert!(
        found
            .iter()
            .any(|(_, p)| *p == Problem::SectionWithoutTitle),
        "{found:?}"
    );
}

#[test]
fn choices_need_two_distinct_options() {
    let found = problems(&item(
        "kind = \"choice\"\noptions = [{ label = \"有\", ok = true }, { label = \"有\", ok = false }]\n",
    ));
    assert_eq!(found, vec![(13, Problem::DuplicateOption("有".into()))]);
    let found = problems(&item(
        "kind = \"choice\"\noptions = [{ label = \"有\", ok = true }]\n",
    ));
    assert_eq!(found, vec![(13, Problem::TooFewOptions)]);
}

fn draft(id: &str, body: &str) -> Draft {
    let file = format!(
        "id = \"{id}\"\nversion = \"1\"\ntitle = \"{id}\"\nshort = \"{id}简\"\napplies_to = [\"超市\"]\n{body}"
    );
    match parse_draft(&format!("{id}.toml"), &file) {
        Ok(draft) => draft,
        Err(e) => panic!("{id}: {e:?}"),
    }
}

const OWN: &str = "[[section]]\nid = \"1\"\ntitle = \"一\"\n[[section.item]]\nid = \"1.1\"\ntext = \"条目\"\nkey = true\n";

#[test]
fn includes_splice_sections_with_qualified_ids() {
    let parent = draft(
        "parent",
        &format!("{OWN}[[section]]\ninclude = \"child\"\n"),
    );
    let child = draft("child", OWN);
    let (checklists, errors) = resolve_all(vec![parent, child]);
    assert!(errors.is_empty(), "{errors:?}");
    let parent = &checklists[0];
    let ids: Vec<(&str, &str)> = parent
        .items()
        .map(|i| (i.id.as_str(), i.number.as_str()))
        .collect();
    assert_eq!(ids, vec![("1.1", "1.1"), ("child/1.1", "child简 1.1")]);
    assert_eq!(parent.sections[1].origin.as_deref(), Some("child"));
}

#[test]
fn include_cycles_unknown_and_double_includes_are_errors_and_others_still_load() {
    let a = draft("a", "[[section]]\ninclude = \"b\"\n");
    let b = draft("b", "[[section]]\ninclude = \"a\"\n");
    let c = draft("c", "[[section]]\ninclude = \"nowhere\"\n");
    let d = draft(
        "d",
        &format!("{OWN}[[section]]\ninclude = \"e\"\n[[section]]\ninclude = \"e\"\n"),
    );
    let e = draft("e", OWN);
    let (checklists, errors) = resolve_all(vec![a, b, c, d, e]);
    let loaded: Vec<&str> = checklists.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(loaded, vec!["e"]);
    assert!(
        errors
            .iter()
            .any(|e| matches!(&e.problem, Problem::IncludeCycle(chain) if chain.len() == 3))
    );
    assert!(
        errors
            .iter()
            .any(|e| e.problem == Problem::UnknownInclude("nowhere".into()))
    );
    assert!(
        errors
            .iter()
            .any(|e| e.problem == Problem::IncludedTwice("e".into()))
    );
}

#[test]
fn the_same_id_in_two_files_is_reported_and_the_first_is_kept() {
    let first = draft("same", OWN);
    let mut second = draft("same", OWN);
    second.file = "other.toml".into();
    let (checklists, errors) = resolve_all(vec![first, second]);
    assert_eq!(checklists.len(), 1);
    assert_eq!(errors[0].file, "other.toml");
    assert!(matches!(
        errors[0].problem,
        Problem::DuplicateChecklistId { .. }
    ));
}

#[test]
fn the_hash_changes_with_the_content() {
    let (a, _) = resolve_all(vec![draft("a", OWN)]);
    let mut changed = a[0].clone();
    changed.sections[0].items[0].text.push('。');
    assert_ne!(a[0].content_hash(), changed.content_hash());
    assert_eq!(a[0].content_hash(), a[0].clone().content_hash());
}

#[test]
fn outcome_rule_and_form_are_read_and_default_to_2016() {
    let (plain, _) = resolve_all(vec![draft("a", OWN)]);
    assert_eq!(plain[0].outcome, OutcomeRule::KeyGeneral70);
    assert_eq!(plain[0].form, RecordForm::Form2016);
    let set = draft(
        "b",
        &format!("outcome = \"judgement\"\nform = \"2022\"\n{OWN}"),
    );
    let (set, errors) = resolve_all(vec![set]);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(set[0].outcome, OutcomeRule::Judgement);
    assert_eq!(set[0].form, RecordForm::Form2022);
}

#[test]
fn a_wrong_outcome_rule_or_form_is_named_at_its_line() {
    let found = problems(&format!("{HEAD}outcome = \"70%\"\n{OWN}"));
    assert!(
        matches!(found.as_slice(), [(5, Problem::UnknownValue(msg))] if msg.contains("judgement")),
        "{found:?}"
    );
    let found = problems(&format!("{HEAD}form = \"2020\"\n{OWN}"));
    assert!(
        matches!(found.as_slice(), [(5, Problem::UnknownValue(msg))] if msg.contains("2022")),
        "{found:?}"
    );
    // A number instead of text: the parser's own words, still at the line.
    let found = problems(&format!("{HEAD}form = 2022\n{OWN}"));
    assert!(matches!(found.as_slice(), [(5, _)]), "{found:?}");
}

#[test]
fn checklists_stored_before_the_rule_existed_keep_their_hash() {
    let (a, _) = resolve_all(vec![draft("a", OWN)]);
    let json = serde_json::to_string(&a[0]).unwrap_or_default();
    // The default rule and form are not written, so the bytes hashed are those of before.
    assert!(
        !json.contains("\"outcome\"") && !json.contains("\"form\""),
        "{json}"
    );
    let old: Checklist = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(old, a[0]);
    assert_eq!(old.content_hash(), a[0].content_hash());
    let mut judged = a[0].clone();
    judged.outcome = OutcomeRule::Judgement;
    assert_ne!(judged.content_hash(), a[0].content_hash());
    let mut form = a[0].clone();
    form.form = RecordForm::Form2022;
    assert_ne!(form.content_hash(), a[0].content_hash());
    let back: Checklist = serde_json::from_str(&serde_json::to_string(&judged).unwrap_or_default())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back.outcome, OutcomeRule::Judgement);
}
