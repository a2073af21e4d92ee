//! The canonical text written straight from `Serialize` is byte for byte the text of the first
//! way, through `serde_json::Value` (issue 20): every signature made so far covers those bytes.

use std::collections::{BTreeMap, HashMap};

use proptest::prelude::*;
use serde::Serialize;
use serde_json::{Value, json};

use crate::authorship::canonical;
use crate::authorship::{RecordKind, payload};

/// The first way: the whole record as a `Value`, then written with members sorted.
fn through_value<T: Serialize + ?Sized>(record: &T) -> Result<Vec<u8>, String> {
    let value = serde_json::to_value(record).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    canonical::write_value(&value, &mut out);
    Ok(out)
}

fn straight<T: Serialize + ?Sized>(record: &T) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    canonical::write(record, &mut out).map_err(|e| e.to_string())?;
    Ok(out)
}

#[track_caller]
fn same<T: Serialize + ?Sized>(record: &T) {
    let old = through_value(record).expect("the Value way writes it");
    let new = straight(record).expect("the straight way writes it");
    assert_eq!(String::from_utf8_lossy(&new), String::from_utf8_lossy(&old));
    assert_eq!(new, old);
}

#[derive(Serialize)]
struct Bytes<'a>(#[serde(with = "as_bytes")] &'a [u8]);

