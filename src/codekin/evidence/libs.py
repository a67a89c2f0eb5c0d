"""Library knowledge: a pack of library and runtime code, indexed with the library label so every
score discounts it ("shares inflate code of zlib (library): discounted").

``codekin libs build`` assembles the pack from package registries and the toolchains at hand:
- compiled code (``codekin.evidence.libbuild``): zlib, mbedtls, libsodium, Lua, SQLite, bzip2, liblzma, lz4,
  zstd, brotli, libdeflate, libffi and expat from Debian source packages (SQLite with its optional parts: FTS,
  R*Tree, session, ...), llhttp from the C sources Debian ships in node-llhttp, built with gcc, clang and
  mingw-w64 at several optimisation levels, and OpenSSL's libcrypto for mingw-w64 by its own build; the compiler
  runtimes (libgcc, libstdc++, glibc start-up and static code, the mingw-w64 CRT, Rust std for Windows);
- code as shipped: the shared objects and DLLs of Debian binary packages (SQLite, zlib, CPython and its
  extension modules, the Rust standard library, libgcc, libstdc++, mbedtls, libsodium, Lua, the compression
  libraries above, libffi, expat, OpenSSL), read in place;
- code as other toolchains build it (``codekin.evidence.registry``): Rust's standard library and pyo3 as
  newer rustc releases build them, and SQLite as MSVC builds it, cut out of public PyPI wheels (only what
  the builds of two different projects share);
- strings: the string literals of library sources (Debian source packages via ``apt-get source``, llhttp's,
  Debian's Rust std and crate sources, Cython's utility code from its PyPI wheel). Literals are the strings
  every build of the library carries, whatever compiler or platform built it, so they let a Linux-built
  pack discount the same library inside a Windows binary.

Library builds keep their symbols: each library function's name is recorded with it (``detail.n``), and
query reports name the library and the functions a sample shares with it.

A pack is an ordinary codekin index holding only library samples; ``import``/``export`` move it between
installations, and ``codekin index`` imports the default pack into every new index.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np

from codekin.evidence.literals import literals
from codekin.fingerprint.features import BANDS, MIN_INSNS_FUZZY, FunctionPrints, lsh_bands
from codekin.fingerprint.hashing import hash_str
from codekin.match.matcher import MIN_INSNS
from codekin.store.base import LabelSpec, SampleRecord
from codekin.store.sqlite import SQLiteStore

# (library name, Debian source package, path fragments to read) for string literals
SOURCE_PACKAGES = [
    ("sqlite", "sqlite3", ("src/", "ext/")),
    ("zlib", "zlib", ("",)),
    ("cpython", "python3.11", ("Modules/", "Objects/", "Python/")),
    ("mbedtls", "mbedtls", ("library/",)),
    ("libsodium", "libsodium", ("src/libsodium/",)),
    ("lua", "lua5.4", ("src/",)),
    ("bzip2", "bzip2", ("bzlib.", "compress.c", "blocksort.c", "huffman.c")),  # not the bzip2 program's
    ("xz", "xz-utils", ("src/liblzma/",)),
    ("lz4", "lz4", ("lib/",)),
    ("zstd", "libzstd", ("lib/",)),
    ("brotli", "brotli", ("c/common/", "c/dec/", "c/enc/")),
    ("libdeflate", "libdeflate", ("lib/",)),
    ("libffi", "libffi", ("src/",)),
    ("expat", "expat", ("expat/lib/",)),
    ("openssl", "openssl", ("crypto/", "ssl/", "providers/")),
]
# sources that Debian ships in binary packages: (library, package, path fragments to read)
BINARY_SOURCES = [("llhttp", "node-llhttp", ("usr/share/llhttp/", "usr/share/include/llhttp/"))]
# Rust sources (Debian): the standard library and the crates nearly every Rust extension links:
# (library, package, path fragments to read: () for all); tests, benches and examples are never read
_RUST_STD = tuple(f"/library/{c}/" for c in ("std", "core", "alloc", "backtrace", "panic_unwind", "unwind",
                                              "stdarch", "portable-simd", "proc_macro"))
RUST_CRATES: list[tuple[str, str, tuple[str, ...]]] = [
    ("pyo3", "librust-pyo3-dev", ()), ("pyo3", "librust-pyo3-ffi-dev", ()),
    ("rust-std", "rust-src", _RUST_STD),  # rust-src is the whole rustc tree: only its library/ part
    ("serde", "librust-serde-dev", ()), ("serde_json", "librust-serde-json-dev", ()),
    ("hashbrown", "librust-hashbrown-dev", ()), ("memchr", "librust-memchr-dev", ()),
    ("smallvec", "librust-smallvec-dev", ()), ("itoa", "librust-itoa-dev", ()), ("ryu", "librust-ryu-dev", ()),
    ("once_cell", "librust-once-cell-dev", ()), ("parking_lot", "librust-parking-lot-dev", ()),
    ("parking_lot", "librust-parking-lot-core-dev", ()),
    # the crates Rust std itself links for backtraces: in every Rust binary, whatever the rustc version
    ("rust-std", "librust-gimli-dev", ()), ("rust-std", "librust-addr2line-dev", ()),
    ("rust-std", "librust-rustc-demangle-dev", ()), ("rust-std", "librust-miniz-oxide-dev", ())]
_NOT_LIBRARY = ("/tests/", "/benches/", "/examples/", "/tests.rs", "/benches.rs")
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


def _packs_cache() -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    return base / "codekin" / "packs"


def prepared_pack(pack: Path) -> Path:
    """An index holding only ``pack``'s library samples, as ``codekin index`` imports them into a
    new index: built once per pack and codekin version in ~/.cache/codekin/packs, then copied.

    Why: the import decompresses the pack and writes its 83k functions and their LSH rows (3.8 s of
    a new index, measured: 3.0 s of it in ``copy_library_samples``); copying the prepared file takes
    0.02 s. The key holds the pack's sha256, the fingerprint configuration and the store schema, so a
    changed pack or a new codekin never reuses a stale copy."""
    import hashlib
    import json

    from codekin.fingerprint import FINGERPRINT_CONFIG
    from codekin.store.sqlite import EXTRACTOR_VERSION, SCHEMA_VERSION

    h = hashlib.sha256()
    with open(pack, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    h.update(json.dumps([FINGERPRINT_CONFIG, SCHEMA_VERSION, EXTRACTOR_VERSION], sort_keys=True).encode())
    out = _packs_cache() / f"pack-{h.hexdigest()[:32]}.db"
    if out.exists():
        return out
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:
        src = open_pack(pack)
        try:
            dst = SQLiteStore(tmp, create=True, check_version=False)
            try:
                copy_library_samples(src, dst)
                dst.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                dst.close()
        finally:
            close_pack(src)
        os.replace(tmp, out)  # atomic: a reader sees the whole file or none
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(str(tmp) + suffix).unlink(missing_ok=True)
    return out


def new_index_from_pack(db: Path, pack: Path) -> int:
    """Create the index file ``db`` holding ``pack``'s library samples, as a copy of the prepared
    pack. Returns the number of library samples, or 0 when ``db`` exists by then (another process
    created it meanwhile: it is left as it is, never replaced under that process's writes)."""
    prepared = prepared_pack(pack)
    tmp = db.with_name(f".{db.name}.{os.getpid()}.tmp")
    try:
        shutil.copyfile(prepared, tmp)
        store = SQLiteStore(tmp, create=False, check_version=False)
        try:
            from codekin.store.sqlite import _now

            store.put_meta("created_at", _now())
            n = int(store.db.execute("SELECT COUNT(*) FROM samples").fetchone()[0])
            store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            store.close()
        try:
            os.link(tmp, db)  # atomic, and never over an index that appeared meanwhile
        except FileExistsError:
            return 0
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(str(tmp) + suffix).unlink(missing_ok=True)
    return n


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
    n = copy_library_samples(src, dst, min_insns=MIN_INSNS, dedupe=True)
    dst.db.execute("DELETE FROM lsh")
    dst.db.execute("PRAGMA journal_mode=DELETE")
    dst.db.execute("VACUUM")
    dst.close()
    with open(tmp, "rb") as f, lzma.open(out, "wb", preset=9) as xz:
        shutil.copyfileobj(f, xz)
    for suffix in ("", "-wal", "-shm"):
        Path(tmp + suffix).unlink(missing_ok=True)
    return n


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
                          np.zeros((0, BANDS), np.uint64), [], [], [])


