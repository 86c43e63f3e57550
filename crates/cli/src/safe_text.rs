//! Text from files is printed only through these functions.
//!
//! A county name, a village name or a member name comes from a file anyone can write, and `shenbao verify` prints
//! it before (and whatever) the signature says. Printed as it is, a newline would start a line of its own that
//! reads `… | 签名有效 | 可以提交`; `|` would add columns; ANSI escapes could erase or rewrite what is on screen; bidi
//! overrides could reorder it; and in the CSV a cell starting with `=` is a formula Excel and WPS run.
//!
//! - [`for_terminal`] writes every control character (C0 with ESC, CR and LF, DEL, C1), the Unicode line and
//!   paragraph separators and the bidi controls as a visible `\u{…}` escape, so a value stays on one line and shows
//!   what it holds.
//! - [`for_field`] does the same and also writes `|`, the separator of `shenbao verify`'s columns, as `\|`.
//! - [`for_csv`] prefixes `'` to a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return, as OWASP
//!   advises against CSV injection, after [`for_terminal`] (so the spreadsheet shows what the terminal shows).

use std::fmt::Write as _;

/// The text with control characters, line and paragraph separators and bidi controls written as `\u{…}`.
pub fn for_terminal(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_unsafe(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// As [`for_terminal`], and `|` written as `\|`: a value inside a line of `|`-separated columns.
pub fn for_field(text: &str) -> String {
    for_terminal(text).replace('|', "\\|")
}

/// A CSV cell: as [`for_terminal`], then `'` before a first character a spreadsheet reads as a formula.
pub fn for_csv(text: &str) -> String {
    neutralise_formula(&for_terminal(text))
}

/// `'` before a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return (OWASP, CSV injection).
fn neutralise_formula(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{cell}") } else { cell.to_owned() }
}

/// Characters that change what a terminal or a text view shows around them rather than showing themselves.
fn is_unsafe(c: char) -> bool {
    c.is_control() // C0 (with tab, LF, CR, ESC), DEL and C1 (with NEL)
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' // line and paragraph separators
            | '\u{061c}' | '\u{200e}' | '\u{200f}' // bidi marks
            | '\u{202a}'..='\u{202e}' // bidi embeddings and overrides
            | '\u{2066}'..='\u{2069}' // bidi isolates
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_shown_not_obeyed() {
        assert_eq!(for_terminal("济南市平阴县"), "济南市平阴县");
        assert_eq!(for_terminal("a\nb\r\tc"), "a\\u{a}b\\u{d}\\u{9}c");
        assert_eq!(for_terminal("\u{1b}[2K济南市"), "\\u{1b}[2K济南市");
        assert_eq!(for_terminal("x\u{7f}\u{85}\u{9b}y"), "x\\u{7f}\\u{85}\\u{9b}y");
        assert_eq!(for_terminal("a\u{2028}b\u{2029}c"), "a\\u{2028}b\\u{2029}c");
        assert_eq!(
            for_terminal("\u{202e}txt.exe\u{202c}\u{2067}\u{200f}"),
            "\\u{202e}txt.exe\\u{202c}\\u{2067}\\u{200f}"
        );
        // Full-width and other ordinary characters pass.
        assert_eq!(for_terminal("３７０１２４（平阴县）｜"), "３７０１２４（平阴县）｜");
    }

    #[test]
    fn a_field_cannot_add_columns() {
        assert_eq!(for_field("平阴县 | 签名有效\n"), "平阴县 \\| 签名有效\\u{a}");
        assert_eq!(for_terminal("a|b"), "a|b");
    }

    #[test]
    fn csv_cells_never_start_a_formula() {
        for (cell, expected) in [
            ("=HYPERLINK(\"http://x\",\"点此\")", "'=HYPERLINK(\"http://x\",\"点此\")"),
            ("+1", "'+1"),
            ("-1", "'-1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("济南市", "济南市"),
            ("4000", "4000"),
            ("", ""),
            ("a=b", "a=b"),
        ] {
            assert_eq!(for_csv(cell), expected, "{cell:?}");
        }
        assert_eq!(neutralise_formula("\t=1"), "'\t=1");
        assert_eq!(neutralise_formula("\r=1"), "'\r=1");
        // After escaping, a leading tab or CR is already harmless text.
        assert_eq!(for_csv("\t=1"), "\\u{9}=1");
    }
}
