#!/usr/bin/env bash
# Installs what is missing, idempotently; quick when everything is there.
#   scripts/setup.sh build     rustup target, trunk, wasm-bindgen-cli, wasm-split-cli, wasm-opt (npm binaryen) and node tools
#   scripts/setup.sh browsers  Debian chromium + chromium-driver, firefox-esr, a Chinese font (fonts-noto-cjk),
#                              geckodriver (crates.io)
#   scripts/setup.sh all       both
# Only the package registries are reachable on the machines we target: nothing here downloads from anywhere else.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=versions.env
. "$here/scripts/versions.env"
export PATH="$HOME/.cargo/bin:$PATH"

log() { printf '[setup] %s\n' "$*" >&2; }

cargo_tool() { # cargo_tool <crate> <binary> <version> <version-probe-substring> [extra cargo args]
  local crate=$1 bin=$2 version=$3 probe=$4; shift 4
  if command -v "$bin" >/dev/null 2>&1 && "$bin" --version 2>/dev/null | grep -qF "$probe"; then
    return 0
  fi
  log "installing $crate $version with cargo (takes minutes on a cold machine)"
  cargo install "$crate" --version "=$version" "$@"
}

apt_packages() { # apt_packages pkg...
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing Debian packages: ${missing[*]}"
  local sudo=; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

setup_build() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "adding rustup target wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
  # trunk 0.22.x needs a newer rustc than this machine has; 0.21.14 builds. --locked keeps its own deps as tested.
  cargo_tool trunk trunk "$TRUNK_VERSION" "trunk $TRUNK_VERSION" --locked
  # Must equal the wasm-bindgen in Cargo.lock. Not --locked: its lockfile wants a webpki-roots the mirror lacks.
  cargo_tool wasm-bindgen-cli wasm-bindgen "$WASM_BINDGEN_VERSION" "wasm-bindgen $WASM_BINDGEN_VERSION"
  # wasm-split-cli: splits the app's wasm into the start module and modules loaded on demand (scripts/wasm.sh).
  # It has no --version: ask cargo which version it installed.
  if ! cargo install --list | grep -qxF "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
    log "installing wasm_split_cli_support $WASM_SPLIT_VERSION with cargo"
    cargo install wasm_split_cli_support --version "=$WASM_SPLIT_VERSION" --features build-binary --locked
  fi
  # wasm-opt (binaryen, from npm) and the node packages the tests and benchmark use.
  if [ ! -f "$here/node_modules/.package-lock.json" ] || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
    log "installing node packages (npm ci)"
    (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

setup_browsers() {
  # fonts-noto-cjk: without a Chinese font the browsers lay out every Chinese character as a box of another width,
  # so layout tests and screenshots would not measure what users see. Noto Sans CJK SC (思源黑体) is in the app's
  # font stack and has a real bold (labels, headings and tags are bold; a one-weight font such as WenQuanYi Micro
  # Hei is made bold by each browser its own way, so the two browsers would measure different text).
  apt_packages chromium chromium-driver firefox-esr fonts-noto-cjk
  if ! fc-list :lang=zh family | grep -q .; then
    echo "[setup] fonts-noto-cjk is installed but fontconfig lists no Chinese font (fc-list :lang=zh)" >&2
    exit 1
  fi
  cargo_tool geckodriver geckodriver "$GECKODRIVER_VERSION" "geckodriver $GECKODRIVER_VERSION" --locked
}

case "${1:-all}" in
  build) setup_build ;;
  browsers) setup_browsers ;;
  all) setup_build; setup_browsers ;;
  *) echo "usage: $0 [build|browsers|all]" >&2; exit 2 ;;
esac
