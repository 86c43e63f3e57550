//! In-page hooks. `crash_for_test` lets the browser tests see the crash banner (`browser::show_crash_banner`).
//!
//! Benchmark hooks for `make bench`: `scripts/bench.mjs` calls them in the page as `window.wasmBindings.bench_*`.
//! Each reads the text of a draft file, runs one operation `runs` times (at least once) and returns the time of each
//! run in milliseconds from `performance.now()`; the script computes medians and percentiles. They ship in the app
//! so that the benchmark times the real build, and cost about a kilobyte: no number formatting here. Their work is a
//! split point (`bench_hooks`, see `crate::split`): the exported functions are `async` (a `Promise` in the page) and
//! fetch it on first use, so the first page's module does not carry the code they time.
//!
//! Timings are `f64` because `performance.now()` is: they are never money, so the crate's float ban is lifted in
//! this module only.
#![allow(clippy::float_arithmetic)]

use std::hint::black_box;

use leptos::wasm_split::wasm_split;
use shenbao_core::ParameterSet;
use shenbao_core::assessment::evaluate_draft;
use shenbao_core::draft::Draft;
use shenbao_core::signing::{BundleKey, KeyFileRandomness, NewPassphrase, export_signed_bundle};
use wasm_bindgen::prelude::wasm_bindgen;

use crate::split::NotLoaded;
use crate::{browser, store};

/// Times `runs` (at least one) calls of `work`, in milliseconds each.
fn time_runs(runs: u32, mut work: impl FnMut()) -> Vec<f64> {
    (0..runs.max(1))
        .map(|_| {
            let start = browser::now_ms();
            work();
            browser::now_ms() - start
        })
        .collect()
}

fn read(draft_json: &str) -> Result<Draft, String> {
    Draft::from_json(draft_json).map_err(|error| error.to_string())
}

/// `evaluate_draft` of the draft, as the app runs it after every change.
///
/// # Errors
/// The draft file cannot be read.
#[wasm_bindgen]
pub async fn bench_evaluate(draft_json: String, runs: u32) -> Result<Vec<f64>, String> {
    evaluate_runs(draft_json, runs).await.unwrap_or_else(|not_loaded| Err(not_loaded.message()))
}

#[wasm_split(bench_hooks, wasm_split_path = ::leptos::wasm_split, fallible)]
fn evaluate_runs(draft_json: String, runs: u32) -> Result<Result<Vec<f64>, String>, NotLoaded> {
    Ok(time_evaluate(&draft_json, runs))
}

fn time_evaluate(draft_json: &str, runs: u32) -> Result<Vec<f64>, String> {
    let draft = read(draft_json)?;
    let params = ParameterSet::second_batch_2022();
    Ok(time_runs(runs, || {
        black_box(evaluate_draft(black_box(&draft), &params));
    }))
}

/// Saving the draft as the app does after every change (`DraftCtx::save`: read what local storage holds to see
/// whether another tab changed it, then the draft as compact JSON into local storage), under a scratch key that is
/// removed afterwards.
///
/// # Errors
/// The draft file cannot be read, or local storage refused it.
#[wasm_bindgen]
pub async fn bench_save(draft_json: String, runs: u32) -> Result<Vec<f64>, String> {
    save_runs(draft_json, runs).await.unwrap_or_else(|not_loaded| Err(not_loaded.message()))
}

#[wasm_split(bench_hooks, wasm_split_path = ::leptos::wasm_split, fallible)]
fn save_runs(draft_json: String, runs: u32) -> Result<Result<Vec<f64>, String>, NotLoaded> {
    Ok(time_save(&draft_json, runs))
}

fn time_save(draft_json: &str, runs: u32) -> Result<Vec<f64>, String> {
    let draft = read(draft_json)?;
    let id = "bench-scratch";
    let mut outcome = Ok(());
    let mut written = String::new();
    let times = time_runs(runs, || {
        black_box(store::load_text(id).is_some_and(|stored| stored == written));
        written = draft.to_compact_json();
        outcome = outcome.clone().and(store::save_text(id, &written));
    });
    browser::remove(&store::draft_key(id));
    outcome.map(|()| times).map_err(|error| error.message())
}

/// Export and sign as the export page does (evaluate, build the bundle, canonical JSON, Ed25519, pretty JSON), with
/// a throwaway key.
///
/// # Errors
/// The draft file cannot be read, or the draft is not ready to export.
#[wasm_bindgen]
pub async fn bench_export(draft_json: String, runs: u32) -> Result<Vec<f64>, String> {
    export_runs(draft_json, runs).await.unwrap_or_else(|not_loaded| Err(not_loaded.message()))
}

#[wasm_split(bench_hooks, wasm_split_path = ::leptos::wasm_split, fallible)]
fn export_runs(draft_json: String, runs: u32) -> Result<Result<Vec<f64>, String>, NotLoaded> {
    Ok(time_export(&draft_json, runs))
}

fn time_export(draft_json: &str, runs: u32) -> Result<Vec<f64>, String> {
    let draft = read(draft_json)?;
    let params = ParameterSet::second_batch_2022();
    let now = browser::now();
    let key = BundleKey::from_secret_bytes([7; 32], now);
    let mut outcome = Ok(String::new());
    let times = time_runs(runs, || outcome = export_signed_bundle(&draft, &params, Vec::new(), now, &key));
    outcome.map(|_| times).map_err(|error| error.to_string())
}

/// Encrypting the key file as 导出密钥文件 does (scrypt at the cost the app writes, then AES-256-GCM), with a
/// throwaway key and passphrase: the wait the user sees, also on import (decrypting derives the same key).
///
/// # Errors
/// The core refused to encrypt (not expected).
#[wasm_bindgen]
pub async fn bench_key_file(runs: u32) -> Result<Vec<f64>, String> {
    key_file_runs(runs).await.unwrap_or_else(|not_loaded| Err(not_loaded.message()))
}

#[wasm_split(bench_hooks, wasm_split_path = ::leptos::wasm_split, fallible)]
fn key_file_runs(runs: u32) -> Result<Result<Vec<f64>, String>, NotLoaded> {
    Ok(time_key_file(runs))
}

fn time_key_file(runs: u32) -> Result<Vec<f64>, String> {
    let key = BundleKey::from_secret_bytes([7; 32], browser::now());
    let passphrase = NewPassphrase::check("基准测试用的口令0123", "基准测试用的口令0123").map_err(|e| e.to_string())?;
    let randomness = KeyFileRandomness { salt: [1; 16], nonce: [2; 12] };
    let mut outcome = Ok(String::new());
    let times = time_runs(runs, || outcome = key.to_encrypted_key_file(&passphrase, randomness));
    outcome.map(|_| times).map_err(|error| error.to_string())
}

/// Panics with `message`, as a bug would: the browser tests check that the user is then told on the page.
#[wasm_bindgen]
pub fn crash_for_test(message: &str) {
    panic!("{message}");
}
