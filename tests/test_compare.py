"""`codekin compare`: function alignment of two builds against their symbol truth, the JSON schema,
and the HTML page (self-contained, hostile names and strings escaped)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

import jsonschema
import numpy as np
import pytest
from conftest import fixture_path, truth

from codekin.binary.loader import load_binary
from codekin.disasm.discover import extract
from codekin.evidence.compare import align, greedy_baseline, report, side_from_extraction
from codekin.fingerprint import fingerprint
from codekin.render.listing import diff_lines, function_lines

SCHEMA = json.loads(resources.files("codekin").joinpath("schemas/compare.schema.json").read_text())
HOSTILE_NAME = "evil</code><script>alert(1)</script>"
HOSTILE_TEXT = "</td><script>alert('codekin')</script><img src=x onerror=alert(2)>"


def ck(*args: str) -> subprocess.CompletedProcess[str]:
    p = subprocess.run([sys.executable, "-m", "codekin", *args], capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, f"codekin {' '.join(args)} -> {p.returncode}\n{p.stdout}\n{p.stderr}"
    return p


def compare_json(a: str, b: str, *extra: str) -> dict:
    d = json.loads(ck("compare", "--json", *extra, str(fixture_path(a)), str(fixture_path(b))).stdout)
    jsonschema.validate(d, SCHEMA)
    return d


def _base(name: str) -> str:
    return name.lstrip("_").split("@")[0].split(".")[0]


SOURCES = Path(__file__).parent / "fixtures" / "src"


def check_against_truth(d: dict, a: str, b: str, source: str, *, min_blocks: int = 5) -> tuple[int, int]:
    """Every pair between two symbolised addresses joins the same function; every function of the
    program's source with at least ``min_blocks`` blocks on either side whose name exists once in both
    builds is paired with its twin. Returns (pairs judged, eligible functions)."""
    src = (SOURCES / source).read_text()
    ta, tb = truth(a), truth(b)
    pairs = {p["address_a"]: p for p in d["pairs"]}
    judged = 0
    for p in d["pairs"]:
        x, y = ta.get(p["address_a"]), tb.get(p["address_b"])
        if x is not None and y is not None:
            judged += 1
            assert _base(x) == _base(y), f"{x} paired with {y} ({p['reason']}, {p['similarity']})"
    by_name_b = {}
    for addr, nm in tb.items():
        by_name_b.setdefault(_base(nm), []).append(addr)
    blocks_a = {p["address_a"]: p["blocks_a"] for p in d["pairs"]}
    blocks_a |= {u["address"]: u["blocks"] for u in d["unmatched_a"]}
    blocks_b = {p["address_b"]: p["blocks_b"] for p in d["pairs"]}
    blocks_b |= {u["address"]: u["blocks"] for u in d["unmatched_b"]}
    eligible = 0
    names_a = [_base(n) for n in ta.values()]
    for addr, nm in ta.items():
        twins = by_name_b.get(_base(nm), [])
        if len(twins) != 1 or names_a.count(_base(nm)) != 1 or not re.search(rf"\b{_base(nm)}\s*\(", src):
            continue
        if max(blocks_a.get(addr, 0), blocks_b.get(twins[0], 0)) < min_blocks:
            continue
        eligible += 1
        assert addr in pairs and pairs[addr]["address_b"] == twins[0], f"{nm} not paired with its twin"
    return judged, eligible


@pytest.mark.parametrize(("a", "b", "source"), [("hostile-O0", "hostile-O2", "hostile.c"),
                                                ("elf64-O0", "elf64-O2", "kin.c"),
                                                ("pe64-O0.exe", "pe64-O2.exe", "kin.c")])
def test_optimisation_levels_code_only(a: str, b: str, source: str) -> None:
    """gcc -O0 against -O2 of the same source, stripped, names unused: pairs are right."""
    d = compare_json(a, b, "--no-names")
    assert d["summary"]["by_reason"]["name"] == 0
    judged, eligible = check_against_truth(d, a, b, source)
    assert judged >= 10 and eligible >= 3
    assert d["summary"]["matched"] == len(d["pairs"])
    assert d["summary"]["unmatched_a"] == len(d["unmatched_a"])
    n_a = d["a"]["functions"]
    assert d["summary"]["matched"] + d["summary"]["unmatched_a"] == n_a
    # one-to-one
    assert len({p["address_a"] for p in d["pairs"]}) == len({p["address_b"] for p in d["pairs"]}) == len(d["pairs"])


def test_other_compiler_and_names() -> None:
    """gcc -O2 against clang -O2 (unstripped: names on): still right, and names are reported."""
    d = compare_json("elf64-O2.sym", "elf64-clang-O2.sym")
    assert d["summary"]["by_reason"]["name"] > 0
    check_against_truth(d, "elf64-O2", "elf64-clang-O2", "kin.c")
    named = [p for p in d["pairs"] if p["name_a"] == "kin_hash"]
    assert len(named) == 1 and named[0]["name_b"] == "kin_hash"


def test_identical_and_unrelated() -> None:
    """A file against itself pairs every function exactly; two unrelated programs pair little."""
    d = compare_json("elf64-O2", "elf64-O2")
    assert d["summary"]["unmatched_a"] == 0 and d["summary"]["unmatched_b"] == 0
    assert all(p["address_a"] == p["address_b"] and p["similarity"] == 1.0 for p in d["pairs"])
    same = compare_json("elf64-O2", "elf64-O0", "--no-names")["summary"]["coverage_a"]
    other = compare_json("elf64-O2", "other-elf64-O2", "--no-names")
    # the C runtime start-up code is shared by both; the program's own code mostly is not
    assert other["summary"]["coverage_a"] < same


def test_library_pairs_marked(tmp_path: Path) -> None:
    """With an index holding library code, pairs whose code is that library weigh nothing: here the
    "library" is another gcc program, so the C runtime start-up code it shares is library code and
    the program's own functions are not."""
    db = tmp_path / "lib.db"
    ck("index", "--db", str(db), "--no-libs", "--library", "--family", "crtlib", str(fixture_path("hostile-O2")))
    d = compare_json("elf64-O2", "elf64-O0", "--db", str(db))
    lib = [p for p in d["pairs"] if p["library"]]
    assert lib and all(p["library"] == "crtlib" and p["weight"] == 0 for p in lib)
    assert d["summary"]["library"] == len(lib)
    ta = truth("elf64-O2")
    assert any(ta.get(p["address_a"]) in ("_start", "deregister_tm_clones", "register_tm_clones") for p in lib)
    own = [p for p in d["pairs"] if ta.get(p["address_a"], "").startswith("kin_")]
    assert own and not any(p["library"] for p in own)
    plain = compare_json("elf64-O2", "elf64-O0")
    assert plain["summary"]["library"] == 0


