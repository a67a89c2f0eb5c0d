"""The embedded store: one SQLite file, no server, zero setup.

Why SQLite (measured in ``bench/store.py``, figures in BENCHMARKS.md): DuckDB answers the matcher's
batched joins up to ~3x faster and bulk loads faster, but SQLite wins single-row statements by ~50x, and
its WAL mode lets readers (queries, the CLI) run in other processes beside one writer, which DuckDB's
one-process lock does not. Each indexed sample is a small crash-safe transaction; ``sqlite3`` ships
with Python.

One sample = one transaction: a ``kill -9`` during ``index`` loses at most the sample in flight.
"""

from __future__ import annotations

import datetime as _dt
import json
import sqlite3
from pathlib import Path
from typing import Any

import numpy as np

from codekin.fingerprint import FINGERPRINT_CONFIG, FINGERPRINT_VERSION, FunctionPrints
from codekin.fingerprint.features import BANDS, K, sorted_unique
from codekin.fingerprint.hashing import as_signed
from codekin.store.base import (
    Candidates,
    LabelSpec,
    SampleLabels,
    SampleRecord,
    StaleIndexError,
    StoredFunctions,
)
from codekin.store.memindex import MemoryIndex, expand_ranges, unique_pairs

SCHEMA_VERSION = 1
HOT_BAND = 256
EXTRACTOR_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS actors (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS families (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,
    actor_id INTEGER REFERENCES actors(id),
    kind TEXT NOT NULL DEFAULT 'family' CHECK (kind IN ('family', 'library', 'goodware'))
);
CREATE TABLE IF NOT EXISTS samples (
    id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, name TEXT, format TEXT, arch TEXT,
    size INTEGER, n_functions INTEGER, n_instructions INTEGER, imphash TEXT, tlsh TEXT,
    pe_timestamp INTEGER, family_id INTEGER REFERENCES families(id), actor_id INTEGER REFERENCES actors(id),
    library INTEGER NOT NULL DEFAULT 0, goodware INTEGER NOT NULL DEFAULT 0,
    indexed_at TEXT NOT NULL, fp_version INTEGER NOT NULL, info TEXT
);
CREATE TABLE IF NOT EXISTS attributions (
    id INTEGER PRIMARY KEY, sample_id INTEGER NOT NULL REFERENCES samples(id),
    family_id INTEGER REFERENCES families(id), actor_id INTEGER REFERENCES actors(id),
    source TEXT, confidence REAL, created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS functions (
    id INTEGER PRIMARY KEY, sample_id INTEGER NOT NULL REFERENCES samples(id),
    address INTEGER NOT NULL, n_insns INTEGER NOT NULL, n_bytes INTEGER NOT NULL,
    n_blocks INTEGER NOT NULL, exact INTEGER NOT NULL, minhash BLOB NOT NULL, detail TEXT
);
CREATE INDEX IF NOT EXISTS functions_sample ON functions(sample_id);
CREATE INDEX IF NOT EXISTS functions_exact ON functions(exact);
CREATE TABLE IF NOT EXISTS lsh (band INTEGER NOT NULL, fid INTEGER NOT NULL, PRIMARY KEY (band, fid))
    WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS strings (h INTEGER NOT NULL, sample_id INTEGER NOT NULL, PRIMARY KEY (h, sample_id))
    WITHOUT ROWID;
-- hashed profile tokens (imports, exports, PDB path, Rich header, imphash) for the evidence lines
CREATE TABLE IF NOT EXISTS tokens (h INTEGER NOT NULL, sample_id INTEGER NOT NULL, PRIMARY KEY (h, sample_id))
    WITHOUT ROWID;
"""


def _detail(strings: list[str], consts: list[int], imports: list[str], name: str | None) -> str | None:
    """A function's stored detail: a few of its strings, constants and imports, and its name if known."""
    if not (strings or consts or imports or name):
        return None
    d: dict[str, Any] = {"s": strings[:8], "c": consts[:8], "i": imports[:8]}
    if name:
        d["n"] = name[:200]
    return json.dumps(d)


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")


def _candidates(rows: list[tuple[int, int]]) -> Candidates:
    """(query index, stored id) pairs from SQL rows, as two int64 columns."""
    if not rows:
        z = np.zeros(0, dtype=np.int64)
        return Candidates(z, z)
    arr = np.asarray(rows, dtype=np.int64)
    return Candidates(arr[:, 0], arr[:, 1])


def open_store(path: str | Path, *, create: bool = True, check_version: bool = True) -> SQLiteStore:
    return SQLiteStore(path, create=create, check_version=check_version)


class SQLiteStore:
    def __init__(self, path: str | Path, *, create: bool = True, check_version: bool = True) -> None:
        self.path = Path(path)
        # band keys shared by more stored functions than this are left out of LSH look-ups (None: none)
        self.hot_band: int | None = HOT_BAND
        # an in-memory copy of the look-up tables (store/memindex.py), for processes asking many queries
        self.memory = False
        self._mem: MemoryIndex | None = None
        self._mem_key: tuple[int, int] | None = None
        self._writes = 0
        self._labels: tuple[tuple[int, int, int], dict[int, SampleLabels]] | None = None
        if not create and not self.path.exists():
            raise FileNotFoundError(f"no index at {self.path}")
        self.db = sqlite3.connect(str(self.path), timeout=60, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        # checkpoint the WAL every 10,000 pages (40 MB), not every 1,000: one sample's LSH rows land all
        # over the lsh B-tree, so each commit rewrites thousands of its pages and the default threshold
        # copied them back into the file after every sample. Indexing the dev set's 93 win files into a
        # new index with the library pack: 10.0-10.3 s -> 8.2 s (measured; 25,000 and 50,000 pages gave
        # no more). Commits stay one per sample: crash safety is unchanged
        self.db.execute("PRAGMA wal_autocheckpoint=10000")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.db.execute("PRAGMA cache_size=-65536")
        self.db.executescript(_SCHEMA)
        self._init_meta()
        if check_version:
            self.check_version()

    # ------------------------------------------------------------ versioning
    def _init_meta(self) -> None:
        cur = self.db.execute("SELECT value FROM meta WHERE key='fingerprint_config'")
        if cur.fetchone() is None:
            with self._tx():
                self._set_meta("schema_version", str(SCHEMA_VERSION))
                self._set_meta("fingerprint_config", json.dumps(FINGERPRINT_CONFIG, sort_keys=True))
                self._set_meta("extractor_version", str(EXTRACTOR_VERSION))
                self._set_meta("created_at", _now())

    def _set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT INTO meta(key, value) VALUES (?, ?) "
                        "ON CONFLICT(key) DO UPDATE SET value=excluded.value", (key, value))

    def meta(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT key, value FROM meta").fetchall())

    def version_mismatch(self) -> str | None:
        m = self.meta()
        want = json.dumps(FINGERPRINT_CONFIG, sort_keys=True)
        problems = []
        if m.get("fingerprint_config") != want:
            problems.append(f"fingerprint configuration {m.get('fingerprint_config')} != current {want}")
        if m.get("extractor_version") != str(EXTRACTOR_VERSION):
            problems.append(f"extractor version {m.get('extractor_version')} != current {EXTRACTOR_VERSION}")
        stale = self.db.execute("SELECT COUNT(*) FROM samples WHERE fp_version != ?", (FINGERPRINT_VERSION,)).fetchone()
        if stale[0]:
            problems.append(f"{stale[0]} samples carry fingerprints of another version")
        return "; ".join(problems) or None

    def check_version(self) -> None:
        why = self.version_mismatch()
        if why:
            raise StaleIndexError(f"index {self.path} is stale ({why}); run `codekin reindex --db {self.path}`",
                                  path=str(self.path))

    def mark_current(self) -> None:
        with self._tx():
            self._set_meta("fingerprint_config", json.dumps(FINGERPRINT_CONFIG, sort_keys=True))
            self._set_meta("extractor_version", str(EXTRACTOR_VERSION))

    # ------------------------------------------------------------ writing
    class _Tx:
        def __init__(self, store: SQLiteStore) -> None:
            self.store = store

        def __enter__(self) -> None:
            self.store.db.execute("BEGIN IMMEDIATE")

        def __exit__(self, et: object, ev: object, tb: object) -> None:
            self.store.db.execute("COMMIT" if et is None else "ROLLBACK")
            self.store._writes += 1  # an in-memory copy made before this is out of date

    def _tx(self) -> SQLiteStore._Tx:
        return SQLiteStore._Tx(self)

    # ------------------------------------------------------------ in-memory look-ups
    def use_memory(self, on: bool = True) -> None:
        """Answer look-ups from an in-memory copy of the tables (loaded at the next look-up, reloaded
        whenever this or another connection has written to the file since)."""
        self.memory = on
        if not on:
            self._mem = self._mem_key = None

    def cache_key(self) -> tuple[int, int]:
        """Changes whenever this or another connection has written to the file: what was read from the
        store under one key is still valid under the same key."""
        return int(self.db.execute("PRAGMA data_version").fetchone()[0]), self._writes

    def _memindex(self) -> MemoryIndex | None:
        if not self.memory:
            return None
        key = self.cache_key()
        if self._mem is None or key != self._mem_key:
            self.db.execute("BEGIN")  # one snapshot for all tables
            try:
                self._mem = MemoryIndex.load(self.db)
            finally:
                self.db.execute("COMMIT")
            self._mem_key = key
        return self._mem

    def _family_id(self, name: str | None, actor_id: int | None, kind: str) -> int | None:
        if not name:
            return None
        row = self.db.execute("SELECT id, actor_id, kind FROM families WHERE name=?", (name,)).fetchone()
        if row is None:
            cur = self.db.execute("INSERT INTO families(name, actor_id, kind) VALUES (?, ?, ?)", (name, actor_id, kind))
            return int(cur.lastrowid or 0)
        if actor_id is not None and row[1] != actor_id:
            self.db.execute("UPDATE families SET actor_id=? WHERE id=?", (actor_id, row[0]))
        if kind != "family" and row[2] != kind:
            self.db.execute("UPDATE families SET kind=? WHERE id=?", (kind, row[0]))
        return int(row[0])

    def _actor_id(self, name: str | None) -> int | None:
        if not name:
            return None
        self.db.execute("INSERT OR IGNORE INTO actors(name) VALUES (?)", (name,))
        return int(self.db.execute("SELECT id FROM actors WHERE name=?", (name,)).fetchone()[0])

    def has_sample(self, sha256: str) -> bool:
        return self.db.execute("SELECT 1 FROM samples WHERE sha256=?", (sha256,)).fetchone() is not None

    def add_sample(self, rec: SampleRecord, prints: FunctionPrints, label: LabelSpec) -> int:
        return self.add_samples([(rec, prints, label, None)])[0]

    def add_samples(self, items: list[tuple[SampleRecord, FunctionPrints, LabelSpec, list[str | None] | None]]
                    ) -> list[int]:
        """Several samples in one transaction (all or none), each with optional function names (library
        packs record them). The index rows of all of them go in sorted by key: a B-tree takes sorted
        inserts several times faster than random ones (importing the library pack into a new index)."""
        sids: list[int] = []
        lsh_b: list[np.ndarray] = []
        lsh_f: list[np.ndarray] = []
        str_rows: list[tuple[np.ndarray, int]] = []
        tok_rows: list[tuple[np.ndarray, int]] = []
        with self._tx():
            row0 = self.db.execute("SELECT COALESCE(MAX(id), 0) FROM functions").fetchone()[0] + 1
            for rec, prints, label, names in items:
                kind = "library" if label.library else ("goodware" if label.goodware else "family")
                actor_id = self._actor_id(label.actor)
                family_id = self._family_id(label.family, actor_id, kind)
                cur = self.db.execute(
                    "INSERT INTO samples(sha256, name, format, arch, size, n_functions, n_instructions, imphash, "
                    "tlsh, pe_timestamp, family_id, actor_id, library, goodware, indexed_at, fp_version, info) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (rec.sha256, rec.name, rec.format, rec.arch, rec.size, rec.n_functions, rec.n_instructions,
                     rec.imphash, rec.tlsh, rec.pe_timestamp, family_id, actor_id, int(label.library),
                     int(label.goodware), _now(), FINGERPRINT_VERSION, json.dumps(rec.info)),
                )
                sid = int(cur.lastrowid or 0)
                sids.append(sid)
                if family_id is not None or actor_id is not None:
                    self.db.execute(
                        "INSERT INTO attributions(sample_id, family_id, actor_id, source, confidence, created_at) "
                        "VALUES (?,?,?,?,?,?)", (sid, family_id, actor_id, label.source, label.confidence, _now()))
                n = len(prints)
                if n:
                    fids = np.arange(row0, row0 + n, dtype=np.int64)
                    row0 += n
                    exact = as_signed(prints.exact).tolist()
                    mh = prints.minhash.astype("<u4")
                    details = [_detail(s, c, i, names[k] if names is not None else None) for k, (s, c, i) in
                               enumerate(zip(prints.strings, prints.consts, prints.imports, strict=True))]
                    self.db.executemany(
                        "INSERT INTO functions(id, sample_id, address, n_insns, n_bytes, n_blocks, exact, minhash, "
                        "detail) VALUES (?,?,?,?,?,?,?,?,?)",
                        zip(fids.tolist(), [sid] * n, prints.address.tolist(), prints.n_insns.tolist(),
                            prints.n_bytes.tolist(), prints.n_blocks.tolist(), exact, [m.tobytes() for m in mh],
                            details, strict=True),
                    )
                    has = prints.bands[:, 0] != 0
                    if has.any():
                        lsh_b.append(as_signed(prints.bands[has]).reshape(-1))
                        lsh_f.append(np.repeat(fids[has], BANDS))
                if rec.strings is not None and len(rec.strings):
                    str_rows.append((as_signed(rec.strings), sid))
                if rec.tokens is not None and len(rec.tokens):
                    tok_rows.append((as_signed(rec.tokens), sid))
            if lsh_b:
                b, f = np.concatenate(lsh_b), np.concatenate(lsh_f)
                order = np.lexsort((f, b))
                self.db.executemany("INSERT OR IGNORE INTO lsh(band, fid) VALUES (?, ?)",
                                    zip(b[order].tolist(), f[order].tolist(), strict=True))
            for table, rows in (("strings", str_rows), ("tokens", tok_rows)):
                if not rows:
                    continue
                h = np.concatenate([r[0] for r in rows])
                owner = np.concatenate([np.full(len(r[0]), r[1], dtype=np.int64) for r in rows])
                order = np.lexsort((owner, h))
                self.db.executemany(f"INSERT OR IGNORE INTO {table}(h, sample_id) VALUES (?, ?)",
                                    zip(h[order].tolist(), owner[order].tolist(), strict=True))
        return sids

    def delete_sample(self, sha256: str) -> None:
        with self._tx():
            row = self.db.execute("SELECT id FROM samples WHERE sha256=?", (sha256,)).fetchone()
            if row is None:
                return
            sid = row[0]
            self.db.execute("DELETE FROM lsh WHERE fid IN (SELECT id FROM functions WHERE sample_id=?)", (sid,))
            self.db.execute("DELETE FROM functions WHERE sample_id=?", (sid,))
            self.db.execute("DELETE FROM strings WHERE sample_id=?", (sid,))
            self.db.execute("DELETE FROM tokens WHERE sample_id=?", (sid,))
            self.db.execute("DELETE FROM attributions WHERE sample_id=?", (sid,))
            self.db.execute("DELETE FROM samples WHERE id=?", (sid,))

    def label(self, sha256s: list[str], label: LabelSpec) -> int:
        """Change labels without re-indexing; every change is recorded with its source."""
        kind = "library" if label.library else ("goodware" if label.goodware else "family")
        n = 0
        with self._tx():
            actor_id = self._actor_id(label.actor)
            family_id = self._family_id(label.family, actor_id, kind)
            for sha in sha256s:
                row = self.db.execute("SELECT id FROM samples WHERE sha256=?", (sha,)).fetchone()
                if row is None:
                    continue
                sets, args = [], []
                if family_id is not None:
                    sets.append("family_id=?")
                    args.append(family_id)
                if actor_id is not None:
                    sets.append("actor_id=?")
                    args.append(actor_id)
                sets += ["library=?", "goodware=?"]
                args += [int(label.library), int(label.goodware)]
                self.db.execute(f"UPDATE samples SET {', '.join(sets)} WHERE id=?", (*args, row[0]))
                self.db.execute(
                    "INSERT INTO attributions(sample_id, family_id, actor_id, source, confidence, created_at) "
                    "VALUES (?,?,?,?,?,?)", (row[0], family_id, actor_id, label.source, label.confidence, _now()))
                n += 1
        return n

    def label_family(self, family: str, *, actor: str | None = None, library: bool | None = None) -> None:
        with self._tx():
            actor_id = self._actor_id(actor)
            fid = self._family_id(family, actor_id, "library" if library else "family")
            if library is not None:
                self.db.execute("UPDATE families SET kind=? WHERE id=?", ("library" if library else "family", fid))
                self.db.execute("UPDATE samples SET library=? WHERE family_id=?", (int(library), fid))

    # ------------------------------------------------------------ reading
    def _fill_keys(self, rows: list[tuple[int, int]]) -> None:
        """The query's keys into a temporary table, in one transaction (autocommit would make every
        row its own transaction: ten times slower, bench/store.py)."""
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS q (key INTEGER NOT NULL, qi INTEGER NOT NULL)")
        self.db.execute("BEGIN")
        try:
            self.db.execute("DELETE FROM temp.q")
            self.db.executemany("INSERT INTO temp.q(key, qi) VALUES (?, ?)", rows)
        finally:
            self.db.execute("COMMIT")

    def _pairs(self, sql: str, rows: list[tuple[int, int]]) -> Candidates:
        self._fill_keys(rows)
        return _candidates(self.db.execute(sql).fetchall())

    def exact_candidates(self, exact: np.ndarray) -> Candidates:
        vals = as_signed(exact).tolist()
        return self._pairs("SELECT q.qi, f.id FROM temp.q q JOIN functions f ON f.exact = q.key",
                           [(v, i) for i, v in enumerate(vals)])

    def exact_matches(self, exact: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """(query index, function id, sample id, address) of every stored twin of each exact hash."""
        if (mem := self._memindex()) is not None:
            return mem.exact_matches(exact)
        self._fill_keys([(v, i) for i, v in enumerate(as_signed(exact).tolist())])
        # one twin per (query function, sample) is all the matcher uses
        rows = self.db.execute("SELECT q.qi, MIN(f.id), f.sample_id, MIN(f.address) FROM temp.q q "
                               "JOIN functions f ON f.exact = q.key GROUP BY q.qi, f.sample_id").fetchall()
        arr = np.asarray(rows, dtype=np.int64).reshape(-1, 4)
        return arr[:, 0], arr[:, 1], arr[:, 2], arr[:, 3]

    def lsh_candidates(self, bands: np.ndarray) -> Candidates:
        if (mem := self._memindex()) is not None:
            return mem.lsh_candidates(bands, self.hot_band)
        has = np.nonzero(bands[:, 0] != 0)[0]
        if not len(has):
            z = np.zeros(0, dtype=np.int64)
            return Candidates(z, z)
        keys = as_signed(bands[has]).reshape(-1)
        qis = np.repeat(has.astype(np.int64), bands.shape[1])
        # One row per distinct band key: its functions, as one comma-separated string (parsed in C; one
        # Python tuple per pair would cost most of a query), then spread over the query functions that
        # hold the key here, as the in-memory look-up does.
        # A band key that more than ``hot_band`` stored functions share is a shape, not an identity
        # (runtime drop glue, CRT stubs): bringing thousands of pairs per query function into Python
        # costs most of a query. Such keys are left out (at most hot_band + 1 of their functions are
        # read, to know); the function's other bands still find its near twins, and code whose every
        # band is hot is ubiquitous code, which weighs next to nothing anyway.
        uk = np.unique(keys)
        self._fill_keys(list(zip(uk.tolist(), range(len(uk)), strict=True)))
        limit = -1 if self.hot_band is None else self.hot_band + 1
        rows = [r for r in self.db.execute(
            "SELECT q.qi, (SELECT group_concat(fid) FROM (SELECT l.fid FROM lsh l WHERE l.band = q.key "
            "LIMIT ?)) FROM temp.q q", (limit,)).fetchall() if r[1] is not None]
        counts = np.asarray([r[1].count(",") + 1 for r in rows], dtype=np.int64)
        if self.hot_band is not None:
            rows = [r for r, c in zip(rows, (counts <= self.hot_band).tolist(), strict=True) if c]
            counts = counts[counts <= self.hot_band]
        if not rows:
            return Candidates(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))
        flat = np.fromstring(",".join([r[1] for r in rows]), dtype=np.int64, sep=",")
        ends = np.cumsum(counts)
        lo_k = np.zeros(len(uk), dtype=np.int64)
        hi_k = np.zeros(len(uk), dtype=np.int64)
        ki = np.asarray([r[0] for r in rows], dtype=np.int64)
        lo_k[ki], hi_k[ki] = ends - counts, ends
        at = np.searchsorted(uk, keys)
        qi, p = expand_ranges(lo_k[at], hi_k[at], qis)
        # distinct pairs sorted by query index then id, as the in-memory look-up returns them
        return unique_pairs(qi, flat[p]) if len(qi) else Candidates(qi, p)

    def string_hits(self, hashes: np.ndarray) -> Candidates:
        """(query string index, sample id) for every stored sample holding each string."""
        if (mem := self._memindex()) is not None:
            return mem.string_hits(hashes)
        vals = as_signed(hashes).tolist()
        return self._pairs("SELECT q.qi, s.sample_id FROM temp.q q JOIN strings s ON s.h = q.key",
                           [(v, i) for i, v in enumerate(vals)])

    def token_hits(self, hashes: np.ndarray) -> Candidates:
        """(query token index, sample id) for every stored sample holding each profile token."""
        if (mem := self._memindex()) is not None:
            return mem.token_hits(hashes)
        vals = as_signed(hashes).tolist()
        return self._pairs("SELECT q.qi, t.sample_id FROM temp.q q JOIN tokens t ON t.h = q.key",
                           [(v, i) for i, v in enumerate(vals)])

    def functions(self, fids: np.ndarray) -> StoredFunctions:
        if (mem := self._memindex()) is not None:
            return mem.functions(fids)
        ids = sorted_unique(fids).tolist()
        rows: list[tuple[Any, ...]] = []
        for i in range(0, len(ids), 30000):
            part = ids[i : i + 30000]
            rows += self.db.execute(
                f"SELECT id, sample_id, address, n_insns, exact, minhash FROM functions WHERE id IN "
                f"({','.join('?' * len(part))})", part).fetchall()
        rows.sort()
        n = len(rows)
        mh = (np.frombuffer(b"".join(r[5] for r in rows), dtype="<u4").reshape(n, K) if n
              else np.zeros((0, K), np.uint32))
        return StoredFunctions(
            fid=np.asarray([r[0] for r in rows], dtype=np.int64),
            sample_id=np.asarray([r[1] for r in rows], dtype=np.int64),
            address=np.asarray([r[2] for r in rows], dtype=np.int64),
            n_insns=np.asarray([r[3] for r in rows], dtype=np.int64),
            exact=np.asarray([r[4] for r in rows], dtype=np.int64).view(np.uint64),
            minhash=mh.astype(np.uint32),
        )

    def function_detail(self, fid: int) -> dict[str, Any]:
        row = self.db.execute("SELECT detail FROM functions WHERE id=?", (fid,)).fetchone()
        return json.loads(row[0]) if row and row[0] else {}

    def samples(self, sample_ids: list[int] | None = None) -> dict[int, SampleLabels]:
        sql = ("SELECT s.id, s.sha256, s.name, f.name, COALESCE(a.name, fa.name),"
               " s.library OR COALESCE(f.kind='library', 0),"
               " s.goodware OR COALESCE(f.kind='goodware', 0), s.n_functions FROM samples s"
               " LEFT JOIN families f ON f.id = s.family_id LEFT JOIN actors a ON a.id = s.actor_id"
               " LEFT JOIN actors fa ON fa.id = f.actor_id")
        # read once while the file is unchanged (every query asks them all); any row this connection
        # changes, in a transaction or not, and any commit of another one reads them again
        key = (*self.cache_key(), self.db.total_changes)
        if self._labels is None or self._labels[0] != key:
            rows = self.db.execute(sql).fetchall()
            self._labels = (key, {int(r[0]): SampleLabels(int(r[0]), r[1], r[2], r[3], r[4], bool(r[5]), bool(r[6]),
                                                          int(r[7] or 0)) for r in rows})
        labels = self._labels[1]
        if sample_ids is None:
            return dict(labels)
        want = set(sample_ids)
        return {i: lbl for i, lbl in labels.items() if i in want}

    def n_families(self) -> int:
        return int(self.db.execute(
            "SELECT COUNT(DISTINCT family_id) FROM samples WHERE family_id IS NOT NULL AND library=0 AND goodware=0"
        ).fetchone()[0])

    def family_stats(self) -> list[dict[str, Any]]:
        rows = self.db.execute(
            "SELECT f.name, a.name, f.kind, COUNT(s.id), COALESCE(SUM(s.n_functions), 0) FROM families f "
            "LEFT JOIN actors a ON a.id = f.actor_id LEFT JOIN samples s ON s.family_id = f.id "
            "GROUP BY f.id ORDER BY f.name").fetchall()
        return [{"family": r[0], "actor": r[1], "kind": r[2], "samples": r[3], "functions": r[4]} for r in rows]

    def counts(self) -> dict[str, int]:
        """Samples and functions, from the primary keys' maxima (no table scan)."""
        q = self.db.execute
        return {"samples": int(q("SELECT COUNT(*) FROM samples").fetchone()[0]),
                "functions": int(q("SELECT COALESCE(MAX(id), 0) FROM functions").fetchone()[0])}

    def stats(self) -> dict[str, Any]:
        q = self.db.execute
        return {
            "path": str(self.path),
            "samples": q("SELECT COUNT(*) FROM samples").fetchone()[0],
            "library_samples": q("SELECT COUNT(*) FROM samples WHERE library=1").fetchone()[0],
            "goodware_samples": q("SELECT COUNT(*) FROM samples WHERE goodware=1").fetchone()[0],
            "families": q("SELECT COUNT(*) FROM families WHERE kind='family'").fetchone()[0],
            "libraries": q("SELECT COUNT(*) FROM families WHERE kind='library'").fetchone()[0],
            "actors": q("SELECT COUNT(*) FROM actors").fetchone()[0],
            "functions": q("SELECT COUNT(*) FROM functions").fetchone()[0],
            "lsh_entries": q("SELECT COUNT(*) FROM lsh").fetchone()[0],
            "file_bytes": self.path.stat().st_size if self.path.exists() else 0,
            "meta": self.meta(),
        }

    def sample_info(self, sample_ids: list[int] | None = None) -> dict[int, dict[str, Any]]:
        """The stored ``info`` of samples (metadata, profile, path), with pe_timestamp and imphash."""
        sql = "SELECT id, info, pe_timestamp, imphash FROM samples"
        if sample_ids is None:
            rows = self.db.execute(sql).fetchall()
        else:
            ids = sorted(set(sample_ids))
            rows = []
            for i in range(0, len(ids), 30000):
                part = ids[i:i + 30000]
                rows += self.db.execute(f"{sql} WHERE id IN ({','.join('?' * len(part))})", part).fetchall()
        out: dict[int, dict[str, Any]] = {}
        for r in rows:
            d = json.loads(r[1] or "{}")
            d["pe_timestamp"], d["imphash"] = r[2], r[3]
            out[int(r[0])] = d
        return out

    def timestamps(self, sample_ids: list[int]) -> dict[int, int | None]:
        """PE compile timestamps of samples (a column: no JSON to parse on the query path)."""
        ids = sorted(set(sample_ids))
        out: dict[int, int | None] = {}
        for i in range(0, len(ids), 30000):
            part = ids[i:i + 30000]
            out.update((int(r[0]), r[1]) for r in self.db.execute(
                f"SELECT id, pe_timestamp FROM samples WHERE id IN ({','.join('?' * len(part))})", part))
        return out

    def sample_functions(self, sample_id: int) -> StoredFunctions:
        """All stored functions of one sample (for calibration: a stored sample asked as a query)."""
        ids = [r[0] for r in self.db.execute("SELECT id FROM functions WHERE sample_id=? ORDER BY id", (sample_id,))]
        return self.functions(np.asarray(ids, dtype=np.int64))

    def sample_strings(self, sample_id: int) -> np.ndarray:
        """The string hashes (uint64, sorted) stored for one sample."""
        rows = self.db.execute("SELECT h FROM strings WHERE sample_id=?", (sample_id,)).fetchall()
        return np.sort(np.asarray([r[0] for r in rows], dtype=np.int64).view(np.uint64))

    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def put_meta(self, key: str, value: str) -> None:
        with self._tx():
            self._set_meta(key, value)

    def sample_paths(self) -> list[tuple[str, str]]:
        return [(r[0], json.loads(r[1] or "{}").get("path", "")) for r in
                self.db.execute("SELECT sha256, info FROM samples").fetchall()]

    def close(self) -> None:
        self.db.close()
