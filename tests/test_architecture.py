"""Layer rules import-linter cannot state: allocation/ uses the standard library and nothing else.

import-linter forbids the packages we know of; this test forbids every
package we do not, so the verifier keeps running on a bare Python.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


def test_allocation_imports_only_the_standard_library():
    allowed = set(sys.stdlib_module_names) | {"allocation", "__future__"}
    offenders = {
        str(path.relative_to(ROOT)): sorted(imported_roots(path) - allowed)
        for path in (ROOT / "allocation").rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_pure_tests_import_only_allocation():
    """tests/allocation stays fast: no Qt, no database, no printouts."""
    allowed = set(sys.stdlib_module_names) | {"allocation", "__future__", "pytest",
                                              "hypothesis", "tests"}
    offenders = {
        str(path.relative_to(ROOT)): sorted(imported_roots(path) - allowed)
        for path in (ROOT / "tests" / "allocation").rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_checker_sees_a_forbidden_import(tmp_path):
    """The walker itself must notice an import, or the rules above prove nothing."""
    sample = tmp_path / "sample.py"
    sample.write_text("import os\nfrom sqlalchemy import select\n", encoding="utf-8")
    assert imported_roots(sample) == {"os", "sqlalchemy"}
