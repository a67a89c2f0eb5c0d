"""Library code as toolchains this machine cannot run build it, taken from public PyPI wheels.

Windows wheels are built with MSVC, and Rust extensions with rustc releases newer than Debian's; the
pack's own builds (gcc, clang, mingw-w64, Debian's rustc) do not reproduce that code closely enough to be
recognised in them (measured: clang-for-Windows builds of SQLite are no closer to MSVC's than mingw-gcc's,
section "Library knowledge" of BENCHMARKS.md). Public wheels that bundle such code are the reference.

A wheel also holds its project's own code, which must not become "library code": a project used here may
be a family of its own in an analyst's index. So a reference keeps only what the builds of **at least two
different projects** share (functions at the matcher's evidence similarity, strings, exported names): code
two unrelated projects both carry is library or runtime code (Rust's standard library and pyo3; the SQLite
amalgamation), and each project's own code is left out.
"""

from __future__ import annotations

import fnmatch
import hashlib
import io
import sys
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import numpy as np

from codekin.fingerprint.features import FunctionPrints
from codekin.indexer import Prepared, prepare
from codekin.store.base import LabelSpec
from codekin.store.sqlite import SQLiteStore

# (library, pinned requirements, wheel platforms): several releases of each project, so that several
# compiler releases are covered (2022-2026)
REGISTRY_REFS: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = [
    # Rust + pyo3 extensions of three unrelated projects (pyca's bcrypt, nh3, pydantic's jiter)
    ("rust-std", ("bcrypt==4.0.1", "bcrypt==4.1.2", "bcrypt==4.2.1", "bcrypt==5.0.0",
                  "nh3==0.2.8", "nh3==0.2.14", "nh3==0.2.18", "nh3==0.3.0",
                  "jiter==0.4.0", "jiter==0.8.2", "jiter==0.11.0", "jiter==0.19.0"),
     ("win_amd64", "manylinux2014_x86_64")),
    # the SQLite amalgamation as MSVC builds it, in three projects' Windows wheels
    ("sqlite", ("pysqlite3==0.6.1", "pysqlite3-wheels==0.5.0", "sqlcipher3-wheels==0.5.7"), ("win_amd64",)),
    # compression libraries as MSVC builds them (Windows extensions embed them statically, and two unrelated
    # samples that both embed zstd share nothing of their own). imagecodecs builds one module per library:
    # a member pattern after "|" takes only that module of its wheel. Pairs hold at most one Cython-built
    # module, so that Cython's generated helpers, which two Cython modules share, are not taken for the library
    ("zstd", ("zstandard==0.21.0", "zstandard==0.23.0", "pyzstd==0.15.9", "pyzstd==0.16.2",
              "imagecodecs==2024.9.22|imagecodecs/_zstd.*"), ("win_amd64",)),
    ("lz4", ("lz4==4.3.2", "lz4==4.3.3", "imagecodecs==2024.9.22|imagecodecs/_lz4.*"), ("win_amd64",)),
    ("brotli", ("Brotli==1.1.0", "brotlicffi==1.0.9.2", "brotlicffi==1.1.0.0",
                "imagecodecs==2024.9.22|imagecodecs/_brotli.*"), ("win_amd64",)),
    ("zlib", ("lxml==4.9.4|lxml/etree.*", "lxml==5.3.0|lxml/etree.*", "pillow==10.4.0|PIL/_imaging.*",
              "pillow==11.0.0|PIL/_imaging.*"), ("win_amd64",)),
    ("zlib-ng", ("blosc2==2.7.1|*libblosc2.dll", "blosc2==3.3.0|*libblosc2.dll",
                 "imagecodecs==2023.3.16|imagecodecs/_zlibng.*", "imagecodecs==2024.9.22|imagecodecs/_zlibng.*"),
     ("win_amd64",)),
]
_PLATFORM_TAGS = {"manylinux2014_x86_64": ("manylinux2014_x86_64", "manylinux_2_28_x86_64")}


def project_of(req: str) -> str:
    return req.split("|")[0].split("==")[0].strip().lower().replace("_", "-")


def split_req(req: str) -> tuple[str, str | None]:
    """``"project==version|member pattern"`` -> (requirement, pattern or None)."""
    base, _, pattern = req.partition("|")
    return base.strip(), (pattern.strip() or None)


def wheel_binaries(wheel: bytes, pattern: str | None = None) -> list[tuple[str, bytes]]:
    """The native modules of a wheel (members that are PE or ELF images), read in memory; only members whose
    path matches ``pattern`` (fnmatch) when one is given. Vendored libraries (``*.libs/``) are left out:
    they are other projects' code."""
    out = []
    with zipfile.ZipFile(io.BytesIO(wheel)) as z:
        for info in z.infolist():
            if info.is_dir() or ".libs/" in info.filename:
                continue
            if pattern is not None and not fnmatch.fnmatchcase(info.filename, pattern):
                continue
            with z.open(info) as f:
                head = f.read(4)
            if head[:2] == b"MZ" or head == b"\x7fELF":
                out.append((info.filename, z.read(info)))
    return out


