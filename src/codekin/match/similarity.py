"""Function-pair similarity: what the matcher ranks candidate pairs with (bench/similarity.py measures it).

A stored signature (``codekin.fingerprint.features``) is two MinHash signatures side by side: K_CODE
words over the function's code features (coarse instruction n-grams and counts, the skeleton without
moves and stack traffic, block multisets, CFG shape) and K - K_CODE words over its data features
(constants, small constants, referenced strings, imports). The similarity of a pair:

- 1.0 for exact twins (same exact hash);
- otherwise the code agreement (share of equal code words, an estimate of the Jaccard similarity of
  the code feature sets), blended with the data agreement at weight ``DATA_WEIGHT`` when both functions
  have data features; when only one has any, the code agreement is discounted (one side's constants
  and strings are missing on the other), and when neither has any, it stands alone.

Pure over arrays, vectorised over pairs; no look-ups: candidates come from the exact hash and the LSH
bands, this only orders them.
"""

from __future__ import annotations

import numpy as np

from codekin.fingerprint.features import EMPTY, K_CODE, PURE_KERNELS

try:  # the pair loop in C (src/codekin/match/_pairsim.c), built at install where a compiler is at hand
    from codekin.match import _pairsim
except ImportError:  # pragma: no cover - the numpy path gives the same scores
    _pairsim = None  # type: ignore[assignment]

DATA_WEIGHT = 0.5
ONE_SIDED_DATA = 0.5  # discount when only one of the two functions has data features


_BYTES = np.uint64(0x0101010101010101)


