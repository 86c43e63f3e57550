//! 一.3 目标任务: "每个省乡村振兴重点帮扶县……推荐1个衔接推进区；不涉及重点县的12个市各选择一个县（市、区）推荐1个衔接推进区"
//!
//! An application is made by one county-level unit of Shandong, named by its GB/T 2260 code; the city and county
//! names it carries are those of that code.

use super::{Context, Report, Rule, Step};
use crate::finding::Severity;
use crate::reference;

/// The applicant county is chosen from Shandong's list.
pub const RULE: Rule = Rule {
    id: "county_selected",
    clause: "一.3",
    severity: Severity::Blocking,
    step: Step::Applicant,
    summary: |_| "选择申报县（市、区），须为山东省县级行政区划".into(),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    let applicant = &context.application.applicant;
    if applicant.county_code.trim().is_empty() {
        report.missing(
            &RULE,
            "尚未选择申报县（市、区）。请在「申报县基本情况」中先选择所在市，再选择县（市、区）。".into(),
            vec!["applicant.county_code".into()],
        );
        return;
    }
    match reference::county(applicant.county_code.trim()) {
        None => {
            report.problem(
                &RULE,
                format!(
                    "区划代码「{}」不是山东省的县级行政区划。请从列表中重新选择县（市、区）。",
                    applicant.county_code
                ),
                vec!["applicant.county_code".into()],
            );
        }
        Some(county) if !applicant.city_code.is_empty() && county.city_code != applicant.city_code => {
            report.problem(
                &RULE,
                format!(
                    "{}不属于所选的市（代码 {}），应属于{}。请重新选择所在市和县（市、区）。",
                    county.county_name, applicant.city_code, county.city_name
                ),
                vec!["applicant.city_code".into(), "applicant.county_code".into()],
            );
        }
        Some(county) => {
            // The names are shown to reviewers beside the code; the form fills them from the list, so a name that
            // is not its code's was written into the file by hand.
            let (county_name, city_name) = (applicant.county_name.trim(), applicant.city_name.trim());
            if (!county_name.is_empty() && county_name != county.county_name)
                || (!city_name.is_empty() && city_name != county.city_name)
            {
                report.problem(
                    &RULE,
                    format!(
                        "申报县填写为「{city_name}{county_name}」，与区划代码 {}（{}{}）不符。请在「申报县基本情况」中重新选择所在市和县（市、区）。",
                        county.county_code, county.city_name, county.county_name
                    ),
                    vec!["applicant.county_code".into()],
                );
            }
        }
    }
}
