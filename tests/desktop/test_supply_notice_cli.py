"""`anju print notice-supply` on the demo: a registered notice whose figures are the data's."""

from __future__ import annotations

import re
from collections import Counter

from sqlalchemy import text

from db.store.engine import open_database
from desktop.cli.main import main
from tests.printouts.readback import id_number_in, read_back, squeeze


def test_the_supply_notice_prints_the_demand_against_the_stock(demo_url, tmp_path, capsys):
    """Each layout's row holds its available flats and the households naming it first, both
    counted here in plain SQL; no household code, name or ID number is on the notice."""
    out = tmp_path / "supply.pdf"
    assert main(["--db", demo_url, "--lang", "en", "print", "notice-supply", "--project", "demo",
                 "--out", str(out)]) == 0
    capsys.readouterr()
    engine, factory = open_database(demo_url)
    with factory() as s:
        flats = dict(s.execute(text(
            "SELECT layout, count(*) FROM flat f JOIN project p ON p.id = f.project_id "
            "WHERE p.name = 'demo' AND f.status = 'available' GROUP BY layout")).all())
        first = Counter(v.split("、")[0] for v in s.execute(text(
            "SELECT i.layouts FROM selection_intention i JOIN project p ON p.id = i.project_id "
            "WHERE p.name = 'demo'")).scalars())
        names = s.execute(text("SELECT name FROM member")).scalars().all()
    engine.dispose()
    back = read_back(out.read_bytes(), 0)
    flat_text = squeeze(back.text)
    assert "选房意向及房源供需情况公示" in flat_text and "第1版" in flat_text
    for layout, count in flats.items():
        assert re.search(rf"{re.escape(layout)}{count}\d+{first[layout]}\d+(缺|余|持平)",
                         flat_text), layout
    assert not re.search(r"D\d{3}", back.text)
    assert not id_number_in(flat_text)
    assert not any(name in back.text for name in names)
    assert main(["--db", demo_url, "--lang", "en", "publication", "list", "--project",
                 "demo"]) == 0
    assert "notice-supply" in capsys.readouterr().out
