"""Maintain the Chinese translation of the desktop app: update from source, list gaps, fill entries.

Usage (from the repository root)::

    .venv/bin/python scripts/i18n.py update      # lupdate desktop/**/*.py -> .ts, lrelease -> .qm
    .venv/bin/python scripts/i18n.py missing     # list unfinished entries; exit 1 if any
    .venv/bin/python scripts/i18n.py set CONTEXT SOURCE TRANSLATION

``update`` keeps every existing translation (lupdate merges) and drops
entries whose source text is gone from the code. ``set`` edits the .ts as
XML and keeps it a valid Qt Linguist file; run ``update`` afterwards to
rebuild the .qm.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIR = ROOT / "desktop"
TS_FILE = ROOT / "desktop" / "i18n" / "anju_zh_CN.ts"
QM_FILE = TS_FILE.with_suffix(".qm")
LANGUAGE = "zh_CN"
HEADER = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
# lupdate keeps entries whose source vanished under these types; they need no translation.
RETIRED = {"vanished", "obsolete"}


@dataclass(frozen=True)
class Entry:
    context: str
    source: str
    translation: str
    unfinished: bool

    @property
    def missing(self) -> bool:
        return self.unfinished or not self.translation.strip()


def tool(name: str) -> str:
    """A Qt tool from the virtual environment next to this interpreter, else from PATH."""
    local = Path(sys.executable).parent / name
    if local.exists():
        return str(local)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6-Essentials in the environment")
    return found


def sources(source_dir: Path = SOURCE_DIR) -> list[Path]:
    return sorted(p for p in source_dir.rglob("*.py") if "__pycache__" not in p.parts)


def run_lupdate(ts_file: Path, source_dir: Path = SOURCE_DIR) -> str:
    """Merge every tr() string of the source into ``ts_file``; returns lupdate's report."""
    command = [tool("pyside6-lupdate"), *map(str, sources(source_dir)),
               "-source-language", "en", "-target-language", LANGUAGE,
               "-no-obsolete", "-locations", "relative", "-ts", str(ts_file)]
    done = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT)
    return done.stdout + done.stderr


def run_lrelease(ts_file: Path = TS_FILE, qm_file: Path = QM_FILE) -> str:
    command = [tool("pyside6-lrelease"), str(ts_file), "-qm", str(qm_file)]
    done = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT)
    return done.stdout + done.stderr


def entries(ts_file: Path = TS_FILE) -> Iterator[Entry]:
    """Every live message of the catalogue (retired ones skipped)."""
    root = ET.parse(ts_file).getroot()
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = "" if translation is None else translation.get("type", "")
            if kind in RETIRED:
                continue
            yield Entry(name, message.findtext("source", ""), _text(translation),
                        kind == "unfinished")


def _text(translation: ET.Element | None) -> str:
    if translation is None:
        return ""
    forms = translation.findall("numerusform")
    if forms:
        return "".join(form.text or "" for form in forms)
    return translation.text or ""


def missing(ts_file: Path = TS_FILE) -> list[Entry]:
    return [entry for entry in entries(ts_file) if entry.missing]


def set_translation(context: str, source: str, text: str, ts_file: Path = TS_FILE) -> None:
    """Fill the translation of one message and mark it finished.

    Raises:
        KeyError: no message with this context and source text.
    """
    tree = ET.parse(ts_file)
    message = _find(tree.getroot(), context, source)
    translation = message.find("translation")
    if translation is None:
        translation = ET.SubElement(message, "translation")
    translation.attrib.pop("type", None)
    forms = translation.findall("numerusform")
    if forms:
        # Chinese has one plural form; fill each form Qt asks for with the same text.
        for form in forms:
            form.text = text
    else:
        translation.text = text
    write(tree, ts_file)


def _find(root: ET.Element, context: str, source: str) -> ET.Element:
    for element in root.iter("context"):
        if element.findtext("name") != context:
            continue
        for message in element.iter("message"):
            if message.findtext("source") == source:
                return message
    raise KeyError(f"no message {source!r} in context {context!r}")


def write(tree: ET.ElementTree, ts_file: Path) -> None:
    """Write the catalogue as lupdate does: declaration, DOCTYPE, 4-space indents."""
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts_file.write_text(HEADER + body + "\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("update", help="lupdate the .ts from desktop/ and lrelease the .qm")
    commands.add_parser("missing", help="list untranslated entries; exit 1 if any")
    setter = commands.add_parser("set", help="fill one translation")
    setter.add_argument("context")
    setter.add_argument("source")
    setter.add_argument("translation")
    args = parser.parse_args(argv)
    if args.command == "update":
        print(run_lupdate(TS_FILE).strip())
        print(run_lrelease().strip())
        gaps = missing()
        if gaps:
            print(f"{len(gaps)} entries still need a translation (scripts/i18n.py missing)")
        return 0
    if args.command == "missing":
        gaps = missing()
        for entry in gaps:
            print(f"{entry.context}\t{entry.source!r}")
        return 1 if gaps else 0
    try:
        set_translation(args.context, args.source, args.translation)
    except KeyError as error:
        print(error.args[0], file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
