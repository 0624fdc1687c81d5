"""`anju print chances-sheet` and `anju print report-supply` from a stored draw, read back."""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PdfReader

from desktop.cli.main import main
from tests.desktop.test_cli_chances import PROJECT, _drawn


def _text(path: Path) -> list[str]:
    return [re.sub(r"\s+", "", page.extract_text()) for page in PdfReader(path).pages]


def test_the_sheet_prints_what_anju_chances_says(tmp_path: Path, capsys) -> None:
    """One page per household in the drawn order; the household asked for alone with
    --household, with the same figures, seed and replays as `anju chances` (2,000 replays,
    the same draw: the same figures)."""
    url = _drawn(tmp_path)
    base = ["--db", url, "--lang", "en"]
    assert main([*base, "chances", "--project", PROJECT]) == 0
    lines = capsys.readouterr().out.splitlines()
    seed = lines[0].rsplit(" ", 1)[1]
    rows = [line.split("\t") for line in lines[3:]]
    second = [row for row in rows if row[0] == "2"]
    code = second[0][1]

    every = tmp_path / "all.pdf"
    assert main([*base, "print", "chances-sheet", "--project", PROJECT, "--out",
                 str(every)]) == 0
    pages = _text(every)
    assert len(pages) == 6 and all("选房机会估算单" in page for page in pages)

    one = tmp_path / "one.pdf"
    assert main([*base, "print", "chances-sheet", "--project", PROJECT, "--household", code,
                 "--out", str(one)]) == 0
    [page] = _text(one)
    assert f"户号{code}" in page and "第2号" in page
    assert f"种子{seed}" in page and "模拟选房2000次" in page and "不是承诺" in page
    for _place, _code, layout, flats, ahead, guaranteed, percent in second:
        assert f"{layout}{flats}{ahead}{guaranteed}{percent}" in page
    assert main([*base, "print", "chances-sheet", "--project", PROJECT, "--household", "NOPE",
                 "--out", str(tmp_path / "nope.pdf")]) != 0


def test_the_supply_report_prints(tmp_path: Path) -> None:
    url = _drawn(tmp_path)
    out = tmp_path / "report.pdf"
    assert main(["--db", url, "--lang", "en", "print", "report-supply", "--project", PROJECT,
                 "--out", str(out)]) == 0
    text = "".join(_text(out))
    assert "人房供需情况分析表" in text and "一、按户型" in text and "二、按楼栋" in text
    assert "三、按优先组（限选房源）" in text and "参加选房共6户" in text
