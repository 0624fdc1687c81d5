#!/usr/bin/env bash
# Run every check: layer contracts, lint, and the whole test suite (pytest args pass through).
# The database tests also run on PostgreSQL: on the server named by
# ANJU_TEST_POSTGRES_URL, or else on a private one started here when Debian's
# PostgreSQL is installed.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}

echo "== layer contracts (import-linter)"
.venv/bin/lint-imports --no-cache
echo "== lint (ruff)"
.venv/bin/ruff check .
echo "== types (mypy: allocation/ and printouts/ strict, db/ typed defs; see [tool.mypy])"
.venv/bin/mypy

if [ -z "${ANJU_TEST_POSTGRES_URL:-}" ] && ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
  ANJU_TEST_POSTGRES_URL=$(scripts/pg-test-server.sh start)
  export ANJU_TEST_POSTGRES_URL
  trap 'scripts/pg-test-server.sh stop' EXIT
fi
echo "== tests (PostgreSQL: ${ANJU_TEST_POSTGRES_URL:-not available, SQLite only})"
.venv/bin/python -m pytest "$@"
