//! The one module that touches the browser: local storage (through gloo-storage), downloads, file reading, the
//! clock, the random source, focus and the storage manager. Pages and components call these functions and never
//! use `web_sys` themselves, so the rest of the UI stays plain Leptos over `shenbao-core`.
//!
//! Split by what it touches: `storage` (local storage), `page` (the clock, the random source, location, title,
//! the page's meta data), `focus` (keyboard focus and scrolling to it), `files` (downloads and picked files),
//! `offline` (the service worker and the storage manager), `keys` (WebCrypto and IndexedDB for the signing key).

mod files;
mod focus;
mod keys;
mod offline;
mod page;
mod storage;

pub use files::*;
pub use focus::*;
pub use keys::*;
pub use offline::*;
pub use page::*;
pub use storage::*;
