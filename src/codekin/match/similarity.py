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

from codekin.fingerprint.features import EMPTY, K_CODE

DATA_WEIGHT = 0.5
ONE_SIDED_DATA = 0.5  # discount when only one of the two functions has data features


def pair_similarity(sig_a: np.ndarray, sig_b: np.ndarray, exact_a: np.ndarray | None = None,
                    exact_b: np.ndarray | None = None) -> np.ndarray:
    """Similarity in [0, 1] of each pair of rows (sig_a[i], sig_b[i]); signatures (n, K) uint32."""
    ca, cb = sig_a[:, :K_CODE], sig_b[:, :K_CODE]
    da, db = sig_a[:, K_CODE:], sig_b[:, K_CODE:]
    code = (ca == cb).mean(axis=1)
    if da.shape[1]:
        data = (da == db).mean(axis=1)
        ea, eb = (da == EMPTY).all(axis=1), (db == EMPTY).all(axis=1)
        both = (code + DATA_WEIGHT * data) / (1.0 + DATA_WEIGHT)
        one = code / (1.0 + DATA_WEIGHT * ONE_SIDED_DATA)
        sim = np.where(ea & eb, code, np.where(ea | eb, one, both))
    else:
        sim = code
    if exact_a is not None and exact_b is not None:
        sim = np.where(exact_a == exact_b, 1.0, sim)
    return sim


def candidate(bands_a: np.ndarray, bands_b: np.ndarray, exact_a: np.ndarray, exact_b: np.ndarray) -> np.ndarray:
    """Whether each pair would be a candidate of the matcher: same exact hash or a shared LSH band."""
    shared = ((bands_a == bands_b) & (bands_a != 0)).any(axis=1)
    return shared | (exact_a == exact_b)
