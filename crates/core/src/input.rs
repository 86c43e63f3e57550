//! Parsing what people type into date, month and count fields, with Chinese error messages.
//!
//! Money has its own parser, [`crate::money::Wan::parse_input`]. All parsers here accept ASCII or full-width
//! digits and the separators people use in Chinese documents (`2022-11-25`, `2022/11/25`, `2022.11.25`,
//! `2022年11月25日`).

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar month, serialised as `"YYYY-MM"`: the unit of implementation periods (实施期限).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    year: i32,
    month: u32,
}

impl YearMonth {
    /// A month; `None` unless `month` is 1–12 and `year` is 2000–2100 (the span a plan can sensibly cover).
    pub fn new(year: i32, month: u32) -> Option<YearMonth> {
        ((1..=12).contains(&month) && (2000..=2100).contains(&year)).then_some(YearMonth { year, month })
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u32 {
        self.month
    }

    /// Months from `self` to `end`, both included: 2023-01 to 2024-12 is 24. Zero or negative when `end` is
    /// before `self`.
    pub fn months_through(self, end: YearMonth) -> i32 {
        (end.year - self.year) * 12 + end.month as i32 - self.month as i32 + 1
    }

    /// The month a date falls in.
    pub fn of_date(date: NaiveDate) -> YearMonth {
        YearMonth { year: date.year(), month: date.month() }
    }

    /// Parses `2023-01`, `2023/1`, `2023.01` or `2023年1月`.
    ///
    /// # Errors
    /// [`InputError`] with a Chinese message.
    pub fn parse_input(text: &str) -> Result<YearMonth, InputError> {
        let numbers = numbers_in(text).ok_or(InputError::Month)?;
        match numbers.as_slice() {
            [year, month] => YearMonth::new(*year as i32, *month).ok_or(InputError::Month),
            _ => Err(InputError::Month),
        }
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for YearMonth {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<YearMonth, D::Error> {
        let text = String::deserialize(deserializer)?;
        let strict = text.len() == 7 && text.as_bytes()[4] == b'-';
        YearMonth::parse_input(&text)
            .ok()
            .filter(|_| strict)
            .ok_or_else(|| serde::de::Error::custom(format!("月份「{text}」应写作 YYYY-MM")))
    }
}

/// Parses a date typed as `2022-11-25`, `2022/11/25`, `2022.11.25` or `2022年11月25日`.
///
/// # Errors
/// [`InputError::Date`] when it is not a real calendar date between 2000 and 2100.
pub fn parse_date_input(text: &str) -> Result<NaiveDate, InputError> {
    let numbers = numbers_in(text).ok_or(InputError::Date)?;
    match numbers.as_slice() {
        [year, month, day] if (2000..=2100).contains(year) => {
            NaiveDate::from_ymd_opt(*year as i32, *month, *day).ok_or(InputError::Date)
        }
        _ => Err(InputError::Date),
    }
}

/// Parses a count of people or households: a whole number, no sign.
///
/// # Errors
/// [`InputError::Count`].
pub fn parse_count_input(text: &str) -> Result<u32, InputError> {
    let normalised: String = text.trim().chars().map(full_width_digit).collect();
    let normalised = normalised.strip_suffix('人').unwrap_or(&normalised).trim();
    if normalised.is_empty() || !normalised.chars().all(|c| c.is_ascii_digit()) {
        return Err(InputError::Count);
    }
    normalised.parse().map_err(|_| InputError::Count)
}

/// The runs of digits in `text`, when everything else is a separator people use in dates.
fn numbers_in(text: &str) -> Option<Vec<u32>> {
    let normalised: String = text.trim().chars().map(full_width_digit).collect();
    let mut numbers = Vec::new();
    let mut current = String::new();
    for c in normalised.chars() {
        if c.is_ascii_digit() {
            current.push(c);
        } else if matches!(c, '-' | '/' | '.' | '年' | '月' | '日' | '．' | '－' | '／') {
            if !current.is_empty() {
                numbers.push(current.parse().ok()?);
                current.clear();
            }
        } else {
            return None;
        }
    }
    if !current.is_empty() {
        numbers.push(current.parse().ok()?);
    }
    Some(numbers)
}

/// The text with full-width digits (`０`–`９`, as Chinese input methods type them) written as ASCII digits; every
/// other character is kept. For codes such as a village's 12-digit code, which the app stores as typed.
pub fn ascii_digits(text: &str) -> String {
    text.chars().map(full_width_digit).collect()
}

fn full_width_digit(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        other => other,
    }
}

/// Why a typed date, month or count was refused; `Display` is the Chinese message shown beside the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    /// Not a calendar date.
    #[error("请填写有效日期，如 2022-11-25")]
    Date,
    /// Not a month.
    #[error("请填写有效年月，如 2023-01")]
    Month,
    /// Not a whole number.
    #[error("请填写整数，如 1260")]
    Count,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_parse_in_the_usual_forms() {
        for text in ["2023-01", "2023/1", "2023.01", "2023年1月", "２０２３－０１"] {
            assert_eq!(YearMonth::parse_input(text).map(|m| m.to_string()), Ok("2023-01".to_owned()), "{text}");
        }
        for text in ["2023-13", "2023", "23-01", "2023-01-05", "一月", ""] {
            assert_eq!(YearMonth::parse_input(text), Err(InputError::Month), "{text}");
        }
    }

    #[test]
    fn months_count_both_ends() {
        let start = YearMonth::new(2023, 1).unwrap();
        assert_eq!(start.months_through(YearMonth::new(2024, 12).unwrap()), 24);
        assert_eq!(start.months_through(YearMonth::new(2023, 1).unwrap()), 1);
        assert_eq!(start.months_through(YearMonth::new(2022, 12).unwrap()), 0);
    }

    #[test]
    fn dates_parse_and_refuse_impossible_days() {
        assert_eq!(parse_date_input("2022年11月25日").map(|d| d.to_string()), Ok("2022-11-25".to_owned()));
        assert_eq!(parse_date_input("2022/2/28").map(|d| d.to_string()), Ok("2022-02-28".to_owned()));
        assert_eq!(parse_date_input("2022-02-30"), Err(InputError::Date));
        assert_eq!(parse_date_input("11/25/2022"), Err(InputError::Date));
    }

    #[test]
    fn full_width_digits_become_ascii() {
        assert_eq!(ascii_digits("３７０１２４１００００１"), "370124100001");
        assert_eq!(ascii_digits("37０1-２a"), "3701-2a");
    }

    #[test]
    fn counts_are_whole_numbers() {
        assert_eq!(parse_count_input(" 1260 "), Ok(1260));
        assert_eq!(parse_count_input("１２人"), Ok(12));
        assert_eq!(parse_count_input("12.5"), Err(InputError::Count));
        assert_eq!(parse_count_input("-1"), Err(InputError::Count));
    }
}
