#!/usr/bin/env bash
# Checks the README's first command: `make serve` serves the app and a headless browser renders its Chinese title.
# Runs `make serve` on a free port in its own process group and stops it afterwards, whatever happens.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
log=$(mktemp)
profile=$(mktemp -d)
setsid make -C "$here" -s serve PORT="$port" >"$log" 2>&1 &
leader=$!
cleanup() { kill -TERM -- "-$leader" 2>/dev/null || true; wait "$leader" 2>/dev/null || true; rm -rf "$log" "$profile"; }
trap cleanup EXIT
for _ in $(seq 1 600); do
  if curl -fsS "http://127.0.0.1:$port/" >/dev/null 2>&1; then break; fi
  sleep 0.5
done
grep -q "http://127.0.0.1:$port" "$log" || { echo "make serve did not print its URL:"; cat "$log"; exit 1; }
dom=$(timeout 60 chromium --headless=new --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --no-first-run --disable-sync --disable-quic --user-data-dir="$profile" \
  --virtual-time-budget=5000 --dump-dom "http://127.0.0.1:$port/" 2>/dev/null)
if grep -q "<title>衔接推进区申报助手</title>" <<<"$dom" && grep -q "data-app-ready" <<<"$dom"; then
  echo "make serve: ok (http://127.0.0.1:$port/ renders 衔接推进区申报助手)"
else
  echo "make serve: the page at http://127.0.0.1:$port/ did not render the app"; exit 1
fi
