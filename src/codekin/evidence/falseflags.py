"""False-flag checks: what in a sample or a link could have been planted, or contradicts itself.

- **Rich header vs code** (the Olympic Destroyer case, 2018: its Rich header, copied from a Lazarus
  sample, claimed a Visual Studio 6 toolchain its code was not built with). Only Microsoft's linker
  writes a Rich header: one on code that GCC or clang compiled (their ident strings, the mingw-w64
  runtime) was put there. A header naming an older or newer MSVC than the C runtime the code calls is
  the same contradiction in another form. A Rich checksum that does not fit the file's own DOS header
  means the header was copied or edited.
- **A link carried by public or ubiquitous code**: when most of what a family shares with the sample is
  library code or code many families share, the link proves little whatever its score.
- **Timestamps against the lineage**: a compile time in the future, before the toolchain its headers
  name was released, or years outside the known timeline of the family it is linked to.
"""

from __future__ import annotations

import datetime as _dt
import time
from typing import Any

from codekin.match.matcher import UBIQUITOUS_FAMILIES, FamilyScore

UBIQUITOUS_SHARE = 0.8  # a link carried this much by library / ubiquitous code is flagged
TIMELINE_YEARS = 3.0
LINK_MIN_SCORE = 0.2  # a best family below this is no link anyone would draw
DISTINCT_FUNCS = 3  # a link with this many distinctive functions ...
DISTINCT_STRINGS = 0.1  # ... or this much distinctive strings share has evidence of its own


def _warn(code: str, severity: str, message: str, **extra: Any) -> dict[str, Any]:
    return {"code": code, "severity": severity, "message": message, **extra}


def toolchain_flags(prof: dict[str, Any]) -> list[dict[str, Any]]:
    """Checks on the sample alone: its Rich header against its code."""
    out: list[dict[str, Any]] = []
    tc = prof.get("toolchain") or {}
    code, header = tc.get("code") or {}, tc.get("header") or {}
    if prof.get("rich") and prof.get("rich_checksum_ok") is False:
        out.append(_warn("rich-checksum", "medium",
                         "the Rich header's checksum does not fit this file's DOS header: it was copied from "
                         "another file or edited"))
    if header.get("compiler") == "msvc" and code.get("compiler") in ("gcc", "clang"):
        out.append(_warn(
            "rich-toolchain-mismatch", "high",
            f"the Rich header claims Microsoft's toolchain ({header.get('version') or 'unknown version'}), "
            f"but the code was built by {code['compiler'].upper() if code['compiler'] == 'gcc' else 'clang'}: "
            f"{'; '.join(code.get('markers', []))}. Microsoft's linker is the only one that writes a Rich "
            "header: it was planted or copied (compare the Olympic Destroyer case)",
            claimed=header.get("version"), built_by=code.get("compiler")))
    elif (header.get("compiler") == "msvc" and code.get("compiler") == "msvc" and header.get("year")
          and code.get("year") and not int(code["year"]) - 1 <= int(header["year"])
          <= int(code.get("last_year") or code["year"]) + 1):
        out.append(_warn(
            "rich-toolchain-mismatch", "high",
            f"the Rich header names {header.get('version')}, but the code calls the C runtime of "
            f"{code.get('version')}: the header does not belong to this code",
            claimed=header.get("version"), built_by=code.get("version")))
    return out


def timestamp_flags(prof: dict[str, Any], timeline: dict[str, Any] | None, family: str | None,
                    now: float | None = None) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    ts = prof.get("timestamp")
    if not ts:
        return out
    now = time.time() if now is None else now
    if ts > now + 86_400:
        out.append(_warn("timestamp-future", "medium",
                         f"the compile timestamp {_iso(ts)} lies in the future: forged, or a reproducible-build "
                         "hash (/Brepro) rather than a date"))
    tc = prof.get("toolchain") or {}
    year = _dt.datetime.fromtimestamp(ts, _dt.UTC).year if ts < 2**31 else None
    for side in ("header", "code"):
        t = tc.get(side) or {}
        if year is not None and t.get("year") and year < int(t["year"]):
            what = "its Rich header names" if side == "header" else "its code was linked with"
            out.append(_warn("timestamp-before-toolchain", "medium",
                             f"the compile timestamp ({year}) predates the toolchain {what} "
                             f"({t.get('version')}, released {t['year']})"))
            break
    if timeline and family and timeline.get("position") in ("before", "after") \
            and float(timeline.get("years_outside", 0)) >= TIMELINE_YEARS:
        out.append(_warn("timeline", "low",
                         f"the compile timestamp {timeline['sample']} lies {timeline['years_outside']:.1f} years "
                         f"{timeline['position']} every dated sample of {family} "
                         f"({timeline['family_first']} .. {timeline['family_last']})"))
    return out


def link_flags(family: FamilyScore, attributed: bool, pooled: FamilyScore | None = None) -> list[dict[str, Any]]:
    """A link (the verdict, or a best family scoring LINK_MIN_SCORE or more) whose shared code is mostly
    library or ubiquitous code and which has no distinctive evidence of its own. ``pooled``: for an
    actor-level verdict, the actor's families pooled (their shared toolkit is distinctive of the actor,
    not of any one family)."""
    if not attributed and family.combined < LINK_MIN_SCORE:
        return []
    share = family.ubiquitous_share
    distinctive = any(f.distinct_functions >= DISTINCT_FUNCS or f.str_distinct >= DISTINCT_STRINGS
                      for f in (family, pooled) if f is not None)
    if share < UBIQUITOUS_SHARE or distinctive:
        return []
    return [_warn("ubiquitous-link", "high" if attributed else "medium",
                  f"{share:.0%} of the code shared with {family.family} is library code or code that "
                  f"{UBIQUITOUS_FAMILIES}+ families share, and little else is distinctive "
                  f"({family.distinct_functions} distinctive functions, distinctive strings line "
                  f"{family.str_distinct:.2f}): the link rests on public or ubiquitous code", share=round(share, 4))]


def _iso(ts: int) -> str:
    try:
        return _dt.datetime.fromtimestamp(int(ts), _dt.UTC).strftime("%Y-%m-%d")
    except (OverflowError, OSError, ValueError):
        return str(ts)


def disagreement_flags(family: str, agreement: dict[str, Any] | None, lines: list[dict[str, Any]] | None
                       ) -> list[dict[str, Any]]:
    """Evidence lines of the verdict that point to another, unrelated family."""
    if not agreement or not agreement.get("disagree") or not lines:
        return []
    where = {ln["line"]: ln["points_to"] for ln in lines if ln["status"] == "disagrees"}
    sev = "high" if "code" in where else "medium"
    return [_warn("lines-disagree", sev,
                  f"the verdict {family} is contradicted by {len(where)} evidence line(s): "
                  + "; ".join(f"{k} points to {v}" for k, v in where.items())
                  + (". The shared code itself points elsewhere: the link may rest on code both families took "
                     "from a common source" if "code" in where else ""))]