mod as_bytes {
    pub fn serialize<S: serde::Serializer>(b: &&[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(b)
    }
}

#[derive(Serialize)]
struct Unit;

#[derive(Serialize)]
struct Pair(i32, &'static str);

#[derive(Serialize)]
struct Wrapped(Option<f64>);

#[derive(Serialize)]
enum Shape {
    Empty,
    Newtype(String),
    Tuple(u8, Option<String>),
    Struct { zeta: bool, alpha: Vec<i64> },
}

#[derive(Serialize)]
#[serde(tag = "type")]
enum Tagged {
    Circle { radius: f64 },
    Named { name: String },
}

#[derive(Serialize)]
#[serde(tag = "t", content = "c")]
enum Adjacent {
    Some(u32),
}

#[derive(Serialize)]
struct Inner {
    z: f32,
    a: char,
    #[serde(skip_serializing_if = "Option::is_none")]
    skipped: Option<String>,
    m: BTreeMap<i32, String>,
}

#[derive(Serialize)]
struct Everything {
    zeta: u64,
    alpha: i64,
    text: String,
    nothing: Option<String>,
    something: Option<Vec<Option<f64>>>,
    floats: Vec<f64>,
    singles: Vec<f32>,
    wide: (i128, u128),
    bytes: Bytes<'static>,
    unit: Unit,
    unit_value: (),
    pair: Pair,
    wrapped: Wrapped,
    shapes: Vec<Shape>,
    tagged: Vec<Tagged>,
    adjacent: Adjacent,
    inner: Inner,
    by_bool: HashMap<bool, u8>,
    by_char: BTreeMap<char, u8>,
    by_unit_variant: BTreeMap<Key, u8>,
    value: Value,
    raw: Box<serde_json::value::RawValue>,
    #[serde(flatten)]
    flat: BTreeMap<String, Value>,
}

#[derive(Serialize, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    Later,
    Earlier,
}

const ESCAPES: &str =
    "\"\\/\u{0}\u{1}\u{8}\t\n\u{b}\u{c}\r\u{1f}\u{7f}\u{80}\u{2028}\u{2029}\u{fffd}</script>";

#[test]
fn every_shape_of_record_is_written_as_the_value_way_wrote_it() {
    let record = Everything {
        zeta: u64::MAX,
        alpha: i64::MIN,
        text: format!("鲅鱼圈区 🍜 e\u{301} {ESCAPES}"),
        nothing: None,
        something: Some(vec![None, Some(-0.0), Some(1.5)]),
        floats: vec![
            0.1,
            -0.0,
            1e300,
            5e-324,
            f64::MAX,
            f64::MIN_POSITIVE,
            1.0,
            100.0,
            1e21,
            123456789.125,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ],
        singles: vec![0.1, 3.4e38, 1e-45, f32::NAN, 2.5],
        wide: (-(1 << 62), 1 << 63),
        bytes: Bytes(&[0, 7, 255]),
        unit: Unit,
        unit_value: (),
        pair: Pair(-3, "二"),
        wrapped: Wrapped(None),
        shapes: vec![
            Shape::Empty,
            Shape::Newtype(ESCAPES.into()),
            Shape::Tuple(9, None),
            Shape::Struct {
                zeta: true,
                alpha: vec![3, -1],
            },
        ],
        tagged: vec![
            Tagged::Circle { radius: 2.0 },
            Tagged::Named {
                name: "食安".into(),
            },
        ],
        adjacent: Adjacent::Some(4),
        inner: Inner {
            z: 0.3,
            a: '\u{1}',
            skipped: None,
            m: [(10, "ten".into()), (-2, "minus".into()), (9, "nine".into())].into(),
        },
        by_bool: [(true, 1), (false, 0)].into(),
        by_char: [('b', 1), ('"', 2), ('中', 3)].into(),
        by_unit_variant: [(Key::Later, 1), (Key::Earlier, 2)].into(),
        value: json!({"b": [1, {"d": null, "c": 2.5}], "a": true, "": {}, "A": []}),
        raw: serde_json::value::RawValue::from_string(
            r#" { "y" : [ 2 , 1 ] , "x" : "\u00e9" } "#.into(),
        )
        .unwrap(),
        // "alpha" again: a flattened member overrides the field, as in a `Value`'s map.
        flat: [
            ("alpha".to_string(), json!("again")),
            ("m".to_string(), json!(1)),
        ]
        .into(),
    };
    same(&record);
    same(&());
    same(&Vec::<u8>::new());
    same(&BTreeMap::<String, u8>::new());
    same(ESCAPES);
}

#[test]
fn a_record_the_value_way_refused_is_refused() {
    let by_list: BTreeMap<Vec<u8>, u8> = [(vec![1], 1)].into();
    assert!(through_value(&by_list).is_err());
    assert!(straight(&by_list).is_err());
    let by_nan: Vec<(f64, u8)> = vec![(f64::NAN, 1)];
    // A float key must be finite; here it is a list of pairs, which is fine either way.
    same(&by_nan);
    assert!(through_value(&(u128::MAX,)).is_err());
    assert!(straight(&(u128::MAX,)).is_err());
    assert!(payload(RecordKind::Inspection, &by_list).is_err());
}

/// An inspection with its answers and photos, as a bundle carries it.
#[test]
fn an_inspection_entry_is_signed_over_the_same_bytes() {
    let entry: crate::store::InspectionEntry = serde_json::from_value(json!({
        "inspection": {
            "id": "0190-abc", "establishment_id": "e-1", "checklist_id": "canteen",
            "checklist_hash": "ab12", "kind": "follow_up", "status": "final",
            "serial": "DQ01-2025-000123", "revision": 2, "supersedes": "0190-abb",
            "revision_reason": "更正 \"错字\"\n第二行", "station": "DQ01", "bureau": "鲅鱼圈区市场监督管理局",
            "inspectors": [{"name": "王 芳", "badge": "21080012"}, {"name": "李强", "badge": ""}],
            "started_at": "2025-03-04T01:02:03.456789Z", "utc_offset_seconds": 28800,
            "finalized_at": "2025-03-04T02:00:00Z", "outcome": "basically_compliant",
            "conclusion": {"handling": null, "deadline": "2025-03-20", "remarks": "限期整改",
                "operator_signatory": "张三", "operator_opinion": "", "operator_refused": false,
                "witness": ""},
            "year_sequence": 3, "current_item": null,
            "establishment": {"name": "星帆小学食堂", "kind": "school_canteen",
                "address": "海星路 1 号", "town": "海星街道", "person_in_charge": "赵",
                "phone": "0417-1234567", "license_no": "JY1", "credit_code": "91210800",
                "risk_grade": null, "bright_kitchen": null}
        },
        "answers": [
            {"item_id": "1.2", "verdict": "fail", "value": 4.25, "choice": null,
             "note": "冰箱温度 \t 偏高 🧊", "answered_at": "2025-03-04T01:10:00Z"},
            {"item_id": "1.1", "verdict": "pass", "value": null, "choice": "是",
             "note": "", "answered_at": "2025-03-04T01:05:00Z"}
        ],
        "attachments": [{"item_id": "1.2", "sha256": "ff00", "file_name": "冰箱.jpg",
            "added_at": "2025-03-04T01:11:00Z"}],
        "signed": null
    }))
    .expect("a valid inspection entry");
    same(&entry);
    let old_way = {
        let mut out = b"shian-record/inspection/2\n".to_vec();
        out.extend(through_value(&entry).unwrap());
        out
    };
    assert_eq!(payload(RecordKind::Inspection, &entry).unwrap(), old_way);
}

/// Any JSON at all: numbers of every kind, strings of any characters, deep nesting.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<u64>().prop_map(|n| json!(n)),
        any::<f64>().prop_map(|f| json!(f)),
        ".*".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((".{0,6}", inner), 0..8)
                .prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn any_json_is_written_as_the_value_way_wrote_it(value in any_json()) {
        prop_assert_eq!(straight(&value).unwrap(), through_value(&value).unwrap());
    }
}
