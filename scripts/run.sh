#!/usr/bin/env bash
# Run Anju. With no display, say so and run the headless demo instead of crashing.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh run
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ "$(uname)" = Linux ]; then
  OUT=${ANJU_DEMO_OUT:-out/headless-demo}
  echo "No display found (DISPLAY and WAYLAND_DISPLAY are not set): the window cannot open here."
  echo "Running the headless demo instead; its files and screenshots go to $OUT/"
  mkdir -p "$OUT"
  DB="sqlite:///$(pwd)/$OUT/demo.sqlite3"
  rm -f "$OUT/demo.sqlite3"
  .venv/bin/anju --db "$DB" demo --out "$OUT"
  .venv/bin/anju --db "$DB" summary --project demo
  QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py "$OUT/screenshots"
  exit 0
fi
exec .venv/bin/anju "$@"
