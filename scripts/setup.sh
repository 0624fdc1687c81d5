#!/usr/bin/env bash
# Idempotent set-up for a fresh machine: system packages, then a venv with pinned packages.
#   scripts/setup.sh run    what the application needs
#   scripts/setup.sh test   plus what the tests need (PostgreSQL, poppler, Xvfb, LibreOffice Calc)
# A second run with nothing to do takes well under a second (stamp files).
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=${1:-run}

PKGS="libgl1 libegl1 libfontconfig1 libdbus-1-3 libglib2.0-0 libxkbcommon0 libx11-6
      libx11-xcb1 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0
      libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1
      fonts-wqy-microhei"
if [ "$MODE" = test ]; then
  # LibreOffice Calc (no GUI) saves the test workbooks as .xls, .xlsm and .ods the way
  # a real spreadsheet program does (tests/db/test_formats.py).
  PKGS="$PKGS xvfb xauth poppler-utils poppler-data libreoffice-calc-nogui"
  # Debian's server may already be installed (this machine kind ships 15): naming
  # it again would upgrade postgresql-common, so only ask when no server exists.
  ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || PKGS="$PKGS postgresql"
fi
python3 -m venv --help >/dev/null 2>&1 || PKGS="$PKGS python3-venv"

missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "setup: installing system packages:$missing" >&2
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -q
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
fi

REQ=requirements.txt; [ "$MODE" = test ] && REQ=requirements-test.txt
[ -x .venv/bin/python ] || python3 -m venv .venv
stamp=.venv/.req-$(cat requirements*.txt pyproject.toml | sha1sum | cut -c1-12)-$MODE
if [ ! -f "$stamp" ]; then
  echo "setup: installing Python packages ($REQ)" >&2
  .venv/bin/python -m pip install -q --disable-pip-version-check -r "$REQ"
  .venv/bin/python -m pip install -q --disable-pip-version-check --no-deps -e .
  touch "$stamp"
fi