def _source_files(root: Path, parts: tuple[str, ...]) -> Iterator[Path]:
    for p in root.rglob("*"):
        if p.suffix in _SOURCE_EXT and p.is_file():
            rel = str(p.relative_to(root))
            if any(frag in rel for frag in parts):
                yield p


def build_pack(out: Path, *, log: Callable[[str], None] = print, binaries: bool = True, sources: bool = True,
               compile: bool = True, jobs: int = 1, only: tuple[str, ...] | None = None) -> dict[str, Any]:
    """Build (or complete: everything is cached and a sample already in ``out`` is skipped) the library
    pack ``out``: compiled library sources and runtimes, Debian binary packages, source literals.
    Returns the parts indexed and the seconds each phase took."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from codekin.evidence import libbuild
    from codekin.indexer import index_paths

    out.parent.mkdir(parents=True, exist_ok=True)
    store = SQLiteStore(out)
    counts: dict[str, int] = {}
    seconds: dict[str, float] = {}
    errors: list[dict[str, Any]] = []
    t_all = time.perf_counter()
    cols = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    console = Console(stderr=True)  # stdout carries the JSON summary
    try:
        artifacts: list[libbuild.Artifact] = []
        if compile:
            t0 = time.perf_counter()
            with Progress(*cols, transient=True, console=console) as prog:
                task = prog.add_task("compiling library sources", total=None)
                built = libbuild.build_sources(log, jobs=max(1, jobs), libs=only,
                                               progress=lambda d, t: prog.update(task, completed=d, total=t))
            artifacts += built.built
            with Progress(*cols, transient=True, console=console) as prog:
                prog.add_task("building libraries with their own build system", total=None)
                own = libbuild.build_own(log, jobs=max(1, jobs), libs=only)
            artifacts += own.built
            if not only:
                artifacts += libbuild.build_runtimes(log).built
            seconds["compile"] = round(time.perf_counter() - t0, 1)
            counts["compile_failed_files"] = built.failed_files
        if binaries:
            t0 = time.perf_counter()
            for lib, pkg, patterns in libbuild.BINARY_PACKAGES:
                if only and lib not in only:
                    continue
                d = libbuild.debian_package(pkg, log)
                if d is not None:
                    artifacts += [libbuild.Artifact(lib, f, f"debian:{pkg}")
                                  for f in libbuild.package_files(d, patterns)]
            seconds["download"] = round(time.perf_counter() - t0, 1)
            t0 = time.perf_counter()
            from codekin.evidence.registry import registry_references

            for lib, what, p in registry_references(log, only):  # MSVC and newer rustc builds from PyPI wheels
                assert p.record is not None and p.prints is not None
                if not store.has_sample(p.record.sha256):
                    store.add_sample(p.record, p.prints, LabelSpec(family=lib, library=True, source=what))
                counts[lib] = counts.get(lib, 0) + 1
            seconds["registry"] = round(time.perf_counter() - t0, 1)
        t0 = time.perf_counter()
        with Progress(*cols, console=console) as prog:
            task = prog.add_task("indexing library code", total=len(artifacts))
            for a in artifacts:
                rep = index_paths(store, [str(a.path)], LabelSpec(family=a.lib, library=True, source=a.what),
                                  jobs=1)
                for e in rep.indexed:  # a name without the machine's paths; the functions' names
                    with store.db:
                        store.db.execute("UPDATE samples SET name=? WHERE sha256=?",
                                         (f"{a.what}:{a.path.name}", e["sha256"]))
                    attach_symbols(store, e["sha256"], a.path.read_bytes())
                errors += rep.errors
                counts[a.lib] = counts.get(a.lib, 0) + len(rep.indexed) + len(rep.skipped)
                prog.advance(task)
        for e in errors[:20]:
            log(f"  {e['name']}: {e['error'].get('message', e['error'])}")
        seconds["index"] = round(time.perf_counter() - t0, 1)
        if sources:
            t0 = time.perf_counter()
            _build_literals(store, counts, log, only)
            seconds["literals"] = round(time.perf_counter() - t0, 1)
    finally:
        store.close()
    seconds["total"] = round(time.perf_counter() - t_all, 1)
    return {"parts": counts, "seconds": seconds, "errors": len(errors)}


def attach_symbols(store: SQLiteStore, sha256: str, data: bytes) -> int:
    """Record the names of a library sample's functions (from its symbols and exports) with them."""
    from codekin.binary.loader import load_binary

    try:
        b = load_binary(data)
    except Exception:  # a build that does not load has no functions either
        return 0
    names: dict[int, str] = {}
    for e in getattr(b, "exports", []) or []:
        if e.name:
            names.setdefault(int(e.address), e.name)
    for s in b.symbols:
        if s.kind == "function" and s.name:
            names[int(s.address)] = s.name  # symbol table names win over export names
    return _set_names(store, sha256, names)


