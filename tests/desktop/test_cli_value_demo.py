"""`anju demo --policy value`: the second demo project, beside the first and apart from it."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from allocation.registry import FlatStatus, Household
from desktop.cli.main import main


def run(db_url: str, *args: str) -> int:
    return main(["--db", db_url, "--lang", "en", *args])


def _summary(url: str, project: str, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    capsys.readouterr()
    assert run(url, "summary", "--project", project, "--json") == 0
    counts: dict[str, object] = json.loads(capsys.readouterr().out)
    return counts


# Builds a whole demo project (~3 s).
@pytest.mark.slow
def test_value_demo_beside_the_area_demo(demo_url: str, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    """A second project with its own register and frozen value policy; "demo" is untouched."""
    from allocation.demo import value_flats, value_households, value_policy
    from allocation.rules import policy_sha256
    from db.registry.operations import find_project, list_projects, load_flats, load_households
    from db.rules import frozen_policy
    from db.store.engine import open_database

    before = _summary(demo_url, "demo", capsys)
    out = tmp_path / "out"
    assert run(demo_url, "demo", "--policy", "value", "--out", str(out)) == 0
    assert "199 households, 638 people, 220 flats" in capsys.readouterr().out
    assert run(demo_url, "project", "list") == 0
    listed = [line.split()[0] for line in capsys.readouterr().out.splitlines() if line.strip()]
    assert listed == ["demo", "demo-value"]
    counts = _summary(demo_url, "demo-value", capsys)
    assert (counts["households"], counts["members"], counts["flats"]) == (199, 638, 220)
    assert json.loads((out / "summary.json").read_text(encoding="utf-8")) == counts
    assert (out / "households.xlsx").stat().st_size > 0
    # Taken through the pool (the 25 households taking money left out), the draw, the
    # rehearsed session and the papers: value-swap agreements and 25 货币补偿协议.
    assert counts["selected_households"] == 171  # of 174 drawn; 3 never come (fixed seed)
    money = _pdf_text(out / "agreements-money.pdf")
    assert len(set(re.findall(r"协议编号：(HB[0-9-]+D[0-9]{3})", money))) == 25
    assert "货币补偿协议" in money
    assert "产权调换（价值互换）" in _pdf_text(out / "agreements.pdf")
    assert "货币补偿" in _pdf_text(out / "notice-pool.pdf")
    assert _summary(demo_url, "demo", capsys) == before

    _engine, factory = open_database(demo_url)
    with factory() as session:
        project = find_project(session, "demo-value")
        def choice(households: list[Household]) -> list[tuple[object, ...]]:
            return [(h.code, h.compensation_mode, h.mode_chosen_on, h.assessed_value,
                     h.appraisal_report, h.members) for h in households]

        # The casework moved a few households on (迁出); the choice and the people are as built.
        assert choice(load_households(session, project)) == choice(value_households())
        # As built, but for the status the rehearsed session gave the flats it let.
        assert [replace(f.flat, status=FlatStatus.AVAILABLE)
                for f in load_flats(session, project)] == value_flats()
        assert [p.rehearsal for p in list_projects(session)] == [True, True]  # 演练, both
        frozen = frozen_policy(session, project)
        assert frozen.policy == value_policy()
        assert frozen.sha256 == policy_sha256(value_policy())

    # Clear errors, as the area demo's: it exists; --replace builds it anew.
    assert run(demo_url, "demo", "--policy", "value") == 1
    assert "demo-value" in capsys.readouterr().err
    assert run(demo_url, "demo", "--policy", "value", "--replace") == 0
    anew = _summary(demo_url, "demo-value", capsys)  # built again, not drawn this time
    assert (anew["households"], anew["flats"], anew["selected_households"]) == (199, 220, 0)


def test_an_unknown_demo_policy_is_a_usage_error(demo_url: str,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        run(demo_url, "demo", "--policy", "price")
    assert exit_.value.code == 2
    assert "price" in capsys.readouterr().err


def _pdf_text(path) -> str:
    from pypdf import PdfReader

    return "".join(page.extract_text() for page in PdfReader(path).pages).replace(" ", "")
