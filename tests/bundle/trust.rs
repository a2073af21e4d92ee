//! The attacks of an insider who holds one trusted laptop (docs/trust.md): each bundle below is
//! signed by a station the office trusts, and each is refused whole, with a message naming the
//! record and the rule, and the office's database exactly as it was.

use std::path::{Path, PathBuf};

use crate::support::bundle::*;
use crate::support::cli::{shian_en, stdout};
use ed25519_dalek::SigningKey;
use serde_json::Value;
use shian::store::InspectionEntry;
use tempfile::TempDir;

struct District {
    tmp: TempDir,
    office: PathBuf,
    a: PathBuf,
    b: PathBuf,
    /// Laptop A's bundle, imported at the office.
    a_bundle: PathBuf,
    /// Laptop B's bundle, not imported: the attacker's starting point.
    b_bundle: PathBuf,
}

fn district() -> District {
    let tmp = TempDir::new().unwrap();
    let office = tmp.path().join("office");
    let a = tmp.path().join("a");
    let b = tmp.path().join("b");
    demo(&a, 6, 24, 11);
    demo(&b, 6, 24, 12);
    stdout(shian_en(&office).arg("devices").arg("list"));
    trust(&office, &a);
    trust(&office, &b);
    let a_bundle = export(&a, &tmp.path().join("out-a"), &[]);
    let b_bundle = export(&b, &tmp.path().join("out-b"), &[]);
    stdout(shian_en(&office).arg("import").arg(&a_bundle));
    District {
        tmp,
        office,
        a,
        b,
        a_bundle,
        b_bundle,
    }
}

/// A bundle's record files as JSON, to edit and pack again.
struct Records {
    entries: Vec<(String, Vec<u8>)>,
}

impl Records {
    fn of(bundle: &Path) -> Records {
        Records {
            entries: entries(bundle),
        }
    }

    fn get(&mut self, name: &str) -> Value {
        serde_json::from_slice(entry(&mut self.entries, name)).unwrap()
    }

    fn set(&mut self, name: &str, value: &Value) {
        *entry(&mut self.entries, name) = serde_json::to_vec(value).unwrap();
    }

    fn inspections(&mut self) -> Vec<InspectionEntry> {
        serde_json::from_value(self.get("records/inspections.json")).unwrap()
    }

    fn set_inspections(&mut self, list: &[InspectionEntry]) {
        self.set(
            "records/inspections.json",
            &serde_json::to_value(list).unwrap(),
        );
    }

    /// Packs the records again under a manifest signed by `carrier` (hashes, sizes and counts
    /// made to match, so only the records' own checks can refuse them), with a new bundle id.
    fn pack(mut self, carrier: &SigningKey, path: &Path) -> PathBuf {
        let digests: Vec<(String, Value)> = self
            .entries
            .iter()
            .filter(|(n, _)| n != "manifest.json" && n != "manifest.sig")
            .map(|(n, b)| {
                (
                    n.clone(),
                    serde_json::json!({"sha256": sha256_hex(b), "size": b.len()}),
                )
            })
            .collect();
        let answers: usize = self.inspections().iter().map(|i| i.answers.len()).sum();
        let count = |r: &mut Records, n: &str| r.get(n).as_array().map_or(0, |a| a.len());
        let counts = serde_json::json!({
            "inspections": count(&mut self, "records/inspections.json"),
            "answers": answers,
            "establishment_revisions": count(&mut self, "records/establishment_revisions.json"),
            "checklists": count(&mut self, "records/checklists.json"),
            "rectifications": count(&mut self, "records/rectifications.json"),
            "attachments": count(&mut self, "records/attachments.json"),
            "stations": count(&mut self, "records/stations.json"),
            "decisions": count(&mut self, "records/decisions.json"),
        });
        let public = hex::encode(carrier.verifying_key().as_bytes());
        let station = shian::identity::station_code(&carrier.verifying_key());
        resign(&mut self.entries, carrier, |m| {
            for (name, digest) in digests {
                m["entries"][name] = digest;
            }
            m["counts"] = counts;
            m["source"]["public_key"] = Value::String(public);
            m["source"]["station"] = Value::String(station);
            m["bundle_id"] = Value::String(uuid::Uuid::now_v7().to_string());
        });
        write_entries(path, &self.entries);
        path.to_path_buf()
    }
}

