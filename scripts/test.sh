#!/usr/bin/env bash
# Set up and run the whole test suite on a fresh machine (README command 2; .ci/run calls it).
#
# Besides the Python packages, the tests need Debian's Chromium (the HTML report is checked in
# a real headless browser, driven by playwright-core from npm; nothing downloads a browser) and
# a font with ligature glyphs (the PDF repair test).  They are installed when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need_apt+=(fonts-dejavu-core)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ]; then
    apt-get update -qq && apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    sudo apt-get update -qq && sudo apt-get install -y -qq "${need_apt[@]}" >/dev/null
  fi
fi
(cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)

bash scripts/install.sh test

# A throwaway PostgreSQL server (Debian's package) for the tests that run on PostgreSQL too.
RASHOMON_TEST_PG=$(bash scripts/pg.sh)
export RASHOMON_TEST_PG
.venv/bin/python -m pytest -q "$@"
