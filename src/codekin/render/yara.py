"""YARA rules from the code a family (or a link) does not share with anyone else, validated with
yara-python against every indexed sample file that still exists.

1. Candidates: the family's functions (at least ``MIN_INSNS`` instructions) whose exact hash no
   other family, library or goodware sample holds and that share no LSH band, at MinHash similarity
   ``EXCLUDE_SIM`` or more, with any function outside the family. A link takes the functions its
   query report matched in the family and nowhere else.
2. Each candidate's bytes are re-read from the sample file and masked (:mod:`codekin.signatures`).
   Beside the code: literal strings of the targets' data sections that no sample outside holds (the
   index's string hashes, library source literals included), which survive a new compiler or
   version far better than code bytes do (measured in ``bench/yara_devset.py``).
3. All candidate strings are scanned over the indexed corpus in one pass; a string that fires on any
   file outside the target set is dropped; of the rest, code and literals are chosen apart by a
   greedy multi-cover so that each target file is hit by ``COVER_CODE`` code strings and ``COVER``
   literals where there are that many.
4. The rule (``N of them`` plus a file-format check; with code and literals both in it, a match on code
   alone needs N + 1 code strings) is compiled and scanned over the corpus again:
   recall on the targets, hits elsewhere. A rule with hits elsewhere is refused unless allowed.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import yara

from codekin import __version__
from codekin.binary.model import Binary
from codekin.disasm.model import Extraction
from codekin.errors import CodekinError
from codekin.fingerprint.features import EMPTY, K_CODE, K, lsh_bands
from codekin.fingerprint.hashing import as_signed, hash_str
from codekin.fingerprint.sample import sample_strings
from codekin.pipeline import analyse_bytes
from codekin.signatures import MAX_BYTES, Candidate, chunks, condition_count, cover, good_text, runs
from codekin.store.sqlite import SQLiteStore

MIN_INSNS = 10
MIN_FN_BYTES = 32
EXCLUDE_SIM = 0.3  # a function this similar to one outside the family is not the family's own
MAX_CANDIDATES = 3000  # strings scanned per rule
MAX_LITERALS = 1500  # literal strings scanned per rule
MAX_STRINGS = 64  # strings in one rule
NEED = 2  # the condition's N (``N of them``), when no target file loses its match for it
COVER = 8  # literal strings per target file the cover aims for: redundancy for the variants to come
COVER_CODE = 4  # code strings per target file
SCAN_TIMEOUT = 120

_FORMAT_CHECK = {
    "pe": "uint16(0) == 0x5A4D",
    "elf": "uint32(0) == 0x464C457F",
    "macho": "(uint32(0) == 0xFEEDFACE or uint32(0) == 0xCEFAEDFE or uint32(0) == 0xFEEDFACF or "
             "uint32(0) == 0xCFFAEDFE or uint32(0) == 0xCAFEBABE or uint32(0) == 0xBEBAFECA)",
}


class RuleRefused(CodekinError):
    code = "rule_hits_outside"


@dataclass(slots=True)
class CorpusFile:
    sample_id: int
    sha256: str
    path: str
    family: str | None
    actor: str | None
    library: bool
    goodware: bool
    format: str | None
    exists: bool


@dataclass
class RuleResult:
    name: str
    family: str
    actor: str | None
    mode: str  # "family" or "link"
    text: str
    strings: list[dict[str, Any]]
    condition_n: int
    targets: list[str]  # sha256s the rule is meant to fire on
    validation: dict[str, Any] = field(default_factory=dict)
    emitted: bool = False
    reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "family": self.family, "actor": self.actor, "mode": self.mode,
                "condition_n": self.condition_n, "strings": self.strings, "targets": self.targets,
                "validation": self.validation, "emitted": self.emitted, "reason": self.reason}


# ---------------------------------------------------------------- the corpus
def corpus_files(store: SQLiteStore) -> list[CorpusFile]:
    rows = store.db.execute("SELECT id, info, format FROM samples").fetchall()
    labels = store.samples()
    out = []
    for sid, info, fmt in rows:
        lab = labels[int(sid)]
        path = json.loads(info or "{}").get("path", "") or ""
        out.append(CorpusFile(int(sid), lab.sha256, path, lab.family, lab.actor, lab.library, lab.goodware,
                              fmt, bool(path) and ":" not in Path(path).name and Path(path).is_file()))
    return out


def scan(rules: yara.Rules, files: list[CorpusFile], progress: Callable[[str], None] | None = None,
         ) -> dict[str, set[str]]:
    """sha256 -> identifiers of the strings that fired in it (files that exist only)."""
    out: dict[str, set[str]] = {}
    for f in files:
        if not f.exists:
            continue
        try:
            ms = rules.match(f.path, fast=True, timeout=SCAN_TIMEOUT)
        except yara.Error as exc:
            raise CodekinError(f"yara could not scan {f.path}: {exc}", path=f.path) from None
        hit: set[str] = set()
        for m in ms:
            hit |= {s.identifier.lstrip("$") for s in m.strings}
        out[f.sha256] = hit
        if progress:
            progress(f.path)
    return out


# ---------------------------------------------------------------- candidates from the index
def _tmp_ids(store: SQLiteStore, name: str, ids: list[int]) -> None:
    store.db.execute(f"CREATE TEMP TABLE IF NOT EXISTS {name} (id INTEGER PRIMARY KEY)")
    store.db.execute("BEGIN")
    store.db.execute(f"DELETE FROM temp.{name}")
    store.db.executemany(f"INSERT OR IGNORE INTO temp.{name}(id) VALUES (?)", [(i,) for i in ids])
    store.db.execute("COMMIT")


def family_functions(store: SQLiteStore, sample_ids: list[int]) -> list[tuple[int, int, int, int, int]]:
    """(sample id, address, instructions, bytes, support) of the target samples' own functions:
    exact hash held by no other sample, no near twin elsewhere. ``support``: target samples holding
    the same exact hash."""
    _tmp_ids(store, "fam", sample_ids)
    rows = store.db.execute(
        "SELECT f.id, f.sample_id, f.address, f.n_insns, f.n_bytes, f.exact, f.minhash FROM functions f "
        "WHERE f.sample_id IN (SELECT id FROM temp.fam) AND f.n_insns >= ? AND f.n_bytes >= ?",
        (MIN_INSNS, MIN_FN_BYTES)).fetchall()
    if not rows:
        return []
    exacts = sorted({int(r[5]) for r in rows})
    _tmp_ids(store, "ex", exacts)
    outside = {int(r[0]) for r in store.db.execute(
        "SELECT DISTINCT f.exact FROM functions f WHERE f.exact IN (SELECT id FROM temp.ex) "
        "AND f.sample_id NOT IN (SELECT id FROM temp.fam)")}
    support: dict[int, set[int]] = defaultdict(set)
    for r in rows:
        support[int(r[5])].add(int(r[1]))
    keep = [r for r in rows if int(r[5]) not in outside]
    if not keep:
        return []
    mh = np.frombuffer(b"".join(r[6] for r in keep), dtype="<u4").reshape(len(keep), K)
    cands = store.lsh_candidates(lsh_bands(mh))
    near = np.zeros(len(keep), dtype=bool)
    if len(cands.qi):
        stored = store.functions(cands.fid)
        pos = np.searchsorted(stored.fid, cands.fid)
        fam = set(sample_ids)
        out_mask = np.asarray([int(s) not in fam for s in stored.sample_id[pos].tolist()], dtype=bool)
        if out_mask.any():
            qi, p = cands.qi[out_mask], pos[out_mask]
            sim = (mh[qi] == stored.minhash[p]).mean(axis=1)
            near[qi[sim >= EXCLUDE_SIM]] = True
    near |= _code_twins_outside(store, mh, sample_ids)
    out = []
    for r, bad in zip(keep, near.tolist(), strict=True):
        if not bad:
            out.append((int(r[1]), int(r[2]), int(r[3]), int(r[4]), len(support[int(r[5])])))
    return out


BAND_ROWS = 2  # words per band of the near-twin search outside the family
GENERIC_KEY = 256  # a band key this many outside functions share marks generic code (runtime helpers)
TWIN_CODE = 0.6  # code-word agreement of a near twin
TWIN_DATA = 0.5  # data-word agreement (both sides with data) of a near twin


def _code_twins_outside(store: SQLiteStore, mh: np.ndarray, sample_ids: list[int]) -> np.ndarray:
    """Which of the family's functions (signatures ``mh``) have a near twin outside the family.

    The index's LSH keys come mostly from a function's data (constants, strings, imports), so code that
    differs only there (compiler-generated helpers, e.g. Cython's, with other string tables) is not
    found through them, and a library built by another compiler shares its data but not its keys; a
    rule must not pick either up as the family's own, or it fires on every program built the same way.
    Here the code words and the data words are banded apart (bands of BAND_ROWS words; data bands only
    where the function has data) over every function outside the family, a rule build being rare
    enough to afford reading them all; a twin agrees on TWIN_CODE of its code words or TWIN_DATA of its
    data words."""
    n = len(mh)
    near = np.zeros(n, dtype=bool)
    if not n:
        return near
    _tmp_ids(store, "fam", sample_ids)
    rows = store.db.execute("SELECT minhash FROM functions WHERE n_insns >= ? AND sample_id NOT IN "
                            "(SELECT id FROM temp.fam)", (MIN_INSNS,)).fetchall()
    if not rows:
        return near
    other = np.frombuffer(b"".join(r[0] for r in rows), dtype="<u4").reshape(len(rows), K)
    nb = K // BAND_ROWS
    salt = np.arange(nb, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)

    def keys(sig: np.ndarray) -> np.ndarray:
        w = sig.astype(np.uint64).reshape(len(sig), nb, BAND_ROWS)
        k = ((w[:, :, 0] << np.uint64(32)) | w[:, :, 1]) ^ salt[None, :]
        empty = (sig[:, K_CODE:] == EMPTY).all(axis=1)
        k[:, K_CODE // BAND_ROWS:][empty] = 0  # no data: no data bands
        return k

    ok = keys(other).reshape(-1)
    owner = np.repeat(np.arange(len(other)), nb)
    order = np.argsort(ok, kind="stable")
    ok, owner = ok[order], owner[order]
    qk = keys(mh)
    lo, hi = np.searchsorted(ok, qk, "left"), np.searchsorted(ok, qk, "right")
    live = qk != 0
    near |= (((hi - lo) >= GENERIC_KEY) & live).any(axis=1)
    o_empty = (other[:, K_CODE:] == EMPTY).all(axis=1)
    for i in np.nonzero(~near & (((hi - lo) > 0) & live).any(axis=1))[0].tolist():
        spans = [(a, b) for a, b, v in zip(lo[i].tolist(), hi[i].tolist(), live[i].tolist(), strict=True)
                 if v and b > a]
        idx = np.unique(np.concatenate([owner[a:b] for a, b in spans]))
        code = (other[idx, :K_CODE] == mh[i, :K_CODE]).mean(axis=1)
        twin = code >= TWIN_CODE
        if not (mh[i, K_CODE:] == EMPTY).all():
            data = (other[idx, K_CODE:] == mh[i, K_CODE:]).mean(axis=1)
            twin |= (data >= TWIN_DATA) & ~o_empty[idx]
        near[i] = bool(twin.any())
    return near


# ---------------------------------------------------------------- bytes from the files
class _Extractions:
    """Each sample file analysed once (the same pipeline the index ran, so addresses agree)."""

    def __init__(self) -> None:
        self.cache: dict[str, tuple[Extraction, dict[int, Any]] | None] = {}

    def get(self, path: str) -> tuple[Extraction, dict[int, Any]] | None:
        if path not in self.cache:
            got = None
            try:
                data = Path(path).read_bytes()
            except OSError:
                data = b""
            if data:
                for res in analyse_bytes(data, name=path):
                    if res.extraction is not None:
                        got = (res.extraction, {f.start: f for f in res.extraction.functions})
                        break
            self.cache[path] = got
        return self.cache[path]


def cut(ex: Extraction, fn: Any) -> list[tuple[int, list[int | None]]]:
    """Masked patterns over ``fn``'s contiguous block runs: (address, pattern) of each usable one."""
    b = ex.binary
    hi = max([s.va + s.vsize for s in b.sections] + [b.image_base + b.size])
    lo = min([s.va for s in b.sections if s.va] + [b.image_base])
    out = []
    for start, end in runs([(blk.start, blk.end) for blk in ex.blocks_of(fn)]):
        out += chunks(b.read(start, end - start), start, b.bitness, (lo, hi), MAX_BYTES)
    return out


def _candidates(sites: list[tuple[str, str, int, int, int, int]], exts: _Extractions,
                ) -> dict[str, Candidate]:
    """(path, sha256, function address, instructions, bytes, support) -> unique masked strings."""
    out: dict[str, Candidate] = {}
    for path, sha, addr, n_insns, n_bytes, support in sites:
        got = exts.get(path)
        if got is None:
            continue
        ex, by_start = got
        fn = by_start.get(addr)
        if fn is None:
            continue
        for at, pat in cut(ex, fn):
            c = Candidate(pat, sha, at, n_insns, n_bytes, support, function=addr)
            if c.key in out:
                out[c.key].also.append((sha, at))
                out[c.key].support = max(out[c.key].support, support)
            else:
                out[c.key] = c
        if len(out) >= MAX_CANDIDATES:
            break
    return out


def _resource_bytes(b: Binary) -> list[bytes]:
    """The data of a PE's resource sections: manifests and version blocks, the linker's and the
    toolchain's boilerplate rather than the family's own text."""
    vas = {s.va for s in b.sections if s.name.lower().startswith(".rsrc")}
    return [r.data for r in b.regions if r.va in vas and r.data]


def _in_resources(txt: str, blobs: list[bytes]) -> bool:
    if not blobs:
        return False
    a, w = txt.encode("latin-1", "replace"), txt.encode("utf-16-le", "replace")
    return any(a in d or w in d for d in blobs)


def literal_candidates(store: SQLiteStore, targets: list[CorpusFile], exts: _Extractions,
                       inside: set[int], *, all_of: bool = False) -> dict[str, Candidate]:
    """Literal strings of the targets' data sections that no sample outside ``inside`` (sample ids)
    holds; with ``all_of``, only those the first target and another hold (a link: both sides)."""
    seen: dict[str, list[CorpusFile]] = defaultdict(list)
    for t in targets:
        got = exts.get(t.path) if t.exists else None
        if got is None:
            continue
        b = got[0].binary
        boiler = _resource_bytes(b)
        for txt in sample_strings(b)[1]:
            if good_text(txt) and not _in_resources(txt, boiler):
                seen[txt].append(t)
    if all_of:  # a link: in the first target (the query) and in at least one other
        query = targets[0].sha256
        seen = {k: v for k, v in seen.items() if v[0].sha256 == query and len(v) >= 2}
    if not seen:
        return {}
    texts = sorted(seen)
    hashes = [int(h) for h in as_signed(np.asarray([hash_str(x, 0x5757) for x in texts], dtype=np.uint64))]
    _tmp_ids(store, "inside", sorted(inside))
    _tmp_ids(store, "hs", hashes)
    outside = {int(r[0]) for r in store.db.execute(
        "SELECT DISTINCT h FROM strings WHERE h IN (SELECT id FROM temp.hs) "
        "AND sample_id NOT IN (SELECT id FROM temp.inside)")}
    out: dict[str, Candidate] = {}
    ranked = sorted((x for x, h in zip(texts, hashes, strict=True) if h not in outside),
                    key=lambda x: (-len({t.sha256 for t in seen[x]}), -len(x), x))
    kept: list[str] = []
    for x in ranked:  # a literal inside a longer one would only count the same bytes twice
        if len(kept) >= MAX_LITERALS:
            break
        if not any(x in y or y in x for y in kept):
            kept.append(x)
    for x in kept:
        first = seen[x][0]
        c = Candidate([], first.sha256, 0, 0, 0, len({t.sha256 for t in seen[x]}), what="literal", text=x,
                      also=[(t.sha256, 0) for t in seen[x][1:]])
        out[c.key] = c
    return out


# ---------------------------------------------------------------- rule text
def rule_name(family: str, suffix: str = "") -> str:
    s = re.sub(r"[^A-Za-z0-9_]", "_", f"codekin_{family}{suffix}")
    return s[:120]


def _meta_str(s: str) -> str:
    return s.replace("\\", "\\\\").replace('"', '\\"')


def render_rule(name: str, meta: dict[str, str | int], strings: list[tuple[str, Candidate]], n: int,
                formats: list[str]) -> str:
    lines = [f"rule {name}", "{", "    meta:"]
    for k, v in meta.items():
        lines.append(f"        {k} = {v}" if isinstance(v, int) else f'        {k} = "{_meta_str(str(v))}"')
    lines.append("    strings:")
    for ident, c in strings:
        others = len({s for s, _ in c.also} - {c.sha256})
        also = f"; also in {others} more" if others else ""
        if c.text is not None:
            lines.append(f"        // literal string of the data sections of sample {c.sha256} "
                         f"(in {c.support} target sample(s){also})")
        else:
            lines.append(f"        // sample {c.sha256}: {len(c.pattern)} code bytes at {c.address:#x} in the "
                         f"function at {c.function:#x} ({c.n_insns} instructions, in {c.support} target "
                         f"sample(s){also}); {sum(b is None for b in c.pattern)} bytes wildcarded (addresses, "
                         "relocations, relative offsets)")
        lines.append(f"        ${ident} = {c.key}")
    checks = [_FORMAT_CHECK[f] for f in sorted(set(formats)) if f in _FORMAT_CHECK]
    fmt = "(" + " or ".join(checks) + ") and " if checks else ""
    cond = f"{n} of them"
    kinds = {ident[0] for ident, _ in strings}
    if kinds == {"f", "s"}:
        # code alone needs one string more: code unique to a family in the index can still be a library's
        # that the pack lacks (a static library built by another compiler: apsw's and sqlean.py's SQLite)
        cond = f"{n} of them and (1 of ($s*) or {n + 1} of ($f*))"
    lines += ["    condition:", f"        {fmt}{cond}", "}"]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- generation
def _build(store: SQLiteStore, files: list[CorpusFile], targets: list[CorpusFile],
           sites: list[tuple[str, str, int, int, int, int]], *, name: str, family: str, actor: str | None,
           mode: str, need: int, extra_meta: dict[str, str | int], allowed: set[str],
           literals: Callable[[_Extractions], dict[str, Candidate]] | None = None,
           progress: Callable[[str], None] | None = None) -> RuleResult:
    exts = _Extractions()
    cands = _candidates(sites, exts)
    if literals is not None:
        cands.update(literals(exts))
    target_shas = {t.sha256 for t in targets}
    base = RuleResult(name, family, actor, mode, "", [], 0, sorted(target_shas))
    if not cands:
        base.reason = "no code of the targets is absent from every other family and library"
        return base
    keys = list(cands)
    ids = {k: f"c{i}" for i, k in enumerate(keys)}
    src = "rule candidates {\n strings:\n" + "".join(f"  ${ids[k]} = {k}\n" for k in keys) + \
        " condition:\n  any of them\n}\n"
    rules = yara.compile(source=src)
    hits_by_file = scan(rules, files, progress)
    hits: dict[str, set[str]] = defaultdict(set)
    by_id = {v: k for k, v in ids.items()}
    for sha, idents in hits_by_file.items():
        for ident in idents:
            hits[by_id[ident]].add(sha)
    clean = {k: v for k, v in hits.items() if v <= allowed}
    prio = {k: cands[k].support * 1000 + sum(b is not None for b in cands[k].pattern) for k in clean}
    scanned_targets = {t.sha256 for t in targets if t.exists}
    # code and literals covered apart: literals survive new compilers and versions best (bench/
    # yara_devset.py), code is the family's own work; a rule holds both
    code = {k: v for k, v in clean.items() if cands[k].text is None}
    lits = {k: v for k, v in clean.items() if cands[k].text is not None}
    chosen = cover(code, scanned_targets, need=max(need, COVER_CODE), max_strings=MAX_STRINGS // 2, priority=prio)
    chosen += cover(lits, scanned_targets, need=max(need, COVER), max_strings=MAX_STRINGS - len(chosen),
                    priority=prio)
    if not chosen:
        base.reason = ("every candidate string also fires outside the targets" if cands
                       else "no candidate strings")
        base.validation = {"candidates": len(cands), "clean_candidates": len(clean)}
        return base
    n = condition_count(chosen, clean, scanned_targets, need)
    chosen.sort(key=lambda k: (cands[k].text is not None, -cands[k].support, cands[k].sha256, cands[k].address))
    named = [(f"{'s' if cands[k].text is not None else 'f'}{i}", cands[k]) for i, k in enumerate(chosen)]
    formats = [t.format for t in targets if t.format]
    meta: dict[str, str | int] = {"author": f"codekin {__version__}", "family": family}
    if actor:
        meta["actor"] = actor
    meta.update(extra_meta)
    meta["date"] = _dt.date.today().isoformat()
    text = render_rule(name, meta, named, n, [f for f in formats if f])
    res = RuleResult(name, family, actor, mode, text, [], n, sorted(target_shas))
    res.validation = validate(text, files, target_shas, allowed, progress)
    res.validation["candidates"] = len(cands)
    res.validation["clean_candidates"] = len(clean)
    per_string = {ident: sorted(hits[cands_key]) for (ident, _), cands_key in zip(named, chosen, strict=True)}
    res.strings = [{"id": ident, "sha256": c.sha256, "address": c.address, "function": c.function,
                    "instructions": c.n_insns, "bytes": len(c.pattern),
                    "wildcards": sum(b is None for b in c.pattern), "support": c.support,
                    "kind": "literal" if c.text is not None else "code", "value": c.key,
                    "files_hit": len(per_string[ident])} for ident, c in named]
    return res


def validate(text: str, files: list[CorpusFile], targets: set[str], allowed: set[str] | None = None,
             progress: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Compile the rule and scan every existing corpus file: recall on the targets, hits outside
    ``allowed`` (the targets and, for a link, the rest of the family)."""
    allowed = targets if allowed is None else allowed
    rules = yara.compile(source=text)
    fired: set[str] = set()
    for f in files:
        if not f.exists:
            continue
        try:
            if rules.match(f.path, timeout=SCAN_TIMEOUT):
                fired.add(f.sha256)
        except yara.Error as exc:
            raise CodekinError(f"yara could not scan {f.path}: {exc}", path=f.path) from None
        if progress:
            progress(f.path)
    existing = [f for f in files if f.exists]
    tgt = [f for f in existing if f.sha256 in targets]
    outside = [f for f in existing if f.sha256 not in allowed and f.sha256 in fired]
    return {
        "scanned": len(existing), "missing_files": len(files) - len(existing),
        "target_files": len(tgt), "target_hits": sum(f.sha256 in fired for f in tgt),
        "recall": round(sum(f.sha256 in fired for f in tgt) / len(tgt), 4) if tgt else None,
        "targets_missed": sorted(f.sha256 for f in tgt if f.sha256 not in fired),
        "outside_hits": [{"sha256": f.sha256, "family": f.family, "library": f.library, "goodware": f.goodware,
                          "path": f.path} for f in outside],
    }


def family_rule(store: SQLiteStore, family: str, *, need: int = NEED, literals: bool = True,
                progress: Callable[[str], None] | None = None) -> RuleResult:
    files = corpus_files(store)
    targets = [f for f in files if f.family == family and not f.library and not f.goodware]
    if not targets:
        raise CodekinError(f"no samples of family {family!r} in the index (see `codekin families`)")
    fns = family_functions(store, [t.sample_id for t in targets])
    by_sid = {t.sample_id: t for t in targets}
    # most widely shared across the family first, then the biggest
    fns.sort(key=lambda r: (-r[4], -r[2], r[0], r[1]))
    sites = [(by_sid[s].path, by_sid[s].sha256, a, ni, nb, sup) for s, a, ni, nb, sup in fns if by_sid[s].exists]
    actor = next((t.actor for t in targets if t.actor), None)
    inside = {t.sample_id for t in targets}
    res = _build(store, files, targets, sites, name=rule_name(family), family=family, actor=actor,
                 mode="family", need=need, allowed={t.sha256 for t in targets},
                 literals=(lambda exts: literal_candidates(store, targets, exts, inside)) if literals else None,
                 extra_meta={"samples": len(targets),
                                                       "description": f"code found in samples of {family} "
                                                       "and in no other indexed family, library or goodware"},
                 progress=progress)
    return res


def link_rule(store: SQLiteStore, report: dict[str, Any], *, need: int = NEED, literals: bool = True,
              progress: Callable[[str], None] | None = None) -> RuleResult:
    """A rule for the code a ``codekin query --json`` report links to a family: functions the query
    shares with that family and with no other family or library, cut from both sides."""
    att = report.get("attribution") or {}
    fams = report.get("families") or []
    family = att.get("family") or (fams[0]["family"] if fams else None)
    if not family:
        raise CodekinError("the report links the sample to no family")
    sample = report.get("sample") or {}
    qpath, qsha = str(sample.get("name") or ""), str(sample.get("sha256") or "")
    files = corpus_files(store)
    by_sha = {f.sha256: f for f in files}
    query = by_sha.get(qsha) or CorpusFile(-1, qsha, qpath, None, None, False, False,
                                           sample.get("format"), Path(qpath).is_file())
    if not query.exists:
        raise CodekinError(f"the report's sample file {qpath!r} cannot be read; run the query again where it is",
                           path=qpath)
    fam_ev = [e for e in report.get("evidence") or [] if e.get("family") == family and not e.get("library")]
    ev = [e for e in fam_ev
          if int(e.get("families_sharing") or 1) == 1 and int(e.get("instructions") or 0) >= MIN_INSNS]
    partners = {e["other_sha256"] for e in fam_ev if e.get("other_sha256") in by_sha}
    if not partners:  # a link on strings alone: the family's samples are the other side
        partners = {f.sha256 for f in files if f.family == family and not f.library and not f.goodware}
    targets = [query] + [by_sha[s] for s in sorted(partners) if s != qsha and by_sha[s].exists]
    if len(targets) < 2:
        raise CodekinError(f"no file of the family {family!r} on the other side of the link can be read")
    sites: list[tuple[str, str, int, int, int, int]] = []
    for e in sorted(ev, key=lambda e: (-float(e.get("similarity") or 0), -int(e.get("instructions") or 0))):
        n = int(e.get("instructions") or 0)
        sites.append((query.path, query.sha256, int(e["address"]), n, 0, 2))
        other = by_sha.get(e["other_sha256"])
        if other is not None and other.exists:
            sites.append((other.path, other.sha256, int(e["other_address"]), n, 0, 2))
    if query not in files:
        files = [*files, query]
    actor = att.get("actor") or next((f["actor"] for f in fams if f.get("family") == family), None)
    same = [f for f in files if f.family == family and not f.library and not f.goodware]
    allowed = {t.sha256 for t in targets} | {f.sha256 for f in same}
    inside = {f.sample_id for f in same} | {t.sample_id for t in targets if t.sample_id >= 0}
    return _build(store, files, targets, sites, name=rule_name(family, f"_link_{qsha[:12]}"), family=family,
                  actor=actor, mode="link", need=need, allowed=allowed,
                  literals=(lambda exts: literal_candidates(store, targets, exts, inside, all_of=True))
                  if literals else None,
                  extra_meta={"query_sha256": qsha, "description": f"code {qsha[:12]} shares with {family} "
                              "and with no other indexed family or library"}, progress=progress)


def write_rules(results: list[RuleResult], out: Path) -> None:
    head = (f"// YARA rules generated by codekin {__version__} on {_dt.date.today().isoformat()}\n"
            "// each string: a function's first bytes, addresses, relocations and relative offsets wildcarded\n\n")
    out.write_text(head + "\n".join(r.text for r in results if r.emitted))
