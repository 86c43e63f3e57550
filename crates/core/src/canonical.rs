//! The RFC 8785 (JCS) canonical form of a JSON value: what bundles sign and what names a parameter set.
//!
//! Written here rather than taken from `serde_json_canonicalizer` only for size: that crate formats every number
//! with its own copy of ECMAScript's number formatting (`ryu-js`, about 10 KB of tables in the app's wasm), while
//! the bundles this app writes and accepts hold safe integers only (`signing::first_disallowed_number`). The
//! output is the crate's, byte for byte: a property test compares the two on arbitrary values (numbers of every
//! kind included), and the golden bundles and the independent Node verifier (`canonicalize` from npm) check it too.
//!
//! RFC 8785 §3.2: no whitespace; members sorted by their names as UTF-16 code units; strings as ECMAScript's
//! `JSON.stringify` writes them (only `"`, `\` and the control characters escaped, the five of them that have one
//! with their short escape, the rest as `\u00xx`); numbers as ECMAScript's `Number.prototype.toString`.

use serde_json::{Number, Value};

/// The canonical form of `value`.
pub(crate) fn to_string(value: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, value);
    out
}

fn write_value(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(true) => out.push_str("true"),
        Value::Bool(false) => out.push_str("false"),
        Value::Number(number) => write_number(out, number),
        Value::String(text) => write_string(out, text),
        Value::Array(items) => {
            out.push('[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                write_value(out, item);
            }
            out.push(']');
        }
        Value::Object(members) => {
            // serde_json's map holds them in code point order, which is UTF-16 order except where a character
            // from U+E000 to U+FFFF meets one above U+FFFF: an insertion sort, which does nothing when nothing is
            // out of order (and is less wasm than a general sort).
            let mut members: Vec<(&String, &Value)> = members.iter().collect();
            for sorted in 1..members.len() {
                let mut at = sorted;
                while at > 0 && members[at].0.encode_utf16().lt(members[at - 1].0.encode_utf16()) {
                    members.swap(at, at - 1);
                    at -= 1;
                }
            }
            out.push('{');
            for (index, (name, member)) in members.into_iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                write_string(out, name);
                out.push(':');
                write_value(out, member);
            }
            out.push('}');
        }
    }
}

