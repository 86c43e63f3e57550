//! 四.3 严格审核把关: "明确实施项目、责任部门、资金来源、实施期限等内容"
//!
//! **Not a requirement the notice states.** The notice says nothing about how amounts, dates or counts are written;
//! this rule is the tool's own. A field whose typed text is not yet a valid value keeps that text in the draft
//! (nothing typed is lost) and blocks until it is corrected, because the application would otherwise go out with
//! the field empty while the county believes it filled it in.
//!
//! Why 四.3 is cited all the same: every finding names a clause (the app shows it as 通知条款, `shenbao check` and
//! bundles record it), and 四.3 is the clause an unreadable value defeats — the plan must 明确 (state definitely)
//! its projects' funding sources and periods so that the city can 严格审核, and a value that cannot be read states
//! nothing. The message names the field and what is wrong with the text; it does not claim the notice asks for a
//! format.

use super::{Context, Report, Rule, Step};
use crate::catalogue::{describe, parse_path};
use crate::finding::Severity;

/// Typed text that is not a valid amount, date, month or count blocks (the tool's own rule; see the header).
pub const RULE: Rule = Rule {
    id: "input_format",
    clause: "四.3",
    severity: Severity::Blocking,
    step: Step::Applicant,
    summary: |_| {
        format!(
            "金额、日期、年月、人数须填写为能读出的有效值（本工具的要求，金额单位万元，最多{}位小数）",
            crate::money::MAX_DECIMAL_PLACES
        )
    },
    check,
};

/// One blocking finding per field whose typed text could not be read ([`Context::pending_inputs`]); about the
/// field, so that a justification can never be filed for it. The field's step is where it is fixed.
fn check(context: &Context<'_>, report: &mut Report<'_>) {
    for (field, text) in context.pending_inputs {
        let finding = report.problem(&RULE, message(field, text), vec![field.clone()]);
        super::about(finding, field);
    }
}

/// `金融信贷资金填写为「12,5」，尚未保存为有效值：请不要使用千位分隔符…`: the field in words, the text, and what the
/// field's kind says is wrong with it.
fn message(field: &str, text: &str) -> String {
    let name = describe(field).unwrap_or_else(|| format!("字段 {field} "));
    let reason = parse_path(field).and_then(|(field, _)| field.kind().parse(text).err());
    match reason {
        Some(reason) => format!("{name}填写为「{text}」，尚未保存为有效值：{reason}。"),
        None => format!("{name}填写为「{text}」，格式不正确，尚未保存为有效值。请按提示改正。"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message_of(field: &str, text: &str) -> String {
        message(field, text)
    }

    #[test]
    fn the_message_names_the_field_and_what_is_wrong() {
        assert_eq!(
            message_of("funds.loans", "12,5"),
            "金融信贷资金填写为「12,5」，尚未保存为有效值：请不要使用千位分隔符「,」，只填写数字和小数点，例如 2500 或 312.5。"
        );
        assert_eq!(
            message_of("villages[3].population", "八百"),
            "第4个村的户籍人口填写为「八百」，尚未保存为有效值：请填写整数，如 1260。"
        );
        assert_eq!(
            message_of("governance.executive_meeting_date", "2022年13月1日"),
            "县政府常务会议日期填写为「2022年13月1日」，尚未保存为有效值：请填写有效日期，如 2022-11-25。"
        );
        assert_eq!(
            message_of("projects[0].start", "明年"),
            "第1个项目的实施期限开始年月填写为「明年」，尚未保存为有效值：请填写有效年月，如 2023-01。"
        );
        assert!(message_of("projects[1].funding.sector", "1e3").starts_with("第2个项目的整合行业资金填写为「1e3」"));
    }

    #[test]
    fn an_unknown_field_or_readable_text_still_gives_a_message() {
        assert_eq!(
            message_of("funds.gold", "x"),
            "字段 funds.gold 填写为「x」，格式不正确，尚未保存为有效值。请按提示改正。"
        );
        assert_eq!(
            message_of("funds.loans", "12"),
            "金融信贷资金填写为「12」，格式不正确，尚未保存为有效值。请按提示改正。"
        );
    }
}
