//! One district converges (issue 12, item 4; docs/data-model.md "Establishment revisions"):
//! laptops edit the same establishments, the office imports their bundles in every order and
//! holds the same facts, edits of different facts combine, two values of one fact are listed by
//! name for the office, the office's choice reaches every laptop, and only an office may choose.

use crate::support::bundle;
use crate::support::cli::{shian_en, stdout};
use std::path::{Path, PathBuf};

use crate::support::bundle::{
    BOOKKEEPING, copy_dir, dump, export, import_trusting, signing_key, trust,
};
use shian::domain::establishment::RiskGrade;
use shian::domain::establishment_merge::Fact;
use shian::identity::Identity;
use shian::store::{EstablishmentRevision, Store};
use tempfile::TempDir;

struct District {
    tmp: TempDir,
    office: PathBuf,
    laptops: Vec<PathBuf>,
    /// The two establishments every laptop edits.
    first: String,
    second: String,
}

/// An office with a demo roster, and `n` laptops that trust it and hold its roster.
fn district(n: usize) -> District {
    let tmp = TempDir::new().unwrap();
    let office = tmp.path().join("office");
    bundle::demo(&office, 6, 0, 7);
    let roster = export(&office, &tmp.path().join("roster"), &["--roster"]);
    let mut laptops = Vec::new();
    for i in 0..n {
        let dir = tmp.path().join(format!("laptop-{i}"));
        stdout(shian_en(&dir).arg("identity").arg("show"));
        trust(&office, &dir);
        import_trusting(&dir, &roster, &office);
        laptops.push(dir);
    }
    let (first, second) = {
        let store = Store::open(&office).unwrap();
        let all = store.establishments().unwrap();
        (all[0].id.clone(), all[1].id.clone())
    };
    District {
        tmp,
        office,
        laptops,
        first,
        second,
    }
}

/// An edit made on the station at `dir`, as its establishment form saves it: signed.
fn edit(
    dir: &Path,
    id: &str,
    change: impl FnOnce(&mut shian::domain::establishment::EstablishmentFacts),
) {
    let mut store = Store::open(dir).unwrap();
    store.sign_as(&signing_key(dir));
    let mut facts = store.establishment(id).unwrap().facts;
    change(&mut facts);
    let code = Identity::load_or_create(dir).unwrap().station_code();
    store.update_establishment(id, &facts, &code).unwrap();
}

fn import(dir: &Path, bundle: &Path) -> String {
    stdout(shian_en(dir).arg("import").arg(bundle))
}

fn conflicts_json(dir: &Path) -> serde_json::Value {
    serde_json::from_str(&stdout(shian_en(dir).args(["conflicts", "list", "--json"]))).unwrap()
}

const REVISIONS: &str = "records/establishment_revisions.json";

/// Writes `bundle` to `to` with its establishment revisions changed by `change`, signed again
/// by `key` (the laptop's own, so the bundle is authentic and only its content is wrong).
fn with_revisions(
    bundle: &Path,
    to: &Path,
    key: &ed25519_dalek::SigningKey,
    change: impl FnOnce(&mut Vec<EstablishmentRevision>),
) {
    let mut entries = bundle::entries(bundle);
    let mut revisions: Vec<EstablishmentRevision> =
        serde_json::from_slice(bundle::entry(&mut entries, REVISIONS)).unwrap();
    change(&mut revisions);
    let bytes = serde_json::to_vec(&revisions).unwrap();
    *bundle::entry(&mut entries, REVISIONS) = bytes.clone();
    bundle::resign(&mut entries, key, |m| {
        m["entries"][REVISIONS] =
            serde_json::json!({"sha256": bundle::sha256_hex(&bytes), "size": bytes.len()});
        m["counts"]["establishment_revisions"] = revisions.len().into();
    });
    bundle::write_entries(to, &entries);
}

fn code(dir: &Path) -> String {
    Identity::load_or_create(dir).unwrap().station_code()
}

/// Three laptops edit two establishments; their bundles are imported at the office in all six
/// orders.
fn three_laptops_edit(d: &District) -> Vec<PathBuf> {
    let [a, b, c] = [&d.laptops[0], &d.laptops[1], &d.laptops[2]];
    // The person in charge of the first: A and C write the same name, B another.
    edit(a, &d.first, |f| f.person_in_charge = "甲某".into());
    edit(b, &d.first, |f| f.person_in_charge = "乙某".into());
    edit(c, &d.first, |f| f.person_in_charge = "甲某".into());
    // The second: each laptop changes a different fact.
    edit(a, &d.second, |f| f.risk_grade = Some(RiskGrade::C));
    edit(b, &d.second, |f| f.phone = "0417-5550002".into());
    edit(c, &d.second, |f| f.address = "示例路 3 号".into());
    let out = d.tmp.path().join("out");
    [a, b, c].iter().map(|dir| export(dir, &out, &[])).collect()
}

