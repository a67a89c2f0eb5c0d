"""Index and query: the CLI contract, the JSON schema, labels, library discount, the open-set
verdict, fingerprint version mismatch and crash safety."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from conftest import fixture_path

from codekin.store import StaleIndexError, open_store

SCHEMA = json.loads(resources.files("codekin").joinpath("schemas/query.schema.json").read_text())


def ck(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    p = subprocess.run([sys.executable, "-m", "codekin", *args], capture_output=True, text=True, timeout=300)
    if check and p.returncode != 0:
        raise AssertionError(f"codekin {' '.join(args)} -> {p.returncode}\n{p.stdout}\n{p.stderr}")
    return p


def query(db: Path, path: Path) -> dict:
    d = json.loads(ck("query", "--db", str(db), "--json", str(path)).stdout)
    jsonschema.validate(d, SCHEMA)
    return d


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    d = tmp_path / "idx.db"
    ck("index", "--db", str(d), "--family", "kin", "--actor", "Alpha", "--source", "unit test",
       str(fixture_path("elf64-O2")), str(fixture_path("elf64-O0")))
    ck("index", "--db", str(d), "--family", "third", "--actor", "Beta", str(fixture_path("third-elf64-O2")),
       str(fixture_path("pe32-O2.exe")))
    return d


def test_contract_and_schema(db: Path) -> None:
    d = query(db, fixture_path("elf64-clang-O2"))  # another compiler's build of kin.c
    assert d["families"][0]["family"] == "kin"
    assert d["attribution"] is not None and d["attribution"]["family"] == "kin"
    assert d["attribution"]["actor"] == "Alpha"
    assert 0 < d["families"][0]["score"] <= 1
    ev = d["evidence"][0]
    assert ev["family"] == "kin" and len(ev["other_sha256"]) == 64 and 0.5 <= ev["similarity"] <= 1
    # several files: an array, one object each, errors included in place
    p = ck("query", "--db", str(db), "--json", str(fixture_path("elf64-O2")), str(fixture_path("kin.c")
           if Path(fixture_path("kin.c")).exists() else fixture_path("elf64-O2.truth.json")), check=False)
    arr = json.loads(p.stdout)
    assert isinstance(arr, list) and len(arr) == 2 and arr[1]["error"]["code"] == "not_executable"
    assert p.returncode == 3


def test_index_dedups_and_reports_bad_files(db: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.exe"
    bad.write_bytes(b"MZ" + b"\0" * 10)
    p = ck("index", "--db", str(db), "--family", "kin", "--json", str(fixture_path("elf64-O2")), str(bad))
    rep = json.loads(p.stdout)
    assert rep["summary"] == {"indexed": 0, "skipped": 1, "errors": 1}
    assert rep["errors"][0]["error"]["code"] in ("truncated", "malformed", "not_executable")


def test_show_and_families(db: Path) -> None:
    st = json.loads(ck("show", "--db", str(db), "--json").stdout)
    assert st["samples"] == 4 and st["families"] == 2 and st["actors"] == 2 and st["functions"] > 50
    fams = {f["family"]: f for f in json.loads(ck("families", "--db", str(db), "--json").stdout)}
    assert fams["kin"]["samples"] == 2 and fams["kin"]["actor"] == "Alpha"


def test_open_set_unknown(db: Path) -> None:
    """A program that shares only C runtime code (present in several families) is not attributed."""
    d = query(db, fixture_path("other-elf64-O2"))
    assert d["attribution"] is None, d["families"]
    assert d["unknown_reason"]
    runtime = [e for e in d["evidence"] if e["family"]]
    assert runtime and all(e["families_sharing"] >= 2 for e in runtime), "only shared runtime code matched"


def test_a_shared_module_name_alone_attributes_nothing() -> None:
    """The exports line adds to a link that code or strings make, in full only from a code and strings mean
    of EXPORTS_GATE on: numcodecs' `zstd` module shares MSVC-built zstd code and its init function's name
    (PyInit_zstd) with python-zstd's and nothing else (bench/libs_heldout.py), which is no attribution."""
    from dataclasses import replace

    from codekin.match.matcher import EXPORTS_GATE, VERDICT_MIN_SCORE, FamilyScore, _passes

    weak = FamilyScore("python-zstd", None, score=0.175, distinct=0.175, shared_functions=40, distinct_functions=0,
                       str_share=0.02, shared_strings=2, exp_share=1.0, shared_exports=1)
    bare = replace(weak, exp_share=0.0, shared_exports=0)
    assert bare.combined < weak.combined < VERDICT_MIN_SCORE and not _passes(weak)
    # with code and strings past the gate, the same shared name counts in full
    strong = replace(weak, score=EXPORTS_GATE, distinct=EXPORTS_GATE, str_share=EXPORTS_GATE)
    assert strong.combined == pytest.approx(1 - (1 - EXPORTS_GATE) * 0.6)
    assert _passes(strong)
    # no code, strings or exports: nothing
    assert replace(bare, score=0.0, distinct=0.0, str_share=0.0).combined == 0.0