fn write_string(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0'..='\u{1f}' => {
                let byte = c as usize;
                out.push_str("\\u00");
                out.push(char::from(HEX[byte >> 4]));
                out.push(char::from(HEX[byte & 0xf]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// The largest integer a double holds exactly with every smaller one (2⁵³).
const EXACT: u64 = 1 << 53;

/// ECMAScript's `Number.prototype.toString` of the number as a double (JSON numbers are doubles to JCS).
fn write_number(out: &mut String, number: &Number) {
    // Integers a double holds exactly are written as they are (what ECMAScript writes below 10²¹).
    if let Some(n) = number.as_u64().filter(|n| *n <= EXACT) {
        out.push_str(&n.to_string());
        return;
    }
    if let Some(n) = number.as_i64().filter(|n| n.unsigned_abs() <= EXACT) {
        out.push_str(&n.to_string());
        return;
    }
    // Anything else: the double's shortest round-trip digits (serde_json writes them, as ECMAScript picks them),
    // laid out by ECMAScript's rules.
    let double = match (number.as_u64(), number.as_i64()) {
        (Some(n), _) => n as f64,
        (None, Some(n)) => n as f64,
        (None, None) => number.as_f64().unwrap_or_default(),
    };
    let shortest = Number::from_f64(double).map(|n| n.to_string()).unwrap_or_default();
    let (negative, digits, point) = decimal_digits(&shortest);
    if digits.is_empty() {
        out.push('0'); // zero, and minus zero
        return;
    }
    if negative {
        out.push('-');
    }
    write_digits(out, &digits, point);
}

/// `-1.25e-7` → (true, "125", -6): the sign, the significant digits without leading or trailing zeros, and the
/// position of the decimal point relative to them (value = 0.DIGITS × 10^point). No digits for zero.
fn decimal_digits(text: &str) -> (bool, String, i32) {
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exponent) = match text.split_once(['e', 'E']) {
        Some((mantissa, exponent)) => (mantissa, exponent.parse::<i32>().unwrap_or(0)),
        None => (text, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all: String = whole.chars().chain(fraction.chars()).collect();
    let leading = all.len() - all.trim_start_matches('0').len();
    let digits = all.trim_matches('0').to_owned();
    let point = i32::try_from(whole.len()).unwrap_or(0) - i32::try_from(leading).unwrap_or(0) + exponent;
    (negative, digits, point)
}

/// Number::toString, step 6 onwards (ECMA-262 §6.1.6.1.20), for the digits `digits` (k of them) and `point` (n).
fn write_digits(out: &mut String, digits: &str, point: i32) {
    let k = i32::try_from(digits.len()).unwrap_or(i32::MAX);
    let n = point;
    if k <= n && n <= 21 {
        out.push_str(digits);
        out.extend(std::iter::repeat_n('0', usize::try_from(n - k).unwrap_or(0)));
    } else if 0 < n && n <= 21 {
        let (whole, fraction) = digits.split_at(usize::try_from(n).unwrap_or(0));
        out.push_str(whole);
        out.push('.');
        out.push_str(fraction);
    } else if -6 < n && n <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', usize::try_from(-n).unwrap_or(0)));
        out.push_str(digits);
    } else {
        let (first, rest) = digits.split_at(1);
        out.push_str(first);
        if !rest.is_empty() {
            out.push('.');
            out.push_str(rest);
        }
        out.push('e');
        out.push(if n - 1 < 0 { '-' } else { '+' });
        out.push_str(&(n - 1).unsigned_abs().to_string());
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde_json::json;

    use super::*;

    fn theirs(value: &Value) -> String {
        serde_json_canonicalizer::to_string(value).unwrap_or_default()
    }

    #[test]
    fn writes_rfc_8785s_examples() {
        // RFC 8785 §3.2.2.3 and Appendix B.
        let numbers = [
            (0.0, "0"),
            (-0.0, "0"),
            (1e21, "1e+21"),
            (1e-7, "1e-7"),
            (1e20, "100000000000000000000"),
            (333_333_333.333_333_3, "333333333.3333333"),
            (5e-324, "5e-324"),
            (1.797_693_134_862_315_7e308, "1.7976931348623157e+308"),
            (9_007_199_254_740_992.0, "9007199254740992"),
            (295_147_905_179_352_830_000.0, "295147905179352830000"),
            (0.000_001, "0.000001"),
            (-1.5, "-1.5"),
        ];
        for (number, text) in numbers {
            let value = json!(number);
            assert_eq!(to_string(&value), text, "{number:e}");
            assert_eq!(to_string(&value), theirs(&value), "{number:e}");
        }
        let value =
            json!({"\u{20ac}": 1, "\r": 2, "\u{1f600}": 3, "\u{fb33}": 4, "1": [null, true, "\u{7f}\u{1}\"\\/"]});
        assert_eq!(
            to_string(&value),
            "{\"\\r\":2,\"1\":[null,true,\"\u{7f}\\u0001\\\"\\\\/\"],\"€\":1,\"😀\":3,\"\u{fb33}\":4}"
        );
        assert_eq!(to_string(&value), theirs(&value));
    }

    #[test]
    fn integers_of_every_size_are_written_as_doubles() {
        for n in [0, 1, 1 << 53, (1 << 53) + 1, u64::MAX, 12_345_678_901_234_567_890] {
            assert_eq!(to_string(&json!(n)), theirs(&json!(n)), "{n}");
        }
        for n in [-1, -(1 << 53), -(1 << 53) - 1, i64::MIN] {
            assert_eq!(to_string(&json!(n)), theirs(&json!(n)), "{n}");
        }
    }

    fn any_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(|n| json!(n)),
            any::<u64>().prop_map(|n| json!(n)),
            any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(|f| json!(f)),
            (-1_000_000i64..1_000_000, 0u32..12).prop_map(|(n, e)| json!(format!("{n}e-{e}").parse::<f64>().unwrap())),
            any::<String>().prop_map(Value::String),
            "[\\x00-\\x20\"\\\\/a-z\u{7f}\u{e000}-\u{e010}\u{10000}-\u{10010}]{0,8}".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 64, 8, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                proptest::collection::btree_map(
                    "[\\x00-\\x20a-zA-Z0-9\u{e000}\u{ffff}\u{10000}\u{1f600}]{0,4}",
                    inner,
                    0..6
                )
                .prop_map(|members| Value::Object(members.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn writes_what_serde_json_canonicalizer_writes(value in any_value()) {
            prop_assert_eq!(to_string(&value), theirs(&value));
        }
    }
}