def test_sparse_candidates(monkeypatch: pytest.MonkeyPatch) -> None:
    """Big samples take candidates from shared features instead of all pairs: same answer here."""
    import codekin.evidence.compare as cmp

    sides = []
    for name in ("hostile-O0", "hostile-O2"):
        ex = extract(load_binary(fixture_path(name).read_bytes(), name=name))
        sides.append(side_from_extraction(ex, fingerprint(ex)))
    a, b = sides
    dense = {(p.a, p.b) for p in align(a, b, use_names=False).pairs}
    monkeypatch.setattr(cmp, "DENSE_LIMIT", 0)
    al = align(a, b, use_names=False)
    assert al.stats["dense"] is False and al.stats["candidates"] < len(a) * len(b)
    ta, tb = truth("hostile-O0"), truth("hostile-O2")
    sparse_pairs = {(p.a, p.b) for p in al.pairs}
    for i, j in sparse_pairs:
        x, y = ta.get(int(a.address[i])), tb.get(int(b.address[j]))
        assert x is None or y is None or x == y
    assert len(sparse_pairs & dense) >= 0.8 * len(dense)


def test_baseline_and_pure_alignment() -> None:
    """The alignment over in-memory sides; the pairwise baseline pairs fewer functions right."""
    sides = []
    for name in ("hostile-O0", "hostile-O2"):
        ex = extract(load_binary(fixture_path(name).read_bytes(), name=name))
        sides.append(side_from_extraction(ex, fingerprint(ex)))
    a, b = sides
    al = align(a, b, use_names=False)
    ta, tb = truth("hostile-O0"), truth("hostile-O2")
    right = sum(1 for p in al.pairs if ta.get(int(a.address[p.a])) == tb.get(int(b.address[p.b])) is not None)
    base = greedy_baseline(a, b)
    base_right = sum(1 for i, j, _ in base if ta.get(int(a.address[i])) == tb.get(int(b.address[j])) is not None)
    assert right > base_right
    rep = report(a, b, al)
    jsonschema.validate(rep, SCHEMA)
    weights = [p["weight"] for p in rep["pairs"]]
    assert weights == sorted(weights, reverse=True)
    assert np.isclose(rep["summary"]["coverage_a"], 1.0) or rep["summary"]["unmatched_a"] > 0


