#!/usr/bin/env bash
# What the browser tests need, installed only when missing: Debian's Chromium (never a
# downloaded browser), axe-core, KERN UX and Lighthouse from package-lock.json, and KERN copied
# into the static files (scripts/build_assets.py). Called by scripts/test.sh and
# benchmarks/bench_lighthouse.py.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ ! -x /usr/bin/chromium ]; then
  echo "browser-deps: installing Debian's chromium" >&2
  bash scripts/apt-install.sh chromium >/dev/null
fi

if [ ! -f node_modules/axe-core/axe.min.js ] || [ ! -f node_modules/@kern-ux/native/dist/kern.min.css ] || [ ! -x node_modules/.bin/lighthouse ]; then
  command -v npm >/dev/null || bash scripts/apt-install.sh npm >/dev/null
  echo "browser-deps: installing axe-core, KERN UX and Lighthouse (npm ci)" >&2
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi
.venv/bin/python scripts/build_assets.py
