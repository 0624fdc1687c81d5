"""Tests of the RFC 3797 lottery: the RFC's worked example, canonical sources, properties."""

from __future__ import annotations

import hashlib
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from allocation.errors import ValidationError
from allocation.lottery.rfc3797 import (
    METHODS,
    STEPS_AUTO_LIMIT,
    DrawRun,
    _RemainingPool,
    canonical_source,
    canonical_value,
    draw,
    draw_from_key,
    iter_steps,
    key_string,
    step_digest,
)

RFC_SOURCES = ["9319", "2 5 12 8 10", "9 18 26 34 41 45"]
RFC_KEY = "9319./2.5.8.10.12./9.18.26.34.41.45./"

# RFC 3797 Section 6, the published table (index 1..16): MD5 digest and selection.
RFC_DIGESTS = [
    "990DD0A5692A029A98B5E01AA28F3459",
    "3691E55CB63FCC37914430B2F70B5EC6",
    "FE814EDF564C190AC1D25753979990FA",
    "1863CCACEB568C31D7DDBDF1D4E91387",
    "F4AB33DF4889F0AF29C513905BE1D758",
    "13EAEB529F61ACFB9A29D0BA3A60DE4A",
    "992DB77C382CA2BDB9727001F3CDCCD9",
    "63AB4258ECA922976811C7F55C383CE7",
    "DFBC5AC97CED01B3A6E348E3CC63F40D",
    "31CB111C4A4EBE9287CEAE16FE51B909",
    "07FA46C122F164C215BBC72793B189A3",
    "AC52F8D75CCBE2E61AFEB3387637D501",
    "53306F73E14FC0B2FBF434218D25948E",
    "B5D1403501A81F9A47318BE7893B347C",
    "85B10B356AA06663EF1B1B407765100A",
    "3269E6CE559ABD57E2BA6AAB495EB9BD",
]
RFC_SELECTED = [17, 7, 2, 16, 25, 23, 8, 24, 19, 13, 22, 5, 18, 9, 1, 4]

_COUNTER_BYTES = {"rfc3797-md5": 2, "rfc3797-sha256": 2, "rfc3797x-md5": 4, "rfc3797x-sha256": 4}
_HASH = {"rfc3797-md5": "md5", "rfc3797-sha256": "sha256"}
_HASH |= {"rfc3797x-md5": "md5", "rfc3797x-sha256": "sha256"}


def naive_order(pool_size: int, key: str, method: str, count: int | None = None) -> list[int]:
    """Reference: the note's Step 3 literally, deleting from a Python list."""
    width = _COUNTER_BYTES[method]
    remaining = list(range(1, pool_size + 1))
    order = []
    for i in range(pool_size if count is None else count):
        c = i.to_bytes(width, "big")
        value = int.from_bytes(hashlib.new(_HASH[method], c + key.encode() + c).digest(), "big")
        order.append(remaining.pop(value % len(remaining)))
    return order


# --- the RFC's worked example ----------------------------------------------


def test_rfc_example_key_string() -> None:
    """The three example sources give the RFC's key string, ball draw order sorted."""
    assert key_string(RFC_SOURCES) == RFC_KEY


def test_rfc_published_digests_are_md5_of_counter_key_counter() -> None:
    """Independent of our code: row k of the RFC table is MD5(C || K || C) with C = k - 1."""
    key = RFC_KEY.encode("ascii")
    for counter, published in enumerate(RFC_DIGESTS):
        c = counter.to_bytes(2, "big")
        assert hashlib.md5(c + key + c).hexdigest().upper() == published


def test_rfc_example_table_bit_for_bit() -> None:
    """draw() reproduces every published row: digest, divisor and selected number."""
    run = draw(25, RFC_SOURCES)
    assert run.key == RFC_KEY
    assert run.method == "rfc3797-md5"
    for row, (digest, selected) in enumerate(zip(RFC_DIGESTS, RFC_SELECTED, strict=True)):
        step = run.steps[row]
        assert step.counter == row
        assert step.digest_hex == digest
        assert step.divisor == 25 - row
        assert step.remainder == int(digest, 16) % (25 - row)
        assert step.selected == selected
    assert list(run.order[:16]) == RFC_SELECTED


def test_rfc_example_first_ten_are_the_published_nomcom() -> None:
    """The RFC's ten selected volunteers, by pool number."""
    run = draw(25, RFC_SOURCES, count=10)
    assert run.order == (17, 7, 2, 16, 25, 23, 8, 24, 19, 13)


