//! The compound parts of the canonical writer: arrays written as they come, and objects whose
//! members are moved into order by name once written.

use serde::Serialize;
use serde::ser;

use serde_json::Value;

use super::{Canonical, REORDER, Result, Unwritable, scalar, write_value};

/// Opens `{"variant":` around what a variant holds.
fn open_variant(out: &mut Vec<u8>, variant: Option<&'static str>) {
    if let Some(v) = variant {
        out.push(b'{');
        scalar(v, out);
        out.push(b':');
    }
}

fn close_variant(out: &mut Vec<u8>, variant: Option<&'static str>) {
    if variant.is_some() {
        out.push(b'}');
    }
}

/// An array (or a tuple, or the list of a tuple variant): written as it comes.
pub(super) struct Array<'a> {
    out: &'a mut Vec<u8>,
    variant: Option<&'static str>,
    empty: bool,
}

impl<'a> Array<'a> {
    pub(super) fn open(out: &'a mut Vec<u8>, variant: Option<&'static str>) -> Array<'a> {
        open_variant(out, variant);
        out.push(b'[');
        Array {
            out,
            variant,
            empty: true,
        }
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        if !std::mem::take(&mut self.empty) {
            self.out.push(b',');
        }
        value.serialize(Canonical {
            out: &mut *self.out,
        })
    }

    fn close(self) -> Result<()> {
        self.out.push(b']');
        close_variant(self.out, self.variant);
        Ok(())
    }
}

macro_rules! array_like {
    ($($tr:ident, $f:ident);*) => {$(
        impl ser::$tr for Array<'_> {
            type Ok = ();
            type Error = Unwritable;
            fn $f<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
                self.element(value)
            }
            fn end(self) -> Result<()> {
                self.close()
            }
        }
    )*};
}

array_like!(SerializeSeq, serialize_element; SerializeTuple, serialize_element;
    SerializeTupleStruct, serialize_field; SerializeTupleVariant, serialize_field);

/// A member's name, and where it was written (`"name":value`) in the output.
struct Member {
    name: std::borrow::Cow<'static, str>,
    text: std::ops::Range<usize>,
}

/// An object (a map, a struct, the members of a struct variant): each member written into the
/// output as it comes, then, unless they came in order, the members moved into order by name.
/// A name given twice keeps its last value, as a `Value`'s map does.
pub(super) struct Object<'a> {
    out: &'a mut Vec<u8>,
    variant: Option<&'static str>,
    /// serde_json's RawValue: its one member is JSON text, parsed and written canonically.
    raw: bool,
    /// Where the members begin in `out`, after the opening brace.
    start: usize,
    members: Vec<Member>,
    /// A map's key, waiting for its value.
    key: Option<String>,
}

impl<'a> Object<'a> {
    pub(super) fn open(
        out: &'a mut Vec<u8>,
        variant: Option<&'static str>,
        raw: bool,
        len: usize,
    ) -> Object<'a> {
        if !raw {
            open_variant(out, variant);
            out.push(b'{');
        }
        Object {
            start: out.len(),
            out,
            variant,
            raw,
            members: Vec::with_capacity(len),
            key: None,
        }
    }

    fn member<T: Serialize + ?Sized>(
        &mut self,
        name: std::borrow::Cow<'static, str>,
        value: &T,
    ) -> Result<()> {
        if self.raw {
            let text = serde_json::to_value(value)?;
            let parsed: Value = serde_json::from_str(text.as_str().unwrap_or_default())?;
            write_value(&parsed, self.out);
            return Ok(());
        }
        if !self.members.is_empty() {
            self.out.push(b',');
        }
        let start = self.out.len();
        scalar(name.as_ref(), self.out);
        self.out.push(b':');
        value.serialize(Canonical {
            out: &mut *self.out,
        })?;
        self.members.push(Member {
            name,
            text: start..self.out.len(),
        });
        Ok(())
    }

    fn close(mut self) -> Result<()> {
        if self.raw {
            return Ok(());
        }
        let in_order = self.members.windows(2).all(|w| w[0].name < w[1].name);
        if !in_order {
            // Stable: of members with one name, the last given stays last.
            self.members.sort_by(|a, b| a.name.cmp(&b.name));
            let (out, start, members) = (&mut *self.out, self.start, &self.members);
            REORDER.with_borrow_mut(|written| {
                written.clear();
                written.extend_from_slice(&out[start..]);
                out.truncate(start);
                let mut first = true;
                for (n, m) in members.iter().enumerate() {
                    if members.get(n + 1).is_some_and(|next| next.name == m.name) {
                        continue;
                    }
                    if !std::mem::take(&mut first) {
                        out.push(b',');
                    }
                    out.extend_from_slice(&written[m.text.start - start..m.text.end - start]);
                }
            });
        }
        self.out.push(b'}');
        close_variant(self.out, self.variant);
        Ok(())
    }
}

impl ser::SerializeMap for Object<'_> {
    type Ok = ();
    type Error = Unwritable;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<()> {
        self.key = Some(super::super::map_key::text(key)?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        let key = self
            .key
            .take()
            .ok_or_else(|| Unwritable("a map value without its key".into()))?;
        self.member(key.into(), value)
    }
    fn end(self) -> Result<()> {
        self.close()
    }
}

macro_rules! struct_like {
    ($($tr:ident),*) => {$(
        impl ser::$tr for Object<'_> {
            type Ok = ();
            type Error = Unwritable;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                name: &'static str,
                value: &T,
            ) -> Result<()> {
                self.member(name.into(), value)
            }
            fn end(self) -> Result<()> {
                self.close()
            }
        }
    )*};
}

struct_like!(SerializeStruct, SerializeStructVariant);
