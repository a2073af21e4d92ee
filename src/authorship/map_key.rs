//! The name a `serde_json::Value` gives a map's key (src/authorship/canonical.rs): a string as
//! it is; anything else (a number, a boolean, a char) the way serde_json turns it into a name.

use serde::Serialize;
use serde::ser::{self, Impossible};
use serde_json::Value;

use super::canonical::Unwritable;

type Result<T> = std::result::Result<T, Unwritable>;

/// A map key as a `Value` names it; a key that is not a string goes through a one-member map.
pub(super) fn text<T: Serialize + ?Sized>(key: &T) -> Result<String> {
    if let Ok(text) = key.serialize(StrKey) {
        return Ok(text);
    }
    struct One<'k, K: ?Sized>(&'k K);
    impl<K: Serialize + ?Sized> Serialize for One<'_, K> {
        fn serialize<S: ser::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
            use ser::SerializeMap as _;
            let mut map = s.serialize_map(Some(1))?;
            map.serialize_entry(self.0, &())?;
            map.end()
        }
    }
    match serde_json::to_value(One(key))? {
        Value::Object(map) => map
            .into_iter()
            .next()
            .map(|(k, _)| k)
            .ok_or_else(|| Unwritable("a map key that names nothing".into())),
        _ => Err(Unwritable("key must be a string".into())),
    }
}

/// Takes a key that is a string (the common case), refuses any other for `key_text`.
struct StrKey;

macro_rules! not_a_str {
    ($($f:ident: $t:ty),*) => {$(
        fn $f(self, _: $t) -> Result<String> {
            Err(Unwritable(String::new()))
        }
    )*};
}

impl ser::Serializer for StrKey {
    type Ok = String;
    type Error = Unwritable;
    type SerializeSeq = Impossible<String, Unwritable>;
    type SerializeTuple = Impossible<String, Unwritable>;
    type SerializeTupleStruct = Impossible<String, Unwritable>;
    type SerializeTupleVariant = Impossible<String, Unwritable>;
    type SerializeMap = Impossible<String, Unwritable>;
    type SerializeStruct = Impossible<String, Unwritable>;
    type SerializeStructVariant = Impossible<String, Unwritable>;

    fn serialize_str(self, v: &str) -> Result<String> {
        Ok(v.to_owned())
    }
    not_a_str!(serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
        serialize_i64: i64, serialize_i128: i128, serialize_u8: u8, serialize_u16: u16,
        serialize_u32: u32, serialize_u64: u64, serialize_u128: u128, serialize_f32: f32,
        serialize_f64: f64, serialize_char: char, serialize_bytes: &[u8],
        serialize_unit_struct: &'static str);
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq> {
        Err(Unwritable(String::new()))
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple> {
        Err(Unwritable(String::new()))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap> {
        Err(Unwritable(String::new()))
    }
    fn serialize_none(self) -> Result<String> {
        Err(Unwritable(String::new()))
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<String> {
        Err(Unwritable(String::new()))
    }
    fn serialize_unit(self) -> Result<String> {
        Err(Unwritable(String::new()))
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Result<String> {
        Err(Unwritable(String::new()))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: &T,
    ) -> Result<String> {
        Err(Unwritable(String::new()))
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<String> {
        Err(Unwritable(String::new()))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct> {
        Err(Unwritable(String::new()))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        Err(Unwritable(String::new()))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct> {
        Err(Unwritable(String::new()))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant> {
        Err(Unwritable(String::new()))
    }
}
