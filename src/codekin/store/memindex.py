"""An in-memory copy of the store's look-up tables, for processes that ask many queries.

SQLite answers one query's look-ups (exact hashes, LSH band keys, strings) through a temporary key
table and a join; the cost is per row, and a query on a large sample brings back tens of thousands of
rows, each a Python tuple. A process that asks many queries (``codekin query`` with several files, a
server, the benchmarks) can instead load the tables once into sorted numpy columns and answer every
look-up with ``searchsorted``: no per-row Python work at all (bench/latency.py measures both).

The copy follows the file: it is keyed on SQLite's ``data_version`` (which changes when another
connection commits) and on the owning store's own write counter, and is rebuilt when either moves.
It holds what the matcher reads: per function its sample, address, size, exact hash and MinHash, the
LSH keys, and the string and token hashes of each sample (bench/scale.py measured about 500 MiB and
12 s to load at a million functions).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

import numpy as np

from codekin.fingerprint.features import PURE_KERNELS, K, sorted_unique
from codekin.store.base import Candidates, StoredFunctions

try:  # the merge of the look-up's ranges in C (src/codekin/store/_lshmerge.c), built where a compiler is at hand
    from codekin.store import _lshmerge
except ImportError:  # pragma: no cover - expand_ranges and unique_pairs give the same pairs
    _lshmerge = None  # type: ignore[assignment]

_EMPTY = np.zeros(0, dtype=np.int64)


def _pairs_table(db: sqlite3.Connection, sql: str) -> tuple[np.ndarray, np.ndarray]:
    """Two int64 columns from a two-column query, sorted by (first, second)."""
    arr = np.fromiter(db.execute(sql), dtype=np.dtype([("a", np.int64), ("b", np.int64)]))
    order = np.lexsort((arr["b"], arr["a"]))
    return np.ascontiguousarray(arr["a"][order]), np.ascontiguousarray(arr["b"][order])


def expand_ranges(starts: np.ndarray, ends: np.ndarray, owners: np.ndarray | None = None
                  ) -> tuple[np.ndarray, np.ndarray]:
    """For ranges [starts[i], ends[i]): (i, position) for every position, as int64 columns (``owners[i]``
    instead of i when given)."""
    lens = (ends - starts).astype(np.int64)
    total = int(lens.sum())
    if total == 0:
        return _EMPTY, _EMPTY
    owner = np.repeat(np.arange(len(starts), dtype=np.int64) if owners is None else owners, lens)
    first = np.repeat(starts.astype(np.int64) - np.r_[0, np.cumsum(lens)[:-1]], lens)
    return owner, first + np.arange(total, dtype=np.int64)


BUCKET_SCAN_MAX = 32  # band look-up: the most keys of one directory bucket compared slot by slot


def unique_pairs(qi: np.ndarray, fid: np.ndarray) -> Candidates:
    """The distinct (qi, fid) pairs, sorted by qi then fid (non-negative int64 columns).

    A function shares several LSH bands with its near twins: about half of the raw pairs are repeats,
    and sorting them out is most of a look-up's time. Two things make it cheaper: a compact key where
    it fits 32 bits (the query index times the number of distinct stored ids, plus the id's rank among
    them: half the bytes of a 64-bit key), and a stable sort (a merge sort that finds runs): each query
    function's pairs are a few runs already in order, one per band key (each key's functions are stored
    sorted), and merging them costs less than sorting them afresh (measured on the dev set's queries:
    a quarter less than a quicksort per cache-sized block of groups, which this replaced)."""
    if not len(qi):
        return Candidates(_EMPTY, _EMPTY)
    top = int(fid.max()) + 1
    if top <= 8 * len(fid) + (1 << 20) and fid.min() >= 0:
        seen = np.zeros(top, dtype=bool)
        seen[fid] = True
        ids = np.flatnonzero(seen)
        nq = int(qi.max()) + 1
        if nq * len(ids) < (1 << 32):
            rank = np.zeros(top, dtype=np.uint32)
            rank[ids] = np.arange(len(ids), dtype=np.uint32)
            n_ids = np.uint32(len(ids))
            key = qi.astype(np.uint32) * n_ids + rank[fid]
            grouped = _sort_grouped(key, qi)
            first = np.r_[True, key[1:] != key[:-1]]
            key = key[first]
            if grouped:  # each key still sits where its qi does: no division to split it
                q = qi[first].astype(np.int64, copy=False)
                r = key - q.astype(np.uint32) * n_ids
            else:
                q32, r = np.divmod(key, n_ids)
                q = q32.astype(np.int64)
            return Candidates(q, ids[r].astype(np.int64, copy=False))
    pair = qi * (1 << 40) + fid
    _sort_grouped(pair, qi)
    pair = pair[np.r_[True, pair[1:] != pair[:-1]]]
    return Candidates(pair >> 40, pair & ((1 << 40) - 1))


def merge_ranges(lo: np.ndarray, hi: np.ndarray, qis: np.ndarray, table: np.ndarray) -> Candidates:
    """``unique_pairs`` of ``expand_ranges(lo, hi, qis)`` over ``table``, in C (``_lshmerge.c``): each
    query function's sorted ranges merged, repeats dropped (``qis`` non-decreasing; else numpy)."""
    lo = np.ascontiguousarray(lo, dtype=np.int64)
    hi = np.ascontiguousarray(hi, dtype=np.int64)
    qis = np.ascontiguousarray(qis, dtype=np.int64)
    total = int((hi - lo).sum()) if len(lo) else 0
    if total == 0:
        return Candidates(_EMPTY, _EMPTY)
    if _lshmerge is None or bool((qis[1:] < qis[:-1]).any()):
        qi, p = expand_ranges(lo, hi, qis)
        return unique_pairs(qi, table[p])
    out_q = np.empty(total, dtype=np.int64)
    out_f = np.empty(total, dtype=np.int64)
    n = _lshmerge.merge(lo, hi, qis, np.ascontiguousarray(table, dtype=np.int64), out_q, out_f)
    return Candidates(out_q[:n], out_f[:n])


