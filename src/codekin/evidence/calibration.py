"""The chance of coincidence: how often would code and strings shared this much link unrelated samples?

The corpus supplies its own null distribution. Every labelled sample is asked as a query against the
index with its own family left out (``match(..., exclude_samples=...)``); the score it reaches against
each family known to be unrelated to it (another family, and not the same actor) is one null
observation. Most are 0 (nothing shared); the tail is what matters.

The statistic is not the raw score but the score over the asked sample's **background**: its mean score
against the other families of the index (families it shares nothing with count 0; its highest one left
out, which at query time is the sample's own family when that is indexed; never below
``BACKGROUND_FLOOR``). Raw scores are not comparable between samples: code shared by chance (compiler
runtime, Cython or CRT boilerplate) is a large share of a small module and a small share of a large one,
and a sample built with another toolchain generation than the index shares less of it with every family
alike. Measured on the dev set, the newest releases (the queries) reach less than half the raw chance
scores the index's own older releases reach against the same families, so a null of raw scores stated
mid-range chances (1 in 30) about three times too high. Judging a score against the same sample's
scores on other models is what the speaker-verification literature calls test normalisation (T-norm,
against a cohort of impostor models); here the cohort is the other families of the index. Scores are
shares in [0, 1], so the comparison is made on the log-odds scale: the statistic is the odds ratio
``odds(score) / odds(background)`` (``relative_statistic``; for small shares the plain ratio, while a
plain ratio could never exceed 1 / background). The null holds it for every (asked sample, unrelated
family) pair, computed the same way.

A link's chance is then the share of null observations at least as high as its statistic:
``p = (1 + #null >= t) / (1 + n)`` (the +1 keeps it honest with few observations). Each observation is
weighted by one over the size of the asked sample's family, so that every family speaks for the
population of unknown samples with one voice: a family indexed as fifteen modules of three releases
would otherwise make the null its own (its shared runtime boilerplate in every observation). Beyond the highest
null statistics, where counting gives nothing, the tail is extrapolated with an exponential fitted to the
highest ones (a peaks-over-threshold fit), and the report says so. Per family: each family has
its own null (how high unrelated samples score against it: a large family with much generic code draws
higher chance scores); it is used where it holds enough observations, else the corpus-wide one.

Stated as "about 1 in N" beside the score, the way Ghidra BSim states per-function false-positive rates;
``bench/calibration.py`` checks stated against observed rates on held-out unrelated pairs.
"""

from __future__ import annotations

import datetime as _dt
import json
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from codekin.evidence.profile import export_hashes
from codekin.fingerprint.features import BANDS, MIN_INSNS_FUZZY, FunctionPrints, lsh_bands
from codekin.match.matcher import match
from codekin.store.base import SampleLabels, Store

META_KEY = "calibration"
# 2: observations weighted per family (version 1 is read with unit weights); 3: the null holds score /
# background (versions 1 and 2 hold raw scores and are read as such)
CALIBRATION_VERSION = 3
TAIL_K = 20  # null scores the exponential tail is fitted to
MIN_FAMILY_OBS = 100  # a family's own null is used from this many observations on
MIN_TAIL_NONZERO = 5
MIN_TAIL_OBS = 200  # fewer observations than this: no extrapolation, a bound only
TAIL_DECADES = 2.0  # extrapolate at most this many powers of ten below the empirical resolution
BACKGROUND_TRIM = 1  # the highest other family's score is left out of the background (the own family's)
# a background below this is no background (a sample sharing next to nothing with every family). The trim
# leaves the query's own family out of its background at query time, as the null never has it. The floor
# is the one of 0.001, 0.003, 0.01, 0.03 that keeps observed within the smallest factor of stated (p = 0.3
# to 0.01) on both dev-set indexes' own nulls, each family left out in turn (bench/calibration.py prints
# the grid): chosen on the index's data, never on the held-out queries the bench checks.
BACKGROUND_FLOOR = 0.001


STATISTIC = "odds(score)/odds(background)"