def _set_names(store: SQLiteStore, sha256: str, names: dict[int, str]) -> int:
    row = store.db.execute("SELECT id FROM samples WHERE sha256=?", (sha256,)).fetchone()
    if row is None or not names:
        return 0
    fns = store.db.execute("SELECT id, address FROM functions WHERE sample_id=?", (row[0],)).fetchall()
    upd = [(names[a][:200], fid) for fid, a in fns if a in names]
    with store.db:
        store.db.executemany("UPDATE functions SET detail = json_set(COALESCE(detail, '{}'), '$.n', ?) WHERE id=?",
                             upd)
    return len(upd)


def library_symbols(store: Any, keys: list[tuple[str, int]]) -> dict[tuple[str, int], str]:
    """The recorded names of library functions, by (sample sha256, address); {} for stores without them.
    A library sample's names are read once (one query) and kept while the store is unchanged
    (``cache_key``), so a batch of queries naming the same library code reads them once."""
    db = getattr(store, "db", None)
    if db is None or not keys:
        return {}
    key_of = getattr(store, "cache_key", None)
    state = key_of() if key_of is not None else (0, 0)
    by_sha: dict[str, set[int]] = {}
    for sha, addr in keys:
        by_sha.setdefault(sha, set()).add(int(addr))
    cache: dict[tuple[Any, str], dict[int, str]] | None = getattr(store, "_library_names", None)
    if cache is None or len(cache) > 4096:
        cache = {}
        with contextlib.suppress(AttributeError):  # a store class that takes no new attributes: no cache
            store._library_names = cache
    out: dict[tuple[str, int], str] = {}
    for sha, addrs in by_sha.items():
        ck = (state, sha)
        names = cache.get(ck)
        if names is None:
            r = db.execute("SELECT id FROM samples WHERE sha256=?", (sha,)).fetchone()
            names = {}
            if r is not None:
                for addr, name in db.execute("SELECT address, json_extract(detail, '$.n') FROM functions "
                                             "WHERE sample_id=? AND detail IS NOT NULL", (r[0],)):
                    if name and int(addr) not in names:
                        names[int(addr)] = str(name)
            cache[ck] = names
        for a in addrs:
            nm = names.get(a)
            if nm is not None:
                out[(sha, a)] = nm
    return out


