"""The `anju` command line: the GUI by default, and the office's commands for scripts and CI.

``anju [--db URL] [--user NAME] [--lang auto|zh_CN|en] COMMAND …``; without
a command (or with `gui`) the desktop application opens. The commands, by
the module that holds them:

- projects: `project create|rename|list`, `summary`, `demo`
- registry: `template`, `import`, `export` (the Excel files)
- lottery: `order`, `verify` (no database), `pool publish`, `draw`,
  `retract-draw`, `void-session`, `rehearse`, `chances`
- rules: `policy show|set|freeze|supersede`, `explain`
- audit: `audit verify`, `backup`, `restore`
- plan: `plan set|show`, the stored session plan
- printing: `print`, `publication list`, `objection add|resolve|list`
- casework: `report daily`, `casework …`
- users: `user add|list|passwd|role|disable|enable`, and signing in
- display: `display`, the hall's big screen

A command opens the database given by ``--db URL`` (else
$ANJU_DATABASE_URL, else the default SQLite file) once, applies its
migrations, signs in once the database has users, and does its work in one
transaction (a rehearsal: one per household). Its sentences are in the
interface language (``--lang``, else the saved setting, else the locale).
Exit codes: 0 done, 1 refused (bad input, with one line per problem), 2 usage.

This module only assembles the parser from the command groups and
dispatches; each group module adds its subcommands and holds their
``cmd_*(args, database)`` functions, desktop/cli/common.py what they share.
Building the parser imports no Qt, SQLAlchemy or ReportLab, and the
standalone commands (`order`, `verify`: RFC 3797 alone) never do: they
speak no sentence of the catalogue, so its language is loaded only if one of
them has an error to word.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence

from allocation.errors import AnjuError
from desktop.cli import (
    audit,
    casework,
    display,
    lottery,
    plan,
    printing,
    projects,
    registry,
    rules,
)
from desktop.cli import users as user_commands
from desktop.cli.common import (
    Command,
    CommandParser,
    Database,
    choose_language,
    load_language,
    print_error,
)

# In the order `anju --help` lists their commands.
GROUPS = (projects, registry, lottery, rules, plan, audit, printing, casework, user_commands,
          display)

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
    choose_language(args.lang or "auto")
    if args.command not in lottery.STANDALONE:
        load_language()  # before the command: what it hands to desktop.i18n is worded too
        from desktop.admin import use_remembered_witness_file

        use_remembered_witness_file()  # the file the window witnesses into on this computer
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


if __name__ == "__main__":
    raise SystemExit(main())
