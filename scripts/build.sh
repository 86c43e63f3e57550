#!/usr/bin/env bash
# Builds the app in release mode into dist/ with the pinned tools, never downloading anything.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
export PATH="$here/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true TRUNK_OFFLINE=true NO_COLOR=true
# One build at a time: two at once (`make serve` and `make test` in two terminals) write the same target/ and dist/
# files and break each other. The second waits for the first (flock, util-linux).
mkdir -p target
exec 9>target/build.lock
if ! flock -n 9; then
  echo "build: another build of this checkout is running; waiting for it to finish" >&2
  flock 9
fi
# trunk's pre_build hook, scripts/wasm.sh, builds the wasm and splits it into the first page's module and the
# modules fetched on demand (src/split.rs); trunk then copies it with the CSS, manifest, icons and worker.
trunk build --release
# Offline (docs/offline.md): stamp the build id and the precache list into index.html and sw.js, then write the
# self-contained dist/single/衔接推进区申报助手.html.
node scripts/postbuild.mjs dist
node scripts/single.mjs dist
