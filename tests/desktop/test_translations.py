"""The Chinese catalogue covers every string in desktop/, keeps the placeholders, and loads."""

from __future__ import annotations

import importlib.util
import re
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QTranslator

from desktop.i18n import catalogue_path

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"\{[a-z_0-9]*\}|%n")


def _i18n_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("i18n_script", ROOT / "scripts" / "i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def script() -> ModuleType:
    return _i18n_script()


@pytest.fixture(scope="module")
def updated_copy(script: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed .ts, updated from today's source in a temporary copy."""
    copy = tmp_path_factory.mktemp("ts") / "anju_zh_CN.ts"
    shutil.copy(script.TS_FILE, copy)
    script.run_lupdate(copy)
    return copy


def test_every_string_in_the_source_has_a_chinese_translation(
        script: ModuleType, updated_copy: Path) -> None:
    """Fails when someone adds a tr() string: run scripts/i18n.py update, then translate."""
    gaps = [f"{e.context}: {e.source!r}" for e in script.missing(updated_copy)]
    assert gaps == [], "untranslated (scripts/i18n.py missing):\n" + "\n".join(gaps)


def test_translations_keep_every_placeholder(script: ModuleType) -> None:
    """A lost {placeholder} would raise KeyError or drop a value at run time."""
    broken = [f"{e.context}: {e.source!r} -> {e.translation!r}"
              for e in script.entries(script.TS_FILE)
              if sorted(PLACEHOLDER.findall(e.source)) != sorted(
                  PLACEHOLDER.findall(e.translation))]
    assert broken == []


def test_committed_qm_loads_and_matches_the_ts(script: ModuleType, tmp_path: Path) -> None:
    translator = QTranslator()
    assert translator.load(str(catalogue_path()))
    assert translator.translate("MainWindow", "&File") == "文件(&F)"
    assert translator.translate("HouseholdTableModel", "Code") == "户号"
    rebuilt = tmp_path / "rebuilt.qm"
    script.run_lrelease(script.TS_FILE, rebuilt)
    assert rebuilt.read_bytes() == catalogue_path().read_bytes(), (
        "the .qm is older than the .ts: run scripts/i18n.py update")


def test_set_fills_one_entry_and_keeps_the_file_valid(
        script: ModuleType, updated_copy: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.ts"
    shutil.copy(updated_copy, copy)
    script.set_translation("MainWindow", "&Help", "求助(&H)", copy)
    found = {(e.context, e.source): e.translation for e in script.entries(copy)}
    assert found[("MainWindow", "&Help")] == "求助(&H)"
    assert copy.read_text(encoding="utf-8").startswith(script.HEADER)
    script.run_lupdate(copy)  # lupdate still reads the file and keeps the translation
    found = {(e.context, e.source): e.translation for e in script.entries(copy)}
    assert found[("MainWindow", "&Help")] == "求助(&H)"
    with pytest.raises(KeyError):
        script.set_translation("MainWindow", "no such text", "x", copy)