def test_listing_masks_addresses() -> None:
    """Two copies of one function at different addresses give the same normalised lines."""
    exs = [extract(load_binary(fixture_path(n).read_bytes(), name=n)) for n in ("elf64-O2", "hostile-O2")]
    # the C runtime's _start is the same code in both, at different addresses
    lines = []
    for ex in exs:
        fn = next(f for f in ex.functions if f.start == ex.binary.entry_point)
        got, cut = function_lines(ex, fn)
        assert not cut and got
        lines.append(got)
    assert [x.text for x in lines[0]] == [x.text for x in lines[1]]
    assert not any(re.search(r"0x[0-9a-f]{4,}", x.text) for x in lines[0] if "<" in x.text)
    rows = diff_lines(lines[0], lines[1])
    assert all(r.tag == "equal" for r in rows)
    # a function against a changed build of itself: aligned lines, some of them changed
    ex0 = extract(load_binary(fixture_path("hostile-O0").read_bytes()))
    ex2 = extract(load_binary(fixture_path("hostile-O2").read_bytes()))
    at0 = {n: x for x, n in truth("hostile-O0").items()}["checksum"]
    at2 = {n: x for x, n in truth("hostile-O2").items()}["checksum"]
    f0 = next(f for f in ex0.functions if f.start == at0)
    f2 = next(f for f in ex2.functions if f.start == at2)
    tags = {r.tag for r in diff_lines(function_lines(ex0, f0)[0], function_lines(ex2, f2)[0])}
    assert {"equal", "delete"} <= tags or {"similar", "delete"} <= tags


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_self_contained_and_escaped(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    ck("compare", "--html", str(out), "--top", "100", str(fixture_path("hostile-O0.sym")),
       str(fixture_path("hostile-O2.sym")))
    html = out.read_text(encoding="utf-8")
    n_pairs = int(re.search(r"functions paired</td><td class=\"num\"><b>(\d+)<", html).group(1))
    assert not re.search(r"https?://|//[a-z0-9.-]+\.[a-z]{2,}/", html, re.I)
    p = _Collect()
    p.feed(html)
    tags = [t for t, _ in p.tags]
    # one inline script (ours), no external resources of any kind
    assert tags.count("script") == 1 and all("src" not in a for t, a in p.tags if t == "script")
    assert "link" not in tags and "img" not in tags and "iframe" not in tags
    assert not any(k.startswith("on") for t, a in p.tags if t != "input" for k in a)
    text = "".join(p.text)
    # the hostile symbol name and string show as text
    assert HOSTILE_NAME in text
    assert HOSTILE_TEXT in text or repr(HOSTILE_TEXT)[1:-1] in text or HOSTILE_TEXT[:40] in text
    assert html.count('<table class="diff">') == n_pairs >= 10
    assert html.index("functions paired") < html.index("Side by side")
    # the size stays bounded: side-by-side listings for the top pairs only
    ck("compare", "--html", str(out), "--top", "3", str(fixture_path("hostile-O0.sym")),
       str(fixture_path("hostile-O2.sym")))
    assert out.read_text(encoding="utf-8").count('<table class="diff">') == 3


def test_raw_input_and_errors(tmp_path: Path) -> None:
    """Raw code (--arch/--base) as in the other commands; a bad input is a typed error, exit 2."""
    code = fixture_path("elf64-O2").read_bytes()[0x1000:0x1500]
    a, b = tmp_path / "a.bin", tmp_path / "b.bin"
    a.write_bytes(code)
    b.write_bytes(b"\x90" * 16 + code)  # the same code, 16 bytes further
    d = json.loads(ck("compare", "--json", "--arch", "x64", "--base", "0x1000", str(a), str(b)).stdout)
    jsonschema.validate(d, SCHEMA)
    assert d["a"]["format"] == "raw" and d["summary"]["unmatched_a"] == 0
    assert sum(1 for p in d["pairs"] if p["address_b"] == p["address_a"] + 16) >= 0.9 * len(d["pairs"])
    p = subprocess.run([sys.executable, "-m", "codekin", "compare", "--json", str(SOURCES / "kin.c"), str(a)],
                       capture_output=True, text=True, timeout=120)
    assert p.returncode == 2 and json.loads(p.stdout)["error"]["code"] == "not_executable"
