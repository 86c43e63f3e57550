//! One file per page. Step pages read the open draft from context (`state::DraftCtx`).

mod applicant;
mod attestations;
mod draft_shell;
mod export;
mod funds;
mod governance;
pub(crate) mod home;
mod industries;
mod list_controls;
mod not_found;
mod project_card;
mod projects;
mod review;
mod settings;
mod tasks;
mod verify;
mod villages;

pub use draft_shell::DraftShell;
pub use home::HomePage;
pub use not_found::NotFound;
pub use settings::SettingsPage;
pub use verify::VerifyPage;
