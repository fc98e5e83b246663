#!/usr/bin/env bash
# The browser test of `pacta render` (tests/browser/): Debian's Chromium (installed once by
# .ci/browser.sh), playwright-core from the committed package-lock.json, the debug binary.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash .ci/browser.sh
echo "using $(/usr/bin/chromium --version 2>/dev/null || echo 'chromium: version unknown')"
cargo build -q
(cd tests/browser && npm ci --no-audit --no-fund --loglevel=error && node --test --test-reporter=spec render.test.mjs)
