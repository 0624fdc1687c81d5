#!/usr/bin/env bash
# Start (or stop) a throwaway private PostgreSQL server for the test suite.
#   scripts/pg-test-server.sh start   -> prints the SQLAlchemy URL on stdout
#   scripts/pg-test-server.sh stop
# Uses Debian's PostgreSQL binaries (installed by scripts/setup.sh test); the
# cluster lives in a temporary folder outside the checkout because the
# postgres user must be able to traverse its path.
set -euo pipefail
STATE=${ANJU_PG_STATE:-/tmp/anju-pg-test}
PORT=${ANJU_PG_PORT:-54329}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$PGBIN" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-start}" in
start)
  if [ -f "$STATE/data/postmaster.pid" ]; then
    as_postgres "$PGBIN/pg_ctl" -D "$STATE/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$STATE"; mkdir -p "$STATE"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$STATE"
  as_postgres "$PGBIN/initdb" -D "$STATE/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  as_postgres "$PGBIN/pg_ctl" -D "$STATE/data" -l "$STATE/server.log" -w \
    -o "-p $PORT -k $STATE -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
  as_postgres "$PGBIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres anju_test
  echo "postgresql+psycopg://postgres@127.0.0.1:$PORT/anju_test"
  ;;
stop)
  if [ -d "$STATE/data" ]; then
    as_postgres "$PGBIN/pg_ctl" -D "$STATE/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$STATE"
  ;;
*) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
