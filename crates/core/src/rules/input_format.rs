//! 四.3 严格审核把关: "明确实施项目、责任部门、资金来源、实施期限等内容"
//!
//! Amounts, dates and counts must be readable to be clear. A field whose typed text is not yet a valid value keeps
//! that text in the draft (nothing typed is lost) and blocks until it is corrected.

use std::collections::BTreeMap;

use super::{Context, Report, Rule, Step};
use crate::evaluation::{Finding, FindingKind, Severity};

/// Typed text that is not a valid amount, date, month or count blocks.
pub const RULE: Rule = Rule {
    id: "input_format",
    clause: "四.3",
    severity: Severity::Blocking,
    step: Step::Applicant,
    summary: "金额、日期、年月、人数须按格式填写（金额单位万元，最多4位小数）",
    check,
};

/// Applications hold only valid values; the findings come from a draft's pending inputs, see [`findings`].
fn check(_context: &Context<'_>, _report: &mut Report) {}

/// One blocking finding per field whose text could not be read; `pending` maps field path to the typed text.
pub fn findings(pending: &BTreeMap<String, String>) -> Vec<Finding> {
    pending
        .iter()
        .map(|(field, text)| Finding {
            rule: RULE.id.to_owned(),
            clause: RULE.clause.to_owned(),
            severity: RULE.severity,
            message: format!("填写的「{text}」格式不正确，尚未保存为有效值。请按提示改正。"),
            fields: vec![field.clone()],
            subject: Some(field.clone()),
            kind: FindingKind::Problem,
        })
        .collect()
}
