#!/usr/bin/env bash
# README command (1) on a fresh clone, in a new virtual environment, from the lock.
#
# Clones the committed repository into a temporary folder (nothing of this checkout's .venv,
# caches or generated files comes along), runs the first line of the README's first shell
# block exactly as written there, and checks that it wrote the store and a report holding the
# demo's documents.  .ci/run calls it after the test suite (README command 2), so CI proves
# both README commands on a machine that has only Python and the package registries.
#
#   bash scripts/fresh_check.sh            the committed HEAD of this checkout
#   bash scripts/fresh_check.sh REPO_URL   any clone source git accepts
set -euo pipefail
cd "$(dirname "$0")/.."
source_repo=${1:-$PWD}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

git clone --quiet --no-hardlinks "$source_repo" "$work/rashomon"
cd "$work/rashomon"
command=$(awk '/^```sh$/ { inside = 1; next } inside { print; exit }' README.md)
if [ -z "$command" ]; then
  echo "fresh_check: no command found in the README's first shell block" >&2
  exit 1
fi
echo "fresh_check: $command"
# Nothing from the caller's environment may stand in for the new virtualenv.
env -u VIRTUAL_ENV -u PYTHONPATH -u PYTHONHOME -u RASHOMON_DB bash -c "$command"

fail() { echo "fresh_check: $*" >&2; exit 1; }
[ -d .venv ] || fail "no .venv was created"
.venv/bin/python -m pip check >/dev/null || fail "the installed packages do not fit together"
[ -s demo.db ] || fail "demo.db was not written"
[ -s report.html ] || fail "report.html was not written"
grep -q 'id="report-data"' report.html || fail "report.html holds no report data"
docs=$(.venv/bin/python -c 'import sqlite3; print(sqlite3.connect("demo.db").execute("select count(*) from documents").fetchone()[0])')
[ "$docs" -ge 4 ] || fail "demo.db holds $docs documents, expected the demo's 4"
echo "fresh_check: ok: demo.db with $docs documents, report.html $(wc -c < report.html) bytes"