def test_rfc_example_whole_pool_matches_reference() -> None:
    """Past the published 16 rows, the order still equals list deletion."""
    run = draw(25, RFC_SOURCES)
    assert list(run.order) == naive_order(25, RFC_KEY, "rfc3797-md5")
    assert sorted(run.order) == list(range(1, 26))


def test_step_digest_checks_one_row_by_hand() -> None:
    """step_digest gives the RFC's row 16 (counter 15) without running the draw."""
    assert step_digest(RFC_KEY, 15) == RFC_DIGESTS[15]


# --- canonical sources -----------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, "0."),
        ("0", "0."),
        (7, "7."),
        ("007", "7."),
        (123456, "123456."),
        ("3.50", "3.5"),
        (Decimal("3.50"), "3.5"),
        ("3.0", "3."),
        ("3.", "3."),
        (".25", "0.25"),
        ("0.25", "0.25"),
        ("0931", "931."),
        ("０９３１", "931."),  # full-width digits from a Chinese input method
        (Decimal("1E+2"), "100."),
    ],
)
def test_canonical_value_table(value: object, expected: str) -> None:
    """The note's table of canonical numbers."""
    assert canonical_value(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("announced", "expected"),
    [
        ("9319", "9319./"),
        ("0931", "931./"),
        ("2 5 12 8 10", "2.5.8.10.12./"),
        ("2,5,12,8,10", "2.5.8.10.12./"),
        ("2、5、12、8、10", "2.5.8.10.12./"),
        ("2，5，12，8，10", "2.5.8.10.12./"),
        (" 10\t2\n5 ", "2.5.10./"),
        ("5 5 1", "1.5.5./"),  # duplicates kept
        ("3.50 10 1.25", "1.253.510./"),  # sorted by value, not as text
        ([2, 5, 12, 8, 10], "2.5.8.10.12./"),
        ([Decimal("0.5"), 3], "0.53./"),
        ("Hello World!", "HELLOWORLD./"),
        ("Café au lait", "CAFEAULAIT./"),
        ("Straße", "STRASSE./"),
        ("W 4-1", "W41./"),
        ("No. 007", "NO007./"),
        (["Ångström"], "ANGSTROM./"),
        ("4-1", "41./"),  # digit-only text is a number
    ],
)
def test_canonical_source_table(announced: object, expected: str) -> None:
    """Sources as announced become the RFC's source strings."""
    assert canonical_source(announced) == expected  # type: ignore[arg-type]


def test_mixed_integers_and_fractions_collide_as_the_note_warns() -> None:
    """Note, ambiguity 3: {1, 11.1} and {1.1, 1.1} give the same key."""
    a = key_string([[Decimal("1"), Decimal("11.1")]])
    b = key_string([[Decimal("1.1"), Decimal("1.1")]])
    assert a == b == "1.11.1/"


@pytest.mark.parametrize(
    ("source", "code", "value"),
    [
        ("", "source_empty", ""),
        ("  、 ", "source_empty", "  、 "),
        ("!!!", "source_empty", "!!!"),
        ([], "source_empty", ""),
        ("-5", "source_negative", "-5"),
        ("3 -1 4", "source_negative", "-1"),
        ("−2", "source_negative", "−2"),
        ([3, -1], "source_negative", "-1"),
        ([Decimal("-0.5")], "source_negative", "-0.5"),
        ("北京队", "source_non_latin", "北京队"),
        ("Ølstykke", "source_non_latin", "Ølstykke"),
        ("٣٤", "source_non_latin", "٣٤"),
        ("Lakers, Celtics", "source_multiple_texts", "Lakers, Celtics"),
        ("湖人、凯尔特人", "source_multiple_texts", "湖人、凯尔特人"),
        (["Lakers", "Celtics"], "source_multiple_texts", "Lakers"),
        ([3.5], "source_float_not_allowed", "3.5"),
        ([True], "source_invalid_value", "True"),
    ],
)
def test_canonical_source_rejections(source: object, code: str, value: str) -> None:
    """Sources the note calls undefined are rejected with a code, index and value."""
    with pytest.raises(ValidationError) as info:
        canonical_source(source, index=3)  # type: ignore[arg-type]
    assert info.value.code == code
    assert info.value.params["index"] == 3
    assert info.value.params["value"] == value


def test_key_string_names_the_failing_source() -> None:
    """The 1-based index of the bad source is in the error."""
    with pytest.raises(ValidationError) as info:
        key_string(["9319", "2 5 -12"])
    assert (info.value.code, info.value.params["index"]) == ("source_negative", 2)


