"""The verifiable lottery (摇号): RFC 3797 selection from announced public random sources,
the sealed draw record (``anju-draw/1``) and its stand-alone verifier
(``python3 -S -m allocation.verify``), and the allocation mechanisms that turn the final
order into flats, with an independent check of their result.

The names below are loaded from their modules when first used (PEP 562): an
order (`anju order`) needs rfc3797 alone, while the mechanisms, the record and
the verifier pull in the whole of allocation.rules and allocation.registry.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # what the names are, for mypy and the import contracts
    from allocation.lottery.mechanisms import Eligibility, allocatable, check_order, stock_key
    from allocation.lottery.record import build_record, dumps_record, pool_sha256, record_sha256
    from allocation.lottery.rfc3797 import DEFAULT_METHOD, METHODS, draw, get_method, key_string
    from allocation.lottery.verifier import main

# Each name and the module of this package that holds it.
_HOMES = {
    "Eligibility": "mechanisms",
    "allocatable": "mechanisms",
    "check_order": "mechanisms",
    "stock_key": "mechanisms",
    "build_record": "record",
    "dumps_record": "record",
    "pool_sha256": "record",
    "record_sha256": "record",
    "DEFAULT_METHOD": "rfc3797",
    "METHODS": "rfc3797",
    "draw": "rfc3797",
    "get_method": "rfc3797",
    "key_string": "rfc3797",
    "main": "verifier",
}

__all__ = [
    "DEFAULT_METHOD",
    "Eligibility",
    "METHODS",
    "allocatable",
    "build_record",
    "check_order",
    "draw",
    "dumps_record",
    "get_method",
    "key_string",
    "main",
    "pool_sha256",
    "record_sha256",
    "stock_key",
]


def __getattr__(name: str) -> object:
    """The face's ``name``, imported from its module on first use and then kept here."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value
