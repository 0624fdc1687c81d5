"""User text made safe for Paragraph markup, and the Chinese figures printouts use.

Every string that came from a user or a file (names, addresses, group
names, notes) goes through :func:`escape` before it is put into a
``Paragraph``: ReportLab parses ``&``, ``<`` and ``>`` as markup, so a
name such as ``A<B`` would otherwise raise or vanish. Plain strings in
table cells are drawn as they are and need :func:`clean` only.

Public outputs show personal data only through the ``public_*`` wrappers,
which mask first and escape second.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from decimal import Decimal
from typing import Final
from xml.sax.saxutils import escape as _xml_escape

from allocation.registry import mask_id, mask_name, mask_phone, quantize_area, quantize_money

DASH: Final = "—"  # printed where a value is not known yet

# Zero-width characters survive copy and paste from web pages and Excel but print as nothing
# or as a box; control characters would break the PDF text.
_INVISIBLE: Final = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_SPACES: Final = re.compile(r"\s+")


def clean(text: object) -> str:
    """Normalise text for printing: NFC, no invisible or control characters, single spaces.

    ``None`` becomes ``""``. NFC (not NFKC) keeps ㎡, full-width punctuation
    and the ideographic space U+3000 as the writer typed them; runs of white
    space, including line breaks and tabs, become one space.
    """
    if text is None:
        return ""
    value = unicodedata.normalize("NFC", str(text)).translate(_INVISIBLE)
    value = "".join(c if c.isprintable() or c.isspace() else " " for c in value)
    return _SPACES.sub(" ", value).strip()


def escape(text: object) -> str:
    """:func:`clean` the text and escape ``&``, ``<`` and ``>`` for Paragraph markup."""
    return _xml_escape(clean(text))


def public_name(name: str) -> str:
    """A person's name masked for the public (张*明), escaped for markup."""
    return escape(mask_name(clean(name)))


def public_id(number: str) -> str:
    """An ID number masked for the public (420106********1234), escaped for markup."""
    return escape(mask_id(clean(number)))


def public_phone(number: str) -> str:
    """A phone number masked for the public (138****5678), escaped for markup."""
    return escape(mask_phone(clean(number)))


def zh_date(day: date) -> str:
    """``2026年11月23日`` (no leading zeros, as on official documents)."""
    return f"{day.year}年{day.month}月{day.day}日"


def zh_datetime(moment: datetime) -> str:
    """``2026年11月23日 14:05`` (to the minute)."""
    return f"{zh_date(moment.date())} {moment:%H:%M}"


def area(value: Decimal) -> str:
    """An area in m² with two places and thousands separators: ``85.23``, ``12,345.60``."""
    return f"{quantize_area(Decimal(value)):,.2f}"


def money(value: Decimal) -> str:
    """Yuan with two places and thousands separators: ``123,400.00``."""
    return f"{quantize_money(Decimal(value)):,.2f}"


def optional_area(value: Decimal | None) -> str:
    """:func:`area` of a known value, :data:`DASH` for None (not decided yet)."""
    return DASH if value is None else area(value)


def short_hash(value: str, length: int = 16) -> str:
    """The first ``length`` characters and an ellipsis: ``0123456789abcdef…``."""
    value = clean(value)
    return value if len(value) <= length else value[:length] + "…"


# An 18-character ID number (or an old 15-digit one) typed into a free-text field.
_ID_LIKE: Final = re.compile(r"(?<![0-9])(?:[0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9Xx])")


def redact_ids(text: object) -> str:
    """:func:`clean` text, masking anything shaped like an ID number inside it.

    Public notices pass every free-text field (group names, notes) through
    this, so an ID number someone typed into the wrong field is not posted
    on a wall.
    """
    return _ID_LIKE.sub(lambda found: mask_id(found.group()), clean(text))