@pytest.mark.parametrize(
    ("sources", "code"), [([], "sources_empty"), ("9319", "sources_not_a_list")]
)
def test_key_string_needs_a_list_of_sources(sources: object, code: str) -> None:
    """No sources, or a bare string, is refused."""
    with pytest.raises(ValidationError) as info:
        key_string(sources)  # type: ignore[arg-type]
    assert info.value.code == code


def test_canonical_value_refuses_float_and_text() -> None:
    """Fractions come as Decimal or text; words are not numbers."""
    for value, code in [(3.5, "source_float_not_allowed"), ("abc", "source_not_a_number")]:
        with pytest.raises(ValidationError) as info:
            canonical_value(value)  # type: ignore[arg-type]
        assert info.value.code == code


# --- methods and limits ----------------------------------------------------


def test_unknown_method_is_refused() -> None:
    """A method that is not published cannot be used."""
    with pytest.raises(ValidationError) as info:
        draw(10, RFC_SOURCES, "rfc3797-sha1")
    assert info.value.code == "unknown_method"
    assert info.value.params["method"] == "rfc3797-sha1"


@pytest.mark.parametrize("method", ["rfc3797-md5", "rfc3797-sha256"])
def test_two_byte_methods_refuse_pools_over_65535(method: str) -> None:
    """The two-byte counter caps the pool at 2**16 - 1; never switch silently."""
    draw(65_535, RFC_SOURCES, method, count=2)
    with pytest.raises(ValidationError) as info:
        draw(65_536, RFC_SOURCES, method, count=2)
    assert info.value.code == "pool_too_large_for_method"
    assert info.value.params == {"pool_size": 65_536, "method": method, "max_pool": 65_535}


@pytest.mark.parametrize("method", ["rfc3797x-md5", "rfc3797x-sha256"])
def test_wide_counter_methods_accept_large_pools(method: str) -> None:
    """The four-byte methods take pools over 65,535, counters big-endian on both sides."""
    run = draw(70_000, RFC_SOURCES, method, count=3)
    assert run.order == tuple(naive_order(70_000, RFC_KEY, method, count=3))


def test_wide_counter_differs_from_rfc_counter() -> None:
    """rfc3797x-md5 is not rfc3797-md5: the counter width changes every digest."""
    rfc = draw(25, RFC_SOURCES, "rfc3797-md5")
    wide = draw(25, RFC_SOURCES, "rfc3797x-md5")
    assert rfc.steps[0].digest_hex != wide.steps[0].digest_hex
    assert rfc.order != wide.order
    c = (0).to_bytes(4, "big")
    assert wide.steps[0].digest_hex == hashlib.md5(c + RFC_KEY.encode() + c).hexdigest().upper()


def test_sha256_reads_the_whole_digest_big_endian() -> None:
    """rfc3797-sha256: V is the 256-bit digest, first byte most significant."""
    run = draw(1000, RFC_SOURCES, "rfc3797-sha256", count=1)
    c = (0).to_bytes(2, "big")
    value = int(hashlib.sha256(c + RFC_KEY.encode() + c).hexdigest(), 16)
    assert run.steps[0].remainder == value % 1000
    assert run.order == (value % 1000 + 1,)


@pytest.mark.parametrize(
    ("pool_size", "count", "code"),
    [(0, None, "pool_empty"), (True, None, "pool_size_invalid"), (10, 11, "count_out_of_range")],
)
def test_bad_pool_size_or_count(pool_size: object, count: int | None, code: str) -> None:
    """Empty pools and impossible counts are refused with a code."""
    with pytest.raises(ValidationError) as info:
        draw(pool_size, RFC_SOURCES, count=count)  # type: ignore[arg-type]
    assert info.value.code == code


# --- step table, laziness, progress ----------------------------------------


def test_steps_kept_for_small_pools_and_optional() -> None:
    """Small pools keep the table by default; steps=False drops it, order unchanged."""
    with_table = draw(100, RFC_SOURCES)
    without = draw(100, RFC_SOURCES, steps=False)
    assert len(with_table.steps) == 100
    assert without.steps == ()
    assert with_table.order == without.order
    assert [s.selected for s in with_table.steps] == list(with_table.order)
    assert STEPS_AUTO_LIMIT == 65_535


def test_iter_steps_is_the_same_table_lazily() -> None:
    """iter_steps regenerates the table without keeping it all."""
    run = draw(5000, RFC_SOURCES, "rfc3797x-sha256")
    assert tuple(iter_steps(5000, RFC_KEY, "rfc3797x-sha256")) == run.steps


