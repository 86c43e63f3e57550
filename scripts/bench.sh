#!/usr/bin/env bash
# Prints the release sizes of the built app (dist/): raw, gzip -9 and brotli, and the first-load total.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
exec node "$here/scripts/bench-sizes.mjs" "$here/dist"
