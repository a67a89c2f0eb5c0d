"""The bulk paths of fingerprinting and matching against their plain definitions: MinHash per owner, C
strings read at many addresses, printable strings of data sections, pair similarity in blocks."""

from __future__ import annotations

import re

import numpy as np
import pytest
from conftest import fixture_path

from codekin.binary.loader import load_binary
from codekin.binary.model import CSTRING_LIMIT, Binary, Region, decode_cstring
from codekin.disasm.discover import extract
from codekin.fingerprint import fingerprint
from codekin.fingerprint.features import MERGE_MAX, _minhash
from codekin.fingerprint.sample import printable_strings
from codekin.match.similarity import CHUNK, pair_similarity, pair_similarity_at

BINS = ["pe32-O2.exe", "pe64-O2.exe", "elf64-O2", "elf32-O2", "hostile-O2"]


def plain_minhash(feats: list[np.ndarray], owners: list[np.ndarray], n: int, mult: np.ndarray,
                  add: np.ndarray) -> np.ndarray:
    """The definition: per owner, per permutation, the minimum of (low 32 bits * mult + add) mod 2^32."""
    out = np.full((n, len(mult)), 0xFFFFFFFF, dtype=np.uint32)
    for F, own in zip(feats, owners, strict=True):
        for f, o in zip((F & np.uint64(0xFFFFFFFF)).tolist(), own.tolist(), strict=True):
            h = (f * mult.astype(np.uint64) + add.astype(np.uint64)) & np.uint64(0xFFFFFFFF)
            out[o] = np.minimum(out[o], h.astype(np.uint32))
    return out


