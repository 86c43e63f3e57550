//! Money: every amount of an application is in 万元 (ten-thousand yuan), held exactly.
//!
//! Amounts are [`Wan`], a newtype over `rust_decimal::Decimal`. They are serialised as JSON strings (`"2500"`,
//! `"312.5"`) so that no reader ever sees a binary float. Input accepts at most [`MAX_DECIMAL_PLACES`] decimals
//! (0.0001 万元 = 1 元, the smallest unit a budget table uses), so sums and comparisons are exact and amounts
//! people enter are never rounded. The only rounding in the crate is [`round`], for figures shown to people beside
//! a minimum of the notice (a share reached, an amount required), and it never rounds across that minimum.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, Sub};

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Decimal places an amount may carry: 4 places of 万元 is 1 元.
pub const MAX_DECIMAL_PLACES: u32 = 4;

/// Decimal places a ratio is shown with (0.0001 = 0.01 %).
pub const RATIO_DECIMAL_PLACES: u32 = 4;

/// The largest amount accepted: 10⁹ 万元 (十万亿元), far above any county budget; larger input is a typing error.
pub fn max_amount() -> Decimal {
    Decimal::from(1_000_000_000u64)
}

/// An exact amount in 万元. Never negative when it comes from [`Wan::parse_input`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Wan(Decimal);

impl Wan {
    /// Zero 万元.
    pub const ZERO: Wan = Wan(Decimal::ZERO);

    /// Wraps an exact decimal number of 万元.
    pub fn new(amount: Decimal) -> Wan {
        Wan(amount)
    }

    /// A whole number of 万元, for parameters and tests.
    pub fn from_whole(amount: i64) -> Wan {
        Wan(Decimal::from(amount))
    }

    /// The amount as a decimal number of 万元.
    pub fn decimal(self) -> Decimal {
        self.0
    }

    /// True when the amount is exactly zero.
    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    /// The amount multiplied by an exact ratio (e.g. 0.5 for 50 %), without rounding.
    pub fn times(self, ratio: Decimal) -> Wan {
        Wan(self.0.saturating_mul(ratio))
    }

    /// Parses what a person typed into a 万元 field.
    ///
    /// Accepts ASCII or full-width digits, one decimal point (`.` or `．`), surrounding blanks and a trailing
    /// `万元` or `万`; at most [`MAX_DECIMAL_PLACES`] decimals; no sign, no thousands separators.
    ///
    /// # Errors
    /// A [`MoneyInputError`] whose `Display` is a Chinese sentence saying what is wrong and how to fix it.
    pub fn parse_input(text: &str) -> Result<Wan, MoneyInputError> {
        let trimmed = text.trim();
        let without_unit = trimmed.strip_suffix("万元").or_else(|| trimmed.strip_suffix('万')).unwrap_or(trimmed);
        let normalised: String = without_unit.trim().chars().map(normalise_full_width).collect();
        Wan::parse_plain(&normalised)
    }

    /// Parses an amount as files write it (drafts, bundles, parameter sets): ASCII digits with at most one `.` and
    /// at most [`MAX_DECIMAL_PLACES`] decimals, nothing else — no blanks, unit, sign, full-width digit or
    /// separator (`docs/draft-format.md`). What people type is read by the lenient [`Wan::parse_input`].
    ///
    /// # Errors
    /// A [`MoneyInputError`], the same Chinese sentences as for typing.
    pub fn parse_plain(text: &str) -> Result<Wan, MoneyInputError> {
        if text.is_empty() {
            return Err(MoneyInputError::Empty);
        }
        // ASCII hyphen-minus, full-width minus (－, what a Chinese input method types) and the minus sign (−).
        if text.starts_with(['-', '－', '−']) {
            return Err(MoneyInputError::Negative);
        }
        if let Some(bad) = text.chars().find(|c| !c.is_ascii_digit() && *c != '.') {
            return Err(match bad {
                ',' | '，' | '、' => MoneyInputError::Separator(bad),
                ' ' | '　' | '\u{a0}' => MoneyInputError::Blank,
                _ => MoneyInputError::InvalidCharacter(bad),
            });
        }
        let mut parts = text.split('.');
        let whole = parts.next().unwrap_or_default();
        let fraction = parts.next();
        if parts.next().is_some() || whole.is_empty() || fraction == Some("") {
            return Err(MoneyInputError::Malformed);
        }
        let places = fraction.map_or(0, str::len);
        if places > MAX_DECIMAL_PLACES as usize {
            return Err(MoneyInputError::TooManyDecimals(places));
        }
        let value: Decimal = text.parse().map_err(|_| MoneyInputError::TooLarge)?;
        if value > max_amount() {
            return Err(MoneyInputError::TooLarge);
        }
        Ok(Wan(value.normalize()))
    }
}

