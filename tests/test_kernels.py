"""The compiled kernels of fingerprinting (``src/codekin/fingerprint/_minhash.c``) and of the matcher
(``src/codekin/match/_pairsim.c``) against their numpy paths, on the committed fixtures: the same
signature words and the same scores, bit for bit, and refusal of arguments that would reach outside
the arrays."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import fixture_path

from codekin.binary.loader import load_binary
from codekin.disasm.discover import extract
from codekin.fingerprint import FunctionPrints, features, fingerprint
from codekin.match import similarity

NAMES = ["elf64-O0", "elf64-O2", "elf32-O2", "pe64-O2.exe", "pe32-O2.exe", "hostile-O2"]


def _prints(name: str, monkeypatch: pytest.MonkeyPatch, pure: bool) -> FunctionPrints:
    monkeypatch.setattr(features, "PURE_KERNELS", pure)
    return fingerprint(extract(load_binary(fixture_path(name).read_bytes(), name=name)))


@pytest.mark.parametrize("name", NAMES)
def test_compiled_minhash_equals_numpy(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whole fingerprints through the C fold equal those through numpy (signatures and LSH keys)."""
    assert features._mh_c is not None, "the MinHash kernel was not built (scripts/setup.sh needs gcc)"
    fast = _prints(name, monkeypatch, False)
    slow = _prints(name, monkeypatch, True)
    assert len(fast) > 10
    assert np.array_equal(fast.minhash, slow.minhash)
    assert np.array_equal(fast.bands, slow.bands)
    # not a trivial agreement: most functions have code words below EMPTY, many have data words too
    assert (fast.minhash[:, 0] != features.EMPTY).mean() > 0.9
    assert (fast.minhash[:, features.K_CODE] != features.EMPTY).any()


def test_compiled_minhash_unsorted_owners() -> None:
    """Owners in any order, repeated and interleaved: the same words as numpy (which sorts them)."""
    rng = np.random.default_rng(7)
    n, m = 50, 3000
    feats = [rng.integers(0, 2**63, size=m, dtype=np.uint64), rng.integers(0, 2**63, size=17, dtype=np.uint64)]
    owners = [rng.integers(0, n, size=m), np.full(17, n - 1)]
    mult, add = features._MULT[:features.K_CODE], features._ADD[:features.K_CODE]
    fast = features._minhash_compiled(feats, owners, n, mult, add)
    slow = features._minhash_numpy(feats, owners, n, mult, add)
    assert np.array_equal(fast, slow)
    assert (fast != features.EMPTY).all()


def test_minhash_kernel_refuses_bad_owners() -> None:
    out = np.full((4, 8), features.EMPTY, dtype=np.uint32)
    mult, add = features._MULT[:8].copy(), features._ADD[:8].copy()
    f = np.arange(3, dtype=np.uint64)
    for bad in (np.asarray([0, 4, 1]), np.asarray([0, -1, 1])):
        with pytest.raises(ValueError):
            features._mh_c.fold(out, f, bad.astype(np.int64), mult, add)
    with pytest.raises(ValueError):  # owners of another item size
        features._mh_c.fold(out, f, np.zeros(3, dtype=np.int32), mult, add)
    with pytest.raises(ValueError):  # out not a whole number of rows
        features._mh_c.fold(np.zeros(9, dtype=np.uint32), f, np.zeros(3, dtype=np.int64), mult, add)
    assert (out == features.EMPTY).all()


@pytest.mark.parametrize(("a_name", "b_name"), [("elf64-O0", "elf64-O2"), ("elf32-O2", "pe32-O2.exe"),
                                                ("pe64-O2.exe", "hostile-O2")])
