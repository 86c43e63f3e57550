//! Text from files is printed only through these functions, which are the core's (`shenbao_core::safe_text`, shared
//! with the app's 核验申报包 page) plus the one thing only the terminal needs: `|` escaped inside a column.
//!
//! - [`for_terminal`]: control characters, line and paragraph separators, bidi controls and zero-width characters
//!   written as a visible `\u{…}`, so a value stays on one line and shows what it holds.
//! - [`for_field`]: the same, and `|`, the separator of `shenbao verify`'s columns, written as `\|`.
//! - [`for_csv`]: the same as the terminal, and no cell a spreadsheet would read as a formula.

pub use shenbao_core::safe_text::{csv_cell as for_csv, visible as for_terminal};

/// As [`for_terminal`], and `|` written as `\|`: a value inside a line of `|`-separated columns.
pub fn for_field(text: &str) -> String {
    for_terminal(text).replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_cannot_add_columns() {
        assert_eq!(for_field("平阴县 | 签名有效\n"), "平阴县 \\| 签名有效\\u{a}");
        assert_eq!(for_terminal("a|b"), "a|b");
        assert_eq!(for_field("\u{202e}fdp.exe|"), "\\u{202e}fdp.exe\\|");
    }
}