def cut_id(sha256: str) -> str:
    """The sample id of the part of file ``sha256`` a reference keeps."""
    return hashlib.sha256(b"codekin-registry-cut:" + sha256.encode()).hexdigest()


def _hashes(a: np.ndarray | None) -> list[int]:
    return [] if a is None else a.tolist()


def _subset(p: FunctionPrints, keep: np.ndarray) -> FunctionPrints:
    idx = np.nonzero(keep)[0]
    pick = idx.tolist()
    return FunctionPrints(p.address[idx], p.n_insns[idx], p.n_bytes[idx], p.n_blocks[idx], p.n_edges[idx],
                          p.n_calls[idx], p.exact[idx], p.minhash[idx], p.bands[idx],
                          [p.strings[i] for i in pick], [p.consts[i] for i in pick], [p.imports[i] for i in pick])


def shared_part(projects: dict[str, list[Prepared]], min_others: int = 1) -> list[tuple[str, Prepared]]:
    """Each build cut down to what builds of other projects share with it: its functions with a partner
    at the matcher's evidence similarity (exact twins, LSH candidates scored by the matcher) in at least
    ``min_others`` other projects, and its strings and exported names that as many other projects' builds
    hold too. Builds of one project only keep nothing."""
    from codekin.match.matcher import match

    builds = [(proj, p) for proj, ps in projects.items() for p in ps if p.record is not None and p.prints is not None]
    if len({proj for proj, _ in builds}) < 1 + min_others:
        return []
    with tempfile.TemporaryDirectory(prefix="codekin-refs-") as tmp:
        store = SQLiteStore(Path(tmp) / "refs.db")
        try:
            ids: dict[str, set[int]] = {}
            for proj, p in builds:
                assert p.record is not None and p.prints is not None
                if store.has_sample(p.record.sha256):
                    continue
                store.add_sample(p.record, p.prints, LabelSpec(family=proj))
                sid = store.db.execute("SELECT id FROM samples WHERE sha256=?", (p.record.sha256,)).fetchone()[0]
                ids.setdefault(proj, set()).add(int(sid))
            holders_s: dict[int, set[str]] = {}
            holders_t: dict[int, set[str]] = {}
            for proj, p in builds:
                assert p.record is not None
                for h in _hashes(p.record.strings):
                    holders_s.setdefault(h, set()).add(proj)
                for h in _hashes(p.record.tokens):
                    holders_t.setdefault(h, set()).add(proj)
            out: list[tuple[str, Prepared]] = []
            done: set[str] = set()
            for proj, p in builds:
                assert p.record is not None and p.prints is not None
                if p.record.sha256 in done:
                    continue
                done.add(p.record.sha256)
                qr = match(store, p.prints, exclude_samples=ids.get(proj, set()))
                others: dict[int, set[str]] = {}
                for e in qr.evidence:
                    if e["family"] is not None:
                        others.setdefault(e["address"], set()).add(e["family"])
                addrs = [a for a, fams in others.items() if len(fams) >= min_others]
                keep = np.isin(p.prints.address, np.asarray(sorted(addrs), dtype=np.int64))
                if not keep.any():
                    continue
                rec = p.record
                strings = np.asarray([h for h in _hashes(rec.strings) if len(holders_s[h]) > min_others],
                                     dtype=np.uint64)
                tokens = np.asarray([h for h in _hashes(rec.tokens) if len(holders_t[h]) > min_others],
                                    dtype=np.uint64)
                prints = _subset(p.prints, keep)
                # a part of the file, not the file: its own id, so that the whole file can still be indexed
                # (as a family of an analyst's, say) and is not taken for a duplicate of the reference
                rec = replace(rec, sha256=cut_id(rec.sha256), name=p.name, n_functions=len(prints),
                              n_instructions=int(prints.n_insns.sum()), strings=strings, tokens=tokens,
                              info={**rec.info, "kept_functions": int(keep.sum()), "of_functions": len(keep),
                                    "cut_from_sha256": rec.sha256})
                out.append((proj, Prepared(p.name, rec, prints)))
            return out
        finally:
            store.close()


def download(req: str, platform: str, dest: Path, log: Callable[[str], None]) -> list[Path]:
    """The wheels of ``req`` for ``platform`` (pip, cached in ``dest``)."""
    from codekin.evidence import libbuild

    d = dest / platform / project_of(req) / req.split("==")[-1]
    d.mkdir(parents=True, exist_ok=True)
    wheels = sorted(d.glob("*.whl"))
    if wheels:
        return wheels
    cmd = [sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--only-binary", ":all:",
           "--python-version", "3.11", "-d", str(d), req]
    for tag in _PLATFORM_TAGS.get(platform, (platform,)):
        cmd[4:4] = ["--platform", tag]
    if not libbuild._sh(cmd, d):
        log(f"  {req} ({platform}): pip download failed, skipped")
    return sorted(d.glob("*.whl"))


