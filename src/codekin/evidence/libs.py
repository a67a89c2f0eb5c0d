"""Library knowledge: a pack of library and runtime code, indexed with the library label so every
score discounts it ("shares inflate code of zlib (library): discounted").

``codekin libs build`` assembles the pack from package registries, nothing else:
- code: the shared objects of Debian binary packages (SQLite, zlib, CPython and its extension modules,
  the Rust standard library, libgcc), downloaded with ``apt-get download`` and read in place;
- strings: the string literals of library sources (Debian source packages via ``apt-get source``,
  Debian's Rust crate sources, Cython's utility code from its PyPI wheel). Literals are the strings
  every build of the library carries, whatever compiler or platform built it, so they let a Linux-built
  pack discount the same library inside a Windows binary.

A pack is an ordinary codekin index holding only library samples; ``import``/``export`` move it between
installations, and ``codekin index`` imports the default pack into every new index.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np

from codekin.evidence.literals import literals
from codekin.fingerprint.features import MIN_INSNS_FUZZY, FunctionPrints, lsh_bands
from codekin.fingerprint.hashing import hash_str
from codekin.store.base import LabelSpec, SampleRecord
from codekin.store.sqlite import SQLiteStore

# (library name, Debian binary package) whose shared objects are indexed as library code
BINARY_PACKAGES = [  # (library, package, file name prefix of the shared objects to take)
    ("sqlite", "libsqlite3-0", ""),
    ("zlib", "zlib1g", ""),
    ("cpython", "libpython3.11", ""),
    ("cpython", "libpython3.11-stdlib", ""),
    ("rust-std", "libstd-rust-1.63", "libstd-"),  # not the compiler's own librustc_driver
    ("libgcc", "libgcc-s1", ""),
]
# (library name, Debian source package, path fragments to read) for string literals
SOURCE_PACKAGES = [
    ("sqlite", "sqlite3", ("src/", "ext/")),
    ("zlib", "zlib", ("",)),
    ("cpython", "python3.11", ("Modules/", "Objects/", "Python/")),
]
RUST_CRATES = [("pyo3", "librust-pyo3-dev"), ("pyo3", "librust-pyo3-ffi-dev")]
PYPI_SOURCES = [("cython", "cython<3.2", "Cython/Utility/")]
_SOURCE_EXT = (".c", ".h", ".cc", ".cpp", ".rs", ".pyx", ".pxd", ".pxi")


BUNDLED_PACK = Path(__file__).resolve().parent.parent / "data" / "libs.db.xz"


def user_pack_path() -> Path:
    base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return base / "codekin" / "libs.db"


def default_pack_path() -> Path:
    """$CODEKIN_LIBS; else the user's pack (``codekin libs build``); else the pack shipped with codekin."""
    env = os.environ.get("CODEKIN_LIBS")
    if env:
        return Path(env)
    user = user_pack_path()
    return user if user.exists() else BUNDLED_PACK


def open_pack(path: Path) -> SQLiteStore:
    """A pack as a store; ``.xz`` packs are decompressed into a temporary file first."""
    if path.suffix == ".xz":
        import lzma

        fd, tmp = tempfile.mkstemp(suffix=".db", prefix="codekin-pack-")
        with os.fdopen(fd, "wb") as out, lzma.open(path) as src:
            shutil.copyfileobj(src, out)
        store = SQLiteStore(tmp, create=False, check_version=False)
        store._tmp_path = tmp  # type: ignore[attr-defined]
        return store
    return SQLiteStore(path, create=False, check_version=False)


def close_pack(store: SQLiteStore) -> None:
    tmp = getattr(store, "_tmp_path", None)
    store.close()
    if tmp:
        for suffix in ("", "-wal", "-shm"):
            Path(tmp + suffix).unlink(missing_ok=True)


