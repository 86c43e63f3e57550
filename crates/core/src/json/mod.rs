//! JSON: reading files (here), writing them (`write.rs`), and the canonical form with its digests
//! (`canonical.rs`).
//!
//! Reading JSON files is the one place where the core turns a file's bytes into a [`serde_json::Value`], for drafts,
//! signed bundles, `shenbao check` and key files alike.
//!
//! Stricter than `serde_json::from_slice` in one way and more forgiving in another:
//! - **A repeated member name is refused.** serde_json keeps the last of two members with the same name, while a
//!   person reading the file (or another JSON library) may see the first: a signed bundle with
//!   `"city_linkage_funds": "9999"` written before the signed `"500"` would verify and still show 9999 to a reader.
//!   RFC 8785 and I-JSON (RFC 7493 §2.3) require unique names, so such a file is refused, naming the member, where
//!   it is and its line.
//! - **A leading UTF-8 byte-order mark is skipped.** Windows editors add one when saving; it is not part of the JSON
//!   value, so for a bundle it changes nothing that is signed (the signature covers the canonical form of the value).
//!
//! Every error is a [`JsonError`], whose `Display` is a Chinese sentence by class (empty file, not UTF-8, cut short,
//! syntax error, repeated member) with the line and column, and never serde's English.

use std::cell::RefCell;
use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::error::Category;
use serde_json::{Map, Number, Value};

mod canonical;
mod write;
pub use canonical::{canonical_json, sha256_hex};
pub use write::{to_compact_string, to_pretty_string};

/// The UTF-8 byte-order mark, as bytes.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Reads a JSON file's bytes: skips a leading UTF-8 byte-order mark, requires UTF-8, refuses an empty file and any
/// object with a repeated member name.
///
/// # Errors
/// [`JsonError`], with a Chinese message saying what is wrong and where.
pub fn read_file(bytes: &[u8]) -> Result<Value, JsonError> {
    let text = file_text(bytes)?;
    if text.trim_matches(is_json_whitespace).is_empty() {
        return Err(JsonError::Empty);
    }
    parse_strict(text)
}

/// A file's bytes as text, as [`read_file`] reads them: a leading UTF-8 byte-order mark skipped, UTF-8 required.
/// For callers that get a file's bytes and keep its text (the app reads picked files this way, so that a file saved
/// as GBK is refused rather than read with replacement characters).
///
/// # Errors
/// [`JsonError::NotUtf8`], with the offset of the first byte that is not UTF-8.
pub fn file_text(bytes: &[u8]) -> Result<&str, JsonError> {
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|error| JsonError::NotUtf8 { byte: error.valid_up_to() + 1 })
}

/// Parses JSON text, refusing any object with a repeated member name. Unlike [`read_file`] it does not skip a
/// byte-order mark: it is for JSON inside a file (a signature's protected header), where none belongs.
///
/// # Errors
/// [`JsonError`].
pub fn parse_strict(text: &str) -> Result<Value, JsonError> {
    let duplicate = RefCell::new(None);
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let parsed = Strict { duplicate: &duplicate }.deserialize(&mut deserializer).and_then(|value| {
        deserializer.end()?;
        Ok(value)
    });
    parsed.map_err(|error| {
        let (line, column) = (error.line(), error.column());
        if let Some(Duplicate { name, path }) = duplicate.into_inner() {
            return JsonError::DuplicateMember { name, path: path_text(&path), line, column };
        }
        match error.classify() {
            Category::Eof => JsonError::Incomplete { line, column },
            Category::Io | Category::Syntax | Category::Data => JsonError::Syntax { line, column },
        }
    })
}

/// JSON's four whitespace characters (RFC 8259 §2); other Unicode blanks are not whitespace to a JSON reader.
fn is_json_whitespace(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// Why a file could not be read as JSON. `Display` is a Chinese sentence for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonError {
    /// Nothing, or only blanks.
    Empty,
    /// Not UTF-8 text (saved in GBK, or not text at all).
    NotUtf8 {
        /// 1-based offset of the first byte that is not UTF-8.
        byte: usize,
    },
    /// The text ends before the JSON value does: cut short.
    Incomplete {
        /// 1-based line where it ends.
        line: usize,
        /// Column (1-based; 0 when it ends at the start of a line).
        column: usize,
    },
    /// Something that is not JSON.
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// An object has two members with the same name.
    DuplicateMember {
        /// The repeated name.
        name: String,
        /// Field path of the object holding it, e.g. `application.funds`; empty for the outermost object.
        path: String,
        /// 1-based line of the second occurrence.
        line: usize,
        /// Column just after its name.
        column: usize,
    },
}

