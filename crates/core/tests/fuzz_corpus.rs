//! The fuzzers' stored corpus, replayed on stable Rust as an ordinary test: every file of `fuzz/corpus/<target>/`
//! (inputs `make fuzz` kept because they reach code others do not; docs/fuzzing.md), of `fuzz/regressions/<target>/`
//! (inputs that once made a target fail) and the golden files the target starts from goes through the same entry
//! points the fuzz targets call, `fuzz/src/lib.rs`, included here. Bounded: the corpus is minimised and capped, so this takes
//! seconds.

#[path = "../../../fuzz/src/lib.rs"]
mod targets;

use std::path::{Path, PathBuf};

/// The most files one target's stored corpus may hold: more means the minimisation in `scripts/fuzz.sh` failed.
const MAX_STORED: usize = 600;

fn files(folder: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .map(|entries| entries.filter_map(|entry| Some(entry.ok()?.path())).filter(|path| path.is_file()).collect())
        .unwrap_or_default();
    files.sort();
    files
}

/// Replays the stored corpus and regressions of `target`, then its golden `seeds` (a folder of `tests/vectors/`);
/// returns how many stored inputs there were.
fn replay(target: &str, seeds: &str, entry: fn(&[u8])) -> usize {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let fuzz = root.join("fuzz");
    let stored = files(&fuzz.join("corpus").join(target));
    let count = stored.len();
    assert!(count <= MAX_STORED, "{target}: {count} stored inputs; minimise (docs/fuzzing.md)");
    let all: Vec<PathBuf> = stored
        .into_iter()
        .chain(files(&fuzz.join("regressions").join(target)))
        .chain(files(&root.join("tests/vectors").join(seeds)))
        .collect();
    for path in &all {
        let bytes = std::fs::read(path).expect("a corpus file is readable");
        let outcome = std::panic::catch_unwind(|| entry(&bytes));
        assert!(outcome.is_ok(), "{target} fails on {}", path.display());
    }
    count
}

#[test]
fn the_read_draft_corpus_replays() {
    assert!(replay("read_draft", "drafts", targets::read_draft) > 0, "the stored corpus of read_draft is empty");
}

#[test]
fn the_verify_bundle_corpus_replays() {
    assert!(
        replay("verify_bundle", "bundles", targets::verify_bundle) > 0,
        "the stored corpus of verify_bundle is empty"
    );
}
