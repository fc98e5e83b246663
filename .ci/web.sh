#!/usr/bin/env bash
# The playground: build the library for wasm32-unknown-unknown (without the `cli` feature), the
# bindings, the page (web/build.sh), then the browser test (web/test/) in Debian's Chromium.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash .ci/browser.sh
bash web/build.sh
cd web
node --test --test-reporter=spec test/
