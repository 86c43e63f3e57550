//! Reusable widgets. Each reads bindings and core results; none holds rule logic.

pub mod check_box;
pub mod confirm;
pub mod field_input;
pub mod field_messages;
pub mod findings_panel;
pub mod item_controls;
pub mod key_export;
pub mod key_import;
pub mod radios;
pub mod save_state;
pub mod select_field;
pub mod signing_key;
pub mod step_nav;
pub mod storage_status;
pub mod text_area;
pub mod text_input;
pub mod update_banner;

pub use check_box::CheckBox;
pub use confirm::escape_cancels;
pub use field_input::FieldInput;
pub use field_messages::{FieldHead, FieldMessages, described_by};
pub use findings_panel::FindingsPanel;
pub use radios::Radios;
pub use save_state::SaveState;
pub use select_field::SelectField;
pub use signing_key::SigningKey;
pub use step_nav::{StepFooter, StepNav};
pub use storage_status::{StorageStatus, StorageWarning};
pub use text_area::TextArea;
pub use text_input::TextInput;
pub use update_banner::UpdateBanner;
