//! Reference data: Shandong's cities and county-level units (GB/T 2260), from `crates/core/data/`.
//!
//! The CSV is copied from the project's shared reference folder with its README (sources and confidence). It is
//! compiled in, so the app works offline; an administrator updates it by replacing the file and rebuilding. The
//! crate's build script (`build.rs`) turns it into a static table: nothing parses CSV at run time, and a malformed
//! file fails the build.

/// One county-level unit with its prefecture-level city.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Division {
    /// 6-digit code of the city, e.g. `"371300"`.
    pub city_code: &'static str,
    /// e.g. `"临沂市"`.
    pub city_name: &'static str,
    /// 6-digit code of the county-level unit, e.g. `"371321"`.
    pub county_code: &'static str,
    /// e.g. `"沂南县"`.
    pub county_name: &'static str,
    /// 市辖区, 县级市 or 县.
    pub county_type: &'static str,
    /// On the Yellow River's main channel (column `along_yellow_river_mainstem`; medium confidence, see the data
    /// README).
    pub along_yellow_river: bool,
}

/// Every county-level unit of Shandong, in the file's order (by code).
pub fn divisions() -> &'static [Division] {
    const DIVISIONS: &[Division] = include!(concat!(env!("OUT_DIR"), "/divisions.rs"));
    DIVISIONS
}

/// The 16 cities as `(code, name)`, in code order.
pub fn cities() -> Vec<(&'static str, &'static str)> {
    let mut cities: Vec<(&str, &str)> = divisions().iter().map(|d| (d.city_code, d.city_name)).collect();
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
        assert_eq!((yinan.city_name, yinan.county_name), ("临沂市", "沂南县"));
        assert!(county("370104").unwrap().along_yellow_river);
        assert!(county("999999").is_none());
    }
}
