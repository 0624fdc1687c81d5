"""`python -m desktop [--db URL] [--lang auto|zh_CN|en]`: start the desktop app."""

from __future__ import annotations

import argparse
import sys

from desktop.shell import main


def run(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop", description="安居 Anju")
    parser.add_argument("--db", metavar="URL", help="SQLAlchemy database URL")
    parser.add_argument("--lang", choices=["auto", "zh_CN", "en"])
    args, qt_args = parser.parse_known_args(argv if argv is not None else sys.argv[1:])
    return main([sys.argv[0], *qt_args], url=args.db, language=args.lang)


if __name__ == "__main__":
    raise SystemExit(run())
