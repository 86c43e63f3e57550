//! Reading a typed value (a draft, a bundle, a key file, the parameter set) out of a parsed [`Value`], naming the
//! field path of a wrong value: `application.villages[2].population`.
//!
//! This is serde_json's own deserializer for an owned `Value` (`serde_json::from_value`), member for member: the
//! same visits, the same English error messages (`invalid type: …, expected …`, which [`crate::reason`] puts in
//! Chinese), and the path written the way the `serde_path_to_error` crate writes it. Two differences, both on
//! files no tool writes:
//! - a struct must be a JSON object: serde_json also reads a struct from an array of its fields in order
//!   (`[…]` for `{…}`); here that is `invalid type: sequence, expected struct …`. Never reading a struct from an
//!   array is also what keeps the code small: serde's derived code for that form, and for identifiers given as
//!   bytes or numbers, is never called and so never compiled into the app (with `serde_path_to_error` wrapping
//!   serde_json's deserializer, every derived reader was compiled twice over, about 40 KB of wasm gzipped);
//! - in a map whose keys are an enum's values, a wrong key or a wrong value is named
//!   (`funds.declared_by_source.city`, where `serde_path_to_error` wrote `funds.declared_by_source.?`).
//!
//! The path of an error is collected while the error travels out of the nested values (each map, array and enum
//! adds its own segment), instead of being tracked on the way in.

use std::fmt;

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, EnumAccess, Expected, MapAccess, SeqAccess, Unexpected, VariantAccess,
    Visitor,
};
use serde_json::{Map, Number, Value};

use super::{Segment, path_text};

/// A value that does not fit the type read: where it is and what is wrong.
#[derive(Debug)]
pub struct FieldError {
    path: String,
    error: serde_json::Error,
}

impl FieldError {
    /// The field path, e.g. `application.villages[2].population`; `.` for the value itself.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// serde's English explanation, exactly as `serde_json::from_value` gives it.
    pub fn inner(&self) -> &serde_json::Error {
        &self.error
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.error)
    }
}

impl std::error::Error for FieldError {}

/// Reads a `T` out of a parsed value, as `serde_json::from_value` does (see the module's documentation).
///
/// # Errors
/// [`FieldError`]: the path of the first wrong value (members in name order, as the value holds them) and why.
pub fn from_value<T: DeserializeOwned>(value: Value) -> Result<T, FieldError> {
    T::deserialize(Reader(value)).map_err(|error| {
        let path = if error.path.is_empty() { ".".to_owned() } else { path_text(&error.path) };
        FieldError { path, error: error.error }
    })
}

/// The deserializer's error: serde_json's error, and the path, innermost segment first.
#[derive(Debug)]
struct Error {
    error: serde_json::Error,
    path: Vec<Segment>,
}

impl Error {
    /// The error as seen from the map, array or enum holding the value it is about.
    fn within(mut self, segment: Segment) -> Error {
        self.path.push(segment);
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.error, f)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    #[cold]
    fn custom<T: fmt::Display>(message: T) -> Error {
        Error { error: de::Error::custom(message), path: Vec::new() }
    }

    // serde_json words these two its own way (`null`, its float formatting): ask it.
    #[cold]
    fn invalid_type(unexpected: Unexpected<'_>, expected: &dyn Expected) -> Error {
        Error { error: de::Error::invalid_type(unexpected, expected), path: Vec::new() }
    }

    #[cold]
    fn invalid_value(unexpected: Unexpected<'_>, expected: &dyn Expected) -> Error {
        Error { error: de::Error::invalid_value(unexpected, expected), path: Vec::new() }
    }
}

/// What a value is, for `invalid type` messages (as `serde_json::Value::unexpected`).
fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(value) => Unexpected::Bool(*value),
        Value::Number(number) => number_unexpected(number),
        Value::String(text) => Unexpected::Str(text),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

fn number_unexpected(number: &Number) -> Unexpected<'static> {
    match (number.as_u64(), number.as_i64()) {
        (Some(value), _) => Unexpected::Unsigned(value),
        (None, Some(value)) => Unexpected::Signed(value),
        (None, None) => Unexpected::Float(number.as_f64().unwrap_or_default()),
    }
}

fn invalid_type(value: &Value, expected: &dyn Expected) -> Error {
    de::Error::invalid_type(unexpected(value), expected)
}

fn visit_number<'de, V: Visitor<'de>>(number: &Number, visitor: V) -> Result<V::Value, Error> {
    match (number.as_u64(), number.as_i64(), number.as_f64()) {
        (Some(value), _, _) => visitor.visit_u64(value),
        (None, Some(value), _) => visitor.visit_i64(value),
        (None, None, value) => visitor.visit_f64(value.unwrap_or_default()),
    }
}

