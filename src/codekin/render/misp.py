"""MISP event export, built offline with PyMISP (no server): one ``file`` object per sample with its
hashes, references between them (``variant-of`` from a queried sample to the indexed samples it
shares code with), tags for family and actor, and the evidence summary as a text attribute.
Loadable with ``MISPEvent().load()``."""

from __future__ import annotations

from typing import Any

from pymisp import MISPEvent, MISPObject

from codekin import __version__
from codekin.render.stix import evidence_summary
from codekin.store.sqlite import SQLiteStore


def _tag(kind: str, value: str) -> str:
    return f'codekin:{kind}="{value}"'


def _file(sha256: str, name: str | None, size: int | None, tags: list[str]) -> MISPObject:
    o = MISPObject("file", standalone=False)
    a = o.add_attribute("sha256", value=sha256, to_ids=False)
    if name:
        o.add_attribute("filename", value=name.replace("\\", "/").rsplit("/", 1)[-1], to_ids=False)
    if size:
        o.add_attribute("size-in-bytes", value=int(size), to_ids=False)
    for t in tags:  # objects carry no tags in MISP: the hash attribute does
        if a is not None:
            a.add_tag(t)
    return o


def misp_event(store: SQLiteStore, reports: list[dict[str, Any]]) -> MISPEvent:
    ev = MISPEvent()
    ev.add_tag(f"codekin:version=\"{__version__}\"")
    labels = {lab.sha256: lab for lab in store.samples().values()}
    sizes = dict(store.db.execute("SELECT sha256, size FROM samples").fetchall())
    objs: dict[str, MISPObject] = {}

    def indexed(sha: str) -> MISPObject:
        if sha not in objs:
            lab = labels.get(sha)
            tags = []
            if lab is not None and lab.family:
                tags.append(_tag("family", lab.family))
            if lab is not None and lab.actor:
                tags.append(_tag("actor", lab.actor))
            objs[sha] = ev.add_object(_file(sha, lab.name if lab else None, sizes.get(sha), tags))
        return objs[sha]

    if not reports:
        ev.info = "codekin index: labelled samples"
        for lab in labels.values():
            if not lab.library and not lab.goodware and (lab.family or lab.actor):
                indexed(lab.sha256)
        for fam in sorted({lab.family for lab in labels.values() if lab.family and not lab.library}):
            ev.add_tag(_tag("family", fam))
        return ev
    names = []
    for r in reports:
        s = r.get("sample") or {}
        sha = str(s["sha256"])
        att = r.get("attribution")
        tags = []
        if att and att.get("family") and att.get("level") == "family":
            tags.append(_tag("family", att["family"]))
        if att and att.get("actor"):
            tags.append(_tag("actor", att["actor"]))
        if att:
            tags.append(_tag("confidence", f"{float(att.get('confidence') or 0):.2f}"))
        else:
            tags.append(_tag("verdict", "unknown"))
        q = objs.get(sha) or ev.add_object(_file(sha, s.get("name"), s.get("size"), tags))
        objs[sha] = q
        q.add_attribute("text", value=evidence_summary(r), to_ids=False, disable_correlation=True)
        for t in tags:
            ev.add_tag(t)
        # one reference per indexed partner of the verdict's family (or of the top family)
        fam = (att or {}).get("family") or ((r.get("families") or [{}])[0].get("family"))
        partners: dict[str, int] = {}
        for e in r.get("evidence") or []:
            if e.get("family") == fam and e.get("other_sha256"):
                partners[e["other_sha256"]] = partners.get(e["other_sha256"], 0) + 1
        for other, n in sorted(partners.items(), key=lambda kv: -kv[1])[:10]:
            o = indexed(other)
            q.add_reference(o.uuid, "variant-of" if att else "similar-to",
                            comment=f"codekin: {n} shared functions with {fam}"
                            + (f", verdict confidence {att.get('confidence')}" if att else ", no verdict"))
        names.append(f"{s.get('name')}: {(att or {}).get('family') or 'unknown'}")
    ev.info = "codekin attribution: " + "; ".join(names)[:200]
    return ev