def relative_statistic(score: Any, bg: Any, floor: float = BACKGROUND_FLOOR) -> Any:
    """A link's score over the sample's background, as an odds ratio: scores are shares in [0, 1], and on
    the log-odds scale a share near 1 stays comparable however high the background (a plain ratio could
    never exceed 1 / background); for small shares it is the plain ratio."""
    sc = np.minimum(np.asarray(score, dtype=np.float64), 1.0 - 1e-6)
    b = np.minimum(np.maximum(np.asarray(bg, dtype=np.float64), floor), 1.0 - 1e-6)
    return (sc / (1.0 - sc)) / (b / (1.0 - b))


def background(others: Iterable[float], n_others: int, trim: int = BACKGROUND_TRIM,
               floor: float = BACKGROUND_FLOOR) -> float:
    """A sample's background level: its mean score against ``n_others`` other families (``others`` holds
    the non-zero ones; the rest count 0), the highest ``trim`` left out, at least ``floor``."""
    x = sorted((float(v) for v in others), reverse=True)[trim:]
    m = n_others - trim
    return max(sum(x) / m if m > 0 else 0.0, floor)


def query_background(scores: dict[str, float], families: Iterable[str], exclude: Iterable[str]) -> float:
    """The background of a query for a link to ``exclude`` (a family, or an actor's families): over the
    index's other labelled ``families``; ``scores`` holds the query's score per family (absent: 0)."""
    ex = set(exclude)
    others = [f for f in set(families) if f not in ex]
    return background((scores.get(f, 0.0) for f in others), len(others))


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
    relative: bool = True  # the null holds score / background (version 3); False: raw scores (1 and 2)

    def chance(self, score: float, family: str | None = None, background: float | None = None,
               ) -> dict[str, Any]:
        """The chance of coincidence of one link (a sample's score against a family). ``background`` is
        the sample's background level (``query_background``), required unless the null holds raw scores."""
        if self.relative:
            if background is None:
                raise ValueError("a relative null needs the query's background (query_background)")
            bg = max(float(background), BACKGROUND_FLOOR)
            stat = float(relative_statistic(score, bg))
        else:
            bg, stat = None, score
        fam = self.families.get(family or "")
        scope = "family" if fam is not None and fam.n >= MIN_FAMILY_OBS else "corpus"
        null = fam if scope == "family" and fam is not None else self.corpus
        p, method = null.p(stat)
        # the verdict is the best of all families: the chance that any unrelated family reaches the score
        f = max(self.n_families, 1)
        p_corpus, _ = self.corpus.p(stat)
        any_p = 1.0 - (1.0 - min(p_corpus, 1.0)) ** f
        return {
            "p": _sig(p), "one_in": _one_in(p), "method": method, "scope": scope, "observations": null.n,
            "any_family_p": _sig(any_p), "any_family_one_in": _one_in(any_p),
            "background": None if bg is None else _sig(bg), "text": _text(p, method, null.n),
        }

    def to_json(self) -> str:
        def enc(n: Null) -> dict[str, Any]:
            d: dict[str, Any] = {"n": n.n, "scores": [float(f"{x:.6g}") for x in n.scores.tolist()]}
            if n.weights is not None:
                d["weights"] = [round(float(x), 6) for x in n.weights.tolist()]
                d["total"] = n.total
            return d

        return json.dumps({"version": CALIBRATION_VERSION, "corpus": enc(self.corpus),
                           "families": {k: enc(v) for k, v in self.families.items()}, "samples": self.samples,
                           "index_samples": self.index_samples, "n_families": self.n_families,
                           "created_at": self.created_at, "statistic": STATISTIC,
                           "background_trim": BACKGROUND_TRIM, "background_floor": BACKGROUND_FLOOR})

    @staticmethod
    def from_json(s: str) -> Calibration | None:
        d = json.loads(s)
        version = d.get("version")
        if version not in (1, 2, CALIBRATION_VERSION):
            return None
        if version == CALIBRATION_VERSION and (d.get("statistic"), d.get("background_trim"),
                                               d.get("background_floor")) != (STATISTIC, BACKGROUND_TRIM,
                                                                              BACKGROUND_FLOOR):
            return None  # another background definition: its statistics are not this one's

        def dec(x: dict[str, Any]) -> Null:
            sc = np.asarray(x["scores"], dtype=np.float64)
            order = np.argsort(sc, kind="stable")
            if "weights" in x:
                return Null(sc[order], int(x["n"]), np.asarray(x["weights"], dtype=np.float64)[order],
                            float(x["total"]))
            return Null(sc[order], int(x["n"]))

        return Calibration(dec(d["corpus"]), {k: dec(v) for k, v in d["families"].items()}, int(d["samples"]),
                           int(d["index_samples"]), int(d["n_families"]), d.get("created_at", ""),
                           relative=version == CALIBRATION_VERSION)


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


