"""Finding and registering the Chinese TrueType font, and the error that names the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from printouts.document.fonts import (
    FONT_NAME,
    FontNotFound,
    candidates,
    find_font,
    missing_glyphs,
    register_font,
)


def test_the_registered_font_has_every_glyph_a_notice_needs():
    """Surnames, compound surnames, ㎡, ¥, digits and the footer's words are all in the cmap."""
    register_font()
    needed = "张欧阳司马诸葛㎡¥0123456789第页共演练公示（）：，。—…*-/.%"
    assert missing_glyphs(needed) == []


def test_missing_glyphs_lists_each_unknown_character_once_in_order():
    """An Extension B character the font lacks is reported once; spaces are ignored."""
    register_font()
    assert missing_glyphs("王𠈌 𠈌\n明") == ["𠈌"]


def test_register_font_registers_once():
    """A second call returns the same font without loading it again."""
    assert register_font() is register_font()


def test_env_variable_comes_first_then_assets_then_system(tmp_path):
    """ANJU_FONT, then bundled fonts (sorted), then system paths."""
    assets = tmp_path / "assets"
    assets.mkdir()
    (assets / "b.ttc").touch()
    (assets / "a.ttf").touch()
    (assets / "readme.txt").touch()
    system = [Path("/nowhere/x.ttf")]
    found = candidates(env={"ANJU_FONT": "/my/font.ttf"}, assets_dir=assets, system=system)
    assert found == [Path("/my/font.ttf"), assets / "a.ttf", assets / "b.ttc", system[0]]


def test_env_variable_selects_the_font(tmp_path):
    """ANJU_FONT pointing at a usable font wins over the system list."""
    real = next(p for p in candidates(env={}, assets_dir=None) if p.is_file())
    found = find_font(env={"ANJU_FONT": str(real)}, assets_dir=None, system=[])
    assert found.path == real
    assert found.font.fontName == FONT_NAME


def test_unusable_candidates_are_skipped_with_a_reason(tmp_path):
    """A CFF (OpenType) font and a missing file are passed over; the next usable font is used."""
    cff = tmp_path / "noto.otf"
    cff.write_bytes(b"OTTO" + bytes(200))
    real = next(p for p in candidates(env={}, assets_dir=None) if p.is_file())
    found = find_font(env={}, assets_dir=None, system=[tmp_path / "missing.ttf", cff, real])
    reasons = dict(found.skipped)
    assert reasons[str(tmp_path / "missing.ttf")] == "not found"
    assert "postscript outlines" in reasons[str(cff)]
    assert found.path == real


def test_font_not_found_names_what_was_searched_and_the_fix(tmp_path):
    """With ANJU_FONT pointing nowhere and no other candidate, the message says what to do."""
    nowhere = tmp_path / "nope.ttf"
    junk = tmp_path / "junk.ttc"
    junk.write_bytes(b"not a font at all")
    with pytest.raises(FontNotFound) as raised:
        find_font(env={"ANJU_FONT": str(nowhere)}, assets_dir=tmp_path / "none", system=[junk])
    message = str(raised.value)
    assert str(nowhere) in message
    assert str(junk) in message
    assert "apt-get install fonts-wqy-microhei" in message
    assert "ANJU_FONT=/path/to/font.ttf" in message
    assert [path for path, _reason in raised.value.tried] == [str(nowhere), str(junk)]
