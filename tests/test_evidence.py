"""Evidence that survives a denial: independent lines, the chance of coincidence, false-flag checks.

The false flag is planted the way an adversary would: a Rich header (which only Microsoft's linker
writes) inserted into a PE that mingw-w64's GCC built, with a valid checksum, then with a broken one."""

from __future__ import annotations

import itertools
import json
import struct
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from conftest import fixture_path

from codekin.binary.loader import load_binaries
from codekin.evidence.calibration import Null
from codekin.evidence.profile import code_toolchain, header_toolchain, rich_checksum_ok, rich_generation


def ck(*args: str) -> subprocess.CompletedProcess[str]:
    p = subprocess.run([sys.executable, "-m", "codekin", *args], capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    return p


def _rol(v: int, n: int) -> int:
    n &= 31
    return ((v << n) | (v >> (32 - n))) & 0xFFFFFFFF


def plant_rich(pe: bytes, entries: list[tuple[int, int, int]], *, break_checksum: bool = False) -> bytes:
    """Insert a Rich header (product id, build, count) between the DOS stub and the PE header, moving
    the PE header and section table 0x40 bytes down inside the header area."""
    e_lfanew = struct.unpack_from("<I", pe, 0x3C)[0]
    n_sec = struct.unpack_from("<H", pe, e_lfanew + 6)[0]
    opt = struct.unpack_from("<H", pe, e_lfanew + 20)[0]
    size_hdrs = struct.unpack_from("<I", pe, e_lfanew + 24 + 60)[0]
    hdr_end = e_lfanew + 24 + opt + 40 * n_sec
    shift = 0x40
    assert hdr_end + shift <= size_hdrs and not any(pe[hdr_end:hdr_end + shift])
    rich_len = 16 + 8 * len(entries) + 8
    assert rich_len <= shift
    out = bytearray(pe)
    out[e_lfanew + shift:hdr_end + shift] = pe[e_lfanew:hdr_end]
    out[e_lfanew:e_lfanew + shift] = bytes(shift)
    struct.pack_into("<I", out, 0x3C, e_lfanew + shift)
    start = e_lfanew  # the Rich header goes where the PE header was
    csum = start
    for i in range(start):
        if not 0x3C <= i < 0x40:
            csum = (csum + _rol(out[i], i)) & 0xFFFFFFFF
    for pid, build, count in entries:
        csum = (csum + _rol((pid << 16) | build, count)) & 0xFFFFFFFF
    key = csum
    words = [0x536E6144 ^ key, key, key, key]
    for pid, build, count in entries:
        words += [((pid << 16) | build) ^ key, count ^ key]
    struct.pack_into(f"<{len(words)}I", out, start, *words)
    struct.pack_into("<4sI", out, start + 16 + 8 * len(entries), b"Rich", key)
    if break_checksum:
        out[0x4E] ^= 0x20  # one letter of the DOS stub's message: the checksum no longer fits
    return bytes(out)


# a Visual Studio 2022 toolchain: C compiler, C++ compiler, linker (product ids of the 14.x toolsets)
VS2022 = [(0x0104, 30795, 12), (0x0105, 30795, 3), (0x0102, 30795, 1)]


@pytest.fixture()
def planted(tmp_path: Path) -> tuple[Path, Path, Path]:
    src = fixture_path("pe64-O2.exe").read_bytes()
    good = tmp_path / "planted.exe"
    good.write_bytes(plant_rich(src, VS2022))
    bad = tmp_path / "planted-badsum.exe"
    bad.write_bytes(plant_rich(src, VS2022, break_checksum=True))
    return fixture_path("pe64-O2.exe"), good, bad


def test_planted_rich_header_parses_with_valid_checksum(planted: tuple[Path, Path, Path]) -> None:
    orig, good, bad = planted
    b = next(iter(load_binaries(good.read_bytes(), name="planted")))
    assert [(e.product_id, e.build_id, e.count) for e in b.metadata.rich] == VS2022
    assert rich_checksum_ok(good.read_bytes()) is True
    assert rich_checksum_ok(bad.read_bytes()) is False
    assert rich_checksum_ok(orig.read_bytes()) is None
    assert header_toolchain(b)["version"] == "VS2022"
    tc = code_toolchain(b)
    assert tc["compiler"] == "gcc" and any("GCC" in m for m in tc["markers"])


def test_rich_generation_ranges() -> None:
    assert rich_generation(0x0104, 30795) == ("VS2022", 2021)
    assert rich_generation(0x0104, 24215) == ("VS2015", 2015)
    assert rich_generation(0x009D, 30319) == ("VS2010", 2010)
    assert rich_generation(0, 0) is None


def test_false_flag_warning_on_planted_rich_header(tmp_path: Path, planted: tuple[Path, Path, Path]) -> None:
    orig, good, bad = planted
    db = tmp_path / "i.db"
    ck("index", "--db", str(db), "--family", "kin", "--actor", "Alpha", str(fixture_path("elf64-O2")),
       str(fixture_path("pe64-O0.exe")))
    ck("index", "--db", str(db), "--family", "third", str(fixture_path("third-elf64-O2")))
    reps = json.loads(ck("query", "--db", str(db), "--json", str(orig), str(good), str(bad)).stdout)
    codes = [{w["code"] for w in r["warnings"]} for r in reps]
    assert "rich-toolchain-mismatch" not in codes[0] and "rich-checksum" not in codes[0]
    assert "rich-toolchain-mismatch" in codes[1] and "rich-checksum" not in codes[1]
    assert {"rich-toolchain-mismatch", "rich-checksum"} <= codes[2]
    msg = next(w["message"] for w in reps[1]["warnings"] if w["code"] == "rich-toolchain-mismatch")
    assert "VS2022" in msg and "GCC" in msg
    # the planted header does not change what the code says: still attributed to its family
    assert reps[1]["attribution"]["family"] == "kin"
    assert "rich-toolchain-mismatch" in reps[1]["attribution"]["warnings"]
    # and the terminal report shows it
    term = ck("query", "--db", str(db), str(good)).stdout
    assert "rich-toolchain-mismatch" in term


def test_evidence_lines_and_chance(tmp_path: Path) -> None:
    db = tmp_path / "i.db"
    ck("index", "--db", str(db), "--family", "kin", "--actor", "Alpha", str(fixture_path("elf64-O2")),
       str(fixture_path("pe64-O0.exe")), str(fixture_path("elf32-O2")))
    ck("index", "--db", str(db), "--family", "third", "--actor", "Beta", str(fixture_path("third-elf64-O2")))
    ck("index", "--db", str(db), "--family", "other", str(fixture_path("other-elf64-O2")))
    before = json.loads(ck("query", "--db", str(db), "--json", str(fixture_path("pe64-O2.exe"))).stdout)
    assert before["calibration"] is None and before["families"][0]["chance"] is None
    cal = json.loads(ck("calibrate", "--db", str(db)).stdout)
    # 5 samples asked; each has 2 unrelated families
    assert cal["samples"] == 5 and cal["observations"] == 10
    rep = json.loads(ck("query", "--db", str(db), "--json", str(fixture_path("pe64-O2.exe"))).stdout)
    a = rep["attribution"]
    assert a["family"] == "kin"
    lines = {x["line"]: x for x in a["lines"]}
    assert set(lines) == {"code", "strings", "imports", "exports", "imphash", "pdb", "rich"}
    # the PE shares code, strings, imports and its import hash with the family's PE build
    assert {"code", "strings", "imports", "imphash"} <= set(a["agreement"]["agree"])
    assert lines["rich"]["status"] == "silent" and lines["pdb"]["status"] == "silent"
    ch = a["chance"]
    # 10 observations: no extrapolation, the stated chance cannot go below 1 in 11
    assert 0.0909 <= ch["p"] <= 1 and ch["observations"] == 10  # 1 / 11 to 3 significant digits
    for f in rep["families"]:
        assert 0 < f["chance"]["p"] <= 1
    assert not rep["calibration"]["stale"]


def test_null_tail_is_monotone_and_bounded() -> None:
    rng = np.random.default_rng(1)
    scores = np.sort(rng.beta(1.2, 12, size=400))
    null = Null(scores, 4000)
    grid = np.linspace(0.0, 1.0, 101)
    ps = [null.p(float(s))[0] for s in grid]
    assert ps[0] == 1.0
    assert all(a >= b for a, b in itertools.pairwise(ps))
    # where counting works, the estimate is the empirical tail share
    s = float(np.quantile(scores, 0.5))
    p, how = null.p(s)
    assert how == "empirical" and abs(p - (1 + (scores >= s).sum()) / 4001) < 1e-12
    # beyond the highest null score: extrapolated, and never below two decades under 1 / (n + 1)
    p, how = null.p(0.99)
    assert how == "tail" and 0.01 / 4001 <= p < 5 / 4001
    # few observations: a bound, not an extrapolation
    small = Null(np.sort(rng.random(8)), 20)
    assert small.p(1.5) == (1 / 21, "bound")


def test_weighted_null_counts_families_not_samples() -> None:
    from codekin.evidence.calibration import Calibration

    # 300 observations at zero weight-1 and a big family's 100 high scores weighing 0.1 each
    scores = np.sort(np.r_[np.full(100, 0.6), np.linspace(0.01, 0.2, 50)])
    w = np.r_[np.full(50, 1.0), np.full(100, 0.1)][np.argsort(np.r_[np.linspace(0.01, 0.2, 50), np.full(100, 0.6)],
                                                             kind="stable")]
    plain, weighted = Null(scores, 400), Null(scores, 400, w, 300.0)
    p_plain, _ = plain.p(0.5)
    p_w, how = weighted.p(0.5)
    assert how == "empirical"
    assert abs(p_plain - 101 / 401) < 1e-12
    one = 300.0 / 400
    assert abs(p_w - (one + 10.0) / (one + 300.0)) < 1e-12  # the big family's voice is one tenth
    assert p_w < p_plain
    # JSON keeps the weights; a version-1 calibration (no weights) still reads, with unit weights
    cal = Calibration(weighted, {"f": plain}, 3, 3, 2, "now")
    back = Calibration.from_json(cal.to_json())
    assert back is not None and abs(back.corpus.p(0.5)[0] - p_w) < 1e-9
    v1 = json.loads(cal.to_json())
    v1["version"] = 1
    del v1["corpus"]["weights"], v1["corpus"]["total"]
    old = Calibration.from_json(json.dumps(v1))
    assert old is not None and abs(old.corpus.p(0.5)[0] - p_plain) < 1e-9
