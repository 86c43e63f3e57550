//! Reference data: Shandong's cities and county-level units (GB/T 2260), from `crates/core/data/`.
//!
//! The CSV is copied from the project's shared reference folder with its README (sources and confidence). It is
//! compiled in, so the app works offline; an administrator updates it by replacing the file and rebuilding.

use std::sync::OnceLock;

use serde::Deserialize;

const DIVISIONS_CSV: &str = include_str!("../data/shandong-divisions.csv");

/// One county-level unit with its prefecture-level city.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Division {
    /// 6-digit code of the city, e.g. `"371300"`.
    pub city_code: String,
    /// e.g. `"临沂市"`.
    pub city_name: String,
    /// 6-digit code of the county-level unit, e.g. `"371321"`.
    pub county_code: String,
    /// e.g. `"沂南县"`.
    pub county_name: String,
    /// 市辖区, 县级市 or 县.
    pub county_type: String,
    /// On the Yellow River's main channel (medium confidence, see the data README).
    #[serde(rename = "along_yellow_river_mainstem", deserialize_with = "yes_no")]
    pub along_yellow_river: bool,
}

fn yes_no<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    match String::deserialize(deserializer)?.as_str() {
        "yes" => Ok(true),
        "no" => Ok(false),
        other => Err(serde::de::Error::custom(format!("expected yes or no, got {other:?}"))),
    }
}

/// Every county-level unit of Shandong, in the file's order (by code).
pub fn divisions() -> &'static [Division] {
    static DIVISIONS: OnceLock<Vec<Division>> = OnceLock::new();
    DIVISIONS.get_or_init(|| {
        csv::Reader::from_reader(DIVISIONS_CSV.as_bytes()).deserialize().filter_map(Result::ok).collect()
    })
}

/// The 16 cities as `(code, name)`, in code order.
pub fn cities() -> Vec<(&'static str, &'static str)> {
    let mut cities: Vec<(&str, &str)> =
        divisions().iter().map(|d| (d.city_code.as_str(), d.city_name.as_str())).collect();
    cities.dedup();
    cities
}

/// The county-level units of one city, in code order.
pub fn counties_of(city_code: &str) -> impl Iterator<Item = &'static Division> {
    let city_code = city_code.to_owned();
    divisions().iter().filter(move |d| d.city_code == city_code)
}

/// The county-level unit with this code, if it is in Shandong's list.
pub fn county(county_code: &str) -> Option<&'static Division> {
    divisions().iter().find(|d| d.county_code == county_code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_sixteen_cities_and_136_counties() {
        assert_eq!(divisions().len(), 136);
        assert_eq!(cities().len(), 16);
        assert_eq!(counties_of("370100").count(), 12);
    }

    #[test]
    fn finds_a_county_by_code() {
        let yinan = county("371321").unwrap();
        assert_eq!((yinan.city_name.as_str(), yinan.county_name.as_str()), ("临沂市", "沂南县"));
        assert!(county("370104").unwrap().along_yellow_river);
        assert!(county("999999").is_none());
    }
}
