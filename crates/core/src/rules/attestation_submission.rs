//! 四.3 严格审核把关: "经县政府常务会议研究同意后，以县政府名义上报市乡村振兴局、市财政局。"

use super::{Context, Report, Rule, Step};
use crate::finding::Severity;

/// The county confirms that it submits in the county government's name to the city bureaus.
pub const RULE: Rule = Rule {
    id: "attestation_submission",
    clause: "四.3",
    severity: Severity::Blocking,
    step: Step::Attestations,
    summary: |_| "确认以县政府名义上报市乡村振兴局、市财政局".into(),
    check,
};

fn check(context: &Context<'_>, report: &mut Report<'_>) {
    if !context.application.attestations.submitted_by_county_government {
        report.missing(
            &RULE,
            "尚未确认：以县政府名义上报市乡村振兴局、市财政局。".into(),
            vec!["attestations.submitted_by_county_government".into()],
        );
    }
}