def test_compiled_pair_similarity_equals_numpy(a_name: str, b_name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every pair of functions of two fixtures: the C scores equal the numpy scores exactly, including
    exact twins (1.0), one-sided and two-sided data, and int64 exact hashes as SQLite gives them."""
    assert similarity._pairsim is not None, "the pair-similarity kernel was not built"
    a = _prints(a_name, monkeypatch, False)
    b = _prints(b_name, monkeypatch, False)
    ia = np.repeat(np.arange(len(a)), len(b))
    ib = np.tile(np.arange(len(b)), len(a))
    fast = similarity.pair_similarity_at(a.minhash, ia, b.minhash, ib, a.exact, b.exact.view(np.int64))
    slow = similarity.pair_similarity_blocks(a.minhash, ia, b.minhash, ib, a.exact, b.exact)
    assert np.array_equal(fast, slow)
    assert len(np.unique(fast)) > 20  # many different scores, not a constant
    same = similarity.pair_similarity_at(a.minhash, np.arange(len(a)), a.minhash, np.arange(len(a)), a.exact, a.exact)
    assert (same == 1.0).all()


def test_pair_kernel_refuses_rows_outside() -> None:
    sig = np.full((3, features.K), 5, dtype=np.uint32)
    ex = np.arange(3, dtype=np.uint64)
    out = np.empty(2)
    with pytest.raises(IndexError):
        similarity._pairsim.similarities(out, sig, np.asarray([0, 3]), sig, np.asarray([0, 1]), ex, ex,
                                         features.K, features.K_CODE, 0.5, 0.5)
    with pytest.raises(IndexError):  # a row past the exact hashes given
        similarity._pairsim.similarities(out, sig, np.asarray([0, 2]), sig, np.asarray([0, 1]), ex[:2], ex,
                                         features.K, features.K_CODE, 0.5, 0.5)
    with pytest.raises(ValueError):  # signatures of another width
        similarity._pairsim.similarities(out, sig, np.asarray([0, 1]), sig, np.asarray([0, 1]), ex, ex,
                                         7, features.K_CODE, 0.5, 0.5)
    with pytest.raises(ValueError):  # index arrays of another length than out
        similarity._pairsim.similarities(out, sig, np.asarray([0]), sig, np.asarray([0, 1]), ex, ex,
                                         features.K, features.K_CODE, 0.5, 0.5)


def test_lsh_merge_equals_numpy() -> None:
    """The C merge of a look-up's ranges gives the pairs expand_ranges + unique_pairs give: ranges of a
    sorted (key, id) table, several per query row, overlapping, empty, repeated rows and skipped rows."""
    from codekin.store import memindex

    assert memindex._lshmerge is not None, "the LSH merge kernel was not built"
    rng = np.random.default_rng(11)
    for trial in range(30):
        n_keys = int(rng.integers(1, 60))
        sizes = rng.integers(0, 40, size=n_keys)
        table = np.concatenate([np.sort(rng.choice(500, size=int(s), replace=False)) for s in sizes]).astype(np.int64)
        starts = np.r_[0, np.cumsum(sizes)].astype(np.int64)
        m = int(rng.integers(1, 200))
        key = rng.integers(0, n_keys, size=m)
        lo, hi = starts[key], starts[key + 1]
        if trial % 3 == 0:  # some ranges cut to nothing, as a missing key gives
            hi = np.where(rng.random(m) < 0.2, lo, hi)
        qis = np.sort(rng.integers(0, 40 if trial % 2 else 3, size=m)).astype(np.int64)
        fast = memindex.merge_ranges(lo, hi, qis, table)
        q, p = memindex.expand_ranges(lo, hi, qis)
        slow = memindex.unique_pairs(q, table[p]) if len(q) else memindex.Candidates(q, q)
        assert np.array_equal(fast.qi, slow.qi) and np.array_equal(fast.fid, slow.fid)
    # more ranges for one query row than the kernel merges at once: the same pairs
    table = np.arange(1000, dtype=np.int64)
    lo = np.arange(0, 900, 9, dtype=np.int64)
    hi = lo + 30
    qis = np.zeros(len(lo), dtype=np.int64)
    fast = memindex.merge_ranges(lo, hi, qis, table)
    want = np.unique(np.concatenate([table[a:b] for a, b in zip(lo, hi, strict=True)]))
    assert len(lo) > 64 and np.array_equal(fast.fid, want) and (fast.qi == 0).all()


def test_lsh_merge_refuses_bad_ranges() -> None:
    from codekin.store import memindex

    table = np.arange(10, dtype=np.int64)
    out = np.empty(20, dtype=np.int64), np.empty(20, dtype=np.int64)
    bad = [([0, 5], [3, 11], [0, 1]),  # past the table
           ([4], [2], [0]),  # lo above hi
           ([0, 2], [2, 4], [1, 0])]  # query rows out of order
    for lo, hi, q in bad:
        with pytest.raises(ValueError):
            memindex._lshmerge.merge(np.asarray(lo, dtype=np.int64), np.asarray(hi, dtype=np.int64),
                                     np.asarray(q, dtype=np.int64), table, *out)
    with pytest.raises(ValueError):  # output too short
        memindex._lshmerge.merge(np.asarray([0], dtype=np.int64), np.asarray([10], dtype=np.int64),
                                 np.asarray([0], dtype=np.int64), table, np.empty(5, dtype=np.int64),
                                 np.empty(5, dtype=np.int64))
