"""What every `anju` command shares: its sentences, its database, its parser, its output.

- Sentences: marked with ``QT_TRANSLATE_NOOP("Cli", …)`` so that
  pyside6-lupdate puts them in the "Cli" context of the catalogue. A command
  module keeps its own in a ``SAY`` dict and speaks them through
  :func:`sayer`, which also knows the shared ones here. Their language is
  chosen by main() and loaded (Qt's catalogue) when first needed, so the
  standalone commands (``order``, ``verify``) never load Qt.
- The database: one :class:`Database` per command, opened and migrated on
  first use, handed by main() to signing in and then to the command.
- The parser: :class:`CommandParser` for commands whose arguments need
  heavy imports to be declared, and the argument types.
- Output: the progress line, errors, an import's refusal.

Nothing here, and nothing at the top of a command module, imports PySide6,
SQLAlchemy or ReportLab, so building the parser (and `anju --help`) stays
light; each command imports what it needs when it runs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker


# --- sentences ------------------------------------------------------------------------


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    """Mark ``text`` for the catalogue under ``context``; returns it as it is.

    PySide6's own marker does the same, but importing it would load Qt for
    `anju --help`; pyside6-lupdate finds the calls by name either way.
    """
    return text


# Sentences more than one command says: one entry each in the catalogue.
SAY: dict[str, str] = {
    "error": QT_TRANSLATE_NOOP("Cli", "error: "),
    "missing_glyphs": QT_TRANSLATE_NOOP(
        "Cli", "warning: the font cannot draw these characters, they print blank: {characters}"),
    "template_written_to": QT_TRANSLATE_NOOP("Cli", "template written to {path}"),
    "nothing_was_imported": QT_TRANSLATE_NOOP(
        "Cli", "nothing was imported: {count} problems in {path}"),
}


def translate(text: str) -> str:
    """``text`` (a source sentence of the "Cli" context) in the interface language."""
    load_language()
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("Cli", text)


class _Interface:
    """The interface language of the command running: chosen by main(), loaded when needed."""

    language = "auto"
    app: Any = None  # the console QCoreApplication, kept alive while it translates
    loaded = False


def choose_language(language: str) -> None:
    """Speak in ``language`` (``auto``, ``zh_CN``, ``en``) from the next sentence on.

    Nothing is loaded yet: commands that never say a sentence of the
    catalogue (``order``, ``verify``) never load Qt.
    """
    _Interface.language = language
    _Interface.loaded = False


def load_language() -> None:
    """Load the catalogue of the chosen language, once per command.

    The catalogue is Qt's, so this makes the console QCoreApplication (or
    reuses the one there is) and loads PySide6: main() calls it before
    every command that speaks, the sentences and errors here call it on
    first use.
    """
    if _Interface.loaded:
        return
    from PySide6.QtCore import QCoreApplication

    from desktop.i18n import init_translations

    app = QCoreApplication.instance() or QCoreApplication([sys.argv[0]])
    init_translations(app, _Interface.language)
    _Interface.app = app
    _Interface.loaded = True


def sayer(messages: Mapping[str, str]) -> Callable[[str], str]:
    """A module's ``_say``: its sentence for a key (else the shared one), translated.

    Format the result with its values: ``_say("printed").format(path=…, pages=…)``.
    """

    def say(key: str) -> str:
        return translate(messages[key] if key in messages else SAY[key])

    return say


_say = sayer({})


# --- the database ---------------------------------------------------------------------


class Database:
    """The database of one command: opened and migrated when first used, and only then.

    main() makes one per command and hands it to signing in and then to the
    command, so both use one engine; main() closes it when the command ends.
    Commands that never touch it (``order``, ``verify``, ``template``) open
    nothing.
    """

    def __init__(self, url: str | None) -> None:
        self.url = url  # None: $ANJU_DATABASE_URL, else the default SQLite file
        self._opened: tuple[Engine, sessionmaker[Session]] | None = None

    @property
    def engine(self) -> Engine:
        return self._open()[0]

    @property
    def factory(self) -> sessionmaker[Session]:
        return self._open()[1]

    def _open(self) -> tuple[Engine, sessionmaker[Session]]:
        if self._opened is None:
            from db.store import open_database

            self._opened = open_database(self.url)
        return self._opened

    def close(self) -> None:
        """Dispose of the engine and its connections, if it was opened."""
        if self._opened is not None:
            self._opened[0].dispose()
            self._opened = None


def in_transaction(database: Database, fn: Callable[[Any], Any]) -> Any:
    """``fn(session)`` in one transaction: committed if it returns, rolled back if it raises."""
    with database.factory.begin() as session:
        return fn(session)


#: What main() calls: the parsed arguments and the command's database.
Command = Callable[[argparse.Namespace, Database], int]


# --- the parser -----------------------------------------------------------------------


class CommandParser(argparse.ArgumentParser):
    """A command's parser that may add its arguments only when the command is used.

    `anju --help` lists the commands without parsing any, so ``define(parser)``
    (given to ``add_parser``) runs first when this command's arguments are
    parsed or its help is printed: there it may import what its arguments
    need, such as the kinds of printout or the roles of db/.
    """

    def __init__(self, *args: Any,
                 define: Callable[[argparse.ArgumentParser], None] | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._define = define

    def _defined(self) -> None:
        if self._define is not None:
            define, self._define = self._define, None
            define(self)

    def parse_known_args(self, args: Any = None, namespace: Any = None) -> Any:
        self._defined()
        return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        self._defined()
        return super().format_usage()

    def format_help(self) -> str:
        self._defined()
        return super().format_help()


def rate(text: str) -> float:
    """A share from 0 to 1 (``--absent-rate``)."""
    value = float(text)
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 1, not {text!r}")
    return value


def witness(text: str) -> tuple[str, str]:
    """``ROLE:NAME`` (a full-width colon will do) as ``(role, name)`` (``--witness``)."""
    role, sep, name = text.replace("：", ":").partition(":")
    if not sep or not role.strip() or not name.strip():
        raise argparse.ArgumentTypeError(f"expected ROLE:NAME, not {text!r}")
    return role.strip(), name.strip()


# --- output ---------------------------------------------------------------------------


def progress_printer() -> Callable[[int, int], bool] | None:
    """Progress on stderr when a person is watching; silent in scripts and CI."""
    if not sys.stderr.isatty():
        return None

    def report(done: int, total: int) -> bool:
        print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)
        return True

    return report


def print_error(error: Exception) -> None:
    """``error: …`` on stderr, the coded error worded in the interface language."""
    load_language()
    from desktop.i18n import describe_error

    print(_say("error") + describe_error(error), file=sys.stderr)


def print_rejections(rejected: Any, path: Any) -> None:
    """An import refused: one line per problem on stderr, then that nothing was imported."""
    load_language()
    from desktop.i18n import describe_problem

    for problem in rejected.rejections:
        print(describe_problem(problem), file=sys.stderr)
    print(_say("nothing_was_imported").format(count=len(rejected.rejections), path=path),
          file=sys.stderr)
