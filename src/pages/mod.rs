//! One file (or folder) per page; no page imports another. Step pages read the open draft from context
//! (`draft_context::DraftCtx`); `crate::draft_shell` shows the page of the route within a draft.

mod applicant;
mod attestations;
mod funds;
mod governance;
pub(crate) mod home;
mod industries;
mod not_found;
mod projects;
mod review;
mod settings;
mod tasks;
mod verify;
mod villages;

pub use applicant::ApplicantPage;
pub use attestations::AttestationsPage;
pub use funds::FundsPage;
pub use governance::GovernancePage;
pub use home::HomePage;
pub use industries::IndustriesPage;
pub use not_found::NotFound;
pub use projects::ProjectsPage;
pub use review::ReviewPage;
pub use settings::SettingsPage;
pub use tasks::TaskList;
pub use verify::VerifyPage;
pub use villages::VillagesPage;
