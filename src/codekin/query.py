"""Asking about a sample: extraction and fingerprints of the query, matching against the store, and
the report (a plain dict, stable JSON: docs/json.md, schema in schemas/query.schema.json)."""

from __future__ import annotations

import gc
from typing import Any

from codekin import __version__
from codekin.evidence.calibration import Calibration, load_calibration, query_background
from codekin.evidence.falseflags import disagreement_flags, link_flags, timestamp_flags, toolchain_flags
from codekin.evidence.lines import agreement, family_lines, timeline, token_lines
from codekin.evidence.profile import export_hashes, profile
from codekin.fingerprint import FINGERPRINT_VERSION, fingerprint
from codekin.fingerprint.sample import sample_strings
from codekin.match.matcher import QueryResult, match
from codekin.pipeline import Result
from codekin.store.base import Store

SCHEMA_ID = "codekin.query/1"


def query_extraction(store: Store, res: Result, *, top: int = 10, evidence: int = 50,
                     exclude_self: bool = False) -> dict[str, Any]:
    """The report of one extracted query. The cyclic garbage collector is paused meanwhile, as in
    extraction: fingerprinting, matching and the report make many short-lived containers and no
    reference cycles, and the collector's passes over a warm process's objects cost about 1 ms of a
    median dev-set query (measured through gc callbacks)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _query_extraction(store, res, top=top, evidence=evidence, exclude_self=exclude_self)
    finally:
        if was_enabled:
            gc.enable()


def _query_extraction(store: Store, res: Result, *, top: int, evidence: int, exclude_self: bool) -> dict[str, Any]:
    ex = res.extraction
    assert ex is not None
    prints = fingerprint(ex)
    hashes, _ = sample_strings(ex.binary)
    b = ex.binary
    prof = profile(b, res.header)
    qr = match(store, prints, strings=hashes, exports=export_hashes(prof),
               exclude_sha256=ex.binary.sha256 if exclude_self else None, evidence_limit=evidence)
    return report(qr, {
        "name": res.name, "sha256": b.sha256, "format": b.format, "arch": b.arch, "size": b.size,
        "functions": len(prints), "instructions": int(prints.n_insns.sum()), "flags": list(b.flags),
    }, store, top=top, evidence=evidence, prof=prof)


# evidence lines are worked out for this many of the best families (and the verdict's)
LINES_TOP = 3


def report(qr: QueryResult, sample: dict[str, Any], store: Store, *, top: int, evidence: int,
           prof: dict[str, Any] | None = None) -> dict[str, Any]:
    cal = load_calibration(store)
    prof = prof or {}
    tl = token_lines(store, prof, qr.samples) if prof else {}
    actor_of = {f.family: f.actor for f in qr.families}
    bg = _Background(qr)
    fams = []
    for rank, f in enumerate(qr.families[:top]):
        extra: dict[str, Any] = {"chance": _chance(cal, f.combined, f.family, bg([f.family]))}
        if rank < LINES_TOP or (qr.verdict is not None and f.family == qr.verdict.family):
            lines = family_lines(qr, tl, f, actor_of)
            extra["lines"] = lines
            extra["agreement"] = agreement(lines)
        fams.append({
            "family": f.family, "actor": f.actor,
            "score": round(f.combined, 4), "code": round(f.code, 4),
            "share": round(f.score, 4), "distinct": round(f.distinct, 4),
            "shared_functions": f.shared_functions, "distinct_functions": f.distinct_functions,
            "strings_share": round(f.str_share, 4), "strings_distinct": round(f.str_distinct, 4),
            "shared_strings": f.shared_strings, "exports_share": round(f.exp_share, 4),
            "shared_exports": f.shared_exports, **extra,
        })
    actors: dict[str, dict[str, Any]] = {}
    for a in qr.actors:  # each actor's families pooled
        assert a.actor is not None
        actors[a.actor] = {"actor": a.actor, "score": round(a.combined, 4), "code": round(a.code, 4),
                           "strings_share": round(a.str_share, 4), "families": []}
    for f in qr.families:
        if f.actor and f.actor in actors:
            actors[f.actor]["families"].append(f.family)
    attribution = None
    if qr.verdict is not None:
        v = qr.verdict
        attribution = {
            "family": v.family, "actor": v.actor, "level": qr.level, "confidence": qr.confidence,
            "score": round(v.combined, 4), "code": round(v.code, 4), "strings": round(v.str_share, 4),
            "distinct": round(v.distinct, 4), "distinct_functions": v.distinct_functions,
            "basis": f"{v.shared_functions} functions ({v.distinct_functions} distinctive) and "
                     f"{v.shared_strings} strings shared with {v.family}; code line {v.code:.2f}, strings "
                     f"line {v.str_share:.2f}; library code discounted",
        }
        v_entry = next((x for x in fams if x["family"] == v.family), None)
        attribution["chance"] = _chance(cal, v.combined, v.family, bg([v.family]))
        if v_entry is not None and "lines" in v_entry:
            attribution["lines"] = v_entry["lines"]
            attribution["agreement"] = v_entry["agreement"]
        if qr.level == "actor":
            a = qr.actors[0]
            attribution["basis"] = (
                f"a new family of actor {a.actor}: its code and strings are shared with the actor's families "
                f"alike (pooled score {a.combined:.2f}, {a.shared_functions} functions, {a.shared_strings} "
                f"strings), closest family {v.family}; library code discounted")
    from codekin.evidence.libs import library_summary  # library knowledge: name the library code shared

    libraries = library_summary(store, qr.evidence, shown=evidence, counts=qr.library_counts)
    if attribution is not None and qr.level == "actor" and qr.actors:
        a0 = qr.actors[0]
        attribution["chance"] = _chance(cal, a0.combined, None, bg(bg.of_actor(a0.actor)))
    # false-flag checks: on the sample itself, on the verdict's (or best family's) link and timeline
    warnings: list[dict[str, Any]] = toolchain_flags(prof) if prof else []
    link_to = qr.verdict or (qr.families[0] if qr.families else None)
    if link_to is not None:
        pooled = qr.actors[0] if qr.level == "actor" and qr.actors else None
        warnings += link_flags(link_to, qr.verdict is not None, pooled)
    tline = None
    if prof and link_to is not None:
        tline = timeline(store, link_to.family, qr.samples, prof.get("timestamp"))
        warnings += timestamp_flags(prof, tline, link_to.family if qr.verdict is not None else None)
    if attribution is not None:
        warnings += disagreement_flags(attribution["family"], attribution.get("agreement"), attribution.get("lines"))
        attribution["timeline"] = tline
        attribution["warnings"] = [w["code"] for w in warnings]
    st = store.counts()  # cheap: no table scans on the query path
    return {
        "schema": SCHEMA_ID,
        "codekin": __version__,
        "sample": sample,
        "families": fams,
        "actors": sorted(actors.values(), key=lambda a: -a["score"]),
        "attribution": attribution,
        "unknown_reason": None if attribution else _why_unknown(qr),
        "library": {"functions": qr.library_functions, "libraries": libraries},
        "matched_functions": qr.matched_functions,
        "evidence": qr.evidence[:evidence],
        "evidence_total": qr.n_evidence,
        "warnings": warnings,
        "calibration": None if cal is None else {
            "samples": cal.samples, "observations": cal.corpus.n, "index_samples_then": cal.index_samples,
            "created_at": cal.created_at,
            "stale": st.get("samples") != cal.index_samples},
        "index": {"samples": st.get("samples"), "functions": st.get("functions"),
                  "fingerprint_version": FINGERPRINT_VERSION},
    }


def _why_unknown(qr: QueryResult) -> str:
    if not qr.families:
        return "no code shared with any labelled family"
    t = qr.families[0]
    from codekin.match.matcher import VERDICT_MIN_SCORE

    return (f"best family {t.family} scores {t.combined:.3f} (code {t.code:.3f}, strings {t.str_share:.3f}): "
            f"below the verdict threshold {VERDICT_MIN_SCORE}")


class _Background:
    """The query's background level for a link (``evidence.calibration.query_background``): its scores
    against the index's other labelled families."""

    def __init__(self, qr: QueryResult) -> None:
        self.scores = {f.family: f.combined for f in qr.families}
        self.actor = {s.family: s.actor for s in qr.samples.values() if s.family and not s.library and not s.goodware}
        self.families = set(self.actor)

    def of_actor(self, actor: str | None) -> list[str]:
        return [f for f, a in self.actor.items() if a is not None and a == actor]

    def __call__(self, exclude: list[str]) -> float:
        return query_background(self.scores, self.families, exclude)


def _chance(cal: Calibration | None, score: float, family: str | None, background: float) -> dict[str, Any] | None:
    """The chance of coincidence of a link, or None when the index was never calibrated."""
    return None if cal is None else cal.chance(score, family, background)
