#!/usr/bin/env bash
# Builds the app's WebAssembly in release mode, split into modules, into target/wasm-split/pkg/. Run by trunk as its
# pre_build hook (Trunk.toml), so `trunk build --release` (scripts/build.sh) makes the whole app; never downloads.
#
# Why not trunk's own Rust pipeline: trunk runs wasm-bindgen on the whole binary, and only the first page's code
# should be in the first download (issue 7, docs/performance.md). The pages behind `crate::split` functions go into
# modules fetched on first use:
#   1. cargo builds the wasm with its relocations kept (`--emit-relocs`, .cargo/config.toml): wasm-split-cli needs
#      them to see which function and data reach which;
#   2. wasm-split-cli moves every function reachable only from split points into `split_*.wasm` (and code shared
#      by several of them into `chunk_*.wasm`), and writes `__wasm_split.js`, which loads them;
#   3. wasm-bindgen makes the JS glue for the main module; `--keep-lld-exports` keeps the function table and the
#      stack pointer global exported, which the split modules import;
#   4. wasm-opt -Oz shrinks every module.
# Between 1 and 3, reference-types and multivalue are taken out of every module's target_features section
# (scripts/wasm-features.mjs): rustc enables them by default, yet nothing needs them but wasm-bindgen's way of passing
# JS values, and browsers before Chromium 96 cannot compile them. `.cargo/config.toml` builds our crates without
# them; the precompiled std still lists them in the section, which wasm-bindgen and wasm-opt follow. The app's
# WebAssembly then needs only the four
# features that wasm-opt is told to enable below; the page's floor check (index.html) tests exactly those, and
# scripts/postbuild.mjs fails the build if a module enables another (docs/browsers.md).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
export PATH="$here/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# shellcheck source=versions.env
. "$here/scripts/versions.env"

cargo_target=${CARGO_TARGET_DIR:-target}
out=target/wasm-split
rm -rf "$out"
mkdir -p "$out/split" "$out/pkg"

cargo build --release --target wasm32-unknown-unknown --bin shenbao
wasm-split-cli --target web --out-name shenbao "$cargo_target/wasm32-unknown-unknown/release/shenbao.wasm" "$out/split"
node scripts/wasm-features.mjs disallow reference-types,multivalue,call-indirect-overlong "$out"/split/*.wasm
# The name sections the splitter writes carry a subsection wasm-bindgen does not know: it says so for every
# module; nothing is lost (wasm-opt drops names anyway).
wasm-bindgen --target web --no-typescript --keep-lld-exports --out-dir "$out/pkg" "$out/split/shenbao.wasm" 2>&1 \
  | { grep -v '^warning: unknown name subsection' || true; } >&2
cp "$out/split/__wasm_split.js" "$out/pkg/"
cp "$out"/split/*.wasm "$out/pkg/"
rm "$out/pkg/shenbao.wasm"
for module in "$out"/pkg/*.wasm; do
  wasm-opt -Oz --low-memory-unused \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    "$module" -o "$module.opt" 2>&1 | { grep -v '^warning: unknown name subsection' || true; } >&2
  mv "$module.opt" "$module"
done
ls -l "$out/pkg" >&2
