"""The chance of coincidence is stated on a link's score over the query's background (its mean score
against the index's other families), on a real index of the committed fixtures: five families built
from five different C sources by gcc, clang and mingw-w64."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from conftest import fixture_path

from codekin.evidence.calibration import (
    BACKGROUND_FLOOR,
    Calibration,
    background,
    calibrate,
    calibration_from,
    load_calibration,
    null_observations,
    query_background,
    relative_statistic,
    stored_prints,
)
from codekin.evidence.profile import export_hashes, profile
from codekin.fingerprint import fingerprint
from codekin.fingerprint.sample import sample_strings
from codekin.indexer import index_paths
from codekin.match.matcher import match
from codekin.pipeline import analyse_bytes
from codekin.query import report
from codekin.store import LabelSpec, open_store

FAMILIES = {
    "kin": ["elf64-O2", "pe64-O0.exe", "elf32-O2"],
    "third": ["third-elf64-O2"],
    "other": ["other-elf64-O2"],
    "hostile": ["hostile-O2"],
    "dispatch": ["pe32-dispatch-O0.exe"],
}


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("cal") / "i.db"
    store = open_store(db)
    for fam, names in FAMILIES.items():
        index_paths(store, [str(fixture_path(n)) for n in names], LabelSpec(family=fam), jobs=1)
    calibrate(store)
    store.close()
    return db


def _ask(store, name: str, exclude: set[int] | None = None):  # type: ignore[no-untyped-def]
    data = fixture_path(name).read_bytes()
    for res in analyse_bytes(data, name=name):
        assert res.extraction is not None
        b = res.extraction.binary
        prints = fingerprint(res.extraction)
        strings, _ = sample_strings(b)
        prof = profile(b, res.header)
        qr = match(store, prints, strings=strings, exports=export_hashes(prof), exclude_samples=exclude)
        info = {"name": name, "sha256": b.sha256, "format": b.format, "arch": b.arch, "size": b.size,
                "functions": len(prints), "instructions": int(prints.n_insns.sum()), "flags": list(b.flags)}
        return qr, report(qr, info, store, top=50, evidence=0, prof=prof)
    raise AssertionError(name)


def test_background_definition() -> None:
    # the highest other family is left out, the families sharing nothing count 0, never below the floor
    assert background([0.5, 0.1, 0.05], 5) == pytest.approx((0.1 + 0.05) / 4)
    assert background([0.9], 4) == BACKGROUND_FLOOR
    assert background([], 0) == BACKGROUND_FLOOR
    assert query_background({"a": 0.9, "b": 0.2, "c": 0.1, "d": 0.04}, ["a", "b", "c", "d"], ["c"]) == \
        pytest.approx(0.12)


def test_null_and_query_use_the_same_background(index: Path) -> None:
    store = open_store(index)
    table = null_observations(store)
    samples = store.samples()
    fams = {s.family for s in samples.values() if s.family}
    n = sum(len(v) for v in FAMILIES.values())
    assert table.samples == n and len(table.score) == n * (len(FAMILIES) - 1) and (table.score > 0).any()
    # every stored sample asked again the way a query is: its background for each unrelated family is
    # the one the null recorded
    by_sha = {s.sha256: i for i, s in samples.items()}
    k = 0
    for sid in sorted(i for i, s in samples.items() if s.family):
        s = samples[sid]
        own = {i for i, t in samples.items() if t.family == s.family}
        qr = match(store, stored_prints(store, sid), strings=store.sample_strings(sid),
                   exports=export_hashes(store.sample_info([sid])[sid].get("profile") or {}), exclude_samples=own)
        got = {f.family: f.combined for f in qr.families}
        for f in sorted(fams - {s.family}):
            assert table.sample[k] == s.sha256 and table.asked[k] == s.family and table.target[k] == f
            assert table.background[k] == pytest.approx(query_background(got, fams - {s.family}, [f]))
            assert table.score[k] == pytest.approx(got.get(f, 0.0))
            k += 1
    assert k == len(table.score) and len(by_sha) == len(samples)
    # the stored calibration is the table's
    cal = load_calibration(store)
    assert cal is not None and cal.relative
    again = calibration_from(table, len(samples))
    assert np.allclose(cal.corpus.scores, again.corpus.scores, rtol=1e-5)
    assert cal.corpus.n == len(table.score)
    store.close()


def test_report_states_chance_of_score_over_background(index: Path) -> None:
    store = open_store(index)
    cal = load_calibration(store)
    assert cal is not None
    # a held-out build of the kin source (gcc -O2 for PE): its family in the index, and also asked as an
    # unknown (its family left out, the way the bench asks)
    for exclude in (None, {i for i, s in store.samples().items() if s.family == "kin"}):
        qr, rep = _ask(store, "pe64-O2.exe", exclude)
        scores = {f.family: f.combined for f in qr.families}
        fams = {s.family for s in qr.samples.values() if s.family}
        assert rep["families"]
        for f in rep["families"]:
            ch = f["chance"]
            bg = query_background(scores, fams, [f["family"]])
            assert ch["background"] == pytest.approx(bg, rel=1e-2)
            want, how = cal.corpus.p(float(relative_statistic(scores[f["family"]], bg)))
            assert ch["p"] == pytest.approx(want, rel=1e-2) and ch["method"] == how
        if exclude is None:
            assert rep["attribution"]["family"] == "kin" and rep["attribution"]["chance"]["p"] <= 1
    store.close()


def test_stated_chance_follows_the_query_background(index: Path) -> None:
    """Code shared by chance is a larger share of a small module: a query whose every score is k times
    another's (the same boilerplate in a module of another size) gets the same statistic per link (for
    small shares the odds ratio is the plain ratio). A null of raw scores moves instead."""
    store = open_store(index)
    cal = load_calibration(store)
    assert cal is not None
    raw = calibration_from(null_observations(store), len(store.samples()), relative=False)
    kin = {i for i, s in store.samples().items() if s.family == "kin"}
    checked = raw_moved = 0
    for name in ("elf64-O0", "elf64-clang-O2"):  # builds of the kin source asked as unknowns
        qr, _ = _ask(store, name, kin)
        scores = {f.family: f.combined for f in qr.families}
        fams = {s.family for s in qr.samples.values() if s.family}
        assert scores and max(scores.values()) < 0.1
        for k in (0.8, 1.25):
            scaled = {f: v * k for f, v in scores.items()}
            for f in scores:
                bg1, bgk = query_background(scores, fams, [f]), query_background(scaled, fams, [f])
                if min(bg1, bgk) <= BACKGROUND_FLOOR:
                    continue  # at the floor the background is not measured, only bounded
                t1, tk = relative_statistic(scores[f], bg1), relative_statistic(scaled[f], bgk)
                assert tk == pytest.approx(t1, rel=0.1)
                checked += 1
                raw_moved += raw.chance(scaled[f], f)["p"] != raw.chance(scores[f], f)["p"]
    assert checked >= 6 and raw_moved > 0
    # the same score is less remarkable against a higher background
    ps = [cal.chance(0.2, "third", bg)["p"] for bg in (BACKGROUND_FLOOR, 0.02, 0.1, 0.3)]
    assert ps == sorted(ps) and ps[0] < ps[-1]
    # on the log-odds scale a share near 1 still stands out above a high background (a plain ratio could
    # not exceed 1 / background)
    assert relative_statistic(0.95, 0.3) > 1 / 0.3
    store.close()


def test_calibration_json_versions(index: Path) -> None:
    store = open_store(index)
    cal = load_calibration(store)
    assert cal is not None
    raw_json = store.get_meta("calibration")
    assert raw_json is not None
    d = json.loads(raw_json)
    assert d["version"] == 3 and d["statistic"] == "odds(score)/odds(background)"
    with pytest.raises(ValueError):
        cal.chance(0.2, "kin")  # a relative null needs the background
    # another background definition is not read as this one
    other = dict(d, background_floor=d["background_floor"] * 2)
    assert Calibration.from_json(json.dumps(other)) is None
    # a version-2 calibration holds raw scores and is read as such
    v2 = {k: v for k, v in d.items() if k not in ("statistic", "background_trim", "background_floor")}
    v2["version"] = 2
    old = Calibration.from_json(json.dumps(v2))
    assert old is not None and not old.relative
    s = float(cal.corpus.scores[len(cal.corpus.scores) // 2])
    assert old.chance(s, "kin")["p"] == pytest.approx(cal.corpus.p(s)[0], rel=2e-3)  # 3 significant digits
    assert old.chance(s, "kin")["background"] is None
    store.close()
