//! The `format` member that names each kind of file this app writes, so that a reader of one kind can tell a file
//! of another kind (a bundle given where a draft is expected) and say so. A leaf: other modules re-export these.

/// The `format` member of every draft file (`docs/draft-format.md`).
pub const DRAFT_FORMAT: &str = "shenbao-draft";

/// The `format` member of every signed bundle (`docs/bundle-format.md`).
pub const BUNDLE_FORMAT: &str = "shenbao-bundle";
