"""The verifiable lottery: RFC 3797 selection from announced public random sources.

Implements the design note ``lottery-rfc3797.md`` (RFC 3797, Sections 4
and 6) plus the decisions recorded there: the method is named in every draw
record, pools above 65,535 need the four-byte-counter ``rfc3797x-*``
methods, and selection uses an order-statistics tree instead of deleting
from a Python list.

Standard library only: the verifier (``python -S -m allocation.verify``)
imports this module on a bare Python.

Algorithm (what :func:`draw` does):

1. Canonicalise every source as announced (:func:`canonical_source`):
   numbers written without leading zeros, with a period, without trailing
   fractional zeros; the values of a source sorted ascending and joined
   without separator; a text source upper-cased to ``A``-``Z``/``0``-``9``
   and closed with ``.``; every source string closed with ``/``.
2. Join the source strings in the announced order: the key string K
   (:func:`key_string`), pure ASCII.
3. For selection i = 0, 1, ... take the counter C_i (two bytes big-endian
   for ``rfc3797-*``, four bytes for ``rfc3797x-*``) and compute
   D_i = H(C_i || K || C_i) with H = MD5 or SHA-256.
4. Read D_i as an unsigned big-endian integer V_i; the divisor is
   m = P - i, the number of positions still in the pool.
5. r = V_i mod m; the selectee is the (r + 1)-th remaining position in
   published order. Record its original number and remove it.
6. Repeat until the pool is empty (or ``count`` selections are made); the
   result is a permutation of 1..P whose first k entries never depend on
   how many are drawn.
"""

from __future__ import annotations

import hashlib
import re
import struct
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Final, NamedTuple, Protocol, TypeAlias

from allocation.errors import ValidationError

DEFAULT_METHOD: Final = "rfc3797-md5"

# Pools up to this size get the per-step table by default; above it the
# table (one row per household) costs more than the draw itself.
STEPS_AUTO_LIMIT: Final = 65_535

DEFAULT_REPORT_EVERY: Final = 16_384

# Leaves of the order-statistics tree are buckets of 2**11 positions. Removing
# from a bucket is a C-level memmove of at most 2,048 pointers (constant
# time), and the Fenwick tree above the buckets is 11 levels shallower, which
# is what costs in interpreted Python: a million positions take ~2.0 s
# instead of ~4.4 s with one position per leaf (bucket_bits=0).
_BUCKET_BITS: Final = 11

SourceValue: TypeAlias = "str | int | Decimal"
SourceInput: TypeAlias = "str | Sequence[str | int | Decimal]"


# --- methods ---------------------------------------------------------------


@dataclass(frozen=True)
class Method:
    """One named hash construction; the name is stored in every draw record."""

    name: str
    hash_name: str
    counter_bytes: int

    @property
    def max_pool(self) -> int:
        """Largest pool allowed: 2**(8 * counter_bytes) - 1 (the RFC's cap for two bytes)."""
        return (1 << (8 * self.counter_bytes)) - 1

    @property
    def is_rfc3797(self) -> bool:
        """True only for the construction RFC 3797 defines (MD5, two-byte counter)."""
        return self.hash_name == "md5" and self.counter_bytes == 2


METHODS: Final[dict[str, Method]] = {
    m.name: m
    for m in (
        Method("rfc3797-md5", "md5", 2),
        Method("rfc3797-sha256", "sha256", 2),
        Method("rfc3797x-md5", "md5", 4),
        Method("rfc3797x-sha256", "sha256", 4),
    )
}


def get_method(name: str) -> Method:
    """The method called ``name``; ``unknown_method`` if there is none."""
    try:
        return METHODS[name]
    except (KeyError, TypeError):
        raise ValidationError("unknown_method", method=name, known=sorted(METHODS)) from None


# --- step 1: canonical sources ---------------------------------------------