impl JsonError {
    /// A stable machine-readable code: `duplicate_member` for a repeated member, `invalid_json` otherwise.
    pub fn code(&self) -> &'static str {
        match self {
            JsonError::DuplicateMember { .. } => "duplicate_member",
            JsonError::Empty | JsonError::NotUtf8 { .. } | JsonError::Incomplete { .. } | JsonError::Syntax { .. } => {
                "invalid_json"
            }
        }
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JsonError::Empty => write!(f, "文件是空的，没有任何内容。"),
            JsonError::NotUtf8 { byte } => write!(
                f,
                "文件不是 UTF-8 文本文件（从第 {byte} 个字节起无法按 UTF-8 读取），可能被另存为 GBK 等其他编码，或根本不是文本文件。"
            ),
            JsonError::Incomplete { line, column } => write!(
                f,
                "文件不完整（在{}处意外结束），不是有效的 JSON。文件可能已损坏或未完整下载。",
                position(*line, *column)
            ),
            JsonError::Syntax { line, column } => {
                write!(f, "{}处不是有效的 JSON。文件可能已损坏或被手工改错。", position(*line, *column))
            }
            JsonError::DuplicateMember { name, path, line, .. } => {
                let place = if path.is_empty() { "文件最外层".to_owned() } else { format!("{path} 中") };
                write!(
                    f,
                    "第 {line} 行：{place}的成员「{name}」重复出现。同一对象中的成员名不能重复，否则不同的程序会读出不同的值；请使用本工具导出的原始文件。"
                )
            }
        }
    }
}

impl std::error::Error for JsonError {}

/// `第 3 行第 7 列`, or `第 3 行行首` for serde_json's column 0 (just after a line break).
fn position(line: usize, column: usize) -> String {
    if column == 0 { format!("第 {line} 行行首") } else { format!("第 {line} 行第 {column} 列") }
}

/// The repeated member found while parsing, and the path to its object, innermost segment first (it is collected
/// while the error travels out of the nested values).
struct Duplicate {
    name: String,
    path: Vec<Segment>,
}

enum Segment {
    Member(String),
    Index(usize),
}

/// `application.villages[2].plan` from the segments, innermost first.
fn path_text(innermost_first: &[Segment]) -> String {
    let mut text = String::new();
    for segment in innermost_first.iter().rev() {
        match segment {
            Segment::Member(name) if text.is_empty() => text.push_str(name),
            Segment::Member(name) => {
                text.push('.');
                text.push_str(name);
            }
            Segment::Index(index) => text.push_str(&format!("[{index}]")),
        }
    }
    text
}

/// Builds a [`Value`] like serde_json's own visitor, but fails on a repeated member name and records it.
#[derive(Clone, Copy)]
struct Strict<'a> {
    duplicate: &'a RefCell<Option<Duplicate>>,
}

impl Strict<'_> {
    /// Adds a segment to the path of a repeated member found inside this value (nothing for other errors).
    fn note(self, segment: impl FnOnce() -> Segment) {
        if let Some(found) = self.duplicate.borrow_mut().as_mut() {
            found.path.push(segment());
        }
    }
}

