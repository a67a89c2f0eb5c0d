"""The in-memory look-up tables (store/memindex.py) answer exactly what the SQL look-ups answer, and
follow the file when it changes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
from conftest import fixture_path

from codekin.pipeline import analyse_bytes
from codekin.query import query_extraction
from codekin.store import open_store
from codekin.store.base import LabelSpec
from codekin.store.memindex import unique_pairs
from codekin.store.sqlite import HOT_BAND

QUERIES = ("elf64-clang-O2", "other-elf64-O2", "pe32-O2.exe", "elf64-O2")


def ck(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "codekin", *args], check=True, capture_output=True, text=True)


def _pairs(c) -> list[tuple[int, ...]]:  # type: ignore[no-untyped-def]
    cols = [x.tolist() for x in (c if isinstance(c, tuple) else (c.qi, c.fid))]
    return sorted(zip(*cols, strict=True))


def _report(store, name: str) -> str:  # type: ignore[no-untyped-def]
    res = next(iter(analyse_bytes(fixture_path(name).read_bytes(), name=name)))
    return json.dumps(query_extraction(store, res), sort_keys=True)


def test_memory_lookups_equal_sql_and_follow_writes(tmp_path: Path) -> None:
    db = tmp_path / "i.db"
    ck("index", "--db", str(db), "--family", "kin", "--actor", "Alpha", str(fixture_path("elf64-O2")),
       str(fixture_path("elf64-O0")))
    sql, mem = open_store(db), open_store(db)
    mem.use_memory()
    for q in QUERIES:
        assert _report(sql, q) == _report(mem, q)
    # the look-ups one by one, on a query with exact twins, LSH neighbours and strings
    res = next(iter(analyse_bytes(fixture_path("elf64-clang-O2").read_bytes())))
    from codekin.fingerprint import fingerprint
    from codekin.fingerprint.sample import sample_strings

    prints = fingerprint(res.extraction)  # type: ignore[arg-type]
    hashes, _ = sample_strings(res.extraction.binary)  # type: ignore[union-attr]
    a, b = sql.lsh_candidates(prints.bands), mem.lsh_candidates(prints.bands)
    assert len(a.qi) > 0
    assert _pairs(a) == _pairs(b)
    for c in (a, b):  # distinct pairs, sorted by query index then function id (the matcher relies on it)
        key = c.qi * (1 << 40) + c.fid
        assert bool((key[1:] > key[:-1]).all())
    # the hot-key cut is the same in both (a cut of 1 leaves out every key two functions share)
    sql.hot_band = mem.hot_band = 1
    ha, hb = sql.lsh_candidates(prints.bands), mem.lsh_candidates(prints.bands)
    assert 0 < len(ha.qi) < len(a.qi) and _pairs(ha) == _pairs(hb)
    sql.hot_band = mem.hot_band = None
    na, nb = sql.lsh_candidates(prints.bands), mem.lsh_candidates(prints.bands)
    assert len(na.qi) >= len(a.qi) and _pairs(na) == _pairs(nb)
    sql.hot_band = mem.hot_band = HOT_BAND
    # the band directory and the binary search it falls back on (keys far from uniform) agree
    idx = mem._memindex()
    assert idx is not None
    keys = np.concatenate([prints.bands.view(np.int64).reshape(-1), idx.band_ukey[::7]])
    by_dir = idx._band_ranges(keys)
    idx.bucket_max, kept = 10**9, idx.bucket_max
    by_search = idx._band_ranges(keys)
    idx.bucket_max = kept
    assert all(np.array_equal(x, y) for x, y in zip(by_dir, by_search, strict=True))
    assert (by_dir[1] > by_dir[0]).sum() > len(idx.band_ukey[::7]) // 2
    ea, eb = sql.exact_matches(prints.exact), mem.exact_matches(prints.exact)
    assert len(ea[0]) > 0 and _pairs(ea) == _pairs(eb)
    sa, sb = sql.string_hits(hashes), mem.string_hits(hashes)
    assert len(sa.qi) > 0
    assert _pairs(sa) == _pairs(sb)
    fa, fb = sql.functions(a.fid), mem.functions(a.fid)
    assert np.array_equal(fa.fid, fb.fid) and np.array_equal(fa.minhash, fb.minhash)
    assert np.array_equal(fa.exact, fb.exact) and np.array_equal(fa.address, fb.address)

    # another process writes to the file: the in-memory copy is reloaded, not served stale
    before = json.loads(_report(mem, "third-elf64-O2"))
    ck("index", "--db", str(db), "--family", "third", "--actor", "Beta", str(fixture_path("third-elf64-O2")))
    after = json.loads(_report(mem, "third-elf64-O2"))
    assert after["index"]["samples"] == before["index"]["samples"] + 1
    assert after["families"] and after["families"][0]["family"] == "third"
    assert _report(sql, "third-elf64-O2") == _report(mem, "third-elf64-O2")
    # and its own writes too
    mem.delete_sample(after["sample"]["sha256"])
    assert _report(sql, "third-elf64-O2") == _report(mem, "third-elf64-O2")
    assert not any(f["family"] == "third" for f in json.loads(_report(mem, "third-elf64-O2"))["families"])


def test_cli_batch_uses_memory_and_agrees(tmp_path: Path) -> None:
    db = tmp_path / "i.db"
    ck("index", "--db", str(db), "--family", "kin", str(fixture_path("elf64-O2")))
    files = [str(fixture_path(q)) for q in QUERIES]
    outs = []
    for mode in ("off", "on"):
        p = subprocess.run([sys.executable, "-m", "codekin", "query", "--db", str(db), "--json", "--memory", mode,
                            *files], check=True, capture_output=True, text=True)
        outs.append(json.loads(p.stdout))
    assert len(outs[0]) == len(QUERIES)
    assert outs[0] == outs[1]


def test_unique_pairs_every_path() -> None:
    """Distinct pairs sorted by (qi, fid) on each path: the 32-bit key with pairs grouped by qi (sorted
    a block at a time) or not, and the 64-bit key (ids too sparse for the compact one)."""
    rng = np.random.default_rng(7)
    qi = np.sort(rng.integers(0, 3000, 60000))
    for fid in (rng.integers(1, 5000, len(qi)), rng.integers(1, 1 << 38, len(qi)) | 1):
        fid = np.r_[fid, fid[:20000]]  # repeats, as a function's near twins share several bands
        q = np.r_[qi, qi[:20000]]
        want = np.unique(np.stack([q, fid], axis=1), axis=0)
        for order in (np.argsort(q, kind="stable"), rng.permutation(len(q))):
            got = unique_pairs(q[order], fid[order])
            assert got.qi.dtype == np.int64 and got.fid.dtype == np.int64
            assert np.array_equal(np.stack([got.qi, got.fid], axis=1), want)


def test_sample_labels_follow_writes(tmp_path: Path) -> None:
    """The store reads the sample labels once while the file is unchanged: a write of its own (in a
    transaction of the store or straight through the connection) or another process's shows at once."""
    db = tmp_path / "i.db"
    ck("index", "--db", str(db), "--no-libs", "--family", "kin", str(fixture_path("elf64-O2")))
    st = open_store(db)
    (lbl,) = st.samples().values()
    assert lbl.family == "kin" and st.samples() == {lbl.sample_id: lbl}
    with st.db:
        st.db.execute("UPDATE samples SET name='renamed'")
    assert [s.name for s in st.samples().values()] == ["renamed"]
    st.label([lbl.sha256], LabelSpec(family="other"))
    assert st.samples()[lbl.sample_id].family == "other"
    ck("index", "--db", str(db), "--no-libs", "--family", "kin", str(fixture_path("elf64-O0")))
    assert sorted(s.family for s in st.samples().values()) == ["kin", "other"]
    assert list(st.samples([lbl.sample_id])) == [lbl.sample_id]
