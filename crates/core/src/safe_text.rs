//! Showing text that comes from a file, so that it shows what it holds and nothing else. One implementation for
//! the app's 核验申报包 page and for `shenbao check` / `shenbao verify`.
//!
//! A county name, an attachment name or a justification comes from a file anyone can write. Shown as it is:
//! - a bidi override reorders what follows: `\u{202e}fdp.exe` displays as `exe.pdf`, an attachment name that
//!   passes for a PDF;
//! - a zero-width character makes two different names look alike (`实施方案.pdf` and `实施\u{200b}方案.pdf`);
//! - a newline or an ANSI escape starts a line of its own (`… | 签名有效 | 可以提交`) or rewrites the terminal;
//! - and in a spreadsheet a cell starting with `=` is a formula that Excel and WPS run.
//!
//! [`visible`] writes each such character as a visible `\u{…}` (`\u{202e}fdp.exe` shows as exactly that);
//! [`csv_cell`] also keeps a spreadsheet from reading a cell as a formula. Everything else, Chinese, full-width
//! forms, emoji and ideographic variation selectors included, passes unchanged.

use std::fmt::Write as _;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// The text with every character that changes how text around it shows, or shows as nothing, written as
/// `\u{…}` (lower-case hex): control characters (C0 with tab, CR, LF and ESC; DEL; C1), the line and paragraph
/// separators, the bidi controls, and the zero-width and other invisible characters (see [`is_hidden`]).
pub fn visible(text: &str) -> String {
    if !text.chars().any(is_hidden) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_hidden(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// A CSV cell: [`visible`], then [`csv_formula_guard`], so that a spreadsheet shows what a terminal shows and
/// runs nothing.
pub fn csv_cell(text: &str) -> String {
    csv_formula_guard(&visible(text))
}

/// `'` before a cell that Excel or WPS could read as a formula (OWASP's advice against CSV injection): one
/// starting with `=`, `+`, `-`, `@`, a tab or a carriage return, with their full-width forms `＝＋－＠` (which WPS
/// and Excel with a Chinese input method take for the ASCII ones), or with a byte-order mark or a zero-width
/// space, which spreadsheets drop before reading what follows. Other cells are unchanged.
pub fn csv_formula_guard(cell: &str) -> String {
    const STARTS_FORMULA: [char; 12] = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠', '\u{feff}', '\u{200b}'];
    if cell.starts_with(STARTS_FORMULA) { format!("'{cell}") } else { cell.to_owned() }
}

/// A copy of a value (a bundle's application, its justifications) with [`visible`] applied to every string and
/// every member name, for display. The value goes through its JSON form, so any `Serialize` type whose strings
/// may hold what [`visible`] escapes works; `None` if the escaped form no longer reads as `T` (a string that is
/// parsed, a date or an amount, cannot hold those characters in the first place).
pub fn visible_copy<T: Serialize + DeserializeOwned>(value: &T) -> Option<T> {
    let mut json = serde_json::to_value(value).ok()?;
    make_visible(&mut json);
    serde_json::from_value(json).ok()
}

fn make_visible(value: &mut Value) {
    match value {
        Value::String(text) => {
            if text.chars().any(is_hidden) {
                *text = visible(text);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(make_visible),
        Value::Object(members) => {
            let escaped = std::mem::take(members).into_iter().map(|(name, mut member)| {
                make_visible(&mut member);
                (visible(&name), member)
            });
            *members = escaped.collect();
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

/// Characters that change what is shown around them, or show as nothing at all.
pub fn is_hidden(c: char) -> bool {
    c.is_control() // C0 (with tab, LF, CR, ESC), DEL and C1 (with NEL)
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' // line and paragraph separators
            | '\u{061c}' | '\u{200e}' | '\u{200f}' // bidi marks
            | '\u{202a}'..='\u{202e}' // bidi embeddings and overrides
            | '\u{2066}'..='\u{2069}' // bidi isolates
            | '\u{00ad}' // soft hyphen
            | '\u{034f}' // combining grapheme joiner
            | '\u{115f}' | '\u{1160}' | '\u{3164}' | '\u{ffa0}' // Hangul fillers, blank
            | '\u{17b4}' | '\u{17b5}' // Khmer inherent vowels, blank
            | '\u{180b}'..='\u{180f}' // Mongolian variation selectors and vowel separator
            | '\u{200b}'..='\u{200d}' // zero-width space, non-joiner, joiner
            | '\u{2060}'..='\u{2064}' // word joiner, invisible operators
            | '\u{206a}'..='\u{206f}' // deprecated format characters
            | '\u{feff}' // zero-width no-break space, the byte-order mark
            | '\u{fff9}'..='\u{fffb}' // interlinear annotation
            | '\u{e0000}'..='\u{e007f}' // tag characters
        )
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    #[test]
    fn control_characters_are_shown_not_obeyed() {
        assert_eq!(visible("济南市平阴县"), "济南市平阴县");
        assert_eq!(visible("a\nb\r\tc"), "a\\u{a}b\\u{d}\\u{9}c");
        assert_eq!(visible("\u{1b}[2K济南市"), "\\u{1b}[2K济南市");
        assert_eq!(visible("x\u{7f}\u{85}\u{9b}y"), "x\\u{7f}\\u{85}\\u{9b}y");
        assert_eq!(visible("a\u{2028}b\u{2029}c"), "a\\u{2028}b\\u{2029}c");
    }

    #[test]
    fn bidi_controls_cannot_reverse_a_file_name() {
        assert_eq!(visible("\u{202e}fdp.exe"), "\\u{202e}fdp.exe");
        assert_eq!(visible("\u{202e}txt.exe\u{202c}\u{2067}\u{200f}"), "\\u{202e}txt.exe\\u{202c}\\u{2067}\\u{200f}");
        assert_eq!(visible("报告\u{2066}gpj.exe\u{2069}.pdf"), "报告\\u{2066}gpj.exe\\u{2069}.pdf");
        assert_eq!(visible("\u{61c}\u{200e}"), "\\u{61c}\\u{200e}");
    }

    #[test]
    fn zero_width_characters_are_shown() {
        assert_eq!(visible("实施\u{200b}方案.pdf"), "实施\\u{200b}方案.pdf");
        assert_eq!(visible("\u{feff}平阴县"), "\\u{feff}平阴县");
        assert_eq!(visible("a\u{200c}\u{200d}\u{2060}\u{ad}b"), "a\\u{200c}\\u{200d}\\u{2060}\\u{ad}b");
        assert_eq!(visible("\u{3164}\u{115f}"), "\\u{3164}\\u{115f}");
        assert_eq!(visible("x\u{e0041}"), "x\\u{e0041}");
    }

    #[test]
    fn ordinary_text_passes_unchanged() {
        for text in ["３７０１２４（平阴县）｜", "附件 1（盖章扫描件）.pdf", "😀 𠀋", "葛\u{e0100}", "é", "a|b", ""]
        {
            assert_eq!(visible(text), text, "{text:?}");
        }
    }

    #[test]
    fn csv_cells_never_start_a_formula() {
        for (cell, expected) in [
            ("=HYPERLINK(\"http://x\",\"点此\")", "'=HYPERLINK(\"http://x\",\"点此\")"),
            ("+1", "'+1"),
            ("-1", "'-1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("＝1+1", "'＝1+1"),
            ("＋1", "'＋1"),
            ("－1", "'－1"),
            ("＠SUM(A1)", "'＠SUM(A1)"),
            ("济南市", "济南市"),
            ("4000", "4000"),
            ("", ""),
            ("a=b", "a=b"),
            ("平阴县＝", "平阴县＝"),
        ] {
            assert_eq!(csv_cell(cell), expected, "{cell:?}");
        }
        // The guard alone, as for a cell that was not made visible first.
        for cell in ["\t=1", "\r=1", "\u{feff}=1+1", "\u{200b}=1+1", "\u{feff}平阴县"] {
            assert_eq!(csv_formula_guard(cell), format!("'{cell}"), "{cell:?}");
        }
        // Made visible first, a leading tab, CR, byte-order mark or zero-width space is already harmless text.
        assert_eq!(csv_cell("\t=1"), "\\u{9}=1");
        assert_eq!(csv_cell("\u{feff}=1+1"), "\\u{feff}=1+1");
        assert_eq!(csv_cell("\u{200b}=1"), "\\u{200b}=1");
    }

    #[test]
    fn a_visible_copy_of_an_application_keeps_its_amounts_and_dates() {
        let mut application = crate::sample::complete();
        application.applicant.contact_person = "王\u{200b}某".into();
        let copy = visible_copy(&application).expect("an application's escaped form is still an application");
        assert_eq!(copy.applicant.contact_person, "王\\u{200b}某");
        application.applicant.contact_person = "王\\u{200b}某".into();
        assert_eq!(copy, application, "everything else is unchanged");
    }

    #[test]
    fn a_visible_copy_escapes_every_string_and_member_name() {
        let value =
            BTreeMap::from([("\u{202e}key".to_owned(), vec!["\u{202e}fdp.exe".to_owned(), "平阴县".to_owned()])]);
        let copy = visible_copy(&value).unwrap();
        assert_eq!(
            copy,
            BTreeMap::from([("\\u{202e}key".to_owned(), vec!["\\u{202e}fdp.exe".to_owned(), "平阴县".to_owned()])])
        );
    }
}
