//! Writing JSON text: pretty (two-space indent, as `serde_json::to_string_pretty`) for files, compact (as
//! `serde_json::to_string`) for local storage.
//!
//! Both go through one serializer whose layout is chosen at run time, so that every type's `Serialize` is compiled
//! into the app once for both, not once per layout (the draft is written both ways: about 10 KB of wasm).

use std::io;

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};

/// As `serde_json::to_string_pretty`: two-space indent, `"name": value`.
pub fn to_pretty_string<T: Serialize + ?Sized>(value: &T) -> String {
    write(value, Some(PrettyFormatter::new()))
}

/// As `serde_json::to_string`: no whitespace.
pub fn to_compact_string<T: Serialize + ?Sized>(value: &T) -> String {
    write(value, None)
}

fn write<T: Serialize + ?Sized>(value: &T, pretty: Option<PrettyFormatter<'static>>) -> String {
    let mut bytes = Vec::with_capacity(128);
    let mut serializer = serde_json::Serializer::with_formatter(&mut bytes, Layout(pretty));
    if value.serialize(&mut serializer).is_err() {
        return String::new();
    }
    // serde_json writes UTF-8 only.
    String::from_utf8(bytes).unwrap_or_default()
}

/// Pretty when it holds a `PrettyFormatter`, compact otherwise.
struct Layout(Option<PrettyFormatter<'static>>);

macro_rules! layout {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {
        impl Formatter for Layout {
            $(fn $method<W: ?Sized + io::Write>(&mut self, writer: &mut W $(, $arg: $ty)*) -> io::Result<()> {
                match &mut self.0 {
                    Some(pretty) => pretty.$method(writer $(, $arg)*),
                    None => CompactFormatter.$method(writer $(, $arg)*),
                }
            })*
        }
    };
}

layout! {
    begin_array();
    end_array();
    begin_array_value(first: bool);
    end_array_value();
    begin_object();
    end_object();
    begin_object_key(first: bool);
    end_object_key();
    begin_object_value();
    end_object_value();
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn writes_what_serde_json_writes() {
        let values = [
            json!({"a": [1, -2.5, "x\n\u{1}", true, null, [], {}, [{}], {"b": {"c": []}}], "d": {}}),
            json!([]),
            json!("only a string"),
            json!(12),
        ];
        for value in values {
            assert_eq!(to_pretty_string(&value), serde_json::to_string_pretty(&value).unwrap_or_default());
            assert_eq!(to_compact_string(&value), serde_json::to_string(&value).unwrap_or_default());
        }
        let draft =
            crate::draft::Draft::new("草稿", &crate::ParameterSet::second_batch_2022(), chrono::DateTime::UNIX_EPOCH);
        assert_eq!(to_pretty_string(&draft), serde_json::to_string_pretty(&draft).unwrap_or_default());
        assert_eq!(to_compact_string(&draft), serde_json::to_string(&draft).unwrap_or_default());
    }
}