def test_query_an_index_without_labels(tmp_path: Path) -> None:
    """An index whose samples carry no family yet (indexed first, labelled later) answers "unknown" with
    the reason, not an error, though the query shares its code with them."""
    d = tmp_path / "unlabelled.db"
    ck("index", "--db", str(d), "--no-libs", str(fixture_path("elf64-O0")))
    q = query(d, fixture_path("elf64-O2"))
    assert q["attribution"] is None and q["families"] == [] and q["unknown_reason"]
    store = open_store(d)
    (sha,) = [s.sha256 for s in store.samples().values()]
    store.close()
    ck("label", "--db", str(d), "--family", "kin", sha)
    assert query(d, fixture_path("elf64-O2"))["families"][0]["family"] == "kin"


def test_labels_change_without_reindex(db: Path) -> None:
    store = open_store(db)
    shas = [s.sha256 for s in store.samples().values() if s.family == "kin"]
    n_fn = store.stats()["functions"]
    store.close()
    ck("label", "--db", str(db), "--of-family", "kin", "--family", "kin-renamed", "--actor", "Gamma",
       "--source", "analyst review")
    d = query(db, fixture_path("elf64-clang-O2"))
    assert d["families"][0]["family"] == "kin-renamed" and d["families"][0]["actor"] == "Gamma"
    store = open_store(db)
    assert store.stats()["functions"] == n_fn, "no re-indexing"
    hist = store.db.execute("SELECT COUNT(*) FROM attributions a JOIN samples s ON s.id=a.sample_id "
                            "WHERE s.sha256=?", (shas[0],)).fetchone()[0]
    assert hist == 2, "the label history keeps who said what"
    store.close()


def test_library_code_is_discounted(tmp_path: Path) -> None:
    """Two families that share only library code are not linked: once that code is indexed as a
    library, the query's shared functions are discounted and the verdict is unknown."""
    d1 = tmp_path / "a.db"
    ck("index", "--db", str(d1), "--family", "kin", str(fixture_path("elf64-O2")))
    before = query(d1, fixture_path("elf64-clang-O2"))
    assert before["attribution"] and before["attribution"]["family"] == "kin"
    d2 = tmp_path / "b.db"
    ck("index", "--db", str(d2), "--library", "--family", "kinlib", str(fixture_path("elf64-O0")))
    ck("index", "--db", str(d2), "--family", "kin", str(fixture_path("elf64-O2")))
    after = query(d2, fixture_path("elf64-clang-O2"))
    assert after["library"]["functions"] > 0
    assert after["attribution"] is None, after["families"]
    assert any(e["library"] and e["library_name"] == "kinlib" for e in after["evidence"])
    assert after["families"][0]["score"] < before["families"][0]["score"]


def test_version_mismatch_detected_and_reindex(db: Path) -> None:
    con = sqlite3.connect(db)
    con.execute("UPDATE meta SET value='{\"version\": 0}' WHERE key='fingerprint_config'")
    con.commit()
    con.close()
    with pytest.raises(StaleIndexError):
        open_store(db)
    p = ck("query", "--db", str(db), "--json", str(fixture_path("elf64-O2")), check=False)
    assert p.returncode == 2 and "reindex" in p.stderr
    rep = json.loads(ck("reindex", "--db", str(db)).stdout)
    assert rep["reindexed"] == 4 and rep["stale"] is None
    assert query(db, fixture_path("elf64-clang-O2"))["attribution"]["family"] == "kin"


def test_kill_9_during_index_never_corrupts(tmp_path: Path) -> None:
    src = tmp_path / "many"
    src.mkdir()
    base = fixture_path("elf64-O2").read_bytes()
    for i in range(400):  # distinct files (trailing bytes) with real code
        (src / f"s{i:03d}").write_bytes(base + i.to_bytes(4, "little"))
    db = tmp_path / "crash.db"
    proc = subprocess.Popen([sys.executable, "-m", "codekin", "index", "--db", str(db), "--family", "kin",
                             "--jobs", "1", str(src)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # wait until some samples landed, then kill -9 mid-run
        time.sleep(0.2)
        if db.exists():
            try:
                con = sqlite3.connect(db, timeout=1)
                n = con.execute("SELECT COUNT(*) FROM samples").fetchone()[0]
                con.close()
            except sqlite3.OperationalError:
                continue
            if n >= 20:
                break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    rows = con.execute("SELECT s.n_functions, (SELECT COUNT(*) FROM functions f WHERE f.sample_id = s.id) "
                       "FROM samples s").fetchall()
    con.close()
    assert 20 <= len(rows) < 400, "killed mid-run"
    assert all(a == b for a, b in rows), "every stored sample is complete"
    # the index still works and a re-run completes it
    ck("index", "--db", str(db), "--family", "kin", str(src))
    st = open_store(db).stats()
    assert st["samples"] == 400
