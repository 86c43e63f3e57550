//! What each wizard step says before its questions: the clauses of the notice it implements, with the notice's
//! numbers taken from the parameter set, and the headings of its parts.

use crate::finding::Step;
use crate::money::{MAX_DECIMAL_PLACES, percent_text};
use crate::params::{ParameterSet, months_in_words};

impl Step {
    /// The step's number in the wizard, 1–7 (核对与导出 is 8).
    pub fn number(self) -> usize {
        Step::ALL.iter().position(|step| *step == self).map_or(0, |index| index + 1)
    }

    /// The step's heading: `5. 资金筹措`.
    pub fn heading(self) -> String {
        format!("{}. {}", self.number(), self.title())
    }
}

/// The paragraphs that open a step's page: the clauses it implements, quoted with the numbers of `params`.
pub fn intro(step: Step, params: &ParameterSet) -> Vec<String> {
    match step {
        Step::Applicant => vec![
            "通知一.3：每个省乡村振兴重点帮扶县推荐1个衔接推进区；不涉及重点县的市各选择一个县（市、区）推荐1个，优先安排符合条件的沿黄县（市、区）。"
                .into(),
        ],
        Step::Villages => vec![format!(
            "通知三：衔接推进区覆盖行政村原则上不低于{}个。三.2：村庄应属于集聚提升类或特色保护类，不能纳入城中村以及城郊融合类、搬迁撤并类村庄；应当编制多规合一的村庄规划。",
            params.min_villages.value
        )],
        Step::Industries => vec![format!(
            "通知三.1：衔接推进区内应有符合县级产业振兴规划、产业链条具有延伸潜力、市场前景较好的{}-{}个特色优势农业产业。",
            params.min_featured_industries.value, params.max_featured_industries.value
        )],
        Step::Projects => vec![
            format!(
                "通知四.3：原则上按{}期限编制实施规划，明确实施项目、责任部门、资金来源、实施期限等内容。",
                months_in_words(params.plan_months.value)
            ),
            "通知二：重点围绕产业发展、乡村建设、乡村治理、人才培养、就业带动、巩固成果六大内容。".into(),
        ],
        Step::Funds => vec![
            format!(
                "通知一.3：重点县衔接资金{}万元，从省级以上衔接资金中专门安排；其他县衔接资金不低于{}万元，省级以上按东、中、西{}、{}、{}万元定额补助，其余由市县两级安排。",
                params.key_county_linkage_funds.value,
                params.non_key_min_linkage_total.value,
                params.fixed_subsidy_east.value,
                params.fixed_subsidy_central.value,
                params.fixed_subsidy_west.value
            ),
            format!(
                "三.4：整合的行业资金规模不得低于各级衔接资金总量的{}。金额单位均为万元，最多{MAX_DECIMAL_PLACES}位小数。",
                percent_text(params.sector_funds_min_share.value)
            ),
        ],
        Step::Governance => vec![
            "通知三.3：县级党委、政府高度重视，主要负责同志亲自研究部署，建立由分管领导挂帅，乡村振兴局、财政局牵头的常态化工作协调机制，并成立工作专班。"
                .into(),
            "四.3：经县政府常务会议研究同意后，以县政府名义上报市乡村振兴局、市财政局。".into(),
        ],
        Step::Attestations => vec!["请逐项确认。确认的内容随申报包一并签名报送。".into()],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_numbered_in_wizard_order() {
        assert_eq!(Step::Applicant.heading(), "1. 申报县基本情况");
        assert_eq!(Step::Attestations.heading(), "7. 承诺事项");
    }
}
