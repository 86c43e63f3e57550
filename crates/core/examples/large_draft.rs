//! Writes the benchmark's large draft to standard output: `sample::large(60, 200)` in a draft file, about the
//! largest application a county would enter. `make bench` imports it into the app through `#import-file`.
//!
//! `sample::large` leaves the linkage funds 1500 万元 short of the notice's 4000 万元 (one blocking finding); the
//! benchmark also times export-and-sign, which needs a ready draft, so the county adds 1500 万元 of county
//! linkage funds (7.5 万元 per project) and 600 万元 more sector funds (3 万元 per project): linkage 4000, sector
//! 2000 (exactly 50%), every source consistent with the project list. The evaluation does the same work either way.
//!
//! `cargo run -p shenbao-core --example large_draft > large-60-200.json`

use chrono::DateTime;
use rust_decimal::Decimal;
use shenbao_core::assessment::evaluate_draft;
use shenbao_core::draft::Draft;
use shenbao_core::model::FundingSource;
use shenbao_core::{ParameterSet, Status, Wan, sample};

fn main() {
    let params = ParameterSet::second_batch_2022();
    let mut draft = Draft::new("基准：60个村 200个项目", &params, DateTime::default());
    let mut application = sample::large(60, 200);
    let per_project_county = Wan::new(Decimal::new(75, 1));
    let per_project_sector = Wan::from_whole(3);
    let mut county_total = Wan::default();
    let mut sector_extra = Wan::default();
    for project in &mut application.projects {
        project.funding.insert(FundingSource::CountyLinkage, per_project_county);
        let sector = project.funding.entry(FundingSource::Sector).or_default();
        *sector = *sector + per_project_sector;
        county_total = county_total + per_project_county;
        sector_extra = sector_extra + per_project_sector;
    }
    application.funds.county_linkage_funds = Some(county_total);
    if let Some(first) = application.funds.sector_funds.first_mut() {
        first.amount = Some(first.amount.unwrap_or_default() + sector_extra);
    }
    draft.application = application;
    let status = evaluate_draft(&draft, &params).status;
    if status != Status::Ready {
        eprintln!("the large draft is not ready to export: {status:?}");
        std::process::exit(1);
    }
    println!("{}", draft.to_json());
}
