//! shenbao-core: the notice 鲁乡振发〔2022〕26号 as code.
//!
//! # Architecture invariants
//! - **No web, no clock, no randomness, no I/O.** This crate depends on nothing that touches a browser, the
//!   system time, a random source or the file system. "Today", timestamps and key material are passed in by the
//!   caller (the Leptos app or the `shenbao` CLI). The compiler enforces the first half: `Cargo.toml` lists no
//!   leptos, web-sys, wasm-bindgen or gloo, and chrono is built without its `clock` feature.
//! - **Money is exact.** Every amount is a [`money::Wan`] (万元, a `rust_decimal::Decimal`), serialised as a string.
//!   No `f32`/`f64` anywhere; the one rounding function is [`money::round`], for figures shown beside a minimum
//!   of the notice, rounded toward the rule's verdict and never across it.
//! - **Evaluation never refuses and never panics.** [`evaluate`] accepts any [`model::Application`] the model can
//!   hold, however incomplete, and reports every finding at once in a stable order.
//! - **The notice's numbers are data.** They live in a [`params::ParameterSet`] (one JSON file per notice, each value
//!   with its clause), never as literals in rules.
//! - **One rule, one file.** Each rule in [`rules`] quotes its clause, holds one check function and its tests.

pub mod assessment;
pub mod attachments;
pub mod bundle;
pub mod catalogue;
pub mod check;
pub mod draft;
pub mod evaluation;
pub mod figures;
pub mod file_format;
pub mod finding;
pub mod input;
pub mod json;
pub mod limits;
pub mod merge;
pub mod model;
pub mod money;
pub mod params;
mod reason;
pub mod reference;
pub mod rules;
pub mod safe_text;
pub mod sample;
pub mod signing;

pub mod sync;
pub mod village_identity;

pub use evaluation::{Evaluation, Figures, Finding, Severity, Status, evaluate};
pub use model::Application;
pub use money::Wan;
pub use params::ParameterSet;

/// The version of this crate and of the app built on it, as shown in the footer and written into bundles.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