impl District {
    fn path(&self, name: &str) -> PathBuf {
        self.tmp.path().join(name)
    }

    /// Imports `path` at the office; it must be refused naming `record` and saying `why`,
    /// and change nothing.
    fn refused(&self, path: &Path, record: &str, why: &str) {
        let before = dump(&self.office, &[]);
        let stderr = import_refused(&self.office, path);
        assert!(stderr.contains(record), "expected {record:?} in: {stderr}");
        assert!(stderr.contains(why), "expected {why:?} in: {stderr}");
        assert_eq!(before, dump(&self.office, &[]), "{}", path.display());
    }

    fn a_key(&self) -> SigningKey {
        signing_key(&self.a)
    }

    fn b_key(&self) -> SigningKey {
        signing_key(&self.b)
    }
}

fn serial(e: &InspectionEntry) -> String {
    e.inspection.serial.clone().unwrap()
}

/// B's own bundle with its first inspection edited and signed again by B, as B may sign
/// anything it writes. The other inspections go as they are.
fn b_signs_its_own(
    d: &District,
    name: &str,
    edit: impl FnOnce(&mut InspectionEntry),
) -> (PathBuf, String) {
    b_signs_one(d, name, |_| true, edit)
}

/// As [`b_signs_its_own`], editing the first inspection that is no correction and `pick`s.
fn b_signs_one(
    d: &District,
    name: &str,
    pick: impl Fn(&InspectionEntry) -> bool,
    edit: impl FnOnce(&mut InspectionEntry),
) -> (PathBuf, String) {
    let mut r = Records::of(&d.b_bundle);
    let mut list = r.inspections();
    let first = list
        .iter_mut()
        .find(|e| e.inspection.supersedes.is_none() && pick(e))
        .unwrap();
    edit(first);
    first.signed = Some(first.sign(&d.b_key()).unwrap());
    let named = serial(first);
    r.set_inspections(&list);
    (r.pack(&d.b_key(), &d.path(name)), named)
}

#[test]
fn an_honest_district_imports_and_a_v1_bundle_is_refused_by_version() {
    let d = district();
    // B's bundle as exported is accepted: the signatures and rules hold for honest records.
    stdout(
        shian_en(&d.office)
            .arg("import")
            .arg(&d.b_bundle)
            .arg("--dry-run"),
    );
    // A bundle of format 1 is refused by its version, not as damage.
    let mut r = Records::of(&d.b_bundle);
    resign(&mut r.entries, &d.b_key(), |m| {
        m["format_version"] = 1.into()
    });
    let old = d.path("v1.shian");
    write_entries(&old, &r.entries);
    d.refused(&old, "", "format version 1");
}

#[test]
fn a_record_in_another_stations_name_is_refused() {
    let d = district();
    let a_code = shian::identity::station_code(&d.a_key().verifying_key());
    // B writes a record as if A had made it: A's code and a serial in A's series, signed by B.
    let (path, named) = b_signs_its_own(&d, "as-a.shian", |e| {
        e.inspection.station = a_code.clone();
    });
    d.refused(&path, &named, "claims station");
    let (path, _) = b_signs_its_own(&d, "serial-squat.shian", |e| {
        e.inspection.serial = Some(format!("{a_code}-2026-0099"));
    });
    d.refused(
        &path,
        &format!("{a_code}-2026-0099"),
        "does not begin with its author",
    );

    // A's record changed in transit by B, who cannot sign it as A.
    let mut r = Records::of(&d.a_bundle);
    let mut list = r.inspections();
    list[0].inspection.conclusion.remarks = "已整改完毕".into();
    let named = serial(&list[0]);
    r.set_inspections(&list);
    let path = r.pack(&d.b_key(), &d.path("altered.shian"));
    d.refused(&path, &named, "does not match the record");

    // Stripped of its signature.
    let mut r = Records::of(&d.b_bundle);
    let mut list = r.inspections();
    list[0].signed = None;
    let named = serial(&list[0]);
    r.set_inspections(&list);
    let path = r.pack(&d.b_key(), &d.path("unsigned.shian"));
    d.refused(&path, &named, "no author signature");
}

