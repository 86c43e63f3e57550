#!/usr/bin/env bash
# `make bench` after `make build`: one table of sizes, load, evaluation, keystroke, save and export timings, ending
# with `first-load total gzip: N bytes`. Installs Chromium if it is missing. Pass --quick for fewer runs.
# What each row means: docs/performance.md.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
if [ ! -x /usr/bin/chromium ]; then
  "$here/scripts/setup.sh" browsers
fi
exec node "$here/scripts/bench.mjs" "$@"
