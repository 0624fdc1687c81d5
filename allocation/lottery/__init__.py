"""The verifiable lottery (摇号): RFC 3797 selection from announced public random sources,
the sealed draw record (``anju-draw/1``) and its stand-alone verifier
(``python3 -S -m allocation.verify``), and the allocation mechanisms that turn the final
order into flats, with an independent check of their result."""

from allocation.lottery.mechanisms import Eligibility, allocatable, stock_key
from allocation.lottery.record import build_record, dumps_record, pool_sha256, record_sha256
from allocation.lottery.rfc3797 import DEFAULT_METHOD, METHODS, draw, get_method, key_string
from allocation.lottery.verifier import main

__all__ = [
    "DEFAULT_METHOD",
    "Eligibility",
    "METHODS",
    "allocatable",
    "build_record",
    "draw",
    "dumps_record",
    "get_method",
    "key_string",
    "main",
    "pool_sha256",
    "record_sha256",
    "stock_key",
]