#[test]
fn a_correction_of_another_stations_record_is_refused() {
    let d = district();
    let mut r = Records::of(&d.a_bundle);
    let list = r.inspections();
    let original = list
        .iter()
        .find(|e| e.inspection.supersedes.is_none())
        .unwrap();
    let mut correction = original.clone();
    let b_code = shian::identity::station_code(&d.b_key().verifying_key());
    correction.inspection.id = uuid::Uuid::now_v7().to_string();
    correction.inspection.supersedes = Some(original.inspection.id.clone());
    correction.inspection.revision = original.inspection.revision + 1;
    correction.inspection.revision_reason = Some("更正".into());
    correction.inspection.serial = Some(format!("{}-r2", serial(original)));
    correction.inspection.station = b_code;
    correction.signed = Some(correction.sign(&d.b_key()).unwrap());
    r.set_inspections(&[original.clone(), correction.clone()]);
    let path = r.pack(&d.b_key(), &d.path("correction.shian"));
    d.refused(&path, &serial(&correction), "corrects record");
}

#[test]
fn a_rectification_closed_without_a_follow_up_is_refused() {
    let d = district();
    let mut r = Records::of(&d.a_bundle);
    let mut rects = r.get("records/rectifications.json");
    let open = rects
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|x| x["open"] == Value::Bool(true))
        .expect("the demo leaves an order open");
    let item = open["item_id"].as_str().unwrap().to_string();
    open["open"] = Value::Bool(false);
    open["closed_at"] = Value::String("2026-06-29T00:00:00Z".into());
    r.set("records/rectifications.json", &rects);
    let path = r.pack(&d.b_key(), &d.path("closed.shian"));
    d.refused(&path, &item, "without a follow-up inspection");
}

#[test]
fn a_record_of_a_revoked_station_is_refused_whoever_relays_it() {
    let d = district();
    let a_code = shian::identity::station_code(&d.a_key().verifying_key());
    stdout(
        shian_en(&d.office)
            .arg("devices")
            .arg("revoke")
            .arg(&a_code),
    );
    // A's own bundle, carried by B.
    let r = Records::of(&d.a_bundle);
    let path = r.pack(&d.b_key(), &d.path("relayed.shian"));
    d.refused(&path, &a_code, "has been revoked");

    // The office's own bundle leaves A's records out, so the laptops it goes to take it whole
    // (and learn of the revocation from its station list).
    let office_bundle = export(&d.office, &d.path("office-out"), &["--roster"]);
    let fresh = d.path("fresh");
    import_trusting(&fresh, &office_bundle, &d.office);
    let listed = stdout(shian_en(&fresh).args(["inspections", "list"]));
    assert!(!listed.contains(&a_code), "{listed}");
    let stations = stdout(shian_en(&fresh).args(["devices", "list", "--json"]));
    let stations: Vec<Value> = serde_json::from_str(&stations).unwrap();
    assert!(
        stations
            .iter()
            .any(|s| s["code"] == a_code.as_str() && !s["revoked_at"].is_null()),
        "{stations:?}"
    );
}

#[test]
fn content_that_disagrees_with_its_rules_is_refused() {
    let d = district();
    // Signed by its author, and still false: 符合 whatever the answers say.
    let (path, named) = b_signs_its_own(&d, "outcome.shian", |e| {
        for a in &mut e.answers {
            if a.verdict == shian::domain::outcome::Verdict::Pass {
                a.verdict = shian::domain::outcome::Verdict::Fail;
                a.note = "不符合".into();
            }
        }
    });
    d.refused(&path, &named, "states the result");

    let (path, named) = b_signs_its_own(&d, "unknown-item.shian", |e| {
        let mut extra = e.answers[0].clone();
        extra.item_id = "99.9".into();
        e.answers.push(extra);
    });
    d.refused(&path, &named, "item 99.9");

    let (path, named) = b_signs_its_own(&d, "checklist.shian", |e| {
        e.inspection.checklist_id = "campaign-x".into();
    });
    d.refused(&path, &named, "names checklist campaign-x");

    let (path, named) = b_signs_its_own(&d, "long.shian", |e| {
        e.inspection.conclusion.witness = "证".repeat(501);
    });
    d.refused(&path, &named, "witness is longer than");

    let (path, named) = b_signs_its_own(&d, "future.shian", |e| {
        e.inspection.started_at = chrono::Utc::now() + chrono::Duration::days(30);
    });
    d.refused(&path, &named, "implausible");

    let (path, named) = b_signs_its_own(&d, "same-inspector.shian", |e| {
        let first = e.inspection.inspectors[0].clone();
        e.inspection.inspectors[1] = first;
    });
    d.refused(&path, &named, "same ID number");
}