def _build_literals(store: SQLiteStore, counts: dict[str, int], log: Callable[[str], None],
                    only: tuple[str, ...] | None) -> None:
    from codekin.evidence import libbuild

    # C sources: Debian source packages, then the sources some binary packages ship
    c_sources = [(lib, pkg, parts, libbuild.debian_source) for lib, pkg, parts in SOURCE_PACKAGES] + \
        [(lib, pkg, parts, libbuild.debian_package) for lib, pkg, parts in BINARY_SOURCES]
    for lib, pkg, parts, fetch in c_sources:
        if only and lib not in only:
            continue
        root = fetch(pkg, log)
        if root is None:
            continue
        found: set[str] = set()
        for f in _source_files(root, parts):
            found |= literals(f.read_text("latin-1"), rust=f.suffix == ".rs")
        _add_literals(store, lib, pkg, found, counts, log)
    for lib, pkg, keep in RUST_CRATES:
        if only and lib not in only:
            continue
        d = libbuild.debian_package(pkg, log)
        if d is None:
            continue
        found = set()
        for f in d.rglob("*.rs"):
            path = "/" + str(f.relative_to(d))
            if any(x in path for x in _NOT_LIBRARY) or (keep and not any(k in path for k in keep)):
                continue
            found |= literals(f.read_text("utf-8", "replace"), rust=True)
        _add_literals(store, lib, pkg, found, counts, log)
    for lib, req, prefix in PYPI_SOURCES:
        if only and lib not in only:
            continue
        d = libbuild.cache_dir() / "pypi" / lib
        d.mkdir(parents=True, exist_ok=True)
        if not list(d.glob("*.whl")) and not libbuild._sh(
                [sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--only-binary", ":all:", "-d", str(d),
                 req], d):
            log(f"  {req}: pip download failed, skipped")
            continue
        found = set()
        for whl in d.glob("*.whl"):
            with zipfile.ZipFile(whl) as z:
                for name in z.namelist():
                    if name.startswith(prefix) and name.endswith(_SOURCE_EXT):
                        found |= literals(z.read(name).decode("latin-1"))
        _add_literals(store, lib, req, found, counts, log)