# ASCII only on purpose: Python's int() and \d accept Arabic-Indic and other
# digits, which the RFC's key string cannot carry.
_NUMBER: Final = re.compile(r"(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)\Z")
_NEGATIVE: Final = re.compile(r"[-\u2212](?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)\Z")
_VALUE_SEPARATORS: Final = re.compile(r"[\s,、]+")
_TEXT_SEPARATORS: Final = re.compile(r"[,、]")


def canonical_value(value: SourceValue, *, index: int = 1) -> str:
    """One non-negative decimal number in the RFC's canonical form.

    ``0`` -> ``0.``, ``"007"`` -> ``7.``, ``"3.50"`` -> ``3.5``,
    ``"3.0"`` -> ``3.``, ``".25"`` -> ``0.25``, ``"0931"`` -> ``931.``.

    Args:
        value: the number as text, ``int`` or ``Decimal`` (never ``float``:
            a binary float cannot say which decimal was announced).
        index: 1-based source number, only for error parameters.

    Raises:
        ValidationError: ``source_negative``, ``source_not_a_number``,
            ``source_float_not_allowed``, ``source_invalid_value``.
    """
    return _canonical_number(_number_text(value, index), index)


def canonical_source(source: SourceInput, *, index: int = 1) -> str:
    """The source string of one source, including its closing ``/``.

    ``"2 5 12 8 10"`` -> ``2.5.8.10.12./``; ``"9319"`` -> ``9319./``;
    ``"Café au lait"`` -> ``CAFEAULAIT./``. Text is split into values on
    white space, commas and 、 (after NFKC, so full-width digits and commas
    work). A text that is not all numbers is one text source.

    Args:
        source: the text as announced, or a sequence of values.
        index: 1-based position of the source in the announced list, used
            in error parameters.

    Raises:
        ValidationError: ``source_empty``, ``source_negative``,
            ``source_non_latin``, ``source_multiple_texts``,
            ``source_float_not_allowed``, ``source_invalid_value``.
    """
    if isinstance(source, str):
        return _canonical_source_text(source, index)
    if isinstance(source, Sequence):
        return _canonical_source_values(list(source), index)
    raise ValidationError("source_invalid_value", index=index, value=repr(source))


def key_string(sources: Sequence[SourceInput]) -> str:
    """The key string K: the source strings joined in the announced order.

    Raises:
        ValidationError: ``sources_empty`` or any error of
            :func:`canonical_source` (with the 1-based source ``index``).
    """
    if isinstance(sources, str):
        # A bare string would be read as one source per character.
        raise ValidationError("sources_not_a_list", value=sources)
    if not sources:
        raise ValidationError("sources_empty")
    return "".join(canonical_source(s, index=i) for i, s in enumerate(sources, start=1))


def _canonical_source_text(text: str, index: int) -> str:
    tokens = [t for t in _VALUE_SEPARATORS.split(unicodedata.normalize("NFKC", text)) if t]
    if not tokens:
        raise ValidationError("source_empty", index=index, value=text)
    if all(_NUMBER.match(t) for t in tokens):
        return _join_numbers(tokens, index)
    for token in tokens:
        if _NEGATIVE.match(token):
            raise ValidationError("source_negative", index=index, value=token)
    parts = [p for p in _TEXT_SEPARATORS.split(unicodedata.normalize("NFKC", text)) if p.strip()]
    if len(parts) > 1:
        # Two team names, say: the RFC defines no order or joining for them.
        raise ValidationError("source_multiple_texts", index=index, value=text)
    return _canonical_text(text, index)


def _canonical_source_values(values: list[object], index: int) -> str:
    if not values:
        raise ValidationError("source_empty", index=index, value="")
    texts = [v for v in values if isinstance(v, str) and not _is_number_text(v)]
    if texts and len(values) > 1:
        raise ValidationError("source_multiple_texts", index=index, value=str(texts[0]))
    if texts:
        return _canonical_text(texts[0], index)
    return _join_numbers([_number_text(v, index) for v in values], index)


def _is_number_text(text: str) -> bool:
    return bool(_NUMBER.match(unicodedata.normalize("NFKC", text).strip()))