#[test]
fn a_bundle_id_reused_with_other_content_is_refused() {
    let d = district();
    let a_id = |path: &Path| -> String {
        let mut r = Records::of(path);
        r.get("manifest.json")["bundle_id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let imported_id = a_id(&d.a_bundle);
    // B's honest records under the id of A's bundle, which the office imported already.
    let mut r = Records::of(&d.b_bundle);
    resign(&mut r.entries, &d.b_key(), |m| {
        m["bundle_id"] = Value::String(imported_id.clone())
    });
    let path = d.path("reused.shian");
    write_entries(&path, &r.entries);
    d.refused(&path, &imported_id, "imported before with other content");
    // The same bundle again is not an error: it changes nothing.
    let before = dump(&d.office, &[]);
    stdout(shian_en(&d.office).arg("import").arg(&d.a_bundle));
    assert_eq!(before, dump(&d.office, &[]));
}

/// Two keys whose station codes (24 bits of the key's hash) are the same, found the way an
/// attacker would: by making keys until two collide (about 5,000 on average).
fn colliding_keys() -> (SigningKey, SigningKey) {
    let mut seen = std::collections::HashMap::new();
    for n in 0u32.. {
        let mut secret = [0u8; 32];
        secret[..4].copy_from_slice(&n.to_le_bytes());
        let key = SigningKey::from_bytes(&secret);
        let code = shian::identity::station_code(&key.verifying_key());
        if let Some(first) = seen.insert(code, key.clone()) {
            return (first, key);
        }
    }
    unreachable!("a collision is found long before the counter wraps")
}

#[test]
fn a_key_that_collides_with_a_trusted_stations_code_is_not_trusted() {
    let tmp = TempDir::new().unwrap();
    let (real, fake) = colliding_keys();
    let office = tmp.path().join("office");
    stdout(shian_en(&office).arg("devices").arg("list"));
    let station = |name: &str, key: &SigningKey| -> PathBuf {
        let dir = tmp.path().join(name);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("station.key"), hex::encode(key.to_bytes())).unwrap();
        let id = dir.join("identity.json");
        stdout(shian_en(&dir).arg("identity").arg("export").arg(&id));
        id
    };
    let real_id = station("real", &real);
    let fake_id = station("fake", &fake);
    stdout(shian_en(&office).arg("devices").arg("trust").arg(&real_id));
    let before = dump(&office, &[]);
    let out = shian_en(&office)
        .arg("devices")
        .arg("trust")
        .arg(&fake_id)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    let code = shian::identity::station_code(&real.verifying_key());
    assert!(
        stderr.contains(&format!("station code {code} already belongs")),
        "{stderr}"
    );
    assert_eq!(before, dump(&office, &[]), "the real station's key stays");
    // Told which to keep, the office replaces it.
    stdout(
        shian_en(&office)
            .arg("devices")
            .arg("trust")
            .arg(&fake_id)
            .arg("--replace")
            .arg(&code),
    );
    let list = stdout(shian_en(&office).arg("devices").arg("list").arg("--json"));
    assert!(
        list.contains(&hex::encode(fake.verifying_key().as_bytes())),
        "{list}"
    );
}

#[test]
fn an_office_bundle_lets_a_laptop_verify_records_of_the_district() {
    let d = district();
    // The office passes A's open orders (with A's inspections) to laptop B, which never met A.
    let office_bundle = export(&d.office, &d.path("office-out"), &["--roster"]);
    let fresh = d.path("fresh-b");
    import_trusting(&fresh, &office_bundle, &d.office);
    let listed = stdout(shian_en(&fresh).arg("inspections").arg("list"));
    let a_code = shian::identity::station_code(&d.a_key().verifying_key());
    assert!(listed.contains(&a_code), "{listed}");
}

#[test]
fn records_made_before_signatures_are_signed_by_their_station_when_first_exported() {
    let tmp = TempDir::new().unwrap();
    let field = tmp.path().join("field");
    // The demo writes final records directly, as a schema-5 database holds them: unsigned.
    demo(&field, 4, 10, 21);
    let count = |sql: &str| -> i64 {
        rusqlite::Connection::open(field.join("shian.db"))
            .unwrap()
            .query_row(sql, [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(count("SELECT count(*) FROM record_signatures"), 0);
    let bundle = export(&field, &tmp.path().join("out"), &[]);
    assert_eq!(
        count("SELECT count(*) FROM record_signatures WHERE record_kind = 'inspection'"),
        count("SELECT count(*) FROM inspections WHERE status = 'final'")
    );
    let mut r = Records::of(&bundle);
    for e in r.inspections() {
        let key = e.verify().expect("signed by its station");
        assert_eq!(shian::identity::station_code(&key), e.inspection.station);
    }
}

#[test]
fn the_office_closes_a_rectification_by_a_decision_and_only_the_office_may() {
    let d = district();
    let open = stdout(
        shian_en(&d.office)
            .args(["rectifications", "list", "--open"])
            .arg("--json"),
    );
    let open: Vec<Value> = serde_json::from_str(&open).unwrap();
    let id = open[0]["id"]
        .as_str()
        .expect("the demo leaves orders open")
        .to_string();
    // No reason, no decision.
    let out = shian_en(&d.office)
        .args(["rectifications", "close", &id, "--reason", "  "])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("written reason"));
    stdout(shian_en(&d.office).args(["rectifications", "close", &id, "--reason", "经营者已注销"]));

    // Laptop A, which made the order, learns from the office's next bundle that it is closed.
    let office_bundle = export(&d.office, &d.path("office-out"), &["--roster"]);
    import_trusting(&d.a, &office_bundle, &d.office);
    let listed = stdout(shian_en(&d.a).args(["rectifications", "list"]));
    let line = listed.lines().find(|l| l.starts_with(&id)).unwrap();
    assert!(
        line.contains("closed by the office") && line.contains("经营者已注销"),
        "{line}"
    );

    // A field station's decision is refused: B closes one of A's orders and sends it.
    import_trusting(&d.b, &d.a_bundle, &d.a);
    let mut b_store = shian::store::Store::open(&d.b).unwrap();
    let other = open[1]["id"].as_str().unwrap().to_string();
    let decision = b_store
        .close_rectification_by_decision(&other, "已整改", &d.b_key(), chrono::Utc::now())
        .unwrap();
    drop(b_store);
    let mut r = Records::of(&d.a_bundle);
    r.set("records/decisions.json", &serde_json::json!([decision]));
    let mut rects = r.get("records/rectifications.json");
    for x in rects.as_array_mut().unwrap() {
        if x["id"] == other.as_str() {
            x["open"] = Value::Bool(false);
            x["closed_at"] = Value::String(decision.decided_at.clone());
        }
    }
    r.set("records/rectifications.json", &rects);
    let path = r.pack(&d.b_key(), &d.path("field-decision.shian"));
    d.refused(&path, &other, "only an office may decide");
}

#[test]
fn an_establishment_edit_is_signed_when_it_is_saved() {
    let tmp = TempDir::new().unwrap();
    let key = SigningKey::from_bytes(&[9; 32]);
    let code = shian::identity::station_code(&key.verifying_key());
    let mut store = shian::store::Store::open(tmp.path()).unwrap();
    store.sign_as(&key);
    let facts = shian::domain::establishment::EstablishmentFacts {
        name: "鲅鱼圈区测试小卖部".into(),
        kind: shian::domain::establishment::EstablishmentKind::CampusShop,
        address: "鲅鱼圈区海星街道测试路1号".into(),
        town: "海星街道".into(),
        person_in_charge: "王五".into(),
        phone: "0417-5550000".into(),
        license_no: "JY12108040000001".into(),
        credit_code: String::new(),
        risk_grade: None,
        bright_kitchen: None,
    };
    let added = store.add_establishment(&facts, "ignored").unwrap();
    let moved = shian::domain::establishment::EstablishmentFacts {
        phone: "0417-5550001".into(),
        ..facts
    };
    store
        .update_establishment(&added.id, &moved, "ignored")
        .unwrap();
    let history = store.sync_establishment_history(&added.id).unwrap();
    assert_eq!(history.len(), 2);
    for revision in history {
        let author = revision.verify().expect("signed when saved");
        assert_eq!(shian::identity::station_code(&author), code);
        assert_eq!(revision.changed_by, code);
    }
}

/// Issue 18 at import: a result other than the computed one needs its reason, and a record
/// finalized under rules version 1 covers its checklist unless it is a 飞行检查; a record made
/// before that version (no `rules`) still imports with an item unanswered (docs/outcome.md).
#[test]
fn a_set_result_needs_its_reason_and_coverage_holds_from_the_rules_version_on() {
    use shian::domain::inspection::InspectionKind;
    use shian::domain::outcome::{Outcome, Verdict};
    use shian::domain::sign_off::OutcomeOverride;
    let d = district();
    let accepted = |path: &Path| {
        stdout(shian_en(&d.office).arg("import").arg(path).arg("--dry-run"));
    };
    // A version 3 bundle, as the shian before these rules wrote it, is still read.
    let mut r = Records::of(&d.b_bundle);
    resign(&mut r.entries, &d.b_key(), |m| {
        m["format_version"] = 3.into()
    });
    let v3 = d.path("v3.shian");
    write_entries(&v3, &r.entries);
    accepted(&v3);
    let set = |reason: &'static str| {
        move |e: &mut InspectionEntry| {
            let computed = e.inspection.outcome.unwrap();
            let chosen = match computed {
                Outcome::Compliant => Outcome::BasicallyCompliant,
                _ => Outcome::Compliant,
            };
            e.inspection.outcome = Some(chosen);
            e.inspection.conclusion.outcome_override = Some(OutcomeOverride {
                computed,
                chosen,
                reason: reason.into(),
            });
        }
    };
    let (path, named) = b_signs_its_own(&d, "no-reason.shian", set("  "));
    d.refused(&path, &named, "needs a written reason");
    let (path, _) = b_signs_its_own(&d, "reason.shian", set("现场综合判断"));
    accepted(&path);
    // A stated result without the override is the old disagreement.
    let (path, named) = b_signs_its_own(&d, "stated.shian", |e| {
        set("理由")(e);
        e.inspection.conclusion.outcome_override = None;
    });
    d.refused(&path, &named, "states the result");

    // A routine record with a 合理缺项 taken out: one scored item left unanswered.
    let has_na = |e: &InspectionEntry| {
        e.inspection.kind != InspectionKind::FollowUp
            && e.answers
                .iter()
                .any(|a| a.verdict == Verdict::NotApplicable)
    };
    let unanswer = |kind: InspectionKind, rules: u32| {
        move |e: &mut InspectionEntry| {
            let at = e
                .answers
                .iter()
                .position(|a| a.verdict == Verdict::NotApplicable);
            e.answers.remove(at.unwrap());
            e.inspection.kind = kind;
            e.inspection.conclusion.rules = rules;
        }
    };
    for kind in [
        InspectionKind::Routine,
        InspectionKind::Special,
        InspectionKind::System,
    ] {
        let (path, named) = b_signs_one(&d, "uncovered.shian", has_na, unanswer(kind, 1));
        d.refused(&path, &named, "is not checked");
    }
    let (path, _) = b_signs_one(
        &d,
        "flight.shian",
        has_na,
        unanswer(InspectionKind::Flight, 1),
    );
    accepted(&path);
    // Made before the rules version: its day's rules, under which it was right.
    let (path, _) = b_signs_one(
        &d,
        "older.shian",
        has_na,
        unanswer(InspectionKind::Routine, 0),
    );
    accepted(&path);
}
