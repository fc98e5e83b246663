#!/usr/bin/env bash
# Build the playground into web/dist/ (one static folder), and with --serve, serve it on
# http://127.0.0.1:8737/. Idempotent; installs what it needs on a fresh machine:
#
#   - the wasm32-unknown-unknown target with rustup;
#   - wasm-bindgen-cli at exactly the version of the wasm-bindgen crate in Cargo.lock, with
#     `cargo install`, into a cache folder reused between runs ($PACTA_CI_CACHE, default
#     ~/.cache/pacta-ci) — a few minutes the first time;
#   - the npm packages with `npm ci` from web/package-lock.json.
#
# Environment: PACTA_CI_CACHE (cache folder), PACTA_WASM_JOBS (cargo jobs, default 2).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
CACHE=${PACTA_CI_CACHE:-$HOME/.cache/pacta-ci}
JOBS=${PACTA_WASM_JOBS:-2}

serve=0
[[ ${1:-} == --serve ]] && serve=1

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  echo "── rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# The CLI must match the crate exactly: read the version cargo locked.
version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
if [[ -z $version ]]; then
  echo "no wasm-bindgen in Cargo.lock" >&2
  exit 2
fi
BINDGEN=$CACHE/wasm-bindgen-$version/bin/wasm-bindgen
if [[ ! -x $BINDGEN ]]; then
  echo "── cargo install wasm-bindgen-cli $version (into $CACHE; once)"
  # Not --locked: the CLI's own lock file names a webpki-roots release the registry no longer
  # serves; the CLI itself is pinned to the exact version.
  cargo install --quiet --jobs "$JOBS" --root "$CACHE/wasm-bindgen-$version" \
    wasm-bindgen-cli --version "=$version"
fi

echo "── cargo build -p pacta-wasm --target wasm32-unknown-unknown --profile wasm"
cargo build --quiet --jobs "$JOBS" -p pacta-wasm --target wasm32-unknown-unknown --profile wasm
echo "── wasm-bindgen $version"
"$BINDGEN" --target web --no-typescript --out-dir web/pkg \
  "$ROOT/target/wasm32-unknown-unknown/wasm/pacta_wasm.wasm"

cd web
if [[ ! -d node_modules || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "── npm ci (web/)"
  npm ci --no-audit --no-fund --loglevel=error
fi
echo "── esbuild → web/dist/"
node build.mjs

if (( serve )); then
  exec node serve.mjs 8737
fi
