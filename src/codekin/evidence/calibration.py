"""The chance of coincidence: how often would code and strings shared this much link unrelated samples?

The corpus supplies its own null distribution. Every labelled sample is asked as a query against the
index with its own family left out (``match(..., exclude_samples=...)``); the score it reaches against
each family known to be unrelated to it (another family, and not the same actor) is one null
observation. Most are 0 (nothing shared); the tail is what matters.

A link's chance is then the share of null observations at least as high as its score:
``p = (1 + #null >= s) / (1 + n)`` (the +1 keeps it honest with few observations). Each observation is
weighted by one over the size of the asked sample's family, so that every family speaks for the
population of unknown samples with one voice: a family indexed as fifteen modules of three releases
would otherwise make the null its own (its shared runtime boilerplate in every observation). Beyond the highest
null scores, where counting gives nothing, the tail is extrapolated with an exponential fitted to the
highest null scores (a peaks-over-threshold fit), and the report says so. Per family: each family has
its own null (how high unrelated samples score against it: a large family with much generic code draws
higher chance scores); it is used where it holds enough observations, else the corpus-wide one.

Stated as "about 1 in N" beside the score, the way Ghidra BSim states per-function false-positive rates;
``bench/calibration.py`` checks stated against observed rates on held-out unrelated pairs.
"""

from __future__ import annotations

import datetime as _dt
import json
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from codekin.evidence.profile import export_hashes
from codekin.fingerprint.features import BANDS, MIN_INSNS_FUZZY, FunctionPrints, lsh_bands
from codekin.match.matcher import match
from codekin.store.base import SampleLabels, Store

META_KEY = "calibration"
CALIBRATION_VERSION = 2  # 2: observations weighted per family (version 1 is read with unit weights)
TAIL_K = 20  # null scores the exponential tail is fitted to
MIN_FAMILY_OBS = 100  # a family's own null is used from this many observations on
MIN_TAIL_NONZERO = 5
MIN_TAIL_OBS = 200  # fewer observations than this: no extrapolation, a bound only
TAIL_DECADES = 2.0  # extrapolate at most this many powers of ten below the empirical resolution


@dataclass
class Null:
    """Sorted non-zero null scores, the number of observations (zeros included) and, optionally, the
    weight of each non-zero score and the total weight (zeros included); without them every
    observation weighs 1."""

    scores: np.ndarray
    n: int
    weights: np.ndarray | None = None
    total: float | None = None

    def _mass(self) -> tuple[np.ndarray, float, float]:
        """Weights of the non-zero scores, the total weight, and the weight of one pseudo-observation."""
        if self.weights is None or self.total is None:
            return np.ones(len(self.scores)), float(self.n), 1.0
        return self.weights, float(self.total), float(self.total) / max(self.n, 1)

    def p(self, s: float) -> tuple[float, str]:
        """The chance that an unrelated pair scores at least ``s``, and how it was estimated."""
        if s <= 0 or self.n == 0:
            return 1.0, "empirical"
        nz = self.scores
        w, total, one = self._mass()
        i = int(np.searchsorted(nz, s, side="left"))
        c = len(nz) - i
        above = float(w[i:].sum())
        if c >= MIN_TAIL_NONZERO or len(nz) < MIN_TAIL_NONZERO or self.n < MIN_TAIL_OBS:
            if c == 0:  # too few non-zero observations to fit a tail: a bound only
                return 1.0 / (self.n + 1), "bound"
            return (one + above) / (one + total), "empirical"
        k = min(TAIL_K, len(nz))
        top = nz[-k:]
        u = float(top[0])
        beta = max(float(np.mean(top - u)), 1e-3)
        p = (float(w[-k:].sum()) / (one + total)) * math.exp(-(s - u) / beta)
        floor = 10 ** -TAIL_DECADES / (1 + self.n)
        return max(min(p, (one + above) / (one + total)), floor), "tail"


