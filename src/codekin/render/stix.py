"""STIX 2.1 export (built with the ``stix2`` library): samples and families as ``malware`` objects,
actors as ``intrusion-set``, ``variant-of`` (sample -> family) and ``attributed-to`` (family or
sample -> actor) relationships with a STIX confidence (0-100), and a ``note`` carrying each query's
evidence summary.

Object ids are UUIDv5 of what they name (a family's name, a sample's sha256), so two exports of the
same index or report agree on them and a platform can merge them.
"""

from __future__ import annotations

import uuid
from typing import Any

import stix2

from codekin import __version__
from codekin.store.sqlite import SQLiteStore

_NS = uuid.UUID("7d1f4b8e-6c0a-5c1e-9a57-c0de0c0de0c0")


def _id(kind: str, key: str) -> str:
    return f"{kind}--{uuid.uuid5(_NS, f'{kind}:{key}')}"


def stix_confidence(c: float | None) -> int | None:
    """codekin's confidence (0..1; 0.5 at the verdict threshold) on STIX's 0-100 scale."""
    if c is None:
        return None
    return round(100 * min(1.0, max(0.0, float(c))))


class _Builder:
    def __init__(self) -> None:
        self.objs: dict[str, Any] = {}
        self.identity = stix2.Identity(id=_id("identity", "codekin"), name=f"codekin {__version__}",
                                       identity_class="system",
                                       description="open code-reuse attribution engine")
        self.objs[self.identity.id] = self.identity

    def add(self, obj: Any) -> Any:
        self.objs.setdefault(obj.id, obj)
        return self.objs[obj.id]

    def family(self, name: str) -> Any:
        return self.add(stix2.Malware(id=_id("malware", f"family:{name}"), name=name, is_family=True,
                                      created_by_ref=self.identity.id))

    def actor(self, name: str) -> Any:
        return self.add(stix2.IntrusionSet(id=_id("intrusion-set", name), name=name, created_by_ref=self.identity.id))

    def sample(self, sha256: str, name: str | None, size: int | None = None) -> Any:
        f = self.add(stix2.File(hashes={"SHA-256": sha256}, name=name or sha256,
                                **({"size": int(size)} if size else {})))
        return self.add(stix2.Malware(id=_id("malware", f"sample:{sha256}"), name=name or sha256, is_family=False,
                                      sample_refs=[f.id], created_by_ref=self.identity.id))

    def rel(self, kind: str, src: Any, dst: Any, confidence: int | None, description: str) -> Any:
        kw: dict[str, Any] = {"description": description, "created_by_ref": self.identity.id}
        if confidence is not None:
            kw["confidence"] = confidence
        return self.add(stix2.Relationship(id=_id("relationship", f"{kind}:{src.id}:{dst.id}"),
                                           relationship_type=kind, source_ref=src.id, target_ref=dst.id, **kw))


def evidence_summary(report: dict[str, Any], top: int = 10) -> str:
    """A readable summary of a query report: verdict, families, the strongest shared functions."""
    s = report.get("sample") or {}
    att = report.get("attribution")
    lines = [f"codekin query of {s.get('name')} (sha256 {s.get('sha256')}, {s.get('format')} {s.get('arch')}, "
             f"{s.get('functions')} functions)"]
    if att:
        lines.append(f"verdict: {att.get('level')} {att.get('family')} (actor {att.get('actor') or 'unknown'}), "
                     f"confidence {att.get('confidence')}, score {att.get('score')}, "
                     f"{att.get('distinct_functions')} distinct shared functions")
    else:
        lines.append(f"verdict: unknown ({report.get('unknown_reason') or 'evidence too thin'})")
    for f in (report.get("families") or [])[:5]:
        lines.append(f"family {f.get('family')} (actor {f.get('actor') or '-'}): score {f.get('score')}, code "
                     f"{f.get('code')}, strings {f.get('strings_share')}, {f.get('shared_functions')} shared and "
                     f"{f.get('distinct_functions')} distinct functions")
    ev = [e for e in report.get("evidence") or [] if e.get("family")]
    for e in ev[:top]:
        lines.append(f"function {int(e['address']):#x} ({e.get('instructions')} instructions) ~ "
                     f"{e.get('other_sha256')} @ {int(e.get('other_address') or 0):#x} in {e.get('family')}: "
                     f"similarity {e.get('similarity')}{' (exact)' if e.get('exact') else ''}, "
                     f"{e.get('families_sharing')} families share it")
    return "\n".join(lines)


def stix_bundle(store: SQLiteStore, reports: list[dict[str, Any]]) -> stix2.Bundle:
    """With reports: their samples, verdicts and evidence. Without: the index's labelled samples."""
    b = _Builder()
    if not reports:
        conf = dict(store.db.execute(
            "SELECT s.sha256, a.confidence FROM attributions a JOIN samples s ON s.id = a.sample_id "
            "ORDER BY a.id").fetchall())
        sizes = dict(store.db.execute("SELECT sha256, size FROM samples").fetchall())
        fams_actor: dict[str, str] = {}
        for lab in store.samples().values():
            if lab.library or lab.goodware or not (lab.family or lab.actor):
                continue
            m = b.sample(lab.sha256, lab.name, sizes.get(lab.sha256))
            c = stix_confidence(conf.get(lab.sha256))
            if lab.family:
                fam = b.family(lab.family)
                b.rel("variant-of", m, fam, c, "labelled in the codekin index")
                if lab.actor:
                    fams_actor[lab.family] = lab.actor
            elif lab.actor:
                b.rel("attributed-to", m, b.actor(lab.actor), c, "labelled in the codekin index")
        for fam, actor in sorted(fams_actor.items()):
            b.rel("attributed-to", b.family(fam), b.actor(actor), None, "the family's actor in the codekin index")
        return stix2.Bundle(objects=list(b.objs.values()))
    for r in reports:
        s = r.get("sample") or {}
        m = b.sample(str(s["sha256"]), s.get("name"), s.get("size"))
        refs = [m.id]
        att = r.get("attribution")
        if att:
            c = stix_confidence(att.get("confidence"))
            why = (f"codekin: shared code (code {att.get('code')}, strings {att.get('strings')}, "
                   f"{att.get('distinct_functions')} distinct functions), level {att.get('level')}")
            if att.get("family") and att.get("level") == "family":
                fam = b.family(att["family"])
                refs.append(b.rel("variant-of", m, fam, c, why).id)
                if att.get("actor"):
                    b.rel("attributed-to", fam, b.actor(att["actor"]), None, "the family's actor in the codekin index")
            if att.get("actor"):
                refs.append(b.rel("attributed-to", m, b.actor(att["actor"]), c, why).id)
        for f in (r.get("families") or [])[:3]:
            if f.get("family"):
                refs.append(b.family(f["family"]).id)
        b.add(stix2.Note(id=_id("note", f"evidence:{s['sha256']}"), abstract=f"codekin evidence for {s.get('name')}",
                         content=evidence_summary(r), object_refs=sorted(set(refs)), created_by_ref=b.identity.id,
                         authors=[f"codekin {__version__}"]))
    return stix2.Bundle(objects=list(b.objs.values()))
