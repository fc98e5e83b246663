#!/usr/bin/env bash
# Install Debian's Chromium for the browser tests, once: idempotent, quiet when it is already
# there. playwright-core drives it (`executablePath: /usr/bin/chromium`); Playwright never
# downloads a browser of its own. Shared by the browser tests (web/test/, the render tests).
set -euo pipefail
if [[ -x /usr/bin/chromium ]]; then
  exit 0
fi
echo "── apt-get install chromium"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
/usr/bin/chromium --version