impl<'de> DeserializeSeed<'de> for Strict<'_> {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Strict<'_> {
    type Value = Value;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("any JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Value, E> {
        // JSON text cannot write NaN or an infinity, so every parsed float is finite.
        Ok(Number::from_f64(value).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_owned()))
    }

    fn visit_string<E>(self, value: String) -> Result<Value, E> {
        Ok(Value::String(value))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Value, A::Error> {
        let mut values = Vec::with_capacity(items.size_hint().unwrap_or(0));
        loop {
            match items.next_element_seed(self) {
                Ok(Some(value)) => values.push(value),
                Ok(None) => return Ok(Value::Array(values)),
                Err(error) => {
                    self.note(|| Segment::Index(values.len()));
                    return Err(error);
                }
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut members: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(name) = members.next_key::<String>()? {
            if object.contains_key(&name) {
                let message = format!("duplicate member {name:?}");
                *self.duplicate.borrow_mut() = Some(Duplicate { name, path: Vec::new() });
                return Err(de::Error::custom(message));
            }
            match members.next_value_seed(self) {
                Ok(value) => {
                    object.insert(name, value);
                }
                Err(error) => {
                    self.note(|| Segment::Member(name));
                    return Err(error);
                }
            }
        }
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> JsonError {
        read_file(text.as_bytes()).unwrap_err()
    }

    #[test]
    fn reads_what_serde_json_reads() {
        let text = r#"{"a": [1, -2, 2.5, "x", true, null, {}], "b": {"c": "\u00e9"}}"#;
        assert_eq!(read_file(text.as_bytes()), Ok(serde_json::from_str::<Value>(text).unwrap()));
    }

    #[test]
    fn a_repeated_member_is_refused_with_its_object_and_line() {
        let text =
            "{\n  \"application\": {\n    \"funds\": {\n      \"loans\": \"1\",\n      \"loans\": \"2\"\n    }\n  }\n}";
        assert_eq!(
            error(text),
            JsonError::DuplicateMember { name: "loans".into(), path: "application.funds".into(), line: 5, column: 13 }
        );
        let message = error(text).to_string();
        assert!(message.starts_with("第 5 行：application.funds 中的成员「loans」重复出现。"), "{message}");
        assert_eq!(error(text).code(), "duplicate_member");
    }

    #[test]
    fn repeated_members_are_found_in_lists_and_at_the_top() {
        let in_list = r#"{"villages": [{"id": "v1"}, {"id": "v2", "name": "a", "name": "b"}]}"#;
        let JsonError::DuplicateMember { path, .. } = error(in_list) else { panic!("{:?}", error(in_list)) };
        assert_eq!(path, "villages[1]");
        let top = r#"{"format": "a", "format": "b"}"#;
        assert!(error(top).to_string().starts_with("第 1 行：文件最外层的成员「format」重复出现"), "{}", error(top));
        // The same name in different objects is fine.
        assert!(read_file(br#"{"a": {"x": 1}, "b": {"x": 1}, "x": [{"x": 1}, {"x": 2}]}"#).is_ok());
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        assert_eq!(read_file(b"\xEF\xBB\xBF{\"a\": 1}"), Ok(serde_json::json!({"a": 1})));
        assert_eq!(read_file(b"\xEF\xBB\xBF"), Err(JsonError::Empty));
        // Only one, and only for files: JSON inside a file keeps the strict reading.
        assert!(matches!(read_file(b"\xEF\xBB\xBF\xEF\xBB\xBF{}"), Err(JsonError::Syntax { .. })));
        assert!(parse_strict("\u{feff}{}").is_err());
    }

    #[test]
    fn each_class_of_error_has_its_chinese_message() {
        assert_eq!(error(""), JsonError::Empty);
        assert_eq!(error(" \n\t "), JsonError::Empty);
        assert_eq!(error("").to_string(), "文件是空的，没有任何内容。");
        assert_eq!(read_file(b"{\"a\": \"\xC4\xE3\"}"), Err(JsonError::NotUtf8 { byte: 8 }));
        assert!(read_file(b"\xFF\xFE{").unwrap_err().to_string().starts_with("文件不是 UTF-8 文本文件"));
        assert_eq!(error("{\"a\": [1,"), JsonError::Incomplete { line: 1, column: 9 });
        assert_eq!(
            error("{\"a\": [1,").to_string(),
            "文件不完整（在第 1 行第 9 列处意外结束），不是有效的 JSON。文件可能已损坏或未完整下载。"
        );
        assert_eq!(error("{\n"), JsonError::Incomplete { line: 2, column: 0 });
        assert!(error("{\n").to_string().contains("在第 2 行行首处意外结束"), "{}", error("{\n"));
        assert_eq!(error("{a}"), JsonError::Syntax { line: 1, column: 2 });
        assert_eq!(error("{a}").to_string(), "第 1 行第 2 列处不是有效的 JSON。文件可能已损坏或被手工改错。");
        assert!(matches!(error("{} x"), JsonError::Syntax { line: 1, column: 4 }));
        for text in ["", "{", "{a}", "{} x", "[1,]", "\"\\x\""] {
            let message = error(text).to_string();
            let english = ["expected", "EOF", "line", "column", "while", "trailing"];
            assert!(!english.iter().any(|word| message.contains(word)), "{message}");
        }
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = "[".repeat(100_000);
        assert!(matches!(read_file(deep.as_bytes()), Err(JsonError::Syntax { .. })));
    }
}