@pytest.mark.parametrize("sizes", [[5, 0, 40, 3], [MERGE_MAX // 2, MERGE_MAX // 2 + 10], [(1 << 14) + 7, 20]])
def test_minhash_matches_definition(sizes: list[int]) -> None:
    rng = np.random.default_rng(sum(sizes))
    n = 300
    feats = [rng.integers(0, 2**64, size=m, dtype=np.uint64) for m in sizes]
    owners = [np.sort(rng.integers(0, n, size=m)) for m in sizes]
    owners[0] = rng.integers(0, n, size=sizes[0])  # one part out of owner order
    mult = (rng.integers(1, 2**31, size=24, dtype=np.uint32) << np.uint32(1)) | np.uint32(1)
    add = rng.integers(0, 2**32, size=24, dtype=np.uint64).astype(np.uint32)
    small = [f[:200] for f in feats], [o[:200] for o in owners]
    assert np.array_equal(_minhash(*small, n, mult, add), plain_minhash(*small, n, mult, add))
    # the large parts against the definition on a few owners (the plain loop is slow)
    got = _minhash(feats, owners, n, mult, add)
    for o in (0, 17, n - 1):
        part = [(F[own == o], own[own == o]) for F, own in zip(feats, owners, strict=True)]
        ref = plain_minhash([p[0] for p in part], [np.zeros(len(p[1]), dtype=np.int64) for p in part], 1, mult, add)
        assert np.array_equal(got[o], ref[0])


@pytest.mark.parametrize("name", BINS)
def test_cstring_of_bulk_read_is_read_cstring(name: str) -> None:
    b = load_binary(fixture_path(name).read_bytes(), name=name)
    vas: list[int] = []
    for r in b.regions:  # every 3rd address of the data regions, their ends included
        if not r.executable:
            vas += list(range(r.va, r.va + r.vsize + 8, 3))
    arr = np.asarray(vas, dtype=np.int64)
    raws = b.read_many(arr, np.full(len(arr), CSTRING_LIMIT, dtype=np.int64))
    got = [decode_cstring(x) for x in raws]
    want = [b.read_cstring(v) for v in vas]
    assert got == want
    assert sum(x is not None for x in got) > 5


@pytest.mark.parametrize("name", BINS)
def test_read_cstrings_is_read_cstring(name: str) -> None:
    b = load_binary(fixture_path(name).read_bytes(), name=name)
    vas: list[int] = []
    for r in b.regions:  # every address of the data regions and a little beyond
        if not r.executable:
            vas += list(range(r.va - 2, r.va + r.vsize + 8))
    got = b.read_cstrings(np.asarray(vas, dtype=np.int64))
    assert got == [b.read_cstring(v) for v in vas]
    assert sum(x is not None for x in got) > 5


def test_read_cstrings_edges() -> None:
    """ASCII and UTF-16LE strings shorter and longer than the bulk window, and strings cut by the end of
    the data (zero-filled beyond it, or not mapped beyond it)."""
    text = b"ab\0abcd\0" + b"x" * 300 + b"\0\x01bcdef\0" + "wide string".encode("utf-16-le") + b"\0\0"
    text += ("w" * 70).encode("utf-16-le") + b"\0\0\x10\0\0\0" + b"tail" + "abcdef".encode("utf-16-le")[:-1]
    for vsize in (len(text) - 3, len(text), len(text) + 40):
        b = Binary(sha256="", size=len(text), format="raw", arch="x64", bitness=64, image_base=0x1000,
                   entry_point=None, regions=[Region(0x1000, text, vsize, False)])
        vas = list(range(0x1000 - 4, 0x1000 + vsize + 4))
        got = b.read_cstrings(np.asarray(vas, dtype=np.int64))
        want = [b.read_cstring(v) for v in vas]
        assert got == want
        assert "wide string" in got and "w" * 70 in got and "x" * 256 in got
        assert ("abcdef" if vsize > len(text) else "abcde") in got  # zero-filled, or cut mid-character


_ASCII = re.compile(rb"[\x20-\x7e]{6,256}")
_UTF16 = re.compile(rb"(?:[\x20-\x7e]\x00){6,256}")


def regex_strings(data: bytes, utf16: bool) -> list[str]:
    out = [m.group().decode("ascii") for m in _ASCII.finditer(data)]
    if utf16:
        out += [m.group().decode("utf-16-le") for m in _UTF16.finditer(data)]
    return out


@pytest.mark.parametrize("name", BINS)
def test_printable_strings_are_the_regex_matches(name: str) -> None:
    b = load_binary(fixture_path(name).read_bytes(), name=name)
    found = 0
    for r in b.regions:
        if r.data:
            got = printable_strings(r.data, True)
            assert sorted(got) == sorted(regex_strings(r.data, True))
            found += len(got)
    assert found > 5
    # long runs (cut at 256 characters, short remainders dropped), UTF-16 at both parities, mixed
    edge = (b"x" * 600 + b"\0" + b"y" * 517 + b"\1" + "wide string here".encode("utf-16-le") + b"\0"
            + b"\3" + "odd-aligned wide".encode("utf-16-le") + "W".encode("utf-16-le") * 700 + b"abcde\0abcdef")
    for data in (edge, edge[1:], edge[:-3]):
        assert sorted(printable_strings(data, True)) == sorted(regex_strings(data, True))
        assert sorted(printable_strings(data, False)) == sorted(regex_strings(data, False))


def test_pair_similarity_in_blocks_is_per_pair() -> None:
    a = fingerprint(extract(load_binary(fixture_path("elf64-O2").read_bytes(), name="a")))
    b = fingerprint(extract(load_binary(fixture_path("elf64-clang-O2").read_bytes(), name="b")))
    rng = np.random.default_rng(7)
    m = 2 * CHUNK + 11
    ia, ib = rng.integers(0, len(a), size=m), rng.integers(0, len(b), size=m)
    got = pair_similarity_at(a.minhash, ia, b.minhash, ib, a.exact, b.exact)
    want = pair_similarity(a.minhash[ia], b.minhash[ib], a.exact[ia], b.exact[ib])
    assert np.array_equal(got, want)
    assert (got > 0.5).any() and (got < 0.5).any()


@pytest.mark.parametrize("name", ["pe64-O2.exe", "pe32-dispatch-O0.exe"])
def test_hash_strs_is_hash_str_per_string(name: str) -> None:
    from codekin.fingerprint.hashing import hash_str, hash_strs
    from codekin.fingerprint.sample import sample_strings

    hashes, strings = sample_strings(load_binary(fixture_path(name).read_bytes(), name=name))
    strings = [*strings, "", "h\u00e9llo w\u00f6rld", "x" * 300]
    assert len(strings) > 10
    for salt in (0, 0x5757, 0x70F1):
        assert hash_strs(strings, salt).tolist() == [hash_str(s, salt) for s in strings]
    assert hashes.tolist() == sorted(hash_str(s, 0x5757) for s in strings[:-3])


@pytest.mark.parametrize("name", BINS)
def test_sample_strings_are_each_regions_matches(name: str) -> None:
    """The data regions scanned joined are the regions scanned one by one: no match across a join."""
    from codekin.fingerprint.sample import _LINKER_SECTIONS, sample_strings

    b = load_binary(fixture_path(name).read_bytes(), name=name)
    meta = {s.va for s in b.sections if s.name.startswith(_LINKER_SECTIONS)}
    want: set[str] = set()
    for r in b.regions:
        if r.data and not r.executable and r.va not in meta:
            want |= set(regex_strings(r.data, b.format == "pe"))
    want -= {i.name for i in b.imports if i.name} | {i.library for i in b.imports} | set(b.metadata.needed)
    _, got = sample_strings(b)
    assert sorted(got) == sorted(want)
    assert len(got) >= 3


def test_sample_strings_do_not_run_across_regions() -> None:
    from codekin.fingerprint.sample import sample_strings

    one = b"\x00first string\x00tail"
    two = b"ends\x01\x01" + "wide text".encode("utf-16-le") + b"\x00\x00" + "abcde".encode("utf-16-le") + b"f"
    three = b"\x00i\x00d\x00e\x00r\x00!"
    b = Binary(sha256="", size=0, format="pe", arch="x64", bitness=64, image_base=0, entry_point=None,
               regions=[Region(0x1000, one, len(one), False), Region(0x2000, two, len(two), False),
                        Region(0x3000, three, len(three), False)])
    _, got = sample_strings(b)
    assert sorted(got) == sorted(["first string", "wide text"])


@pytest.mark.parametrize("span", [0, 7, 1 << 40, 1 << 62, 1 << 63])
def test_unique_pairs_is_sorted_distinct_pairs(span: int) -> None:
    """The one-key sort (values' offsets below the owners) and the two-key sort it falls back to give the
    distinct pairs sorted by owner, then value."""
    from codekin.fingerprint.features import _unique_pairs

    rng = np.random.default_rng(span % 1000)
    a = rng.integers(0, 50, size=3000)
    lo = -(1 << 63) if span == 1 << 63 else -(span // 2)
    v = lo + rng.integers(0, 20, size=3000).astype(np.int64) * np.int64(max(span // 19, 1) if span else 0)
    v[:2] = [lo, lo + min(span, (1 << 64) - 1) - (1 if span == 1 << 63 else 0)]  # both ends of the range
    ga, gv = _unique_pairs(a, v)
    want = sorted(set(zip(a.tolist(), v.tolist(), strict=True)))
    assert list(zip(ga.tolist(), gv.tolist(), strict=True)) == want
    assert ga.dtype == np.int64 and gv.dtype == np.int64