def _join_numbers(tokens: Sequence[str], index: int) -> str:
    # Sorted ascending by value (RFC 3797 Section 4); duplicates are kept.
    ordered = sorted(tokens, key=Decimal)
    return "".join(_canonical_number(t, index) for t in ordered) + "/"


def _number_text(value: object, index: int) -> str:
    """The plain decimal text of one value; raises for anything else."""
    if isinstance(value, bool):
        raise ValidationError("source_invalid_value", index=index, value=repr(value))
    if isinstance(value, float):
        raise ValidationError("source_float_not_allowed", index=index, value=repr(value))
    if isinstance(value, int):
        if value < 0:
            raise ValidationError("source_negative", index=index, value=str(value))
        return str(value)
    if isinstance(value, Decimal):
        return _decimal_text(value, index)
    if isinstance(value, str):
        return _numeric_token(value, index)
    raise ValidationError("source_invalid_value", index=index, value=repr(value))


def _decimal_text(value: Decimal, index: int) -> str:
    if not value.is_finite():
        raise ValidationError("source_not_a_number", index=index, value=str(value))
    if value.is_signed():
        raise ValidationError("source_negative", index=index, value=str(value))
    return format(value, "f")


def _numeric_token(text: str, index: int) -> str:
    token = unicodedata.normalize("NFKC", text).strip()
    if _NUMBER.match(token):
        return token
    if _NEGATIVE.match(token):
        raise ValidationError("source_negative", index=index, value=text)
    if not token:
        raise ValidationError("source_empty", index=index, value=text)
    raise ValidationError("source_not_a_number", index=index, value=text)


def _canonical_number(token: str, index: int) -> str:
    whole, _, fraction = token.partition(".")
    if not _NUMBER.match(token):
        raise ValidationError("source_not_a_number", index=index, value=token)
    return f"{whole.lstrip('0') or '0'}.{fraction.rstrip('0')}"


def _canonical_text(text: str, index: int) -> str:
    """RFC 3797 text rule: keep A-Z and 0-9 after removing accents (NFKD)."""
    kept: list[str] = []
    for char in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(char):
            continue
        for upper in char.upper():  # "ß".upper() == "SS"
            if "A" <= upper <= "Z" or "0" <= upper <= "9":
                kept.append(upper)
            elif upper.isalnum():
                # Undefined by the RFC; dropping it silently would hide entropy.
                raise ValidationError("source_non_latin", index=index, value=text, char=char)
    result = "".join(kept)
    if not result:
        raise ValidationError("source_empty", index=index, value=text)
    if result.isdigit():
        # Digit-only text is a number, so leading zeros go (note, item 4).
        return _canonical_number(result, index) + "/"
    return result + "./"


# --- steps 3-6: the selection ----------------------------------------------


class Step(NamedTuple):
    """One row of the published table; ``counter`` is 0-based (row = counter + 1)."""

    counter: int
    digest_hex: str
    divisor: int
    remainder: int
    selected: int


@dataclass(frozen=True)
class DrawRun:
    """The result of a draw.

    Attributes:
        method: the method name, e.g. ``"rfc3797-md5"``.
        key: the key string K.
        pool_size: P.
        order: 1-based original positions in selection order.
        steps: the per-step table, or ``()`` when it was not kept (see
            :func:`iter_steps` to regenerate it lazily).
    """

    method: str
    key: str
    pool_size: int
    order: tuple[int, ...]
    steps: tuple[Step, ...] = ()

    @property
    def complete(self) -> bool:
        """True if the whole pool was ordered."""
        return len(self.order) == self.pool_size


class ProgressReporter(Protocol):
    """Told how far a long draw has got; must be cheap. Exceptions are ignored."""

    def __call__(self, done: int, total: int) -> None: ...


class NullProgressReporter:
    """The do-nothing reporter."""

    def __call__(self, done: int, total: int) -> None:
        return None


