"""Function-pair similarity (codekin.match.similarity) on the committed fixtures: the same C source built
at another optimisation level, by another compiler or for another bitness scores above unrelated code."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import fixture_path, truth

from codekin.binary.loader import load_binary
from codekin.disasm.discover import extract
from codekin.fingerprint import FunctionPrints, fingerprint
from codekin.fingerprint.features import EMPTY, K_CODE, K, lsh_bands
from codekin.match.similarity import _equal_counts, candidate, pair_similarity, pair_similarity_at

CRT = {"_init", "_fini", "_start", "deregister_tm_clones", "register_tm_clones", "__do_global_dtors_aux",
       "frame_dummy"}


def prints(name: str) -> tuple[FunctionPrints, dict[str, int]]:
    """Fingerprints of a fixture and, per function of the fixture's own C source with at least 3 blocks,
    its row (the C runtime's start-up functions left out)."""
    fp = fingerprint(extract(load_binary(fixture_path(name).read_bytes(), name=name)))
    t = truth(name)
    return fp, {t[a]: i for i, a in enumerate(fp.address.tolist())
                if a in t and fp.n_blocks[i] >= 3 and t[a] not in CRT and "." not in t[a]}


def ranks(a: FunctionPrints, na: dict[str, int], b: FunctionPrints,
          nb: dict[str, int]) -> dict[str, tuple[float, float]]:
    """For each function in both: (similarity to its twin, best similarity to any other function of b)."""
    names = list(nb)
    rows = np.asarray([nb[n] for n in names])
    out = {}
    for n in sorted(set(na) & set(nb)):
        q = np.full(len(rows), na[n])
        s = pair_similarity(a.minhash[q], b.minhash[rows], a.exact[q], b.exact[rows])
        out[n] = (float(s[names.index(n)]), float(max(x for m, x in zip(names, s, strict=True) if m != n)))
    return out


@pytest.mark.parametrize(("one", "other"), [
    ("elf64-O0", "elf64-O2"),  # other optimisation level
    ("elf64-O2", "elf64-clang-O2"),  # other compiler
    ("elf64-O2", "elf32-O2"),  # other bitness
    ("elf64-O2", "pe64-O2.exe"),  # mingw PE against gcc ELF
])
def test_same_source_ranks_above_unrelated(one: str, other: str) -> None:
    a, na = prints(one)
    b, nb = prints(other)
    r = ranks(a, na, b, nb)
    assert len(r) >= 5
    first = sum(same > best_other for same, best_other in r.values())
    assert first >= 0.75 * len(r), r
    # on average the twin scores clearly above the best unrelated function
    assert np.mean([s for s, _ in r.values()]) > np.mean([o for _, o in r.values()]) + 0.05, r


def test_pure_symmetric_and_exact() -> None:
    a, _ = prints("elf64-O2")
    b, _ = prints("elf64-clang-O2")
    n = min(len(a), len(b))
    s_ab = pair_similarity(a.minhash[:n], b.minhash[:n], a.exact[:n], b.exact[:n])
    s_ba = pair_similarity(b.minhash[:n], a.minhash[:n], b.exact[:n], a.exact[:n])
    assert np.array_equal(s_ab, s_ba)
    assert ((s_ab >= 0) & (s_ab <= 1)).all()
    # a function against itself: 1.0, and a candidate of itself
    assert np.allclose(pair_similarity(a.minhash, a.minhash, a.exact, a.exact), 1.0)
    big = a.n_insns >= 8
    assert candidate(a.bands[big], a.bands[big], a.exact[big], a.exact[big]).all()


def test_agreement_counts_and_pairs_by_index() -> None:
    """The word-wise agreement count equals numpy's count on every column range (aligned or not), and the
    blocked pair look-up equals the plain one on every cross pair of two fixtures."""
    a, _ = prints("elf64-O2")
    b, _ = prints("elf64-clang-O2")
    ia = np.repeat(np.arange(len(a), dtype=np.int64), len(b))
    ib = np.tile(np.arange(len(b), dtype=np.int64), len(a))
    eq = a.minhash[ia] == b.minhash[ib]
    assert eq.any() and not eq.all()
    for lo, hi in ((0, K_CODE), (K_CODE, K), (0, K), (3, K_CODE), (8, 16)):
        assert np.array_equal(_equal_counts(eq, lo, hi), np.count_nonzero(eq[:, lo:hi], axis=1))
    plain = pair_similarity(a.minhash[ia], b.minhash[ib], a.exact[ia], b.exact[ib])
    assert np.array_equal(pair_similarity_at(a.minhash, ia, b.minhash, ib, a.exact, b.exact), plain)
    assert (plain >= 0.5).any()


def test_signature_layout_and_band_keys() -> None:
    a, _ = prints("elf64-O2")
    assert a.minhash.shape[1] == K
    big = a.minhash[a.n_insns >= 8]
    assert len(big) >= 3
    assert (a.bands[a.n_insns >= 8] != 0).all()
    # band keys come from the data words: a change of the code words alone leaves them, a change of the
    # data words changes them
    code_changed = big.copy()
    code_changed[:, :K_CODE] ^= np.uint32(0x5555)
    has_data = ~(big[:, K_CODE:] == EMPTY).all(axis=1)
    assert has_data.sum() >= 3
    assert np.array_equal(lsh_bands(code_changed)[has_data], lsh_bands(big)[has_data])
    data_changed = big.copy()
    data_changed[:, K_CODE:] ^= np.uint32(0x5555)
    assert (lsh_bands(data_changed)[has_data] != lsh_bands(big)[has_data]).all()
    # functions without constants, strings or imports (their data words all EMPTY) must not all meet
    # in one LSH bucket: their keys follow their own code words
    sig = big.copy()
    sig[:, K_CODE:] = EMPTY
    bands = lsh_bands(sig)
    assert (bands != 0).all()
    assert len({tuple(k) for k in bands.tolist()}) == len({tuple(k) for k in sig[:, :K_CODE].tolist()}) > 1
    # and an empty data side is discounted against a non-empty one, neutral against another empty one
    one = pair_similarity(sig[:1], big[:1])
    both = pair_similarity(sig[:1], sig[:1])
    assert both[0] == 1.0 and one[0] < 1.0
