"""`anju template`, `anju import` and `anju export`: the registry's Excel files.

An import is all or nothing: a file with problems imports nothing and every
problem is printed, one line each, naming its sheet, row and column.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli.common import (
    QT_TRANSLATE_NOOP,
    Command,
    Database,
    in_transaction,
    print_rejections,
    progress_printer,
    sayer,
)

SAY: dict[str, str] = {
    "imported_households": QT_TRANSLATE_NOOP(
        "Cli", "imported {count} households into {project}"),
    "imported_flats": QT_TRANSLATE_NOOP("Cli", "imported {count} flats into {project}"),
    "exported_households": QT_TRANSLATE_NOOP("Cli", "exported {count} households to {path}"),
    "exported_flats": QT_TRANSLATE_NOOP("Cli", "exported {count} flats to {path}"),
}
_say = sayer(SAY)


def add_commands(commands: Any) -> None:
    """`template`, `import` and `export` under the `anju` parser's subcommands."""
    template = commands.add_parser("template", help="write an empty Excel template")
    template.add_argument("kind", choices=["households", "flats"])
    template.add_argument("file", type=Path)
    for name, help_text in (("import", "import an Excel file (all or nothing)"),
                            ("export", "export to an Excel file")):
        command = commands.add_parser(name, help=help_text)
        command.add_argument("kind", choices=["households", "flats"])
        command.add_argument("file", type=Path)
        command.add_argument("--project", required=True)


def cmd_template(args: argparse.Namespace, database: Database) -> int:
    from db.excel import write_flat_template, write_household_template

    writer = write_household_template if args.kind == "households" else write_flat_template
    writer(args.file)
    print(_say("template_written_to").format(path=args.file))
    return 0


def cmd_import(args: argparse.Namespace, database: Database) -> int:
    from db import registry
    from db.registry import ImportRejected, import_flats_file, import_households_file

    importer = import_households_file if args.kind == "households" else import_flats_file
    try:
        count = in_transaction(database, lambda s: importer(
            s, project_id=registry.find_project(s, args.project), path=args.file,
            actor=args.user, progress=progress_printer()))
    except ImportRejected as rejected:
        print_rejections(rejected, args.file)
        return 1
    print(_say(f"imported_{args.kind}").format(
        count=count, kind=args.kind, project=args.project))
    return 0


def cmd_export(args: argparse.Namespace, database: Database) -> int:
    from db import registry
    from db.registry import export_flats_file, export_households_file

    exporter = export_households_file if args.kind == "households" else export_flats_file
    count = in_transaction(database, lambda s: exporter(
        s, project_id=registry.find_project(s, args.project), path=args.file))
    print(_say(f"exported_{args.kind}").format(count=count, kind=args.kind,
                                                        path=args.file))
    return 0


HANDLERS: dict[str, Command] = {
    "template": cmd_template,
    "import": cmd_import,
    "export": cmd_export,
}