class _RemainingPool:
    """Positions 1..P not yet drawn, in published order, with O(log P) rank lookup.

    A Fenwick (binary indexed) tree counts the remaining positions per bucket;
    each bucket is a short list of positions. ``take(r)`` descends the tree
    to the bucket holding the r-th remaining position, decrementing on the way
    every tree node whose range contains that bucket (the nodes where the
    descent does *not* move right are exactly those), then pops the position
    from its bucket.
    """

    def __init__(self, size: int, *, bucket_bits: int = _BUCKET_BITS) -> None:
        width = 1 << bucket_bits
        self._buckets = [
            list(range(start + 1, min(size, start + width) + 1)) for start in range(0, size, width)
        ]
        levels = (len(self._buckets) - 1).bit_length()
        self._tree = _fenwick([len(b) for b in self._buckets], 1 << levels)
        # Descent steps, largest first; the tree is padded to a power of two
        # so the descent needs no bounds check.
        self._steps = tuple(1 << level for level in range(levels, -1, -1))
        self._remaining = size

    def __len__(self) -> int:
        return self._remaining

    def take(self, rank: int) -> int:
        """Remove and return the remaining position of 0-based ``rank``."""
        tree = self._tree
        wanted = rank + 1
        node = 0
        for step in self._steps:
            child = node + step
            count = tree[child]
            if count < wanted:
                node = child
                wanted -= count
            else:
                tree[child] = count - 1
        self._remaining -= 1
        return self._buckets[node].pop(wanted - 1)


def _fenwick(counts: Sequence[int], size: int) -> list[int]:
    """A 1-based Fenwick tree of ``size`` leaves over ``counts`` (rest zero), O(size)."""
    tree = [0] * (size + 1)
    tree[1 : len(counts) + 1] = counts
    for node in range(1, size + 1):
        parent = node + (node & -node)
        if parent <= size:
            tree[parent] += tree[node]
    return tree


class _Hasher(Protocol):
    def digest(self) -> bytes: ...


class _Drawing:
    """The state of a draw in progress: next counter and remaining pool."""

    def __init__(self, pool_size: int, key: str, method: Method) -> None:
        key_bytes = key.encode("ascii")
        width = "H" if method.counter_bytes == 2 else "I"
        # One C call builds C_i || K || C_i.
        self._pack = struct.Struct(f">{width}{len(key_bytes)}s{width}").pack
        self._key = key_bytes
        self._hash: Callable[[bytes], _Hasher] = getattr(hashlib, method.hash_name)
        self._pool = _RemainingPool(pool_size)
        self.pool_size = pool_size
        self.counter = 0

    def advance(self, stop: int, order: list[int], steps: list[Step] | None) -> None:
        """Make selections ``self.counter`` .. ``stop - 1`` (the hot loop)."""
        pack, key, hash_, take = self._pack, self._key, self._hash, self._pool.take
        total, from_bytes = self.pool_size, int.from_bytes
        for counter in range(self.counter, stop):
            digest = hash_(pack(counter, key, counter)).digest()
            divisor = total - counter
            remainder = from_bytes(digest, "big") % divisor
            selected = take(remainder)
            order.append(selected)
            if steps is not None:
                steps.append(Step(counter, digest.hex().upper(), divisor, remainder, selected))
        self.counter = stop


def draw(
    pool_size: int,
    sources: Sequence[SourceInput],
    method: str = DEFAULT_METHOD,
    *,
    steps: bool | None = None,
    count: int | None = None,
    reporter: ProgressReporter | None = None,
    report_every: int = DEFAULT_REPORT_EVERY,
) -> DrawRun:
    """Order a published pool of ``pool_size`` positions from announced sources.

    Args:
        pool_size: P, the number of published positions (numbered 1..P).
        sources: the sources as announced, in the pre-specified order.
        method: one of :data:`METHODS`; must be fixed before the draw.
        steps: keep the per-step table; ``None`` keeps it for pools up to
            :data:`STEPS_AUTO_LIMIT`.
        count: stop after this many selections (default: the whole pool).
        reporter: called with ``(done, total)`` every ``report_every`` steps
            and at the end; its exceptions are swallowed.

    Returns:
        The :class:`DrawRun`.

    Raises:
        ValidationError: for bad sources (see :func:`canonical_source`),
            ``unknown_method``, ``pool_too_large_for_method``,
            ``pool_empty``, ``pool_size_invalid``, ``count_out_of_range``.
    """
    return draw_from_key(
        pool_size,
        key_string(sources),
        method,
        steps=steps,
        count=count,
        reporter=reporter,
        report_every=report_every,
    )


