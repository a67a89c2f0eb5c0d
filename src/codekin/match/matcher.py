"""Candidates, function similarity, family scores and the open-set verdict.

1. Candidates: stored functions with the same exact hash, or sharing an LSH band.
2. Similarity: MinHash agreement (an estimate of the Jaccard similarity of the feature sets); 1.0
   for exact-hash twins. Pairs below ``MIN_SIM`` are dropped.
3. Weight of each query function: ``log2(1 + instructions)`` (size), divided by the number of
   labelled groups it matches (rarity: code shared by many families is weak evidence), times
   ``1 - library similarity`` (library/goodware code is discounted).
4. Family score: the weighted share of the query's code that the family explains (best match per
   function). Distinctive score: the same, counting only how much better the family explains each
   function than the next family does; it drives the verdict, so code two families share (a bundled
   parser, a language runtime) decides nothing.
5. Verdict: the best family when its distinctive score and its count of distinctive functions pass
   thresholds chosen on the dev set for at most 2% false attribution; otherwise null (unknown).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from codekin.fingerprint import FunctionPrints
from codekin.fingerprint.features import K, sorted_unique
from codekin.store.base import SampleLabels, Store

MIN_SIM = 0.5
STRONG_SIM = 0.7
# open-set thresholds (bench/devset.py chose them; see BENCHMARKS.md)
VERDICT_MIN_DISTINCT = 0.10
VERDICT_MIN_FUNCS = 3
MAX_CANDIDATES_PER_FUNCTION = 400


@dataclass
class Match:
    qi: int
    fid: int
    sample_id: int
    address: int
    sim: float


@dataclass
class FamilyScore:
    family: str
    actor: str | None
    score: float
    distinct: float
    shared_functions: int
    distinct_functions: int
    str_share: float = 0.0
    str_distinct: float = 0.0
    shared_strings: int = 0
    samples: set[int] = field(default_factory=set)


@dataclass
class QueryResult:
    families: list[FamilyScore]
    verdict: FamilyScore | None
    confidence: float
    evidence: list[dict[str, Any]]
    library_functions: int
    matched_functions: int
    total_weight: float
    samples: dict[int, SampleLabels]


def _group(lbl: SampleLabels) -> tuple[str, str] | None:
    """(kind, name) of the group a stored sample belongs to."""
    if lbl.library:
        return ("library", lbl.family or f"sample:{lbl.sha256[:12]}")
    if lbl.goodware:
        return ("goodware", lbl.family or "goodware")
    if lbl.family:
        return ("family", lbl.family)
    return None


def match(store: Store, prints: FunctionPrints, *, strings: np.ndarray | None = None,
          exclude_sha256: str | None = None) -> QueryResult:
    n = len(prints)
    samples = store.samples()
    if n == 0:
        return QueryResult([], None, 0.0, [], 0, 0, 0.0, samples)
    ce = store.exact_candidates(prints.exact)
    cl = store.lsh_candidates(prints.bands)
    qi = np.concatenate([ce.qi, cl.qi])
    fid = np.concatenate([ce.fid, cl.fid])
    if len(qi):
        key = sorted_unique(qi * (1 << 40) + fid)
        qi, fid = key >> 40, key & ((1 << 40) - 1)
    stored = store.functions(fid)
    pos = np.searchsorted(stored.fid, fid)
    ok = (pos < len(stored.fid)) & (stored.fid[np.minimum(pos, len(stored.fid) - 1)] == fid)
    qi, fid, pos = qi[ok], fid[ok], pos[ok]
    sims = (prints.minhash[qi] == stored.minhash[pos]).sum(axis=1) / K
    exact = prints.exact[qi] == stored.exact[pos]
    sims = np.where(exact, 1.0, sims)
    keep = sims >= MIN_SIM
    qi, fid, pos, sims = qi[keep], fid[keep], pos[keep], sims[keep]
    sid = stored.sample_id[pos]
    if exclude_sha256 is not None:
        ex_ids = [i for i, s in samples.items() if s.sha256 == exclude_sha256]
        if ex_ids:
            m = ~np.isin(sid, ex_ids)
            qi, fid, pos, sims, sid = qi[m], fid[m], pos[m], sims[m], sid[m]

    # best similarity per (query function, group)
    groups: dict[tuple[str, str], int] = {}
    gid_of_sample: dict[int, int] = {}
    group_names: list[tuple[str, str]] = []
    for s_id, lbl in samples.items():
        g = _group(lbl)
        if g is None:
            continue
        if g not in groups:
            groups[g] = len(group_names)
            group_names.append(g)
        gid_of_sample[s_id] = groups[g]
    gids = np.asarray([gid_of_sample.get(int(s), -1) for s in sid.tolist()], dtype=np.int64)
    lab = gids >= 0
    qi, fid, pos, sims, sid, gids = qi[lab], fid[lab], pos[lab], sims[lab], sid[lab], gids[lab]
    ng = len(group_names)
    best = np.zeros((n, max(ng, 1)), dtype=np.float64)
    if len(qi):
        np.maximum.at(best, (qi, gids), sims)
    is_lib = np.asarray([k != "family" for k, _ in group_names] or [False], dtype=bool)
    fam_cols = np.nonzero(~is_lib)[0]
    lib_sim = best[:, is_lib].max(axis=1) if is_lib.any() else np.zeros(n)
    fam_best = best[:, fam_cols] if len(fam_cols) else np.zeros((n, 0))
    df = (fam_best >= MIN_SIM).sum(axis=1)
    size_w = np.log2(1.0 + prints.n_insns.astype(np.float64))
    lib_disc = 1.0 - np.clip(lib_sim, 0.0, 1.0)
    w = size_w * lib_disc / np.maximum(df, 1)
    total = float(w.sum()) or 1.0

    # the strings line: which labelled groups hold each of the sample's strings
    str_share = np.zeros(max(ng, 1))
    str_distinct = np.zeros(max(ng, 1))
    str_count = np.zeros(max(ng, 1), dtype=np.int64)
    if strings is not None and len(strings) and ng:
        hits = store.string_hits(strings)
        hg = np.asarray([gid_of_sample.get(int(x), -1) for x in hits.fid.tolist()], dtype=np.int64)
        okh = hg >= 0
        if exclude_sha256 is not None:
            ex_ids = {i for i, s in samples.items() if s.sha256 == exclude_sha256}
            okh &= np.asarray([int(x) not in ex_ids for x in hits.fid.tolist()], dtype=bool)
        S = np.zeros((len(strings), ng), dtype=bool)
        S[hits.qi[okh], hg[okh]] = True
        s_df = S[:, ~is_lib[:ng]].sum(axis=1) if (~is_lib[:ng]).any() else np.zeros(len(strings))
        s_lib = S[:, is_lib[:ng]].any(axis=1) if is_lib[:ng].any() else np.zeros(len(strings), dtype=bool)
        sw = np.where(s_lib, 0.0, 1.0 / np.maximum(s_df, 1))
        stot = float(sw.sum()) or 1.0
        str_share = (sw[:, None] * S).sum(axis=0) / stot
        str_distinct = (sw[:, None] * (S & (s_df == 1)[:, None])).sum(axis=0) / stot
        str_count = S.sum(axis=0)

    families: list[FamilyScore] = []
    if len(fam_cols):
        top2 = np.sort(fam_best, axis=1)[:, -2:] if fam_best.shape[1] >= 2 else np.c_[np.zeros(n), fam_best]
        for j, col in enumerate(fam_cols.tolist()):
            s = fam_best[:, j]
            if not (s > 0).any():
                continue
            other = np.where(s >= top2[:, -1], top2[:, -2], top2[:, -1])
            margin = np.clip(s - other, 0.0, None)
            # a function counts as distinctive when the family explains it clearly better than any other
            distinct_fn = (margin >= 0.25) & (s >= STRONG_SIM) & (lib_disc > 0.5)
            name = group_names[col][1]
            actor = next((samples[x].actor for x, g in gid_of_sample.items() if g == col and samples[x].actor), None)
            families.append(FamilyScore(
                family=name, actor=actor, score=float((w * s).sum() / total),
                distinct=float((w * margin).sum() / total), shared_functions=int((s >= MIN_SIM).sum()),
                distinct_functions=int(distinct_fn.sum()), str_share=float(str_share[col]),
                str_distinct=float(str_distinct[col]), shared_strings=int(str_count[col]),
            ))
    families.sort(key=lambda f: (f.score + f.distinct, f.distinct), reverse=True)
    verdict = None
    confidence = 0.0
    if families:
        top = families[0]
        confidence = _confidence(top)
        if top.distinct >= VERDICT_MIN_DISTINCT and top.distinct_functions >= VERDICT_MIN_FUNCS:
            verdict = top

    # evidence: each matched query function's best partner per family (and library matches)
    evidence: list[dict[str, Any]] = []
    if len(qi):
        order = np.lexsort((-sims, gids, qi))
        qi_o, gid_o, sims_o, pos_o = qi[order], gids[order], sims[order], pos[order]
        firsts = np.r_[True, (qi_o[1:] != qi_o[:-1]) | (gid_o[1:] != gid_o[:-1])]
        for k in np.nonzero(firsts)[0].tolist():
            q = int(qi_o[k])
            g = group_names[int(gid_o[k])]
            p = int(pos_o[k])
            other_sid = int(stored.sample_id[p])
            evidence.append({
                "address": int(prints.address[q]),
                "instructions": int(prints.n_insns[q]),
                "family": g[1] if g[0] == "family" else None,
                "library": g[0] != "family",
                "library_name": g[1] if g[0] != "family" else None,
                "other_sha256": samples[other_sid].sha256,
                "other_address": int(stored.address[p]),
                "similarity": round(float(sims_o[k]), 4),
                "exact": bool(prints.exact[q] == stored.exact[p]),
                "families_sharing": int(df[q]),
                "rarity": round(1.0 / max(int(df[q]), 1), 4),
                "weight": round(float(w[q]), 4),
            })
        evidence.sort(key=lambda e: (e["weight"] * e["similarity"]), reverse=True)
    return QueryResult(families, verdict, confidence, evidence, int((lib_sim >= MIN_SIM).sum()),
                       int((best.max(axis=1) >= MIN_SIM).sum()) if ng else 0, total, samples)


def _confidence(f: FamilyScore) -> float:
    """A monotone map of the evidence to [0, 1]: 0.5 at the verdict threshold."""
    x = f.distinct / VERDICT_MIN_DISTINCT
    y = f.distinct_functions / VERDICT_MIN_FUNCS
    z = min(x, y)
    return round(1.0 - math.exp(-0.6931 * z), 4)
