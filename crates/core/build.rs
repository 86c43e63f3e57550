//! Turns the reference data (`data/shandong-divisions.csv`, the single source of truth) into a static Rust table,
//! so that the core reads no CSV at run time and the app's wasm carries no CSV parser. A malformed file fails the
//! build, naming the line.

use std::fmt::Write as _;
use std::path::Path;

const CSV: &str = "data/shandong-divisions.csv";
const HEADER: [&str; 6] =
    ["city_code", "city_name", "county_code", "county_name", "county_type", "along_yellow_river_mainstem"];

fn main() {
    println!("cargo::rerun-if-changed={CSV}");
    let mut reader = csv::Reader::from_path(CSV).unwrap_or_else(|error| panic!("{CSV}: {error}"));
    let header = reader.headers().unwrap_or_else(|error| panic!("{CSV}: {error}")).clone();
    assert!(header.iter().eq(HEADER), "{CSV}: the header must be {}", HEADER.join(","));
    let mut table = String::from("&[\n");
    for (index, record) in reader.records().enumerate() {
        let line = index + 2;
        let record = record.unwrap_or_else(|error| panic!("{CSV}, line {line}: {error}"));
        let field = |i: usize| record.get(i).unwrap_or_else(|| panic!("{CSV}, line {line}: {} is missing", HEADER[i]));
        let along_yellow_river = match field(5) {
            "yes" => true,
            "no" => false,
            other => panic!("{CSV}, line {line}: expected yes or no, got {other:?}"),
        };
        writeln!(
            table,
            "    Division {{ city_code: {:?}, city_name: {:?}, county_code: {:?}, county_name: {:?}, \
             county_type: {:?}, along_yellow_river: {along_yellow_river} }},",
            field(0),
            field(1),
            field(2),
            field(3),
            field(4),
        )
        .unwrap_or_else(|error| panic!("{error}"));
    }
    table.push_str("]\n");
    let out = std::env::var_os("OUT_DIR").unwrap_or_else(|| panic!("cargo sets OUT_DIR"));
    std::fs::write(Path::new(&out).join("divisions.rs"), table).unwrap_or_else(|error| panic!("{error}"));
}