def draw_from_key(
    pool_size: int,
    key: str,
    method: str = DEFAULT_METHOD,
    *,
    steps: bool | None = None,
    count: int | None = None,
    reporter: ProgressReporter | None = None,
    report_every: int = DEFAULT_REPORT_EVERY,
) -> DrawRun:
    """Like :func:`draw`, from a key string K already built (the verifier's entry)."""
    spec = get_method(method)
    total = _checked_count(pool_size, spec, count)
    _check_key(key)
    keep_steps = total <= STEPS_AUTO_LIMIT if steps is None else steps
    drawing = _Drawing(pool_size, key, spec)
    order: list[int] = []
    table: list[Step] | None = [] if keep_steps else None
    report = _SafeReporter(reporter)
    every = max(1, report_every)
    while drawing.counter < total:
        drawing.advance(min(total, drawing.counter + every), order, table)
        report(drawing.counter, total)
    return DrawRun(spec.name, key, pool_size, tuple(order), tuple(table or ()))


def iter_steps(
    pool_size: int, key: str, method: str = DEFAULT_METHOD, *, count: int | None = None
) -> Iterator[Step]:
    """The per-step table, generated lazily (memory stays flat for huge pools)."""
    spec = get_method(method)
    total = _checked_count(pool_size, spec, count)
    _check_key(key)
    drawing = _Drawing(pool_size, key, spec)
    order: list[int] = []
    while drawing.counter < total:
        chunk: list[Step] = []
        drawing.advance(min(total, drawing.counter + 4096), order, chunk)
        order.clear()
        yield from chunk


def step_digest(key: str, counter: int, method: str = DEFAULT_METHOD) -> str:
    """D_counter in upper-case hex, as in the RFC's table: to check one row by hand."""
    spec = get_method(method)
    _check_key(key)
    if not 0 <= counter <= spec.max_pool:
        raise ValidationError("counter_out_of_range", counter=counter, method=spec.name)
    c = counter.to_bytes(spec.counter_bytes, "big")
    hasher: _Hasher = getattr(hashlib, spec.hash_name)(c + key.encode("ascii") + c)
    return hasher.digest().hex().upper()


def _checked_count(pool_size: int, spec: Method, count: int | None) -> int:
    if isinstance(pool_size, bool) or not isinstance(pool_size, int):
        raise ValidationError("pool_size_invalid", pool_size=repr(pool_size))
    if pool_size < 1:
        raise ValidationError("pool_empty", pool_size=pool_size)
    if pool_size > spec.max_pool:
        raise ValidationError(
            "pool_too_large_for_method",
            pool_size=pool_size,
            method=spec.name,
            max_pool=spec.max_pool,
        )
    if count is None:
        return pool_size
    if isinstance(count, bool) or not isinstance(count, int) or not 0 <= count <= pool_size:
        raise ValidationError("count_out_of_range", count=repr(count), pool_size=pool_size)
    return count


def _check_key(key: str) -> None:
    if not isinstance(key, str) or not key or not key.isascii():
        raise ValidationError("key_invalid", key=repr(key))


class _SafeReporter:
    """Wraps a reporter so that its failure cannot abort a draw."""

    def __init__(self, reporter: ProgressReporter | None) -> None:
        self._reporter = reporter

    def __call__(self, done: int, total: int) -> None:
        if self._reporter is None:
            return
        try:
            self._reporter(done, total)
        except Exception:
            # A progress bar must never stop a public draw. Once broken,
            # the reporter stays quiet for the rest of this draw.
            self._reporter = None
