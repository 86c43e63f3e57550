# The two commands of the README, and the helpers behind them. Every target installs what it needs
# (scripts/setup.sh, idempotent) so that a brand-new machine needs nothing else.
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true
export TRUNK_OFFLINE := true
PORT ?= 8080
# Browser tests start a browser each; two at a time suits a 2-core machine.
E2E_THREADS ?= 2

.PHONY: serve test build setup lint test-native test-browsers check-serve bench single fuzz

## make serve: install what is missing, build in release mode, serve at http://127.0.0.1:$(PORT)
serve: build
	@echo "衔接推进区申报助手: http://127.0.0.1:$(PORT)/  (Ctrl-C to stop)"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory dist

## make test: install what is missing, then every test: lint, native Rust tests, browser tests in Chromium and Firefox
test: setup lint test-native build test-browsers check-serve

setup:
	scripts/setup.sh all

build:
	scripts/setup.sh build
	scripts/build.sh

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --exclude shenbao --all-targets -- -D warnings
	cargo clippy -p shenbao --target wasm32-unknown-unknown -- -D warnings

test-native:
	cargo test --workspace --exclude shenbao --exclude shenbao-e2e

test-browsers:
	cargo test -p shenbao-e2e -- --test-threads=$(E2E_THREADS)

# The README's first command, end to end: make serve on a free port, rendered by headless Chromium.
check-serve:
	scripts/check-serve.sh

## make bench: one table of what users feel (sizes, load, evaluation, keystroke, save, export); docs/performance.md
bench: build
	scripts/bench.sh $(BENCH_ARGS)

## make single: the whole app as one HTML file for e-mail or a USB stick (dist/single/衔接推进区申报助手.html)
single: build
	@ls -l dist/single/衔接推进区申报助手.html

## make fuzz: every fuzz target for FUZZ_RUNS runs (10 million by default) on nightly; docs/fuzzing.md
fuzz:
	scripts/fuzz.sh