@dataclass
class Calibration:
    corpus: Null
    families: dict[str, Null] = field(default_factory=dict)
    samples: int = 0  # samples asked
    index_samples: int = 0  # samples in the index when it was built
    n_families: int = 0
    created_at: str = ""

    def chance(self, score: float, family: str | None = None) -> dict[str, Any]:
        """The chance of coincidence of one link (a sample's score against a family)."""
        fam = self.families.get(family or "")
        scope = "family" if fam is not None and fam.n >= MIN_FAMILY_OBS else "corpus"
        null = fam if scope == "family" and fam is not None else self.corpus
        p, method = null.p(score)
        # the verdict is the best of all families: the chance that any unrelated family reaches the score
        f = max(self.n_families, 1)
        p_corpus, _ = self.corpus.p(score)
        any_p = 1.0 - (1.0 - min(p_corpus, 1.0)) ** f
        return {
            "p": _sig(p), "one_in": _one_in(p), "method": method, "scope": scope, "observations": null.n,
            "any_family_p": _sig(any_p), "any_family_one_in": _one_in(any_p),
            "text": _text(p, method, null.n),
        }

    def to_json(self) -> str:
        def enc(n: Null) -> dict[str, Any]:
            d: dict[str, Any] = {"n": n.n, "scores": [round(float(x), 5) for x in n.scores.tolist()]}
            if n.weights is not None:
                d["weights"] = [round(float(x), 6) for x in n.weights.tolist()]
                d["total"] = n.total
            return d

        return json.dumps({"version": CALIBRATION_VERSION, "corpus": enc(self.corpus),
                           "families": {k: enc(v) for k, v in self.families.items()}, "samples": self.samples,
                           "index_samples": self.index_samples, "n_families": self.n_families,
                           "created_at": self.created_at})

    @staticmethod
    def from_json(s: str) -> Calibration | None:
        d = json.loads(s)
        if d.get("version") not in (1, CALIBRATION_VERSION):
            return None

        def dec(x: dict[str, Any]) -> Null:
            sc = np.asarray(x["scores"], dtype=np.float64)
            order = np.argsort(sc, kind="stable")
            if "weights" in x:
                return Null(sc[order], int(x["n"]), np.asarray(x["weights"], dtype=np.float64)[order],
                            float(x["total"]))
            return Null(sc[order], int(x["n"]))

        return Calibration(dec(d["corpus"]), {k: dec(v) for k, v in d["families"].items()}, int(d["samples"]),
                           int(d["index_samples"]), int(d["n_families"]), d.get("created_at", ""))


def _sig(p: float) -> float:
    return float(f"{p:.3g}")


def _one_in(p: float) -> int:
    return max(1, round(1.0 / p)) if p > 0 else 10**12


def _text(p: float, method: str, n: int) -> str:
    if p >= 0.5:
        return "likely by chance"
    if method == "bound":
        return f"fewer than 1 in {_fmt(n + 1)} unrelated pairs score this high (none of {_fmt(n)} did)"
    extra = " (extrapolated beyond the highest chance scores seen)" if method == "tail" else ""
    return f"about 1 in {_fmt(_one_in(p))} unrelated pairs score this high{extra}"


def _fmt(n: int) -> str:
    if n >= 10**6:
        return f"{n / 10**6:.3g} million"
    return f"{n:,}"


def related(a: SampleLabels, fam: str, actor_of: dict[str, str | None]) -> bool:
    """Whether a family is related to a sample: its own family, or a family of the same actor."""
    if a.family == fam:
        return True
    return a.actor is not None and actor_of.get(fam) == a.actor


def stored_prints(store: Store, sample_id: int) -> FunctionPrints:
    """A stored sample's function fingerprints, as the matcher takes a query's."""
    sf = store.sample_functions(sample_id)
    n = len(sf.fid)
    bands = lsh_bands(sf.minhash) if n else np.zeros((0, BANDS), dtype=np.uint64)
    bands[sf.n_insns < MIN_INSNS_FUZZY] = 0
    z = np.zeros(n, dtype=np.int32)
    return FunctionPrints(address=sf.address, n_insns=sf.n_insns.astype(np.int32), n_bytes=z, n_blocks=z,
                          n_edges=z, n_calls=z, exact=sf.exact, minhash=sf.minhash, bands=bands,
                          strings=[[] for _ in range(n)], consts=[[] for _ in range(n)],
                          imports=[[] for _ in range(n)])