def test_reporter_is_called_in_chunks_and_at_the_end() -> None:
    """The reporter hears (done, total) every report_every steps and at the end."""
    calls: list[tuple[int, int]] = []
    draw(25, RFC_SOURCES, reporter=lambda d, t: calls.append((d, t)), report_every=10)
    assert calls == [(10, 25), (20, 25), (25, 25)]


def test_raising_reporter_does_not_abort_the_draw() -> None:
    """A broken progress bar is silenced; the draw completes identically."""
    calls = []

    def broken(done: int, total: int) -> None:
        calls.append(done)
        raise RuntimeError("widget deleted")

    run = draw(25, RFC_SOURCES, reporter=broken, report_every=5)
    assert run.order == draw(25, RFC_SOURCES).order
    assert calls == [5]


def test_draw_run_is_frozen() -> None:
    """A result cannot be edited after the draw."""
    run = draw(5, RFC_SOURCES)
    assert isinstance(run, DrawRun) and run.complete
    with pytest.raises(AttributeError):
        run.order = (1, 2, 3, 4, 5)  # type: ignore[misc]


# --- properties ------------------------------------------------------------

numbers = st.integers(min_value=0, max_value=10**9)
source_texts = st.lists(numbers, min_size=1, max_size=6).map(lambda v: " ".join(map(str, v)))
sources = st.lists(source_texts, min_size=1, max_size=4)
methods = st.sampled_from(sorted(METHODS))


@settings(max_examples=60, deadline=None)
@given(sources=sources, method=methods, pool_size=st.integers(1, 150))
def test_every_run_is_a_permutation(sources: list[str], method: str, pool_size: int) -> None:
    """Whatever the sources and method, the whole-pool order is a permutation of 1..P."""
    run = draw(pool_size, sources, method)
    assert sorted(run.order) == list(range(1, pool_size + 1))
    assert [s.divisor for s in run.steps] == list(range(pool_size, 0, -1))


@settings(max_examples=60, deadline=None)
@given(sources=sources, method=methods, pool_size=st.integers(1, 150), data=st.data())
def test_prefix_does_not_depend_on_stopping_point(
    sources: list[str], method: str, pool_size: int, data: st.DataObject
) -> None:
    """The first k selections are the same whether k or all P are drawn."""
    k = data.draw(st.integers(0, pool_size))
    assert (
        draw(pool_size, sources, method, count=k).order
        == draw(pool_size, sources, method).order[:k]
    )


@settings(max_examples=60, deadline=None)
@given(sources=sources, method=methods, pool_size=st.integers(1, 150))
def test_draw_equals_list_deletion_reference(
    sources: list[str], method: str, pool_size: int
) -> None:
    """The tree-based selection equals the note's list-deletion algorithm."""
    key = key_string(sources)
    assert list(draw_from_key(pool_size, key, method).order) == naive_order(pool_size, key, method)


@pytest.mark.parametrize("method", sorted(METHODS))
def test_many_buckets_equal_reference(method: str) -> None:
    """A pool spanning several tree buckets (2,048 positions each) still equals the reference."""
    assert list(draw(10_000, RFC_SOURCES, method).order) == naive_order(10_000, RFC_KEY, method)


@settings(max_examples=80, deadline=None)
@given(size=st.integers(1, 300), bucket_bits=st.integers(0, 4), data=st.data())
def test_fenwick_take_equals_list_pop(size: int, bucket_bits: int, data: st.DataObject) -> None:
    """Order-statistics removal equals list.pop at every rank, for any bucket width."""
    pool = _RemainingPool(size, bucket_bits=bucket_bits)
    reference = list(range(1, size + 1))
    while reference:
        rank = data.draw(st.integers(0, len(reference) - 1))
        assert pool.take(rank) == reference.pop(rank)
        assert len(pool) == len(reference)


@settings(max_examples=40, deadline=None)
@given(key_sources=sources)
def test_wide_and_rfc_counters_never_share_a_first_digest(key_sources: list[str]) -> None:
    """For any key, the x-method's first digest differs from the RFC method's."""
    key = key_string(key_sources)
    assert step_digest(key, 0, "rfc3797-md5") != step_digest(key, 0, "rfc3797x-md5")
    assert step_digest(key, 0, "rfc3797-sha256") != step_digest(key, 0, "rfc3797x-sha256")


@pytest.mark.slow
def test_million_pool_is_a_permutation() -> None:
    """A pool of one million (rfc3797x-md5) is ordered completely without a step table."""
    run = draw(1_000_000, RFC_SOURCES, "rfc3797x-md5")
    assert run.steps == ()
    assert sorted(run.order) == list(range(1, 1_000_001))
