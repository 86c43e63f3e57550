//! The canonical form of a JSON value and the digests taken of it: what signatures, fingerprints and the parameter
//! set's identity are computed over.

use serde_json::Value;
use sha2::{Digest, Sha256};

/// The RFC 8785 (JCS) canonical form of a JSON value, by the `serde_json_canonicalizer` crate.
pub fn canonical_json(value: &Value) -> String {
    serde_json_canonicalizer::to_string(value).unwrap_or_default()
}

/// Lower-case hex SHA-256 of some bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}
