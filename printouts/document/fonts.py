"""Find, load and register the one Chinese TrueType font every printout embeds.

Public documents must print the same on any computer, so the font is
embedded as a TrueType subset. ReportLab's ``TTFont`` reads TrueType
outlines only: CFF/OpenType fonts such as Noto Sans CJK are refused
(``postscript outlines are not supported``), and the built-in CID font
STSong-Light is never embedded, so neither is used.

Search order (the first font that loads wins):

1. the file named by the ``ANJU_FONT`` environment variable;
2. any ``.ttf``/``.ttc`` in ``printouts/assets/`` (a bundled font);
3. the usual system places: WenQuanYi Micro Hei / Zen Hei (Debian, Ubuntu,
   Fedora, Arch), SimHei, Microsoft YaHei, SimSun (Windows), STHeiti,
   PingFang, Arial Unicode (macOS).

A candidate that is missing, unreadable, CFF-outlined or forbids
embedding is skipped and remembered, so :class:`FontNotFound` can say
what was tried and why. A ``.ttc`` collection is read at subfont 0 (the
proportional face; wqy-microhei's subfont 1 is its monospaced twin).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from reportlab.graphics import shapes
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

#: The name documents use in styles; one face for regular, bold and italic.
FONT_NAME: Final = "AnjuCJK"
ENV_VAR: Final = "ANJU_FONT"
ASSETS_DIR: Final = Path(__file__).resolve().parents[1] / "assets"
FONT_SUFFIXES: Final = (".ttf", ".ttc")

SYSTEM_FONTS: Final[tuple[Path, ...]] = (
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    Path("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc"),  # Fedora
    Path("/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc"),  # Arch
    Path("/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc"),
    Path("C:/Windows/Fonts/simhei.ttf"),
    Path("C:/Windows/Fonts/msyh.ttc"),
    Path("C:/Windows/Fonts/simsun.ttc"),
    Path("/System/Library/Fonts/STHeiti Light.ttc"),
    Path("/System/Library/Fonts/PingFang.ttc"),  # CFF on some macOS versions: then skipped
    Path("/Library/Fonts/Arial Unicode.ttf"),
)

FIX_HINT: Final = (
    "Install a TrueType Chinese font (Debian/Ubuntu: apt-get install fonts-wqy-microhei; "
    "Fedora: dnf install wqy-microhei-fonts) or set ANJU_FONT=/path/to/font.ttf "
    "(a TrueType .ttf/.ttc such as simhei.ttf or msyh.ttc; not Noto CJK, whose CFF "
    "outlines ReportLab cannot embed)."
)


class FontNotFound(RuntimeError):
    """No usable Chinese TrueType font was found.

    Attributes:
        tried: ``(path, reason)`` for every candidate, in search order.
    """

    def __init__(self, tried: Sequence[tuple[str, str]]) -> None:
        self.tried = tuple(tried)
        lines = [f"  {path}: {reason}" for path, reason in self.tried] or ["  (no candidates)"]
        super().__init__(
            "No Chinese TrueType font for printouts. Searched:\n"
            + "\n".join(lines)
            + "\n"
            + FIX_HINT
        )


@dataclass(frozen=True, slots=True)
class FoundFont:
    """The font that was loaded, and the candidates skipped before it."""

    font: TTFont
    path: Path
    skipped: tuple[tuple[str, str], ...]


def candidates(
    *,
    env: Mapping[str, str] | None = None,
    assets_dir: Path | None = ASSETS_DIR,
    system: Iterable[Path] = SYSTEM_FONTS,
) -> list[Path]:
    """Font files to try, in search order (existence is checked when loading).

    Args:
        env: the environment to read ``ANJU_FONT`` from; ``os.environ`` if None.
        assets_dir: the folder of bundled fonts; None to skip it.
        system: system font paths to try last.
    """
    env = os.environ if env is None else env
    found: list[Path] = []
    if env.get(ENV_VAR, "").strip():
        found.append(Path(env[ENV_VAR].strip()).expanduser())
    if assets_dir is not None and assets_dir.is_dir():
        found += sorted(p for p in assets_dir.iterdir() if p.suffix.lower() in FONT_SUFFIXES)
    found += list(system)
    return found


def find_font(
    *,
    env: Mapping[str, str] | None = None,
    assets_dir: Path | None = ASSETS_DIR,
    system: Iterable[Path] = SYSTEM_FONTS,
) -> FoundFont:
    """Load the first usable candidate as a ``TTFont`` named :data:`FONT_NAME` (not registered).

    Raises:
        FontNotFound: when no candidate loads; its message lists each path
            with the reason it was skipped, and the fix.
    """
    tried: list[tuple[str, str]] = []
    for path in candidates(env=env, assets_dir=assets_dir, system=system):
        font, reason = _load(path)
        if font is not None:
            return FoundFont(font=font, path=path, skipped=tuple(tried))
        tried.append((str(path), reason))
    raise FontNotFound(tried)


def _load(path: Path) -> tuple[TTFont | None, str]:
    if not path.is_file():
        return None, "not found"
    try:
        # subfontIndex applies to .ttc collections only; 0 is the regular face.
        font = TTFont(FONT_NAME, str(path), subfontIndex=0)
    except TTFError as error:  # CFF outlines, embedding forbidden, corrupt file
        return None, f"unusable ({error})"
    except OSError as error:
        return None, f"unreadable ({error})"
    return font, ""


_registered: FoundFont | None = None


def register_font() -> FoundFont:
    """Find the font and register it with ReportLab, once per process.

    Registers :data:`FONT_NAME` and a font family whose regular, bold,
    italic and bold-italic faces are all that one font: CJK fonts of this
    kind have no bold face, and mapping ``<b>`` to the same face keeps
    markup harmless. Headings look bold through size instead.

    Raises:
        FontNotFound: as :func:`find_font`.
    """
    global _registered
    if _registered is None:
        found = find_font()
        pdfmetrics.registerFont(found.font)
        pdfmetrics.registerFontFamily(
            FONT_NAME, normal=FONT_NAME, bold=FONT_NAME, italic=FONT_NAME, boldItalic=FONT_NAME
        )
        # A chart (Drawing) opens its graphics state on ReportLab's default font, Helvetica,
        # before any of its strings picks ours: that alone puts an unembedded font in the
        # PDF. Our printouts have one font, so it is the default of every drawing too.
        shapes.STATE_DEFAULTS["fontName"] = FONT_NAME
        _registered = found
    return _registered


def missing_glyphs(text: str, font_name: str = FONT_NAME) -> list[str]:
    """Characters of ``text`` the registered font has no glyph for, each once, in order.

    White space and control characters are ignored. A missing character
    would print as a blank or a box, so callers check names and addresses
    (rare characters, 生僻字) before printing.

    Raises:
        KeyError: if ``font_name`` is not registered (call :func:`register_font`).
    """
    font = pdfmetrics.getFont(font_name)
    cmap = font.face.charToGlyph  # type: ignore[attr-defined]  # a TTFont's, untyped
    missing: dict[str, None] = {}
    for char in text:
        if char.isspace() or not char.isprintable():
            continue
        if ord(char) not in cmap:
            missing[char] = None
    return list(missing)