def entry_binaries(entry: str, platform: str, log: Callable[[str], None]) -> list[tuple[str, bytes]]:
    """The native modules of ``"project==version[|member pattern]"``'s wheels for ``platform`` (pip, cached
    with the references)."""
    from codekin.evidence import libbuild

    req, pattern = split_req(entry)
    out: list[tuple[str, bytes]] = []
    for whl in download(req, platform, libbuild.cache_dir() / "pypi-refs", log):
        out += wheel_binaries(whl.read_bytes(), pattern)
    return out


def registry_references(log: Callable[[str], None], only: tuple[str, ...] | None = None
                        ) -> list[tuple[str, str, Prepared]]:
    """(library, source, cut-down build) for every reference of REGISTRY_REFS, per platform."""
    cuts: list[tuple[str, str, str, Prepared]] = []
    for lib, reqs, platforms in REGISTRY_REFS:
        if only and lib not in only:
            continue
        for platform in platforms:
            projects: dict[str, list[Prepared]] = {}
            src_of: dict[str, str] = {}
            for entry in reqs:
                req, _ = split_req(entry)
                for member, data in entry_binaries(entry, platform, log):
                    name = f"pypi:{req}:{Path(member).name}"
                    for p in prepare(data, name):
                        if p.record is not None:
                            projects.setdefault(project_of(req), []).append(p)
                            src_of[p.record.sha256] = f"pypi:{req}"
                        else:
                            log(f"  {name}: {p.error}")
            for _proj, p in shared_part(projects):
                assert p.record is not None and p.prints is not None
                p.record.info.pop("path", None)
                cuts.append((lib, src_of[p.record.info["cut_from_sha256"]], platform, p))
                log(f"  {p.name}: {len(p.prints)} of {p.record.info['of_functions']} functions shared "
                    f"with another project: {lib}")
    return [(lib, src, p) for lib, src, _platform, p in split_runtime(cuts, log)]


RUNTIME_LIBRARY = {"win_amd64": "msvc-crt", "manylinux2014_x86_64": "manylinux-runtime"}


def split_runtime(cuts: list[tuple[str, str, str, Prepared]], log: Callable[[str], None] = print
                  ) -> list[tuple[str, str, str, Prepared]]:
    """Each library's cuts less what cuts of at least two *other* libraries on the same platform share with
    them: the toolchain's runtime that every build links (MSVC's C runtime start-up and security-cookie
    code in every Windows extension), which is no more zstd than it is SQLite. That part becomes a
    reference of its own (``RUNTIME_LIBRARY``), so that a report names it for what it is; the discount is
    the same. (Code two libraries share, zlib's in zlib-ng, stays with each.)"""
    out: list[tuple[str, str, str, Prepared]] = []
    for platform in sorted({c[2] for c in cuts}):
        mine = [c for c in cuts if c[2] == platform]
        by_lib: dict[str, list[Prepared]] = {}
        for lib, _src, _pf, p in mine:
            by_lib.setdefault(lib, []).append(p)
        runtime = {p.record.info["cut_from_sha256"]: p for _lib, p in shared_part(by_lib, min_others=2)
                   if p.record is not None and p.prints is not None}
        rt_name = RUNTIME_LIBRARY.get(platform, f"{platform}-runtime")
        for lib, src, pf, p in mine:
            assert p.record is not None and p.prints is not None
            rt = runtime.get(p.record.sha256)
            if rt is None:
                out.append((lib, src, pf, p))
                continue
            assert rt.record is not None and rt.prints is not None
            keep = ~np.isin(p.prints.address, rt.prints.address)
            rt_s, rt_t = set(_hashes(rt.record.strings)), set(_hashes(rt.record.tokens))
            rec = p.record
            if keep.any():
                prints = _subset(p.prints, keep)
                rec = replace(rec, n_functions=len(prints), n_instructions=int(prints.n_insns.sum()),
                              strings=np.asarray([h for h in _hashes(rec.strings) if h not in rt_s], dtype=np.uint64),
                              tokens=np.asarray([h for h in _hashes(rec.tokens) if h not in rt_t], dtype=np.uint64),
                              info={**rec.info, "kept_functions": int(keep.sum())})
                out.append((lib, src, pf, Prepared(p.name, rec, prints)))
            rt.record.info.pop("path", None)
            out.append((rt_name, src, pf, rt))
            log(f"  {p.name}: {len(rt.prints)} of its {len(p.prints)} functions also in other libraries' "
                f"references: {rt_name}")
    return out
