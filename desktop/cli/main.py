"""The `anju` command line: the GUI by default, and the registry's commands for scripts and CI.

Every command opens the database given by ``--db URL`` (else
$ANJU_DATABASE_URL, else the default SQLite file), applies migrations, and
does its work in one transaction. Exit codes: 0 done, 1 refused (bad input,
with one line per problem), 2 usage.

This module assembles the parser from the command groups and dispatches;
each group (projects, registry, lottery, rules, audit, printing, casework,
users, display) adds its own subcommands and holds their ``cmd_*``
functions, and desktop/cli/common.py what they share.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Any

from allocation.errors import AnjuError
from desktop.cli import audit, casework, display, lottery, printing, projects, registry, rules
from desktop.cli import users as user_commands
from desktop.cli.common import Command, CommandParser, Database, print_error

# In the order `anju --help` lists their commands.
GROUPS = (projects, registry, lottery, rules, audit, printing, casework, user_commands, display)

HANDLERS: dict[str, Command] = {
    name: handler for group in GROUPS for name, handler in group.HANDLERS.items()}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="anju", description="安居 Anju — relocation housing")
    parser.add_argument("--db", metavar="URL", help="SQLAlchemy database URL")
    parser.add_argument("--user", default=os.environ.get("ANJU_USER", "operator"),
                        help="who is acting (recorded in the audit log)")
    parser.add_argument("--lang", choices=["auto", "zh_CN", "en"],
                        help="interface language (default: the saved setting, else the locale)")
    commands = parser.add_subparsers(dest="command", parser_class=CommandParser)
    commands.add_parser("gui", help="open the desktop application (the default)")
    for group in GROUPS:
        group.add_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command in (None, "gui"):
        from desktop.shell import main as gui_main

        # The GUI makes its own QApplication and translator; a console one made here first
        # would have to be thrown away.
        return gui_main(url=args.db, language=args.lang)
    _init_language(args.lang or "auto")
    handler = HANDLERS[args.command]
    database = Database(args.db)  # opened when first used, by signing in or the command
    try:
        user_commands.sign_in(args, database)  # once the database has users, every command signs in
        return handler(args, database)
    except AnjuError as error:
        print_error(error)
        return 1
    finally:
        database.close()


def _init_language(language: str) -> None:
    from PySide6.QtCore import QCoreApplication

    from desktop.i18n import init_translations

    app = QCoreApplication.instance() or QCoreApplication([sys.argv[0]])
    init_translations(app, language)
    _keep.append(app)


_keep: list[Any] = []

if __name__ == "__main__":
    raise SystemExit(main())
