//! The canonical JSON text of a record, written straight from its `Serialize` form: objects
//! with their members sorted by name, no whitespace (docs/bundle-format.md, 6.6).
//!
//! The bytes are exactly those of the first way shian wrote them, through `serde_json::Value`
//! (`serde_json::to_value`, then members sorted): every station signed and checked those, so
//! they cannot change. That way built a tree of the whole record (an allocation per string and
//! per member) and was 17.5% of a district year's import (issue 20); this one writes each
//! member once into the output and sorts an object's members by moving their bytes. Where the
//! `Value` way has its own rules (floats, the keys of maps, a raw JSON value), they are kept by
//! going through `serde_json` for that one piece.

use serde::Serialize;
use serde::ser;
use serde_json::Value;

mod compound;
#[cfg(test)]
mod tests;

use compound::{Array, Object};

/// Why a record cannot be written: what serde_json would have said of it.
#[derive(Debug)]
pub(super) struct Unwritable(pub(super) String);

impl std::fmt::Display for Unwritable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Unwritable {}

impl ser::Error for Unwritable {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        Unwritable(msg.to_string())
    }
}

impl From<serde_json::Error> for Unwritable {
    fn from(e: serde_json::Error) -> Self {
        Unwritable(e.to_string())
    }
}

type Result<T> = std::result::Result<T, Unwritable>;

/// Appends the canonical JSON of `value` to `out`.
pub(super) fn write<T: Serialize + ?Sized>(value: &T, out: &mut Vec<u8>) -> Result<()> {
    value.serialize(Canonical { out })
}

/// Appends the canonical JSON of a `Value`: for the pieces that go through one.
pub(super) fn write_value(value: &Value, out: &mut Vec<u8>) {
    match value {
        Value::Object(map) => {
            let mut members: Vec<(&String, &Value)> = map.iter().collect();
            members.sort_by(|a, b| a.0.cmp(b.0));
            out.push(b'{');
            for (n, (name, member)) in members.into_iter().enumerate() {
                if n > 0 {
                    out.push(b',');
                }
                scalar(name.as_str(), out);
                out.push(b':');
                write_value(member, out);
            }
            out.push(b'}');
        }
        Value::Array(items) => {
            out.push(b'[');
            for (n, item) in items.iter().enumerate() {
                if n > 0 {
                    out.push(b',');
                }
                write_value(item, out);
            }
            out.push(b']');
        }
        other => scalar(other, out),
    }
}

/// A JSON scalar (string, number, boolean, null) as serde_json writes it.
fn scalar<T: Serialize + ?Sized>(value: &T, out: &mut Vec<u8>) {
    // Writing a scalar into a Vec cannot fail: a float that is not finite is written as null.
    let _ = serde_json::to_writer(&mut *out, value);
}

/// A number the way the `Value` way wrote it (an f32 widened to f64, a 128-bit integer only
/// within 64 bits).
fn number<T: Serialize>(value: T, out: &mut Vec<u8>) -> Result<()> {
    write_value(&serde_json::to_value(value)?, out);
    Ok(())
}

struct Canonical<'a> {
    out: &'a mut Vec<u8>,
}

macro_rules! integers {
    ($($f:ident: $t:ty),*) => {$(
        fn $f(self, v: $t) -> Result<()> {
            scalar(&v, self.out);
            Ok(())
        }
    )*};
}

impl<'a> ser::Serializer for Canonical<'a> {
    type Ok = ();
    type Error = Unwritable;
    type SerializeSeq = Array<'a>;
    type SerializeTuple = Array<'a>;
    type SerializeTupleStruct = Array<'a>;
    type SerializeTupleVariant = Array<'a>;
    type SerializeMap = Object<'a>;
    type SerializeStruct = Object<'a>;
    type SerializeStructVariant = Object<'a>;

    integers!(serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64,
        serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64,
        serialize_bool: bool, serialize_str: &str);

    fn serialize_i128(self, v: i128) -> Result<()> {
        number(v, self.out)
    }
    fn serialize_u128(self, v: u128) -> Result<()> {
        number(v, self.out)
    }
    fn serialize_f32(self, v: f32) -> Result<()> {
        number(v, self.out)
    }
    fn serialize_f64(self, v: f64) -> Result<()> {
        number(v, self.out)
    }
    fn collect_str<T: std::fmt::Display + ?Sized>(self, value: &T) -> Result<()> {
        // Times (chrono writes them this way): formatted into one reused text, not a new one
        // each.
        TEXT.with_borrow_mut(|text| {
            use std::fmt::Write as _;
            text.clear();
            write!(text, "{value}").map_err(|e| Unwritable(e.to_string()))?;
            scalar(text.as_str(), self.out);
            Ok(())
        })
    }
    fn serialize_char(self, v: char) -> Result<()> {
        scalar(&v, self.out);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<()> {
        // An array of numbers, as a `Value` holds bytes.
        let mut seq = ser::Serializer::serialize_seq(self, Some(v.len()))?;
        for b in v {
            ser::SerializeSeq::serialize_element(&mut seq, b)?;
        }
        ser::SerializeSeq::end(seq)
    }
    fn serialize_none(self) -> Result<()> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<()> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<()> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<()> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<()> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<()> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<()> {
        // One member: nothing to sort.
        self.out.push(b'{');
        scalar(variant, self.out);
        self.out.push(b':');
        value.serialize(Canonical { out: self.out })?;
        self.out.push(b'}');
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Array<'a>> {
        Ok(Array::open(self.out, None))
    }
    fn serialize_tuple(self, _: usize) -> Result<Array<'a>> {
        Ok(Array::open(self.out, None))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Array<'a>> {
        Ok(Array::open(self.out, None))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Array<'a>> {
        Ok(Array::open(self.out, Some(variant)))
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Object<'a>> {
        Ok(Object::open(self.out, None, false, len.unwrap_or(0)))
    }
    fn serialize_struct(self, name: &'static str, len: usize) -> Result<Object<'a>> {
        // serde_json's RawValue passes its text as a struct of this name; a `Value` parses it.
        let raw = name == "$serde_json::private::RawValue";
        Ok(Object::open(self.out, None, raw, len))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Object<'a>> {
        Ok(Object::open(self.out, Some(variant), false, len))
    }
}

thread_local! {
    /// A value that writes itself as text (a time), before it is written as a JSON string.
    static TEXT: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    /// An object's members while they are put in order: one buffer for every object.
    static REORDER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}