fn visit_array<'de, V: Visitor<'de>>(array: Vec<Value>, visitor: V) -> Result<V::Value, Error> {
    let len = array.len();
    let mut items = Items { iter: array.into_iter(), index: 0 };
    let value = visitor.visit_seq(&mut items)?;
    if items.iter.len() == 0 { Ok(value) } else { Err(de::Error::invalid_length(len, &"fewer elements in array")) }
}

fn visit_object<'de, V: Visitor<'de>>(object: Map<String, Value>, visitor: V) -> Result<V::Value, Error> {
    let len = object.len();
    let mut members = Members { iter: object.into_iter(), current: None };
    let value = visitor.visit_map(&mut members)?;
    if members.iter.len() == 0 { Ok(value) } else { Err(de::Error::invalid_length(len, &"fewer elements in map")) }
}

/// The deserializer over one owned value.
struct Reader(Value);

macro_rules! numbers {
    ($($method:ident)*) => {
        $(fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            match self.0 {
                Value::Number(number) => visit_number(&number, visitor),
                other => Err(invalid_type(&other, &visitor)),
            }
        })*
    };
}

impl<'de> de::Deserializer<'de> for Reader {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(value) => visitor.visit_bool(value),
            Value::Number(number) => visit_number(&number, visitor),
            Value::String(text) => visitor.visit_string(text),
            Value::Array(array) => visit_array(array, visitor),
            Value::Object(object) => visit_object(object, visitor),
        }
    }

    numbers!(deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128
        deserialize_f32 deserialize_f64);

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.0 {
            Value::String(variant) => visitor.visit_enum(Variant { name: variant, value: None }),
            Value::Object(object) => {
                let mut members = object.into_iter();
                match (members.next(), members.next()) {
                    (Some((name, value)), None) => visitor.visit_enum(Variant { name, value: Some(value) }),
                    _ => Err(de::Error::invalid_value(Unexpected::Map, &"map with a single key")),
                }
            }
            other => Err(invalid_type(&other, &"string or map")),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Bool(value) => visitor.visit_bool(value),
            other => Err(invalid_type(&other, &visitor)),
        }
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_string(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_string(visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::String(text) => visitor.visit_string(text),
            other => Err(invalid_type(&other, &visitor)),
        }
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_byte_buf(visitor)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::String(text) => visitor.visit_string(text),
            Value::Array(array) => visit_array(array, visitor),
            other => Err(invalid_type(&other, &visitor)),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            other => Err(invalid_type(&other, &visitor)),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Array(array) => visit_array(array, visitor),
            other => Err(invalid_type(&other, &visitor)),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Object(object) => visit_object(object, visitor),
            other => Err(invalid_type(&other, &visitor)),
        }
    }

    /// Only from an object (serde_json also takes an array of the fields in order: see the module).
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_map(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_string(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        drop(self);
        visitor.visit_unit()
    }
}

/// The items of an array; an error in one is seen as `[index]`.
struct Items {
    iter: std::vec::IntoIter<Value>,
    index: usize,
}

impl<'de> SeqAccess<'de> for Items {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Error> {
        let Some(value) = self.iter.next() else { return Ok(None) };
        let index = self.index;
        self.index += 1;
        seed.deserialize(Reader(value)).map(Some).map_err(|error| error.within(Segment::Index(index)))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
    }
}

/// The members of an object; an error in one (in its name or its value) is seen as `.name`.
struct Members {
    iter: serde_json::map::IntoIter,
    current: Option<(String, Value)>,
}

impl<'de> MapAccess<'de> for Members {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        let Some((name, value)) = self.iter.next() else { return Ok(None) };
        let key = seed.deserialize(Name(&name)).map_err(|error| error.within(Segment::Member(name.clone())))?;
        self.current = Some((name, value));
        Ok(Some(key))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let Some((name, value)) = self.current.take() else {
            return Err(de::Error::custom("value is missing"));
        };
        seed.deserialize(Reader(value)).map_err(|error| error.within(Segment::Member(name)))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
    }
}

/// A member's name, read as a field name, a map key or an enum value.
struct Name<'a>(&'a str);

impl<'de> de::Deserializer<'de> for Name<'_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_str(self.0)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_enum(Variant { name: self.0.to_owned(), value: None })
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

/// An enum value: its name, and what an object `{"name": value}` holds (serde's externally tagged form).
struct Variant {
    name: String,
    value: Option<Value>,
}

impl<'de> EnumAccess<'de> for Variant {
    type Error = Error;
    type Variant = Variant;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Variant), Error> {
        let variant = seed.deserialize(Name(&self.name))?;
        Ok((variant, self))
    }
}

impl Variant {
    fn within(&self, error: Error) -> Error {
        error.within(Segment::Member(self.name.clone()))
    }
}

impl<'de> VariantAccess<'de> for Variant {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        match self.value {
            Some(Value::Null) | None => Ok(()),
            Some(ref other) => Err(self.within(invalid_type(other, &"unit"))),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(mut self, seed: T) -> Result<T::Value, Error> {
        match self.value.take() {
            Some(value) => seed.deserialize(Reader(value)).map_err(|error| self.within(error)),
            None => Err(de::Error::invalid_type(Unexpected::UnitVariant, &"newtype variant")),
        }
    }

