"""Asking about a sample: extraction and fingerprints of the query, matching against the store, and
the report (a plain dict, stable JSON: docs/json.md, schema in schemas/query.schema.json)."""

from __future__ import annotations

from typing import Any

from codekin import __version__
from codekin.fingerprint import FINGERPRINT_VERSION, fingerprint
from codekin.fingerprint.sample import sample_strings
from codekin.match.matcher import QueryResult, match
from codekin.pipeline import Result
from codekin.store.base import Store

SCHEMA_ID = "codekin.query/1"


def query_extraction(store: Store, res: Result, *, top: int = 10, evidence: int = 50,
                     exclude_self: bool = False) -> dict[str, Any]:
    ex = res.extraction
    assert ex is not None
    prints = fingerprint(ex)
    hashes, _ = sample_strings(ex.binary)
    qr = match(store, prints, strings=hashes, exclude_sha256=ex.binary.sha256 if exclude_self else None)
    b = ex.binary
    return report(qr, {
        "name": res.name, "sha256": b.sha256, "format": b.format, "arch": b.arch, "size": b.size,
        "functions": len(prints), "instructions": int(prints.n_insns.sum()), "flags": list(b.flags),
    }, store, top=top, evidence=evidence)


def report(qr: QueryResult, sample: dict[str, Any], store: Store, *, top: int, evidence: int) -> dict[str, Any]:
    fams = []
    for f in qr.families[:top]:
        fams.append({
            "family": f.family, "actor": f.actor,
            "score": round(f.combined, 4), "code": round(f.code, 4),
            "share": round(f.score, 4), "distinct": round(f.distinct, 4),
            "shared_functions": f.shared_functions, "distinct_functions": f.distinct_functions,
            "strings_share": round(f.str_share, 4), "strings_distinct": round(f.str_distinct, 4),
            "shared_strings": f.shared_strings,
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
        if qr.level == "actor":
            a = qr.actors[0]
            attribution["basis"] = (
                f"a new family of actor {a.actor}: its code and strings are shared with the actor's families "
                f"alike (pooled score {a.combined:.2f}, {a.shared_functions} functions, {a.shared_strings} "
                f"strings), closest family {v.family}; library code discounted")
    from codekin.evidence.libs import library_summary  # library knowledge: name the library code shared

    libraries = library_summary(store, qr.evidence)
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