def write_compact_pack(src: SQLiteStore, out: Path) -> int:
    """Library samples of ``src`` into ``out`` as an xz-compressed index without its LSH table
    (bands are recomputed from the signatures on import)."""
    import lzma

    fd, tmp = tempfile.mkstemp(suffix=".db", prefix="codekin-pack-")
    os.close(fd)
    Path(tmp).unlink()
    dst = SQLiteStore(tmp)
    n = copy_library_samples(src, dst)
    dst.db.execute("DELETE FROM lsh")
    dst.db.execute("PRAGMA journal_mode=DELETE")
    dst.db.execute("VACUUM")
    dst.close()
    with open(tmp, "rb") as f, lzma.open(out, "wb", preset=9) as xz:
        shutil.copyfileobj(f, xz)
    for suffix in ("", "-wal", "-shm"):
        Path(tmp + suffix).unlink(missing_ok=True)
    return n


def _run(cmd: list[str], cwd: Path) -> bool:
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=1800)
    return p.returncode == 0


def _strings_record(name: str, strings: set[str]) -> SampleRecord:
    hashes = np.unique(np.asarray([hash_str(s, 0x5757) for s in strings], dtype=np.uint64))
    sha = hash_str("literals:" + name + ":" + str(len(strings)), 1)
    return SampleRecord(sha256=f"{sha:016x}" + "0" * 48, name=f"{name} (source literals)", format="raw",
                        arch="x64", size=sum(len(s) for s in strings), n_functions=0, n_instructions=0,
                        info={"kind": "source-literals", "library": name}, strings=hashes)


def _empty_prints() -> FunctionPrints:
    z = np.zeros(0, dtype=np.int64)
    i32 = z.astype(np.int32)
    return FunctionPrints(z, i32, i32, i32, i32, i32, z.astype(np.uint64), np.zeros((0, 64), np.uint32),
                          np.zeros((0, 16), np.uint64), [], [], [])


def _source_files(root: Path, parts: tuple[str, ...]) -> Iterator[Path]:
    for p in root.rglob("*"):
        if p.suffix in _SOURCE_EXT and p.is_file():
            rel = str(p.relative_to(root))
            if any(frag in rel for frag in parts):
                yield p


def _debian_package(d: Path, pkg: str, log: Callable[[str], None]) -> Path | None:
    """Download a Debian binary package and unpack it (never installed); the unpacked tree, or None."""
    d.mkdir(parents=True, exist_ok=True)
    if not _run(["apt-get", "download", pkg], d):
        log(f"  {pkg}: apt-get download failed, skipped")
        return None
    for deb in d.glob("*.deb"):
        _run(["dpkg-deb", "-x", str(deb), str(d / "x")], d)
    return d / "x"


def build_pack(out: Path, *, log: Callable[[str], None] = print, binaries: bool = True, sources: bool = True,
               jobs: int = 1) -> dict[str, int]:
    """Download, read and index the library pack into ``out`` (a codekin index)."""
    from codekin.indexer import index_paths

    out.parent.mkdir(parents=True, exist_ok=True)
    store = SQLiteStore(out)
    counts: dict[str, int] = {}
    work = Path(tempfile.mkdtemp(prefix="codekin-libs-"))
    try:
        if binaries:
            for lib, pkg, prefix in BINARY_PACKAGES:
                d = _debian_package(work / "deb" / pkg, pkg, log)
                if d is None:
                    continue
                sos = [str(p) for p in d.rglob("*.so*")
                       if p.is_file() and not p.is_symlink() and p.name.startswith(prefix)]
                rep = index_paths(store, sos, LabelSpec(family=lib, library=True, source=f"debian:{pkg}"), jobs=jobs)
                counts[pkg] = len(rep.indexed)
                log(f"  {pkg}: {len(rep.indexed)} shared objects indexed as library {lib}")
        if sources:
            for lib, pkg, parts in SOURCE_PACKAGES:
                d = work / "src" / pkg
                d.mkdir(parents=True, exist_ok=True)
                if not _run(["apt-get", "source", "-q", pkg], d):
                    log(f"  {pkg}: apt-get source failed (is a deb-src entry configured?), skipped")
                    continue
                found: set[str] = set()
                for sub in [x for x in d.iterdir() if x.is_dir()]:
                    for f in _source_files(sub, parts):
                        found |= literals(f.read_text("latin-1"), rust=f.suffix == ".rs")
                _add_literals(store, lib, pkg, found, counts, log)
            for lib, pkg in RUST_CRATES:
                d = _debian_package(work / "crate" / pkg, pkg, log)
                if d is None:
                    continue
                found = set()
                for f in d.rglob("*.rs"):
                    found |= literals(f.read_text("utf-8", "replace"), rust=True)
                _add_literals(store, lib, pkg, found, counts, log)
            for lib, req, prefix in PYPI_SOURCES:
                d = work / "pypi" / lib
                d.mkdir(parents=True, exist_ok=True)
                import sys

                if not _run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--only-binary", ":all:",
                             "-d", str(d), req], d):
                    log(f"  {req}: pip download failed, skipped")
                    continue
                found = set()
                for whl in d.glob("*.whl"):
                    with zipfile.ZipFile(whl) as z:
                        for name in z.namelist():
                            if name.startswith(prefix) and name.endswith(_SOURCE_EXT):
                                found |= literals(z.read(name).decode("latin-1"))
                _add_literals(store, lib, req, found, counts, log)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        store.close()
    return counts


