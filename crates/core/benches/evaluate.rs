//! How long one evaluation takes on a large application: 60 villages and 200 projects, about the largest a county
//! would enter. The app re-evaluates on every keystroke, so this is the budget of a keystroke.
//!
//! `cargo bench -p shenbao-core --bench evaluate -- --quick`

use std::hint::black_box;

use chrono::DateTime;
use criterion::{Criterion, criterion_group, criterion_main};
use shenbao_core::assessment::evaluate_draft;
use shenbao_core::draft::Draft;
use shenbao_core::{ParameterSet, evaluate, sample};

fn large_application(c: &mut Criterion) {
    let params = ParameterSet::second_batch_2022();
    let application = sample::large(60, 200);
    c.bench_function("evaluate large(60, 200)", |b| b.iter(|| evaluate(black_box(&application), &params)));

    let mut draft = Draft::new("基准", &params, DateTime::default());
    draft.application = application;
    draft.pending_inputs.insert("funds.loans".into(), "12,5".into());
    c.bench_function("evaluate_draft large(60, 200)", |b| b.iter(|| evaluate_draft(black_box(&draft), &params)));

    let text = draft.to_json();
    c.bench_function("read and evaluate draft file large(60, 200)", |b| {
        b.iter(|| shenbao_core::check::Check::of_json(black_box(&text)).map(|check| check.evaluation.findings.len()))
    });
}

criterion_group!(benches, large_application);
criterion_main!(benches);
