//! State shared by every page: storage failures, and the notice's parameters.

use leptos::prelude::*;
use shenbao_core::ParameterSet;

/// Application-wide state.
#[derive(Debug, Clone, Copy)]
pub struct AppState {
    /// The last storage failure, shown in a banner until a save succeeds again.
    pub save_error: RwSignal<Option<String>>,
    /// Drafts whose latest content could not be written to local storage (a full quota), by id: the draft's
    /// compact JSON. Kept while the app runs, so that leaving a draft's pages and coming back, or downloading it
    /// from the drafts list, never loses what was typed; closing the page asks first (`beforeunload`). Text, not
    /// drafts: the start page's module holds this state and stays small.
    pub unsaved: RwSignal<std::collections::BTreeMap<String, String>>,
}

impl AppState {
    /// The state at start: no failure, nothing unsaved.
    pub fn new() -> AppState {
        AppState { save_error: RwSignal::new(None), unsaved: RwSignal::new(Default::default()) }
    }
}

/// The notice's parameters (鲁乡振发〔2022〕26号), read once, on first use.
///
/// Only the on-demand modules use them (`src/split.rs`): the start page needs none, and reading them at start
/// would put their parser (with chrono's, rust_decimal's and serde_json's number parsing) into the start page's
/// module, which every first visit downloads (docs/performance.md).
pub fn params() -> &'static ParameterSet {
    static PARAMS: std::sync::OnceLock<ParameterSet> = std::sync::OnceLock::new();
    PARAMS.get_or_init(ParameterSet::second_batch_2022)
}
