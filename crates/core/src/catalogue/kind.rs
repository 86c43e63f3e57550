//! Kinds of answer, and the one reader of typed text.

use super::Answer;
use crate::input::{InputError, YearMonth, parse_count_input, parse_date_input};
use crate::money::{MoneyInputError, Wan};

/// The kind of a field's answer. It decides the widget the form uses, how typed text is read, and the unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// One line of free text.
    Text,
    /// Several lines of free text.
    LongText,
    /// A code typed as digits, kept as typed (a village's 12-digit code); the rules check it.
    Code,
    /// A telephone number, kept as typed.
    Phone,
    /// One of a list of options, in a drop-down list.
    Select,
    /// One of a few options, as radio buttons.
    Radios,
    /// 是 or 否, as two radio buttons.
    YesNo,
    /// A tick box.
    Flag,
    /// An amount in 万元, at most four decimals ([`Wan::parse_input`]).
    Amount,
    /// A whole number of people ([`parse_count_input`]).
    Count,
    /// A date ([`parse_date_input`]).
    Date,
    /// A month ([`YearMonth::parse_input`]).
    Month,
}

/// Why typed text is not a value of its field's kind; `Display` is the Chinese reason, e.g.
/// `请不要使用千位分隔符「,」，只填写数字和小数点，例如 2500 或 312.5`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InputProblem {
    /// Not an amount.
    #[error(transparent)]
    Amount(#[from] MoneyInputError),
    /// Not a date, month or count.
    #[error(transparent)]
    Input(#[from] InputError),
}

impl Kind {
    /// True for the kinds whose typed text is read into a value (amounts, counts, dates, months): text that cannot
    /// be read is kept as a pending input (`Draft::pending_inputs`) until it is corrected.
    pub fn is_typed(self) -> bool {
        matches!(self, Kind::Amount | Kind::Count | Kind::Date | Kind::Month)
    }

    /// True for the kinds answered by choosing among options (drop-down list, radio buttons).
    pub fn is_choice(self) -> bool {
        matches!(self, Kind::Select | Kind::Radios)
    }

    /// The unit shown after the value: 万元 for amounts, 人 for counts.
    pub fn unit(self) -> Option<&'static str> {
        match self {
            Kind::Amount => Some("万元"),
            Kind::Count => Some("人"),
            _ => None,
        }
    }

    /// The answer of this kind that is empty (nothing typed, chosen or ticked).
    pub fn empty(self) -> Answer {
        match self {
            Kind::Text | Kind::LongText | Kind::Code | Kind::Phone => Answer::Text(String::new()),
            Kind::Select | Kind::Radios => Answer::Choice(None),
            Kind::YesNo => Answer::YesNo(None),
            Kind::Flag => Answer::Flag(false),
            Kind::Amount => Answer::Amount(None),
            Kind::Count => Answer::Count(None),
            Kind::Date => Answer::Date(None),
            Kind::Month => Answer::Month(None),
        }
    }

    /// Reads the text of a form control as an answer of this kind: typed text through its parser (blank text is
    /// the empty answer), a choice's key, `yes`/`no`, `true`/`false`, free text as it is.
    ///
    /// # Errors
    /// [`InputProblem`] when typed text is not a value of the kind (a malformed amount, an impossible date…).
    pub fn parse(self, text: &str) -> Result<Answer, InputProblem> {
        if self.is_typed() && text.trim().is_empty() {
            return Ok(self.empty());
        }
        Ok(match self {
            Kind::Text | Kind::LongText | Kind::Code | Kind::Phone => Answer::Text(text.to_owned()),
            Kind::Select | Kind::Radios => Answer::Choice((!text.is_empty()).then(|| text.to_owned())),
            Kind::YesNo => Answer::YesNo(match text {
                "yes" => Some(true),
                "no" => Some(false),
                _ => None,
            }),
            Kind::Flag => Answer::Flag(text == "true"),
            Kind::Amount => Answer::Amount(Some(Wan::parse_input(text)?)),
            Kind::Count => Answer::Count(Some(parse_count_input(text)?)),
            Kind::Date => Answer::Date(Some(parse_date_input(text)?)),
            Kind::Month => Answer::Month(Some(YearMonth::parse_input(text)?)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_text_is_read_by_the_kind_s_parser() {
        assert_eq!(Kind::Amount.parse("２５００"), Ok(Answer::Amount(Some(Wan::from_whole(2500)))));
        assert_eq!(Kind::Count.parse(" 12人"), Ok(Answer::Count(Some(12))));
        assert_eq!(Kind::Month.parse("2023年1月").map(|a| a.form_text()), Ok("2023-01".to_owned()));
        assert_eq!(Kind::Date.parse("2022/11/25").map(|a| a.form_text()), Ok("2022-11-25".to_owned()));
        assert_eq!(Kind::Amount.parse("  "), Ok(Answer::Amount(None)));
        assert_eq!(
            Kind::Amount.parse("12,5").map_err(|e| e.to_string()),
            Err("请不要使用千位分隔符「,」，只填写数字和小数点，例如 2500 或 312.5".to_owned())
        );
        assert_eq!(Kind::Date.parse("2022-02-30"), Err(InputProblem::Input(InputError::Date)));
    }

    #[test]
    fn form_text_reads_back_as_the_same_answer() {
        for (kind, text) in [
            (Kind::YesNo, "yes"),
            (Kind::YesNo, "no"),
            (Kind::YesNo, ""),
            (Kind::Flag, "true"),
            (Kind::Flag, "false"),
            (Kind::Select, "agglomeration"),
            (Kind::Select, ""),
            (Kind::Amount, "312.5"),
            (Kind::Count, "1260"),
            (Kind::Text, " 东村 "),
        ] {
            assert_eq!(kind.parse(text).map(|answer| answer.form_text()), Ok(text.to_owned()), "{kind:?} {text}");
        }
    }
}