    fn tuple_variant<V: Visitor<'de>>(mut self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        match self.value.take() {
            Some(Value::Array(array)) if array.is_empty() => visitor.visit_unit(),
            Some(Value::Array(array)) => visit_array(array, visitor).map_err(|error| self.within(error)),
            Some(other) => Err(self.within(invalid_type(&other, &"tuple variant"))),
            None => Err(de::Error::invalid_type(Unexpected::UnitVariant, &"tuple variant")),
        }
    }

    fn struct_variant<V: Visitor<'de>>(
        mut self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.value.take() {
            Some(Value::Object(object)) => visit_object(object, visitor).map_err(|error| self.within(error)),
            Some(other) => Err(self.within(invalid_type(&other, &"struct variant"))),
            None => Err(de::Error::invalid_type(Unexpected::UnitVariant, &"struct variant")),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Deserialize;
    use serde_json::json;

    use super::*;

    #[derive(Debug, PartialEq, Deserialize)]
    struct Outer {
        name: String,
        #[serde(default)]
        count: Option<u32>,
        items: Vec<Inner>,
        #[serde(default)]
        by_kind: BTreeMap<Kind, String>,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    struct Inner {
        kind: Kind,
        amount: crate::Wan,
    }

    #[derive(Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        Central,
        County,
    }

    /// The path and message from here, and what `serde_path_to_error` over `serde_json::from_value` says.
    fn both(value: Value) -> ((String, String), (String, String)) {
        let ours = from_value::<Outer>(value.clone()).unwrap_err();
        let theirs = serde_path_to_error::deserialize::<_, Outer>(value).unwrap_err();
        ((ours.path().to_owned(), ours.inner().to_string()), (theirs.path().to_string(), theirs.inner().to_string()))
    }

    #[test]
    fn reads_what_serde_json_reads() {
        let value = json!({
            "name": "a", "count": 3, "ignored": [1, {"x": null}],
            "items": [{"kind": "central", "amount": "12.5"}, {"kind": {"county": null}, "amount": "0"}],
            "by_kind": {"county": "x"}
        });
        let ours: Outer = from_value(value.clone()).unwrap();
        assert_eq!(ours, serde_json::from_value::<Outer>(value).unwrap());
        assert_eq!(from_value::<Vec<Option<i64>>>(json!([-1, null, 7])).unwrap(), [Some(-1), None, Some(7)]);
    }

    #[test]
    fn errors_have_serde_path_to_errors_path_and_serde_jsons_message() {
        let base = || json!({"name": "a", "items": [{"kind": "central", "amount": "1"}]});
        let cases = [
            |v: &mut Value| v["items"][0]["amount"] = json!(12),
            |v: &mut Value| v["items"][0]["amount"] = json!("1e3"),
            |v: &mut Value| v["items"][0]["kind"] = json!("city"),
            |v: &mut Value| v["items"][0]["kind"] = json!({"county": 1}),
            |v: &mut Value| v["items"][0]["kind"] = json!({"county": null, "central": null}),
            |v: &mut Value| v["items"][0]["kind"] = json!(null),
            |v: &mut Value| v["items"][0] = json!({"kind": "central"}),
            |v: &mut Value| v["count"] = json!(-1),
            |v: &mut Value| v["count"] = json!(2.5),
            |v: &mut Value| v["count"] = json!("2"),
            |v: &mut Value| v["name"] = json!(null),
            |v: &mut Value| v["items"] = json!({}),
            |v: &mut Value| *v = json!(true),
            |v: &mut Value| *v = json!({}),
        ];
        for change in cases {
            let mut value = base();
            change(&mut value);
            let (ours, theirs) = both(value.clone());
            assert_eq!(ours, theirs, "{value}");
        }
    }

    #[test]
    fn members_of_a_map_with_enum_keys_are_named() {
        let value = json!({"name": "a", "items": [], "by_kind": {"city": "x"}});
        let (ours, theirs) = both(value);
        assert_eq!(ours.1, theirs.1);
        assert_eq!((ours.0.as_str(), theirs.0.as_str()), ("by_kind.city", "by_kind.?"));
        let value = json!({"name": "a", "items": [], "by_kind": {"county": 1}});
        let (ours, theirs) = both(value);
        assert_eq!(ours.1, theirs.1);
        assert_eq!((ours.0.as_str(), theirs.0.as_str()), ("by_kind.county", "by_kind.?"));
    }

    #[test]
    fn a_struct_is_not_read_from_an_array() {
        let error = from_value::<Inner>(json!(["central", "1"])).unwrap_err();
        assert_eq!(
            (error.path(), error.inner().to_string().as_str()),
            (".", "invalid type: sequence, expected struct Inner")
        );
    }
}