def _add_literals(store: SQLiteStore, lib: str, what: str, found: set[str], counts: dict[str, int],
                  log: Callable[[str], None]) -> None:
    if not found:
        log(f"  {what}: no literals found")
        return
    rec = _strings_record(lib + ":" + what, found)
    if not store.has_sample(rec.sha256):
        store.add_sample(rec, _empty_prints(), LabelSpec(family=lib, library=True, source=f"literals:{what}"))
    counts[f"literals:{what}"] = len(found)
    log(f"  {what}: {len(found)} source literals indexed as library {lib} strings")


def copy_library_samples(src: SQLiteStore, dst: SQLiteStore, *, min_insns: int = 0, dedupe: bool = False) -> int:
    """Copy every library sample (functions, their names, bands, strings, profile tokens, labels) from ``src``
    into ``dst``.
    A pack made with another fingerprint configuration is refused (its signatures would not compare).
    Compact copies leave out functions too small to ever match (``min_insns``) and, with ``dedupe``, a
    function whose exact twin an earlier sample of the same library already holds."""
    why = src.version_mismatch()
    if why:
        from codekin.store.base import StaleIndexError

        raise StaleIndexError(f"library pack {src.path} is stale ({why}); rebuild it with `codekin libs build`",
                              path=str(src.path))
    rows = src.db.execute(
        "SELECT s.id, s.sha256, s.name, s.format, s.arch, s.size, s.n_functions, s.n_instructions, s.imphash, "
        "s.tlsh, s.pe_timestamp, s.info, f.name FROM samples s LEFT JOIN families f ON f.id = s.family_id "
        "WHERE s.library = 1 OR f.kind = 'library' ORDER BY s.id").fetchall()
    import json

    seen: dict[str | None, set[int]] = {}
    # every sample's strings in one pass (the strings table is keyed by hash, not by sample)
    want = {r[0] for r in rows}
    by_sample: dict[int, list[int]] = {}
    for h, owner in src.db.execute("SELECT h, sample_id FROM strings"):
        if owner in want:
            by_sample.setdefault(owner, []).append(h)
    # and their profile tokens (exported and imported names): names library code exports are no evidence
    tokens_of: dict[int, list[int]] = {}
    for h, owner in src.db.execute("SELECT h, sample_id FROM tokens"):
        if owner in want:
            tokens_of.setdefault(owner, []).append(h)
    items: list[tuple[SampleRecord, FunctionPrints, LabelSpec, list[str | None] | None]] = []
    for sid, sha, name, fmt, arch, size, nf, ni, imph, tl, ts, info, fam in rows:
        if dst.has_sample(sha):
            continue
        fr = src.db.execute("SELECT address, n_insns, n_bytes, n_blocks, exact, minhash, "
                            "json_extract(detail, '$.n') FROM functions WHERE sample_id=? AND n_insns >= ? "
                            "ORDER BY id", (sid, min_insns)).fetchall()
        if dedupe:
            fam_seen = seen.setdefault(fam, set())
            keep = []
            for r in fr:
                if r[4] not in fam_seen:
                    fam_seen.add(r[4])
                    keep.append(r)
            fr = keep
        k = 64
        mh = (np.frombuffer(b"".join(r[5] for r in fr), dtype="<u4").reshape(len(fr), k).astype(np.uint32)
              if fr else np.zeros((0, k), np.uint32))
        n_insns = np.asarray([r[1] for r in fr], dtype=np.int32)
        bands = lsh_bands(mh) if len(fr) else np.zeros((0, BANDS), np.uint64)
        if len(fr):
            bands[n_insns < MIN_INSNS_FUZZY] = 0
        z32 = np.zeros(len(fr), dtype=np.int32)
        prints = FunctionPrints(
            np.asarray([r[0] for r in fr], dtype=np.int64), n_insns, np.asarray([r[2] for r in fr], dtype=np.int32),
            np.asarray([r[3] for r in fr], dtype=np.int32), z32, z32,
            np.asarray([r[4] for r in fr], dtype=np.int64).view(np.uint64), mh, bands,
            [[] for _ in fr], [[] for _ in fr], [[] for _ in fr])
        hs = np.asarray(by_sample.get(sid, []), dtype=np.int64).view(np.uint64)
        toks = np.asarray(tokens_of.get(sid, []), dtype=np.int64).view(np.uint64)
        rec = SampleRecord(sha, name or "", fmt or "raw", arch or "x64", size or 0, nf or 0, ni or 0, imph, tl, ts,
                           json.loads(info or "{}"), hs, toks)
        names = [str(r[6]) if r[6] else None for r in fr]
        items.append((rec, prints, LabelSpec(family=fam, library=True, source="libs import"),
                      names if any(names) else None))
    # one transaction for the whole pack, its index rows inserted in key order (store.add_samples)
    if items:
        dst.add_samples(items)
    return len(items)


