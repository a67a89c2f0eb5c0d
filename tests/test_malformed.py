"""Hostile input: thousands of truncated and byte-mutated variants of real PE/ELF/Mach-O files per
run. Every one must end in a result or a typed CodekinError, within the time budget."""

from __future__ import annotations

import random
import time

import pytest
from conftest import fixture_path
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from codekin.errors import CodekinError
from codekin.pipeline import analyse_bytes

SEEDS = ["elf64-O2", "elf32-O2", "pe64-O2.exe", "pe32-O2.exe", "macho64.o", "macho-fat.o"]
BUDGET = 5.0
_DATA = {n: fixture_path(n).read_bytes() for n in SEEDS}


def _check(data: bytes) -> None:
    t0 = time.monotonic()
    for res in analyse_bytes(data, name="fuzz", time_budget=BUDGET):
        if res.error is not None:
            assert isinstance(res.error, CodekinError)
            assert res.error.code and res.error.message
        else:
            assert res.extraction is not None
    assert time.monotonic() - t0 < BUDGET + 5, "the time budget bounds every input"


@pytest.mark.parametrize("name", SEEDS)
def test_every_truncation(name: str) -> None:
    data = _DATA[name]
    step = max(1, len(data) // 150)
    for cut in range(0, len(data), step):
        _check(data[:cut])


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow],
          derandomize=False)
@given(
    name=st.sampled_from(SEEDS),
    edits=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), min_size=1, max_size=24),
    header_bias=st.booleans(),
    cut=st.one_of(st.none(), st.floats(0.05, 1.0)),
)
def test_mutations(name: str, edits: list[tuple[float, int]], header_bias: bool, cut: float | None) -> None:
    data = bytearray(_DATA[name])
    span = min(len(data), 1024) if header_bias else len(data)  # headers are where parsers break
    for pos, val in edits:
        data[int(pos * (span - 1))] = val
    if cut is not None:
        del data[int(len(data) * cut):]
    _check(bytes(data))


def test_absurd_values_in_headers() -> None:
    """Section counts, sizes and offsets set to extremes, field by field."""
    rng = random.Random(1234)
    for name in SEEDS:
        base = _DATA[name]
        for _ in range(120):
            data = bytearray(base)
            off = rng.randrange(0, min(len(data) - 4, 768))
            data[off : off + 4] = rng.choice([b"\xff\xff\xff\xff", b"\x00\x00\x00\x00", b"\xff\xff\xff\x7f",
                                               b"\x00\x00\x00\x80"])
            _check(bytes(data))
