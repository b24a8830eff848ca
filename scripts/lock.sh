#!/usr/bin/env bash
# Regenerate the dependency locks from pyproject.toml (run after changing a dependency range).
#
#   requirements/test.txt     runtime + postgres + ray + test + data-generation tools + build backend
#   requirements/runtime.txt  runtime + build backend, at the same versions as test.txt
#
# Both carry sha256 hashes and are installed with --require-hashes by scripts/install.sh.
# tests/test_lock.py fails when a lock and pyproject.toml disagree.
set -euo pipefail
cd "$(dirname "$0")/.."
tools=${LOCK_VENV:-/tmp/rashomon-lock-venv}
[ -x "$tools/bin/pip-compile" ] || { python3 -m venv "$tools" && "$tools/bin/pip" install -q pip-tools==7.6.2; }
common=(--quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-find-links
        --no-emit-index-url --no-header --resolver=backtracking)
"$tools/bin/pip-compile" "${common[@]}" --extra test --extra postgres --extra ray \
  -o requirements/test.txt pyproject.toml requirements/build.in
"$tools/bin/pip-compile" "${common[@]}" \
  -o requirements/runtime.txt pyproject.toml requirements/build.in requirements/runtime.in
