#!/usr/bin/env bash
# make fuzz: installs the pinned nightly and cargo-fuzz if missing, then runs each fuzz target for FUZZ_RUNS runs,
# one target after the other on one core, and minimises what it found into the stored corpus (docs/fuzzing.md).
#   FUZZ_RUNS=10000000 (default)   runs per target
#   FUZZ_TARGETS="read_draft verify_bundle"   which targets
# Each target's working corpus (target/fuzz-corpus/<target>) starts from its stored corpus (fuzz/corpus/<target>)
# and the golden files of tests/vectors/. A crash stops the script with libFuzzer's report; the input is in
# fuzz/artifacts/<target>/.
set -euo pipefail
shopt -s nullglob
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
# shellcheck source=versions.env
. scripts/versions.env
export PATH="$HOME/.cargo/bin:$PATH"
log() { printf '[fuzz] %s\n' "$*" >&2; }

if ! rustup toolchain list | grep -q "^$FUZZ_NIGHTLY"; then
  log "installing Rust $FUZZ_NIGHTLY with rustup"
  rustup toolchain install "$FUZZ_NIGHTLY" --profile minimal
fi
if ! cargo fuzz --version 2>/dev/null | grep -qF "cargo-fuzz $CARGO_FUZZ_VERSION"; then
  log "installing cargo-fuzz $CARGO_FUZZ_VERSION with cargo (a few minutes)"
  cargo install cargo-fuzz --version "=$CARGO_FUZZ_VERSION" --locked
fi

runs=${FUZZ_RUNS:-10000000}
targets=${FUZZ_TARGETS:-read_draft verify_bundle}
# Golden files each target starts from. Reading a spreadsheet: add seeds_read_spreadsheet with its sample files.
seeds_read_draft=(tests/vectors/drafts/*.json)
seeds_verify_bundle=(tests/vectors/bundles/*.json)

# Without AddressSanitizer: the workspace forbids unsafe code, and the run is twice as fast. Debug assertions
# and overflow checks stay on (cargo-fuzz's default).
fuzz() { cargo "+$FUZZ_NIGHTLY" fuzz "$@"; }
mkdir -p target/fuzz-logs
for target in $targets; do
  work=target/fuzz-corpus/$target
  stored=fuzz/corpus/$target
  seeds_var="seeds_${target}[@]"
  mkdir -p "$work" "$stored"
  for input in "$stored"/* "${!seeds_var}"; do
    [ -e "$work/$(basename "$input")" ] || cp "$input" "$work"/
  done
  log "$target: $runs runs from $(ls "$work" | wc -l) inputs (log: target/fuzz-logs/$target.log)"
  fuzz run -s none "$target" "$work" -- -runs="$runs" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    2>&1 | tee "target/fuzz-logs/$target.log" | grep -E '^#[0-9]+[[:space:]]+(pulse|DONE)|INITED|panicked|ERROR|SUMMARY|^Done' >&2
  # Keep a small set of inputs that reaches every edge the run reached (greedy set cover, edges only, not every
  # hit count), so that the stored corpus stays a few hundred files.
  fresh=$(mktemp -d)
  fuzz run -s none "$target" "$fresh" "$stored" "$work" -- -set_cover_merge=1 -use_counters=0 2>&1 | tail -n 1 >&2
  rm -rf "$stored" && mv "$fresh" "$stored" && chmod 755 "$stored"
  log "$target: stored corpus now $(ls "$stored" | wc -l) files, $(du -sh "$stored" | cut -f1)"
done
