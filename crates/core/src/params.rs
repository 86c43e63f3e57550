//! The notice's numbers as one parameter set, each value with the clause it comes from.
//!
//! A later batch's notice is a new JSON file in `crates/core/params/`, not new code. The set is identified by its
//! `id` and by the SHA-256 of its RFC 8785 canonical form ([`ParameterSet::sha256`]), which a signed bundle records.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::model::RegionTier;
use crate::money::Wan;

/// A number of the notice with its citation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Param<T> {
    /// The value.
    pub value: T,
    /// The clause it is quoted from, e.g. `"三.4"`.
    pub clause: String,
    /// What the value means, in Chinese.
    pub description: String,
}

/// Every number of one notice the rules use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParameterSet {
    /// Stable identifier, e.g. `"lu-xiangzhenfa-2022-26"`.
    pub id: String,
    /// The notice number, e.g. `"鲁乡振发〔2022〕26号"`.
    pub notice: String,
    /// The notice's title.
    pub title: String,
    /// When the notice was issued.
    pub issued_on: NaiveDate,
    /// The year areas are recommended for (plans start in it).
    pub batch_year: Param<i32>,
    /// Linkage funds of a key county's area, all provincial-and-above (万元).
    pub key_county_linkage_funds: Param<Wan>,
    /// Minimum total linkage funds of a non-key county's area (万元).
    pub non_key_min_linkage_total: Param<Wan>,
    /// Fixed provincial subsidy of an east-tier county (万元).
    pub fixed_subsidy_east: Param<Wan>,
    /// Fixed provincial subsidy of a central-tier county (万元).
    pub fixed_subsidy_central: Param<Wan>,
    /// Fixed provincial subsidy of a west-tier county (万元).
    pub fixed_subsidy_west: Param<Wan>,
    /// Minimum number of administrative villages, in principle.
    pub min_villages: Param<u32>,
    /// Fewest featured industries.
    pub min_featured_industries: Param<u32>,
    /// Most featured industries.
    pub max_featured_industries: Param<u32>,
    /// Minimum ratio of integrated sector funds to all linkage funds, e.g. 0.5.
    #[serde(with = "param_decimal")]
    pub sector_funds_min_share: Param<Decimal>,
    /// Length of the implementation plan in months, in principle.
    pub plan_months: Param<u32>,
    /// Date by which cities submit to the province.
    pub city_submission_deadline: Param<NaiveDate>,
}

/// The parameter set of 鲁乡振发〔2022〕26号, the second batch.
const SECOND_BATCH_2022_JSON: &str = include_str!("../params/lu-xiangzhenfa-2022-26.json");

impl ParameterSet {
    /// The parameters of 鲁乡振发〔2022〕26号 (second batch of promotion areas).
    pub fn second_batch_2022() -> ParameterSet {
        #[allow(clippy::expect_used)]
        serde_json::from_str(SECOND_BATCH_2022_JSON).expect("the built-in parameter file is valid (tested)")
    }

    /// A built-in parameter set by id, or `None` if this app does not know it.
    pub fn builtin(id: &str) -> Option<ParameterSet> {
        let set = ParameterSet::second_batch_2022();
        (set.id == id).then_some(set)
    }

    /// The fixed provincial subsidy of a non-key county of the given tier (一.3).
    pub fn fixed_subsidy(&self, tier: RegionTier) -> &Param<Wan> {
        match tier {
            RegionTier::East => &self.fixed_subsidy_east,
            RegionTier::Central => &self.fixed_subsidy_central,
            RegionTier::West => &self.fixed_subsidy_west,
        }
    }

    /// Lower-case hex SHA-256 of the set's RFC 8785 canonical JSON: what a bundle records to name the rules used.
    pub fn sha256(&self) -> String {
        let value = serde_json::to_value(self).unwrap_or_default();
        crate::json::sha256_hex(crate::json::canonical_json(&value).as_bytes())
    }
}

/// A plan length in words, as the notice says it: 24 → `2年`, 18 → `18个月`.
pub fn months_in_words(months: u32) -> String {
    if months > 0 && months.is_multiple_of(12) { format!("{}年", months / 12) } else { format!("{months}个月") }
}

/// Decimals inside parameters are strings, like money.
mod param_decimal {
    use super::Param;
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Serialize, Deserialize)]
    struct Text {
        value: String,
        clause: String,
        description: String,
    }

    pub fn serialize<S: Serializer>(param: &Param<Decimal>, serializer: S) -> Result<S::Ok, S::Error> {
        Text {
            value: param.value.normalize().to_string(),
            clause: param.clause.clone(),
            description: param.description.clone(),
        }
        .serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Param<Decimal>, D::Error> {
        let text = Text::deserialize(deserializer)?;
        let value = text.value.parse().map_err(serde::de::Error::custom)?;
        Ok(Param { value, clause: text.clause, description: text.description })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_set_parses_and_cites_its_clauses() {
        let set = ParameterSet::second_batch_2022();
        assert_eq!(set.key_county_linkage_funds.value, Wan::from_whole(5000));
        assert_eq!(set.fixed_subsidy(RegionTier::Central).value, Wan::from_whole(2500));
        assert_eq!(set.sector_funds_min_share.value, Decimal::new(5, 1));
        assert_eq!(set.sector_funds_min_share.clause, "三.4");
        assert_eq!(set.min_villages.value, 10);
        assert_eq!(set.city_submission_deadline.value.to_string(), "2022-12-10");
    }

    #[test]
    fn its_digest_is_stable_and_round_trips() {
        let set = ParameterSet::second_batch_2022();
        let again: ParameterSet = serde_json::from_value(serde_json::to_value(&set).unwrap()).unwrap();
        assert_eq!(set, again);
        assert_eq!(set.sha256(), again.sha256());
        assert_eq!(set.sha256().len(), 64);
    }
}