def library_summary(store: Any, evidence: list[dict[str, Any]], *, names: int = 8,
                    shown: int | None = None, counts: dict[str, int] | None = None) -> list[dict[str, Any]]:
    """Name the library code a query shares: returns, per library, how many of the query's functions
    match it and the names of the best-matching ones (largest first), and sets ``library_symbol`` (the
    library function's recorded name, or None) on the evidence entries a report shows (the first
    ``shown``, all when None). Names are looked up only for those entries and each library's largest
    matches, not for every library match a large sample has. ``counts`` (the matcher's per-library
    function counts) is used for the counts when given: the evidence may hold only a library's largest
    matches."""
    lib = [e for e in evidence if e.get("library")]
    per: dict[str, list[dict[str, Any]]] = {}
    for e in lib:
        per.setdefault(e.get("library_name") or "library", []).append(e)
    look: list[dict[str, Any]] = []
    for entries in per.values():
        entries.sort(key=lambda e: (-int(e["instructions"]), int(e["address"])))
        look += entries[:names * 4]
    head = evidence if shown is None else evidence[:shown]
    look += [e for e in head if e.get("library")]
    syms = library_symbols(store, [(e["other_sha256"], e["other_address"]) for e in look])
    for e in head:
        e["library_symbol"] = syms.get((e["other_sha256"], e["other_address"])) if e.get("library") else None
    out = []
    for name, entries in per.items():
        named: dict[str, int] = {}
        for e in entries[:names * 4]:
            sym = syms.get((e["other_sha256"], e["other_address"]))
            if sym:
                named[sym] = max(named.get(sym, 0), int(e["instructions"]))
        top = sorted(named.items(), key=lambda kv: (-kv[1], kv[0]))[:names]
        n = counts.get(name) if counts is not None else None
        out.append({"library": name, "functions": n if n is not None else len({e["address"] for e in entries}),
                    "symbols": [k for k, _ in top]})
    out.sort(key=lambda d: (-d["functions"], d["library"]))
    return out


def describe_library(d: dict[str, Any]) -> str:
    """One line for a report: 'shares inflate, deflate code of zlib (library): discounted'."""
    if not d["symbols"]:
        return f"shares {d['functions']} functions of {d['library']} (library): discounted"
    what = ", ".join(d["symbols"][:4])
    rest = d["functions"] - len(d["symbols"][:4])
    more = f" and {rest} more" if rest > 0 else ""
    return f"shares {what}{more} code of {d['library']} (library): discounted"