@dataclass
class NullTable:
    """Every (asked sample, unrelated family) pair of a calibration run, zeros included: the asked
    sample's family, the unrelated family, the score, the sample's background for that family and the
    observation's weight (one over the size of the asked sample's family)."""

    sample: np.ndarray  # str: the asked sample's sha256
    asked: np.ndarray  # str
    target: np.ndarray  # str
    score: np.ndarray
    background: np.ndarray
    weight: np.ndarray
    samples: int  # samples asked

    def null(self, mask: np.ndarray | None = None, *, relative: bool = True) -> Null:
        """The weighted null of the pairs in ``mask`` (all by default): of score / background, or of the
        raw score (``relative=False``, versions 1 and 2)."""
        m = np.ones(len(self.score), dtype=bool) if mask is None else mask
        nz = m & (self.score > 0)
        stat = relative_statistic(self.score[nz], self.background[nz]) if relative else self.score[nz]
        order = np.argsort(stat, kind="stable")
        return Null(stat[order], int(m.sum()), self.weight[nz][order], float(self.weight[m].sum()))

    def statistic(self, relative: bool = True) -> np.ndarray:
        return relative_statistic(self.score, self.background) if relative else self.score


def null_observations(store: Store, *, max_samples: int | None = None, seed: int = 7,
                      progress: Callable[[int, int], None] | None = None) -> NullTable:
    """Ask each labelled sample (or a seeded sample of them) with its own family left out; what it
    scores against each unrelated family, and its background there, is one observation."""
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
    size: dict[str, int] = {}
    for t in labelled.values():
        assert t.family is not None
        size[t.family] = size.get(t.family, 0) + 1
    sample: list[str] = []
    asked: list[str] = []
    target: list[str] = []
    score: list[float] = []
    bgs: list[float] = []
    weight: list[float] = []
    infos = store.sample_info(ids)
    for k, sid in enumerate(ids):
        s = labelled[sid]
        assert s.family is not None
        own = {i for i, t in labelled.items() if t.family == s.family}
        prints = stored_prints(store, sid)
        qr = match(store, prints, strings=store.sample_strings(sid),
                   exports=export_hashes(infos.get(sid, {}).get("profile") or {}), exclude_samples=own)
        got = {f.family: f.combined for f in qr.families}
        unrelated = [f for f in families if not related(s, f, actor_of)]
        for f in unrelated:
            sample.append(s.sha256)
            asked.append(s.family)
            target.append(f)
            score.append(float(got.get(f, 0.0)))
            bgs.append(background((got.get(g, 0.0) for g in unrelated if g != f), len(unrelated) - 1))
            weight.append(1.0 / size[s.family])
        if progress is not None:
            progress(k + 1, len(ids))
    return NullTable(np.asarray(sample, dtype=object), np.asarray(asked, dtype=object),
                     np.asarray(target, dtype=object),
                     np.asarray(score, dtype=np.float64), np.asarray(bgs, dtype=np.float64),
                     np.asarray(weight, dtype=np.float64), len(ids))


def calibration_from(table: NullTable, index_samples: int, *, relative: bool = True) -> Calibration:
    """The calibration of a null table: the corpus-wide null and each family's (pairs against it)."""
    fams = sorted(set(table.target.tolist()))
    return Calibration(table.null(relative=relative),
                       {f: table.null(table.target == f, relative=relative) for f in fams}, table.samples,
                       index_samples, len(set(table.asked.tolist()) | set(fams)),
                       _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"), relative=relative)


def calibrate(store: Store, *, max_samples: int | None = None, seed: int = 7,
              progress: Callable[[int, int], None] | None = None) -> Calibration:
    """Build the null model from the store and keep it there (meta key ``calibration``)."""
    n_samples = len(store.samples())
    cal = calibration_from(null_observations(store, max_samples=max_samples, seed=seed, progress=progress),
                           n_samples)
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
