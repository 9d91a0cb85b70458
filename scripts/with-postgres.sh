#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server (Debian's package) started for it
# and stopped after: `scripts/with-postgres.sh cargo test …`. The cluster lives in a
# temporary folder, run as the unprivileged postgres user (PostgreSQL refuses root),
# on 127.0.0.1:55432 only. The command gets STORY_TEST_DATABASE_URL.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$bin" ]; then
  apt-get install -y -qq postgresql >/dev/null
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cluster=$(mktemp -d)
[ "$(id -u)" = 0 ] && chown postgres "$cluster"
stop() { as_postgres "$bin/pg_ctl" -D "$cluster/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$cluster"; }
trap stop EXIT
as_postgres "$bin/initdb" -D "$cluster/data" -U postgres --auth=trust >/dev/null
as_postgres "$bin/pg_ctl" -D "$cluster/data" -l "$cluster/log" -w \
  -o "-p 55432 -k $cluster -c listen_addresses=127.0.0.1 -c fsync=on" start >/dev/null
as_postgres "$bin/createdb" -h 127.0.0.1 -p 55432 -U postgres stories
STORY_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:55432/stories "$@"