def _sort_grouped(key: np.ndarray, qi: np.ndarray) -> bool:
    """Sort ``key`` in place; ``key`` orders by ``qi`` first, so where ``qi`` is already ascending, each
    key ends where its qi is (the groups keep their sizes): True then."""
    key.sort(kind="stable")
    return bool((qi[1:] >= qi[:-1]).all())


@dataclass
class MemoryIndex:
    # functions, sorted by id
    fid: np.ndarray
    sample_id: np.ndarray
    address: np.ndarray
    n_insns: np.ndarray
    exact: np.ndarray  # int64 (SQLite's signed view of the uint64 hash)
    minhash: np.ndarray  # (n, K) uint32
    # exact hash -> function rows, sorted by (exact, id)
    exact_key: np.ndarray
    exact_row: np.ndarray
    # LSH: band key -> function id, sorted by (key, id)
    band_key: np.ndarray
    band_fid: np.ndarray
    # strings and profile tokens: hash -> sample id
    str_key: np.ndarray
    str_sample: np.ndarray
    tok_key: np.ndarray
    tok_sample: np.ndarray
    # the distinct band keys and where each one's functions start in band_fid (one more entry: the end)
    band_ukey: np.ndarray = field(init=False)
    band_start: np.ndarray = field(init=False)
    bucket_bits: int = field(init=False)
    bucket_start: np.ndarray = field(init=False)
    bucket_max: int = field(init=False)
    fid_dense: bool = field(init=False)  # ids are consecutive: an id's row is its offset from the first

    def __post_init__(self) -> None:
        self.fid_dense = not len(self.fid) or int(self.fid[-1]) - int(self.fid[0]) == len(self.fid) - 1
        new = np.r_[True, self.band_key[1:] != self.band_key[:-1]] if len(self.band_key) else \
            np.zeros(0, dtype=bool)
        self.band_ukey = self.band_key[new]
        self.band_start = np.r_[np.flatnonzero(new), len(self.band_key)].astype(np.int64)
        # a directory on the keys' top bits (keys are hashes: uniform): bucket b holds the distinct keys
        # band_ukey[bucket_start[b]:bucket_start[b + 1]], about one each
        self.bucket_bits = min(max(len(self.band_ukey).bit_length(), 1), 22)
        top = self._bucket(self.band_ukey)
        self.bucket_start = np.searchsorted(top, np.arange((1 << self.bucket_bits) + 1, dtype=np.int64))
        sizes = np.diff(self.bucket_start)
        self.bucket_max = int(sizes.max()) if len(sizes) else 0

    @staticmethod
    def load(db: sqlite3.Connection) -> MemoryIndex:
        rows = db.execute("SELECT id, sample_id, address, n_insns, exact, minhash FROM functions ORDER BY id")
        fid, sid, addr, ni, ex, blobs = [], [], [], [], [], []
        for r in rows:
            fid.append(r[0])
            sid.append(r[1])
            addr.append(r[2])
            ni.append(r[3])
            ex.append(r[4])
            blobs.append(r[5])
        n = len(fid)
        mh = (np.frombuffer(b"".join(blobs), dtype="<u4").reshape(n, K).astype(np.uint32) if n
              else np.zeros((0, K), np.uint32))
        exact = np.asarray(ex, dtype=np.int64)
        order = np.lexsort((np.arange(n), exact))
        band_key, band_fid = _pairs_table(db, "SELECT band, fid FROM lsh")
        str_key, str_sample = _pairs_table(db, "SELECT h, sample_id FROM strings")
        tok_key, tok_sample = _pairs_table(db, "SELECT h, sample_id FROM tokens")
        return MemoryIndex(
            fid=np.asarray(fid, dtype=np.int64), sample_id=np.asarray(sid, dtype=np.int64),
            address=np.asarray(addr, dtype=np.int64), n_insns=np.asarray(ni, dtype=np.int64), exact=exact,
            minhash=mh, exact_key=exact[order], exact_row=order.astype(np.int64),
            band_key=band_key, band_fid=band_fid, str_key=str_key, str_sample=str_sample,
            tok_key=tok_key, tok_sample=tok_sample)

    # ------------------------------------------------------------ look-ups (same answers as the SQL ones)
    def exact_matches(self, exact: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        keys = exact.astype(np.uint64).view(np.int64)
        lo = np.searchsorted(self.exact_key, keys, "left")
        hi = np.searchsorted(self.exact_key, keys, "right")
        qi, p = expand_ranges(lo, hi)
        if not len(qi):
            return _EMPTY, _EMPTY, _EMPTY, _EMPTY
        rows = self.exact_row[p]
        sid = self.sample_id[rows]
        # one twin per (query function, sample): the lowest id, and the lowest address
        fid = self.fid[rows]
        b_sid, b_fid = int(sid.max()).bit_length(), int(fid.max()).bit_length()
        if int(sid.min()) >= 0 and int(fid.min()) >= 0 and int(qi.max()).bit_length() + b_sid + b_fid <= 63:
            # (query function, sample, id) as one int64 key: the triples are distinct (one row each), so
            # one argsort orders them as the lexsort of three keys does (exact_matches of the median
            # dev-set win query 0.21 -> 0.16 ms)
            order = np.argsort((qi << (b_sid + b_fid)) | (sid << b_fid) | fid)
        else:
            order = np.lexsort((fid, sid, qi))
        qi, sid, rows = qi[order], sid[order], rows[order]
        first = np.r_[True, (qi[1:] != qi[:-1]) | (sid[1:] != sid[:-1])]
        starts = np.nonzero(first)[0]
        addr = np.minimum.reduceat(self.address[rows], starts)
        return qi[starts], self.fid[rows[starts]], sid[starts], addr

    def lsh_candidates(self, bands: np.ndarray, hot_band: int | None) -> Candidates:
        has = np.nonzero(bands[:, 0] != 0)[0]
        if not len(has):
            return Candidates(_EMPTY, _EMPTY)
        keys = bands[has].astype(np.uint64).view(np.int64).reshape(-1)
        qis = np.repeat(has.astype(np.int64), bands.shape[1])
        # one search among the distinct keys, needles in key order (it walks the table once,
        # cache-friendly); the ranges are then read in query order, so that the pairs come out grouped
        # by query function (unique_pairs sorts them a block of groups at a time)
        lo, hi = self._band_ranges(keys)
        if hot_band is not None:  # the same cut as the SQL look-up: keys shared by too many functions
            cold = (hi - lo) <= hot_band
            lo, hi, qis = lo[cold], hi[cold], qis[cold]
        if _lshmerge is not None and not PURE_KERNELS:
            return merge_ranges(lo, hi, qis, self.band_fid)
        qi, p = expand_ranges(lo, hi, qis)
        if not len(qi):
            return Candidates(_EMPTY, _EMPTY)
        return unique_pairs(qi, self.band_fid[p])

    def _bucket(self, keys: np.ndarray) -> np.ndarray:
        """Bucket of each int64 key: its top bits, in the keys' signed order."""
        return (keys >> np.int64(64 - self.bucket_bits)) + np.int64(1 << (self.bucket_bits - 1))

    def _band_ranges(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """[lo, hi) in band_fid of each band key's functions (empty where the key is not stored).

        Each key is looked for in its bucket of the directory (a few candidates, compared a slot at a
        time over all keys at once) instead of by binary search: the search's steps miss the cache on a
        large index, the directory's one or two reads do not (measured on the dev set's queries)."""
        nu = len(self.band_ukey)
        if not nu:
            return np.zeros(len(keys), dtype=np.int64), np.zeros(len(keys), dtype=np.int64)
        if self.bucket_max > BUCKET_SCAN_MAX:  # keys far from uniform: a binary search, needles in key order
            order = np.argsort(keys)
            at = np.empty(len(keys), dtype=np.int64)
            at[order] = np.searchsorted(self.band_ukey, keys[order])
            at_c = np.minimum(at, nu - 1)
            hit = (at < nu) & (self.band_ukey[at_c] == keys)
            return np.where(hit, self.band_start[at_c], 0), np.where(hit, self.band_start[at_c + 1], 0)
        b = self._bucket(keys)
        first, end = self.bucket_start[b], self.bucket_start[b + 1]
        at = np.full(len(keys), -1, dtype=np.int64)
        for k in range(self.bucket_max):
            pos = first + k
            live = np.flatnonzero(pos < end)
            if not len(live):
                break
            hit = live[self.band_ukey[pos[live]] == keys[live]]
            at[hit] = pos[hit]
        found = at >= 0
        at_c = np.maximum(at, 0)
        lo = np.where(found, self.band_start[at_c], 0)
        hi = np.where(found, self.band_start[at_c + 1], 0)
        return lo, hi

    def _hits(self, key_col: np.ndarray, val_col: np.ndarray, hashes: np.ndarray) -> Candidates:
        keys = hashes.astype(np.uint64).view(np.int64)
        lo = np.searchsorted(key_col, keys, "left")
        hi = np.searchsorted(key_col, keys, "right")
        qi, p = expand_ranges(lo, hi)
        return Candidates(qi, val_col[p] if len(p) else _EMPTY)

    def string_hits(self, hashes: np.ndarray) -> Candidates:
        return self._hits(self.str_key, self.str_sample, hashes)

    def token_hits(self, hashes: np.ndarray) -> Candidates:
        return self._hits(self.tok_key, self.tok_sample, hashes)

    def functions(self, fids: np.ndarray) -> StoredFunctions:
        ids = fids.astype(np.int64)
        if len(ids) > 1 and not bool((ids[1:] > ids[:-1]).all()):  # the matcher asks sorted and distinct
            ids = sorted_unique(ids)
        if self.fid_dense and len(self.fid):
            pos = ids - self.fid[0]
            pos = pos[(pos >= 0) & (pos < len(self.fid))]
        else:
            pos = np.searchsorted(self.fid, ids)
            ok = (pos < len(self.fid)) & (self.fid[np.minimum(pos, max(len(self.fid) - 1, 0))] == ids)
            pos = pos[ok]
        # np.take: about half the time of fancy indexing for the signature rows
        return StoredFunctions(fid=self.fid.take(pos), sample_id=self.sample_id.take(pos),
                               address=self.address.take(pos), n_insns=self.n_insns.take(pos),
                               exact=self.exact.take(pos).view(np.uint64), minhash=self.minhash.take(pos, axis=0))