#[test]
fn every_import_order_gives_the_same_facts_and_the_same_conflicts_by_name() {
    let d = district(3);
    let bundles = three_laptops_edit(&d);
    let orders = [
        [0, 1, 2],
        [0, 2, 1],
        [1, 0, 2],
        [1, 2, 0],
        [2, 0, 1],
        [2, 1, 0],
    ];
    let mut seen = None;
    for (n, order) in orders.iter().enumerate() {
        let office = d.tmp.path().join(format!("office-{n}"));
        copy_dir(&d.office, &office);
        for &i in order {
            import(&office, &bundles[i]);
        }
        let result = (dump(&office, BOOKKEEPING), conflicts_json(&office));
        match &seen {
            None => seen = Some(result),
            Some(first) => assert_eq!(first, &result, "order {order:?}"),
        }
    }
    let office = d.tmp.path().join("office-0");
    let store = Store::open(&office).unwrap();
    // Edits of different facts combined.
    let second = store.establishment(&d.second).unwrap().facts;
    assert_eq!(second.risk_grade, Some(RiskGrade::C));
    assert_eq!(second.phone, "0417-5550002");
    assert_eq!(second.address, "示例路 3 号");
    // Two values of one fact: a conflict, by name, with every side.
    let name = store.establishment(&d.first).unwrap().facts.name;
    let list = conflicts_json(&office);
    assert_eq!(list.as_array().unwrap().len(), 1, "{list}");
    assert_eq!(list[0]["name"], name.as_str());
    assert_eq!(list[0]["conflicts"][0]["fact"], "person_in_charge");
    let sides: Vec<(String, String)> = list[0]["conflicts"][0]["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            (
                v["value"].as_str().unwrap().to_string(),
                v["revision"]["station"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let [a, b, c] = [0, 1, 2].map(|i| code(&d.laptops[i]));
    assert_eq!(
        sides,
        vec![
            ("甲某".to_string(), a.clone()),
            ("乙某".to_string(), b.clone()),
            ("甲某".to_string(), c)
        ]
    );
    // The list a supervisor reads names the establishment, the fact, each value and who.
    let text = stdout(shian_en(&office).args(["conflicts", "list"]));
    assert!(text.contains(&name), "{text}");
    assert!(text.contains("person in charge: 甲某 (station "), "{text}");
    assert!(text.contains(&format!("乙某 (station {b}, ")), "{text}");
    // The office's plan says so at import too.
    let again = d.tmp.path().join("office-plan");
    copy_dir(&d.office, &again);
    import(&again, &bundles[0]);
    let said = import(&again, &bundles[1]);
    assert!(said.contains("conflict"), "{said}");
    assert!(said.contains(&name), "{said}");
}

#[test]
fn the_office_settles_a_conflict_and_every_laptop_takes_its_choice() {
    let d = district(2);
    let [a, b] = [&d.laptops[0], &d.laptops[1]];
    edit(a, &d.first, |f| f.person_in_charge = "甲某".into());
    edit(b, &d.first, |f| f.person_in_charge = "乙某".into());
    edit(b, &d.first, |f| f.phone = "0417-5550002".into());
    let out = d.tmp.path().join("out");
    for dir in [a, b] {
        let bundle = export(dir, &out, &[]);
        import(&d.office, &bundle);
    }
    assert_eq!(conflicts_json(&d.office).as_array().unwrap().len(), 1);
    // B's value was written last and shows until the office chooses; it keeps A's.
    let said = stdout(shian_en(&d.office).args([
        "conflicts",
        "resolve",
        &d.first,
        "person_in_charge",
        "--keep",
        "1",
    ]));
    assert!(said.contains("甲某"), "{said}");
    assert!(conflicts_json(&d.office).as_array().unwrap().is_empty());
    let settled = Store::open(&d.office)
        .unwrap()
        .establishment(&d.first)
        .unwrap()
        .facts;
    assert_eq!(settled.person_in_charge, "甲某");
    assert_eq!(settled.phone, "0417-5550002");

    // The next office bundle carries the choice to both laptops, B's value lost.
    let roster = export(&d.office, &d.tmp.path().join("roster-2"), &["--roster"]);
    for dir in [a, b] {
        import(dir, &roster);
        let facts = Store::open(dir)
            .unwrap()
            .establishment(&d.first)
            .unwrap()
            .facts;
        assert_eq!(facts, settled, "{}", dir.display());
        assert!(conflicts_json(dir).as_array().unwrap().is_empty());
    }
    // And the laptops' next bundles change nothing at the office.
    let before = dump(&d.office, BOOKKEEPING);
    for dir in [a, b] {
        let bundle = export(dir, &out, &["--all"]);
        import(&d.office, &bundle);
    }
    assert_eq!(before, dump(&d.office, BOOKKEEPING));
}

#[test]
fn a_laptop_may_not_settle_a_conflict() {
    let d = district(2);
    let [a, b] = [&d.laptops[0], &d.laptops[1]];
    edit(a, &d.first, |f| f.person_in_charge = "甲某".into());
    edit(b, &d.first, |f| f.person_in_charge = "乙某".into());
    let out = d.tmp.path().join("out");
    for dir in [a, b] {
        let bundle = export(dir, &out, &[]);
        import(&d.office, &bundle);
    }
    // The office sends the district out before it settles: laptop B sees the conflict too.
    let roster = export(&d.office, &d.tmp.path().join("roster-2"), &["--roster"]);
    import(b, &roster);
    assert_eq!(conflicts_json(b).as_array().unwrap().len(), 1);
    // B trusts an office, so it is a field station: settling is refused there, saying so.
    let before = dump(b, &[]);
    let refused = shian_en(b)
        .args(["conflicts", "resolve", &d.first, "person_in_charge"])
        .args(["--value", "乙某"])
        .output()
        .unwrap();
    assert!(!refused.status.success());
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(message.contains("this is a field station"), "{message}");
    assert_eq!(before, dump(b, &[]));

    // A settling revision made by hand and signed by B is refused at the office, whole.
    let bundle = export(b, &out, &["--all"]);
    let forged = d.tmp.path().join("forged.shian");
    let key = signing_key(b);
    let b_code = code(b);
    let first = d.first.clone();
    with_revisions(&bundle, &forged, &key, |revisions| {
        let top = revisions
            .iter()
            .filter(|r| r.establishment_id == first)
            .map(|r| r.revision)
            .max()
            .unwrap();
        let sides: Vec<&EstablishmentRevision> = revisions
            .iter()
            .filter(|r| r.establishment_id == first && r.revision == top)
            .collect();
        assert_eq!(sides.len(), 2, "both sides travel in B's bundle");
        let mut settle = sides[1].clone();
        settle.revision = top + 1;
        settle.changed_by = b_code.clone();
        settle.changed_at = "2026-12-01T08:00:00.000Z".into();
        settle.parents = Some(sides.iter().map(|r| r.at()).collect());
        settle.resolves = vec![Fact::PersonInCharge];
        settle.facts.person_in_charge = "乙某".into();
        settle.signed = Some(settle.sign(&key).unwrap());
        revisions.push(settle);
    });
    let before = dump(&d.office, &[]);
    let refused = shian_en(&d.office)
        .arg("import")
        .arg(&forged)
        .output()
        .unwrap();
    assert!(!refused.status.success());
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(
        message.contains("only an office may settle a conflict"),
        "{message}"
    );
    assert_eq!(before, dump(&d.office, &[]));
}

#[test]
fn a_revision_made_from_one_the_office_never_saw_is_refused() {
    let d = district(1);
    let a = &d.laptops[0];
    edit(a, &d.first, |f| f.phone = "0417-5550001".into());
    // The bundle carries the establishment's whole history; without the revision the edit was
    // made from, the edit cannot be merged.
    let bundle = export(a, &d.tmp.path().join("out"), &[]);
    let tampered = d.tmp.path().join("tampered.shian");
    with_revisions(&bundle, &tampered, &signing_key(a), |revisions| {
        revisions.retain(|r| r.revision != 1);
        assert_eq!(revisions.len(), 1);
    });
    // An office that never had the roster: a fresh one trusting the laptop.
    let office = d.tmp.path().join("other-office");
    stdout(shian_en(&office).arg("identity").arg("show"));
    trust(&office, a);
    let before = dump(&office, &[]);
    let refused = shian_en(&office)
        .arg("import")
        .arg(&tampered)
        .output()
        .unwrap();
    assert!(!refused.status.success());
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(message.contains("was made from revision 1@"), "{message}");
    assert_eq!(before, dump(&office, &[]));
}

/// A bundle of format version 2, from a laptop not yet upgraded: its revisions name no parents
/// and are read as they were made, each following the one numbered one less.
#[test]
fn a_version_2_bundle_is_read_as_it_was_made() {
    let d = district(1);
    let a = &d.laptops[0];
    edit(a, &d.first, |f| f.phone = "0417-5550001".into());
    let bundle = export(a, &d.tmp.path().join("out"), &[]);
    let old = d.tmp.path().join("version-2.shian");
    let key = signing_key(a);
    let own = code(a);
    with_revisions(&bundle, &old, &key, |revisions| {
        for r in revisions.iter_mut().filter(|r| r.changed_by == own) {
            r.parents = None;
            r.signed = Some(r.sign(&key).unwrap());
        }
    });
    // As version 2 wrote it: the format version, and no parents.
    let mut entries = bundle::entries(&old);
    assert!(
        !String::from_utf8_lossy(bundle::entry(&mut entries, REVISIONS)).contains("\"parents\":[{")
    );
    bundle::resign(&mut entries, &key, |m| m["format_version"] = 2.into());
    bundle::write_entries(&old, &entries);
    import(&d.office, &old);
    let store = Store::open(&d.office).unwrap();
    assert_eq!(
        store.establishment(&d.first).unwrap().facts.phone,
        "0417-5550001"
    );
    assert!(store.establishment_conflicts().unwrap().is_empty());
}