def _add_literals(store: SQLiteStore, lib: str, what: str, found: set[str], counts: dict[str, int],
                  log: Callable[[str], None]) -> None:
    if not found:
        log(f"  {what}: no literals found")
        return
    rec = _strings_record(lib + ":" + what, found)
    if not store.has_sample(rec.sha256):
        store.add_sample(rec, _empty_prints(), LabelSpec(family=lib, library=True, source=f"literals:{what}"))
    counts[what] = len(found)
    log(f"  {what}: {len(found)} source literals indexed as library {lib} strings")


def copy_library_samples(src: SQLiteStore, dst: SQLiteStore) -> int:
    """Copy every library sample (functions, bands, strings, labels) from ``src`` into ``dst``.
    A pack made with another fingerprint configuration is refused (its signatures would not compare)."""
    why = src.version_mismatch()
    if why:
        from codekin.store.base import StaleIndexError

        raise StaleIndexError(f"library pack {src.path} is stale ({why}); rebuild it with `codekin libs build`",
                              path=str(src.path))
    n = 0
    rows = src.db.execute(
        "SELECT s.id, s.sha256, s.name, s.format, s.arch, s.size, s.n_functions, s.n_instructions, s.imphash, "
        "s.tlsh, s.pe_timestamp, s.info, f.name FROM samples s LEFT JOIN families f ON f.id = s.family_id "
        "WHERE s.library = 1 OR f.kind = 'library'").fetchall()
    import json

    for sid, sha, name, fmt, arch, size, nf, ni, imph, tl, ts, info, fam in rows:
        if dst.has_sample(sha):
            continue
        fr = src.db.execute("SELECT address, n_insns, n_bytes, n_blocks, exact, minhash FROM functions "
                            "WHERE sample_id=? ORDER BY id", (sid,)).fetchall()
        k = 64
        mh = (np.frombuffer(b"".join(r[5] for r in fr), dtype="<u4").reshape(len(fr), k).astype(np.uint32)
              if fr else np.zeros((0, k), np.uint32))
        n_insns = np.asarray([r[1] for r in fr], dtype=np.int32)
        bands = lsh_bands(mh) if len(fr) else np.zeros((0, 16), np.uint64)
        if len(fr):
            bands[n_insns < MIN_INSNS_FUZZY] = 0
        z32 = np.zeros(len(fr), dtype=np.int32)
        prints = FunctionPrints(
            np.asarray([r[0] for r in fr], dtype=np.int64), n_insns, np.asarray([r[2] for r in fr], dtype=np.int32),
            np.asarray([r[3] for r in fr], dtype=np.int32), z32, z32,
            np.asarray([r[4] for r in fr], dtype=np.int64).view(np.uint64), mh, bands,
            [[] for _ in fr], [[] for _ in fr], [[] for _ in fr])
        hs = np.asarray([r[0] for r in src.db.execute("SELECT h FROM strings WHERE sample_id=?", (sid,))],
                        dtype=np.int64).view(np.uint64)
        rec = SampleRecord(sha, name or "", fmt or "raw", arch or "x64", size or 0, nf or 0, ni or 0, imph, tl, ts,
                           json.loads(info or "{}"), hs)
        dst.add_sample(rec, prints, LabelSpec(family=fam, library=True, source="libs import"))
        n += 1
    return n