def null_observations(store: Store, *, max_samples: int | None = None, seed: int = 7,
                      progress: Callable[[int, int], None] | None = None, weights: dict[str, float] | None = None,
                      ) -> tuple[list[tuple[str, str, float]], dict[str, int], int]:
    """Ask each labelled sample (or a seeded sample of them) with its own family left out.

    Returns (sample sha256, unrelated family, score) for every non-zero score, the number of
    observations per family (one per asked sample unrelated to it, zeros included) and the number of
    samples asked. ``weights``, when given, receives per family the total weight of its observations,
    each weighing one over the size of the asked sample's family (zeros included)."""
    samples = store.samples()
    labelled = {i: s for i, s in samples.items() if s.family and not s.library and not s.goodware}
    actor_of: dict[str, str | None] = {}
    for s in labelled.values():
        assert s.family is not None
        actor_of.setdefault(s.family, s.actor)
    families = sorted(actor_of)
    ids = sorted(labelled)
    if max_samples is not None and len(ids) > max_samples:
        rng = np.random.default_rng(seed)
        ids = sorted(rng.choice(ids, size=max_samples, replace=False).tolist())
    obs: list[tuple[str, str, float]] = []
    n_per: dict[str, int] = dict.fromkeys(families, 0)
    size: dict[str, int] = {}
    for t in labelled.values():
        assert t.family is not None
        size[t.family] = size.get(t.family, 0) + 1
    if weights is not None:
        weights.update(dict.fromkeys(families, 0.0))
    infos = store.sample_info(ids)
    for k, sid in enumerate(ids):
        s = labelled[sid]
        assert s.family is not None
        own = {i for i, t in labelled.items() if t.family == s.family}
        prints = stored_prints(store, sid)
        qr = match(store, prints, strings=store.sample_strings(sid),
                   exports=export_hashes(infos.get(sid, {}).get("profile") or {}), exclude_samples=own)
        got = {f.family: f.combined for f in qr.families}
        for f in families:
            if related(s, f, actor_of):
                continue
            n_per[f] += 1
            if weights is not None:
                weights[f] += 1.0 / size[s.family]
            if got.get(f, 0.0) > 0:
                obs.append((s.sha256, f, float(got[f])))
        if progress is not None:
            progress(k + 1, len(ids))
    return obs, n_per, len(ids)


def calibrate(store: Store, *, max_samples: int | None = None, seed: int = 7,
              progress: Callable[[int, int], None] | None = None) -> Calibration:
    """Build the null model from the store and keep it there (meta key ``calibration``)."""
    samples = store.samples()
    n_samples = len(samples)
    w_per: dict[str, float] = {}
    obs, n_per, asked = null_observations(store, max_samples=max_samples, seed=seed, progress=progress,
                                          weights=w_per)
    fam_of = {s.sha256: s.family for s in samples.values()}
    size: dict[str | None, int] = {}
    for s in samples.values():
        if s.family and not s.library and not s.goodware:
            size[s.family] = size.get(s.family, 0) + 1

    def weighted(rows: list[tuple[str, str, float]], n: int, total: float) -> Null:
        sc = np.asarray([r[2] for r in rows], dtype=np.float64)
        w = np.asarray([1.0 / size.get(fam_of.get(r[0]), 1) for r in rows], dtype=np.float64)
        order = np.argsort(sc, kind="stable")
        return Null(sc[order], n, w[order], total)

    corpus = weighted(obs, sum(n_per.values()), sum(w_per.values()))
    per: dict[str, list[tuple[str, str, float]]] = {f: [] for f in n_per}
    for o in obs:
        per[o[1]].append(o)
    families = {f: weighted(v, n_per[f], w_per[f]) for f, v in per.items()}
    cal = Calibration(corpus, families, asked, n_samples, len(n_per),
                      _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"))
    store.put_meta(META_KEY, cal.to_json())
    return cal


def load_calibration(store: Store) -> Calibration | None:
    """The stored calibration; parsed once per state of the store where it says when that changes
    (``cache_key``), since every query report needs it."""
    key_of = getattr(store, "cache_key", None)
    key = key_of() if callable(key_of) else None
    cached = getattr(store, "_calibration_cache", None)
    if key is not None and cached is not None and cached[0] == key:
        return cached[1]  # type: ignore[no-any-return]
    raw = store.get_meta(META_KEY)
    cal = None
    if raw:
        try:
            cal = Calibration.from_json(raw)
        except (ValueError, KeyError, TypeError):
            cal = None
    if key is not None:
        store._calibration_cache = (key, cal)  # type: ignore[attr-defined]
    return cal