fn normalise_full_width(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        '．' | '。' => '.',
        other => other,
    }
}

/// Which way a figure shown to people is rounded, by what it is (the crate's one rounding rule, [`round`]).
///
/// Every ratio or amount the notice bounds is a minimum (三.4 "整合的行业资金规模不得低于……衔接资金总量的50%",
/// 一.3 "衔接资金投入规模不低于4000万元"). A figure shown beside a minimum is rounded toward the rule's verdict,
/// never across it, so that the figure and the finding always agree:
/// - what the application **reaches** is rounded down: a share of 1999.99 / 4000 shows as 49.99 %, never 50 %,
///   because it does not reach 50 %;
/// - what the notice **requires** is rounded up to an amount one can enter: half of 4000.0001 万元 is stated as
///   2000.0001 万元, never 2000.00005 (a fifth decimal cannot be typed) or 2000 (which falls short).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rounding {
    /// A ratio the application reaches: down to [`RATIO_DECIMAL_PLACES`] places (0.01 %).
    Reached,
    /// An amount in 万元 the notice requires at least: up to [`MAX_DECIMAL_PLACES`] places (1 元), the smallest
    /// amount a user can enter, so that entering the amount shown satisfies the rule.
    Required,
}

/// Rounds a figure shown to people by the crate's one rounding rule ([`Rounding`]): a ratio reached goes down to
/// 0.0001, an amount required goes up to 0.0001 万元; trailing zeros are dropped. Shares are never negative and a
/// required amount is a minimum, so "down" and "up" are toward −∞ and +∞.
///
/// A rule compares exact amounts, or the required amount exactly as stated by this function (for amounts with at
/// most [`MAX_DECIMAL_PLACES`] decimals, as every amount entered is, the verdicts are the same).
pub fn round(value: Decimal, rounding: Rounding) -> Decimal {
    let (places, strategy) = match rounding {
        Rounding::Reached => (RATIO_DECIMAL_PLACES, RoundingStrategy::ToNegativeInfinity),
        Rounding::Required => (MAX_DECIMAL_PLACES, RoundingStrategy::ToPositiveInfinity),
    };
    value.round_dp_with_strategy(places, strategy).normalize()
}

/// A ratio as a percentage for people: rounded by [`round`] as a ratio reached, then shown ×100 with a `%` sign
/// (0.6 → `60%`, 0.4999 → `49.99%`, 0.4999975 → `49.99%`, never `50%`). The one way a share is written, in the app,
/// in `shenbao check` and in findings.
pub fn percent_text(ratio: Decimal) -> String {
    format!("{}%", (round(ratio, Rounding::Reached) * Decimal::ONE_HUNDRED).normalize())
}

impl fmt::Display for Wan {
    /// The plain decimal amount without trailing zeros, e.g. `2500` or `312.5`; no unit.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.normalize())
    }
}

// Arithmetic saturates at rust_decimal's bounds (about ±7.9 × 10²⁸) instead of panicking, because evaluation must
// never panic (a panic aborts the whole browser app). No amount read from input comes near: each is capped at
// `max_amount()`, so exactness holds for every sum a real application can make; only values built in code with
// `Wan::new` can reach the bounds.
impl Add for Wan {
    type Output = Wan;
    fn add(self, other: Wan) -> Wan {
        Wan(self.0.saturating_add(other.0))
    }
}

impl Sub for Wan {
    type Output = Wan;
    fn sub(self, other: Wan) -> Wan {
        Wan(self.0.saturating_sub(other.0))
    }
}

impl Sum for Wan {
    fn sum<I: Iterator<Item = Wan>>(iter: I) -> Wan {
        iter.fold(Wan::ZERO, Add::add)
    }
}

impl<'a> Sum<&'a Wan> for Wan {
    fn sum<I: Iterator<Item = &'a Wan>>(iter: I) -> Wan {
        iter.copied().sum()
    }
}

