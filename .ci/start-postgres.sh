#!/usr/bin/env bash
# Start a throw-away PostgreSQL cluster for the tests and print the URL to use.
# Usage: eval "$(bash .ci/start-postgres.sh)"   (exports NETRAL_TEST_POSTGRES_URL)
set -euo pipefail
if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) >&2
fi
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
data=${NETRAL_PG_DATA:-/tmp/netral-pg}
port=${NETRAL_PG_PORT:-55432}
if ! su postgres -c "$bin/pg_ctl -D '$data' status" >/dev/null 2>&1; then
  rm -rf "$data"
  mkdir -p "$data"
  chown postgres:postgres "$data"
  su postgres -c "$bin/initdb -D '$data' -U postgres --auth=trust -E UTF8 >/dev/null"
  su postgres -c "$bin/pg_ctl -D '$data' -o '-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off' -l '$data/log' -w start >/dev/null"
  su postgres -c "psql -h 127.0.0.1 -p $port -U postgres -qc \"CREATE ROLE netral LOGIN PASSWORD 'netral' CREATEDB\"" >&2
  su postgres -c "psql -h 127.0.0.1 -p $port -U postgres -qc 'CREATE DATABASE netral_test OWNER netral'" >&2
fi
echo "export NETRAL_TEST_POSTGRES_URL=postgresql+psycopg://netral:netral@127.0.0.1:$port/netral_test"
