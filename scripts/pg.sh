#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for the tests and print its URL (sourced by test.sh).
#
# Uses $RASHOMON_TEST_PG when it is already set; otherwise installs Debian's postgresql when
# missing (as root), initialises a cluster in a temporary folder and starts it on a Unix
# socket and port 54329.  Nothing is written outside that folder.
set -euo pipefail
if [ -n "${RASHOMON_TEST_PG:-}" ]; then echo "$RASHOMON_TEST_PG"; exit 0; fi
pg_ctl=$(ls /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pg_ctl" ] && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null 2>&1
  pg_ctl=$(ls /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | sort -V | tail -n 1 || true)
fi
[ -n "$pg_ctl" ] || { echo "no PostgreSQL server binaries found" >&2; exit 1; }
bin=$(dirname "$pg_ctl")
dir=$(mktemp -d /tmp/rashomon-pg.XXXXXX)
port=${RASHOMON_TEST_PG_PORT:-54329}
as=()
if [ "$(id -u)" = "0" ]; then chown postgres "$dir"; as=(runuser -u postgres --); fi
"${as[@]}" "$bin/initdb" -D "$dir/data" -U rashomon --auth=trust -E UTF8 >/dev/null
"${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
"${as[@]}" "$bin/createdb" -h "$dir" -p "$port" -U rashomon rashomon_test
echo "postgresql://rashomon@127.0.0.1:$port/rashomon_test"