impl Serialize for Wan {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Wan {
    /// Reads only a JSON string holding a plain decimal, strictly ([`Wan::parse_plain`]): a file says `"500"`,
    /// never `"500万元"` or `"５００"`, so that every reader of the file reads the same amount.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Wan, D::Error> {
        let text = String::deserialize(deserializer)?;
        Wan::parse_plain(&text).map_err(|error| serde::de::Error::custom(format!("金额「{text}」无效：{error}")))
    }
}

/// Why a typed amount was refused. `Display` gives the Chinese message shown beside the field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyInputError {
    /// Nothing but blanks.
    #[error("请填写金额（万元）")]
    Empty,
    /// A minus sign.
    #[error("金额不能为负数")]
    Negative,
    /// A thousands separator (`,`, full-width `，` or `、`), as typed.
    #[error("请不要使用千位分隔符「{0}」，只填写数字和小数点，例如 2500 或 312.5")]
    Separator(char),
    /// A blank (space, full-width space or no-break space) inside the amount.
    #[error("金额中间不要有空格，只填写数字和小数点，例如 2500 或 312.5")]
    Blank,
    /// A character that is not a digit or a decimal point.
    #[error("含有无效字符「{0}」，请只填写数字和小数点（单位：万元），例如 2500 或 312.5")]
    InvalidCharacter(char),
    /// Two decimal points, or a point without digits around it.
    #[error("格式不正确，请填写如 2500 或 312.5 的数字（单位：万元）")]
    Malformed,
    /// More than four decimals.
    #[error("小数位数为 {0} 位，最多 4 位（0.0001 万元即 1 元）")]
    TooManyDecimals(usize),
    /// Above [`max_amount`].
    #[error("金额过大，请确认单位是万元")]
    TooLarge,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Result<&str, MoneyInputError>) {
        let got = Wan::parse_input(input).map(|wan| wan.to_string());
        assert_eq!(got, expected.map(str::to_owned), "input {input:?}");
    }

    #[test]
    fn parses_what_people_type() {
        check("2500", Ok("2500"));
        check(" 312.5 ", Ok("312.5"));
        check("0.0001", Ok("0.0001"));
        check("2500.00", Ok("2500"));
        check("２５００．５", Ok("2500.5"));
        check("4000万元", Ok("4000"));
        check("4000 万", Ok("4000"));
        check("0", Ok("0"));
    }

    #[test]
    fn refuses_everything_else() {
        check("", Err(MoneyInputError::Empty));
        check("万元", Err(MoneyInputError::Empty));
        check("-5", Err(MoneyInputError::Negative));
        check("12,3a", Err(MoneyInputError::Separator(',')));
        check("１，０００", Err(MoneyInputError::Separator('，')));
        check("１２，５", Err(MoneyInputError::Separator('，')));
        check("1 000", Err(MoneyInputError::Blank));
        check("1　000", Err(MoneyInputError::Blank));
        check("－5", Err(MoneyInputError::Negative));
        check("−5", Err(MoneyInputError::Negative));
        check("12a", Err(MoneyInputError::InvalidCharacter('a')));
        check("1.2.3", Err(MoneyInputError::Malformed));
        check(".5", Err(MoneyInputError::Malformed));
        check("5.", Err(MoneyInputError::Malformed));
        check("0.00001", Err(MoneyInputError::TooManyDecimals(5)));
        check("1000000000.0001", Err(MoneyInputError::TooLarge));
        check("99999999999999999999999999999999", Err(MoneyInputError::TooLarge));
    }

    #[test]
    fn serialises_as_string_and_refuses_numbers() {
        let wan = Wan::parse_input("312.5").unwrap();
        assert_eq!(serde_json::to_string(&wan).unwrap(), "\"312.5\"");
        assert_eq!(serde_json::from_str::<Wan>("\"312.50\"").unwrap(), wan);
        assert!(serde_json::from_str::<Wan>("312.5").is_err());
        assert!(serde_json::from_str::<Wan>("\"1e3\"").is_err());
    }

    #[test]
    fn files_hold_plain_amounts_only() {
        // What a person may type is not what a file may say (docs/draft-format.md: no sign, unit or separator).
        for (text, error) in [
            ("500万元", MoneyInputError::InvalidCharacter('万')),
            ("500万", MoneyInputError::InvalidCharacter('万')),
            ("５００", MoneyInputError::InvalidCharacter('５')),
            ("500．5", MoneyInputError::InvalidCharacter('．')),
            (" 500", MoneyInputError::Blank),
            ("500 ", MoneyInputError::Blank),
            ("+500", MoneyInputError::InvalidCharacter('+')),
            ("-500", MoneyInputError::Negative),
            ("1,000", MoneyInputError::Separator(',')),
            ("", MoneyInputError::Empty),
            ("0.00001", MoneyInputError::TooManyDecimals(5)),
        ] {
            assert_eq!(Wan::parse_plain(text), Err(error.clone()), "{text:?}");
            let json = serde_json::to_string(text).unwrap();
            let message = serde_json::from_str::<Wan>(&json).unwrap_err().to_string();
            assert!(message.starts_with(&format!("金额「{text}」无效：{error}")), "{message}");
        }
        assert_eq!(Wan::parse_plain("2500.0001").map(|w| w.to_string()), Ok("2500.0001".to_owned()));
        assert_eq!(Wan::parse_plain("312.50").map(|w| w.to_string()), Ok("312.5".to_owned()));
        // Typing stays lenient.
        assert_eq!(Wan::parse_input("５００万元").map(|w| w.to_string()), Ok("500".to_owned()));
    }

    #[test]
    fn shows_percentages_from_the_rounded_ratio() {
        assert_eq!(percent_text(Decimal::new(6, 1)), "60%");
        assert_eq!(percent_text(Decimal::new(4999, 4)), "49.99%");
        assert_eq!(percent_text(Decimal::ONE), "100%");
        // 三.4, 50 %: 1999.99 / 4000 万元 is below; it must not read 50% (the finding says it falls short).
        assert_eq!(percent_text(Decimal::new(199999, 2) / Decimal::from(4000)), "49.99%");
        assert_eq!(percent_text(Decimal::new(49995, 5)), "49.99%");
        assert_eq!(percent_text(Decimal::new(5, 1)), "50%");
        assert_eq!(percent_text(Decimal::new(20000001, 4) / Decimal::from(4000)), "50%");
    }

    #[test]
    fn arithmetic_saturates_instead_of_panicking() {
        let max = Wan::new(Decimal::MAX);
        assert_eq!(max + Wan::from_whole(1), max);
        assert_eq!(Wan::new(Decimal::MIN) - Wan::from_whole(1), Wan::new(Decimal::MIN));
        assert_eq!([max, max, Wan::from_whole(5)].iter().sum::<Wan>(), max);
        assert_eq!(max.times(Decimal::TWO), max);
        assert_eq!(Wan::from_whole(2500) + Wan::parse_input("0.0001").unwrap(), Wan::parse_input("2500.0001").unwrap());
    }

    #[test]
    fn rounds_a_share_reached_down_never_up_to_its_minimum() {
        let reached = |value: Decimal| round(value, Rounding::Reached).to_string();
        // Just below, at and just above 50 %.
        assert_eq!(reached(Decimal::new(49999999, 8)), "0.4999");
        assert_eq!(reached(Decimal::new(5, 1)), "0.5");
        assert_eq!(reached(Decimal::new(50000001, 8)), "0.5");
        assert_eq!(reached(Decimal::new(50019, 5)), "0.5001");
        assert_eq!(reached(Decimal::ONE / Decimal::from(3)), "0.3333");
        assert_eq!(reached(Decimal::TWO / Decimal::from(3)), "0.6666");
    }

    #[test]
    fn rounds_an_amount_required_up_to_one_yuan() {
        let required = |value: Decimal| round(value, Rounding::Required).to_string();
        // Half of an odd total: 4000.0001 × 0.5 = 2000.00005 is stated as an amount one can enter.
        assert_eq!(required(Decimal::new(400_00001, 4) * Decimal::new(5, 1)), "2000.0001");
        assert_eq!(required(Decimal::new(5, 5)), "0.0001");
        assert_eq!(required(Decimal::new(20000001, 4)), "2000.0001");
        assert_eq!(required(Decimal::from(2000)), "2000");
        assert_eq!(required(Decimal::new(200000001, 5)), "2000.0001");
    }
}
