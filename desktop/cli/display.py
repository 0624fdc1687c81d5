"""`anju display`: the hall's big screen on its own, e.g. on a second computer.

``anju display --db URL --project NAME [--screen N] [--windowed]`` opens the
public display of the project's selection session, full screen on monitor N
(1, 2…; default: the last one, usually the hall's), and follows the desk
through the database (PostgreSQL for two computers). It only reads; once the
database has users it signs in like every command (an observer account will
do). Esc or F11 leaves full screen; closing the window ends it.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desktop.cli.common import QT_TRANSLATE_NOOP, Command, Database, sayer

SAY: dict[str, str] = {
    "no_such_screen": QT_TRANSLATE_NOOP(
        "Cli", "there is no screen {number}; the screens are: {screens}"),
}
_say = sayer(SAY)


def add_commands(commands: Any) -> None:
    """The `display` command under the `anju` parser's subcommands."""
    display = commands.add_parser(
        "display", help="the hall's big screen: follows the project's selection session")
    # Also after the command (anju display --db URL …); the global --db still works.
    display.add_argument("--db", metavar="URL", default=argparse.SUPPRESS,
                         help="SQLAlchemy database URL (PostgreSQL for a second computer)")
    display.add_argument("--project", required=True)
    display.add_argument("--screen", type=int, default=None, metavar="N",
                         help="the monitor to fill: 1, 2… (default: the last one)")
    display.add_argument("--windowed", action="store_true",
                         help="a window instead of full screen (to try it out)")
    display.add_argument("--lang", choices=["auto", "zh_CN", "en"], default=argparse.SUPPRESS,
                         help="interface language (default: the saved setting)")


def open_display(args: argparse.Namespace, database: Database | None = None) -> Any:
    """Make the application and the display window, shown; returns the window.

    The window reads ``database`` (by default, a new one for ``args.db``) and
    disposes of its engine (``window.engine``) when the display ends.

    Raises:
        NotFoundError: ``project_not_found``.
        SystemExit: no screen ``--screen`` (with the list of screens).
    """
    from db import registry
    from desktop import common as settings
    from desktop.i18n import init_translations
    from desktop.session import DisplayWindow, screen_by_number, screen_name, screens
    from desktop.shell import create_application

    app = create_application([sys.argv[0]])
    # The console application the CLI made for its messages was replaced: translate anew.
    init_translations(app, getattr(args, "lang", None) or settings.get(settings.LANGUAGE))
    if database is None:
        database = Database(getattr(args, "db", None))
    engine, factory = database.engine, database.factory
    with factory() as session:
        project_id = registry.find_project(session, args.project)
    screen = screen_by_number(args.screen)
    if screen is None and args.screen is not None:
        names = ", ".join(screen_name(n, s) for n, s in enumerate(screens(), start=1))
        print(_say("no_such_screen").format(number=args.screen, screens=names),
              file=sys.stderr)
        raise SystemExit(1)
    window = DisplayWindow(factory, project_id, args.project)
    window.engine = engine  # disposed when the display ends
    window.show_on(screen, windowed=args.windowed)
    return window


def cmd_display(args: argparse.Namespace, database: Database) -> int:
    from PySide6.QtWidgets import QApplication

    from desktop.common import wait_for_idle

    window = open_display(args, database)
    try:
        return QApplication.exec()
    finally:
        window.stop()
        wait_for_idle()
        window.engine.dispose()


HANDLERS: dict[str, Command] = {"display": cmd_display}