def _equal_counts(eq: np.ndarray, lo: int, hi: int) -> np.ndarray:
    """Per row of a C-contiguous (n, K) bool matrix, the count of True in columns [lo, hi). Eight
    columns at a time when the range is aligned on 8 (at most 255 of them): the columns as uint64
    words of 0/1 bytes, summed word-wise (no byte carries into the next), then the bytes of the sum
    added by a multiplication. A boolean count along a short axis costs several times more."""
    if lo % 8 or hi % 8 or hi - lo > 255 or not eq.flags.c_contiguous or eq.shape[1] % 8:
        return np.count_nonzero(eq[:, lo:hi], axis=1)
    words = eq.view(np.uint64)
    acc = words[:, lo // 8].copy()
    for j in range(lo // 8 + 1, hi // 8):
        acc += words[:, j]
    return (acc * _BYTES) >> np.uint64(56)


def pair_similarity(sig_a: np.ndarray, sig_b: np.ndarray, exact_a: np.ndarray | None = None,
                    exact_b: np.ndarray | None = None, *, eq_out: np.ndarray | None = None) -> np.ndarray:
    """Similarity in [0, 1] of each pair of rows (sig_a[i], sig_b[i]); signatures (n, K) uint32.
    ``eq_out``: a bool buffer of the signatures' shape for the word comparison."""
    n_data = sig_a.shape[1] - K_CODE
    eq = np.equal(sig_a, sig_b, out=eq_out)
    code = _equal_counts(eq, 0, K_CODE) / K_CODE
    if n_data:
        data = _equal_counts(eq, K_CODE, sig_a.shape[1]) / n_data
        # a MinHash of an empty set is EMPTY in every word: its first data word says so
        ea, eb = sig_a[:, K_CODE] == EMPTY, sig_b[:, K_CODE] == EMPTY
        both = (code + DATA_WEIGHT * data) / (1.0 + DATA_WEIGHT)
        one = code / (1.0 + DATA_WEIGHT * ONE_SIDED_DATA)
        sim = np.where(ea & eb, code, np.where(ea | eb, one, both))
    else:
        sim = code
    if exact_a is not None and exact_b is not None:
        sim = np.where(exact_a == exact_b, 1.0, sim)
    return sim


CHUNK = 4096  # pairs per block in pair_similarity_at: the gathered rows stay in the CPU cache


def pair_similarity_at(sigs_a: np.ndarray, ia: np.ndarray, sigs_b: np.ndarray, ib: np.ndarray,
                       exact_a: np.ndarray, exact_b: np.ndarray) -> np.ndarray:
    """``pair_similarity`` of the pairs (sigs_a[ia[i]], sigs_b[ib[i]]): in C where the kernel is built
    (each pair's rows compared where they lie, no gathering), else ``pair_similarity_blocks``. The same
    scores bit for bit (tests)."""
    if (_pairsim is None or PURE_KERNELS or sigs_a.dtype != np.uint32 or sigs_b.dtype != np.uint32
            or sigs_a.ndim != 2 or sigs_b.ndim != 2 or sigs_a.shape[1] != sigs_b.shape[1]
            or sigs_a.shape[1] < K_CODE or not len(ia)):
        return pair_similarity_blocks(sigs_a, ia, sigs_b, ib, exact_a, exact_b)
    out = np.empty(len(ia), dtype=np.float64)
    _pairsim.similarities(out, np.ascontiguousarray(sigs_a), np.ascontiguousarray(ia, dtype=np.int64),
                          np.ascontiguousarray(sigs_b), np.ascontiguousarray(ib, dtype=np.int64),
                          _u64(exact_a), _u64(exact_b), sigs_a.shape[1], K_CODE, DATA_WEIGHT, ONE_SIDED_DATA)
    return out


def _u64(x: np.ndarray) -> np.ndarray:
    """The same 64 bits as uint64, contiguous (exact hashes come as uint64 or as SQLite's int64)."""
    x = np.ascontiguousarray(x)
    return x.view(np.uint64) if x.dtype.itemsize == 8 and x.dtype.kind in "iu" else x.astype(np.uint64)


def pair_similarity_blocks(sigs_a: np.ndarray, ia: np.ndarray, sigs_b: np.ndarray, ib: np.ndarray,
                           exact_a: np.ndarray, exact_b: np.ndarray) -> np.ndarray:
    """``pair_similarity`` of the pairs (sigs_a[ia[i]], sigs_b[ib[i]]) in numpy, a block of pairs at a time (the
    matcher's candidate pairs run to hundreds of thousands: gathering all their rows first costs more
    than comparing them). The blocks are gathered into buffers reused from block to block (fresh
    megabyte-sized temporaries per block cost page faults: up to three times the time, measured on
    the dev set's queries)."""
    out = np.empty(len(ia), dtype=np.float64)
    k = sigs_a.shape[1]
    if sigs_b.shape[1] != k or not len(ia):
        for s in range(0, len(ia), CHUNK):
            a, b = ia[s:s + CHUNK], ib[s:s + CHUNK]
            out[s:s + CHUNK] = pair_similarity(sigs_a[a], sigs_b[b], exact_a[a], exact_b[b])
        return out
    size = min(CHUNK, len(ia))
    buf_a = np.empty((size, k), dtype=sigs_a.dtype)
    buf_b = np.empty((size, k), dtype=sigs_b.dtype)
    buf_eq = np.empty((size, k), dtype=bool)
    for s in range(0, len(ia), CHUNK):
        a, b = ia[s:s + CHUNK], ib[s:s + CHUNK]
        m = len(a)
        sa, sb = buf_a[:m], buf_b[:m]
        np.take(sigs_a, a, axis=0, out=sa, mode="clip")  # indices are valid: no checked copy
        np.take(sigs_b, b, axis=0, out=sb, mode="clip")
        out[s:s + m] = pair_similarity(sa, sb, exact_a[a], exact_b[b], eq_out=buf_eq[:m])
    return out


def candidate(bands_a: np.ndarray, bands_b: np.ndarray, exact_a: np.ndarray, exact_b: np.ndarray) -> np.ndarray:
    """Whether each pair would be a candidate of the matcher: same exact hash or a shared LSH band."""
    shared = ((bands_a == bands_b) & (bands_a != 0)).any(axis=1)
    return shared | (exact_a == exact_b)
